-- A claim cursor per lane. Claiming delivers a lane in id order and leaves a dead entry in the
-- queued index for every row it takes; a scan from the start of the lane steps over all of them,
-- so claims got slower as a run went on (measured: 45 µs of database CPU per delivery over a
-- 100k run, 10 µs when the scan starts at the cursor).
--
-- Two kinds of queued rows, two paths (src/engine/sql/claim.ts):
--  - first attempts and rows put back as they were (not_before = -infinity) are taken in id order
--    from claim_cursor on. Invariant: every such row has an id above the cursor. The claim moves
--    the cursor to the last id it took; this trigger lowers it when a row goes back to the queue
--    (released, held row let go, recovered from a dead worker). A worker that finds nothing above
--    the cursor while the lane still counts queued rows rescans from the start now and then, so
--    even a row a failed transaction left behind is found;
--  - retries waiting for a time (backoff, a platform's retry_after) are few: they have their own
--    index by due time, so they never hold the cursor back.
--
-- The delivery-rate buckets move into the same trigger: the separate one joined the statement's
-- old and new rows, and the planner, blind to their sizes, sometimes picked a nested loop — 18 ms
-- for a 500-row outcome batch.
DROP TRIGGER deliveries_rate_update ON deliveries;
DROP FUNCTION deliveries_rate();

ALTER TABLE run_lanes ADD COLUMN claim_cursor bigint NOT NULL DEFAULT 0;
CREATE INDEX deliveries_retry_idx ON deliveries (lane_id, not_before, id) WHERE state = 'queued' AND not_before > '-infinity';

CREATE OR REPLACE FUNCTION deliveries_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE run_lanes l SET
      recipients = l.recipients + a.total,
      queued = l.queued + a.queued, held = l.held + a.held, in_flight = l.in_flight + a.in_flight,
      sent = l.sent + a.sent, failed = l.failed + a.failed, cancelled = l.cancelled + a.cancelled, unknown = l.unknown + a.unknown,
      claim_cursor = CASE WHEN a.first_queued <= l.claim_cursor THEN a.first_queued - 1 ELSE l.claim_cursor END
    FROM (
      SELECT lane_id, count(*) AS total,
        count(*) FILTER (WHERE state = 'queued') AS queued, count(*) FILTER (WHERE state = 'held') AS held,
        count(*) FILTER (WHERE state = 'in_flight') AS in_flight, count(*) FILTER (WHERE state = 'sent') AS sent,
        count(*) FILTER (WHERE state = 'failed') AS failed, count(*) FILTER (WHERE state = 'cancelled') AS cancelled,
        count(*) FILTER (WHERE state = 'unknown') AS unknown,
        min(id) FILTER (WHERE state = 'queued' AND not_before = '-infinity') AS first_queued
      FROM new_rows GROUP BY lane_id
    ) a WHERE l.id = a.lane_id;
  ELSIF TG_OP = 'UPDATE' THEN
    -- One pass over the transition tables for counters, cursor and the delivery-rate buckets. Rows
    -- never leave a final state, so a statement's count of newly sent (failed, unknown) rows is its
    -- delta of that state.
    WITH a AS (
      SELECT lane_id, run_id,
        coalesce(sum(n) FILTER (WHERE state = 'queued'), 0) AS queued, coalesce(sum(n) FILTER (WHERE state = 'held'), 0) AS held,
        coalesce(sum(n) FILTER (WHERE state = 'in_flight'), 0) AS in_flight, coalesce(sum(n) FILTER (WHERE state = 'sent'), 0) AS sent,
        coalesce(sum(n) FILTER (WHERE state = 'failed'), 0) AS failed, coalesce(sum(n) FILTER (WHERE state = 'cancelled'), 0) AS cancelled,
        coalesce(sum(n) FILTER (WHERE state = 'unknown'), 0) AS unknown,
        min(fresh_id) AS first_queued
      FROM (SELECT lane_id, run_id, state, -1 AS n, NULL::bigint AS fresh_id FROM old_rows
            UNION ALL
            SELECT lane_id, run_id, state, 1, CASE WHEN state = 'queued' AND not_before = '-infinity' THEN id END FROM new_rows) x
      GROUP BY lane_id, run_id
    ),
    counted AS (
      UPDATE run_lanes l SET
        queued = l.queued + a.queued, held = l.held + a.held, in_flight = l.in_flight + a.in_flight,
        sent = l.sent + a.sent, failed = l.failed + a.failed, cancelled = l.cancelled + a.cancelled, unknown = l.unknown + a.unknown,
        claim_cursor = CASE WHEN a.first_queued <= l.claim_cursor THEN a.first_queued - 1 ELSE l.claim_cursor END
      FROM a WHERE l.id = a.lane_id
        AND (a.queued <> 0 OR a.held <> 0 OR a.in_flight <> 0 OR a.sent <> 0 OR a.failed <> 0 OR a.cancelled <> 0 OR a.unknown <> 0
             OR a.first_queued <= l.claim_cursor)
      RETURNING 1
    )
    INSERT INTO run_rate AS r (run_id, bucket, sent, failed)
    SELECT run_id, date_bin('10 seconds', now(), TIMESTAMPTZ '2000-01-01'), sum(greatest(sent, 0)), sum(greatest(failed, 0) + greatest(unknown, 0))
    FROM a WHERE sent > 0 OR failed > 0 OR unknown > 0
    GROUP BY run_id
    ON CONFLICT (run_id, bucket) DO UPDATE SET sent = r.sent + EXCLUDED.sent, failed = r.failed + EXCLUDED.failed;
  END IF;
  RETURN NULL;
END $$;
