-- Outbox consumers read in commit-safe order. Event ids are handed out when a row is inserted, not
-- when its transaction commits, so a reader advancing a cursor by id could pass an event whose
-- transaction was still open and skip it forever. Each event now carries the id of the
-- transaction that wrote it; readers take only events of transactions older than every open one
-- (pg_snapshot_xmin) and advance a (txid, id) cursor: nothing can appear behind it any more.
ALTER TABLE events ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX events_txid_idx ON events (txid, id);
ALTER TABLE event_cursors ADD COLUMN last_txid xid8 NOT NULL DEFAULT '0';
-- Existing cursors: everything up to their id was consumed.
UPDATE event_cursors c SET last_txid = coalesce((SELECT max(e.txid) FROM events e WHERE e.id <= c.last_id), '0');
