-- Deliveries change state in place (HOT updates). A delivery is written three times: inserted
-- queued, claimed in_flight, recorded sent. An UPDATE that changes a column some index refers to
-- (in its key or its WHERE) must add an entry to every index of the table; one that changes no such
-- column, on a page with room, stays on the page and touches no index at all. Every partial index
-- here filtered on `state`, so both updates went to the primary key and to (run_id, subscriber_id)
-- as well: measured on PostgreSQL 15, claim + record of 100k deliveries took 3.0–3.5 s that way,
-- 1.4–1.5 s as HOT updates (95 % of them HOT with pages half empty at insert; 55 % at 70 % full).
--
-- So no index refers to a column that the claim or the outcome of a first attempt changes (state,
-- outcome, claimed_by, attempts, platform_message_id, updated_at). Each partial index filters on a
-- column that is set only for the rows it is about, and cleared when they leave:
--   deliveries_lane_idx    (lane_id, id), every row: claims read a lane in id order from its
--                          cursor (0009) and filter on state;
--   deliveries_retry_idx   not_before > -infinity: a retry waiting for its time; a claim sets it
--                          back to -infinity;
--   deliveries_held_idx    hold_expires_at IS NOT NULL: held rows; release, expiry and stop clear it;
--   deliveries_errors_idx  error_code IS NOT NULL: failed and unknown rows (a check enforces that
--                          they have a code), and retries waiting after an error.
-- Inserts leave half of each page free for the two updates; the table ends no larger than before,
-- as the updated versions stay on their page instead of going to new ones.
ALTER TABLE deliveries SET (fillfactor = 50);

UPDATE deliveries SET error_code = coalesce(outcome, 'error') WHERE state IN ('failed', 'unknown') AND error_code IS NULL;
UPDATE deliveries SET hold_expires_at = NULL WHERE state <> 'held' AND hold_expires_at IS NOT NULL;
UPDATE deliveries SET hold_expires_at = now() WHERE state = 'held' AND hold_expires_at IS NULL;
UPDATE deliveries SET not_before = '-infinity' WHERE state <> 'queued' AND not_before > '-infinity';
ALTER TABLE deliveries ADD CONSTRAINT deliveries_errors_have_a_code CHECK (state NOT IN ('failed', 'unknown') OR error_code IS NOT NULL);
ALTER TABLE deliveries ADD CONSTRAINT deliveries_holds_expire CHECK ((state = 'held') = (hold_expires_at IS NOT NULL));

DROP INDEX deliveries_queued_idx;
CREATE INDEX deliveries_lane_idx ON deliveries (lane_id, id);
DROP INDEX deliveries_retry_idx;
CREATE INDEX deliveries_retry_idx ON deliveries (lane_id, not_before, id) WHERE not_before > '-infinity';
DROP INDEX deliveries_held_idx;
CREATE INDEX deliveries_held_idx ON deliveries (subscriber_id) WHERE hold_expires_at IS NOT NULL;
DROP INDEX deliveries_errors_idx;
CREATE INDEX deliveries_errors_idx ON deliveries (run_id, id) WHERE error_code IS NOT NULL;
