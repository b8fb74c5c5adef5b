-- Pause / resume a delivering run (issue 17 point 8). While paused_at is set the claim takes none
-- of the run's deliveries (src/engine/sql/claim.ts): queued ones stay queued, those in flight
-- finish, and resuming clears it, so the run goes on from its lanes' cursors — nobody twice, nobody
-- skipped. Kept in the database: a worker restarted meanwhile sees the pause. paused_by: who paused
-- it (an actor id, shown by name), for the panel and the log.
ALTER TABLE runs ADD COLUMN paused_at timestamptz, ADD COLUMN paused_by text;
