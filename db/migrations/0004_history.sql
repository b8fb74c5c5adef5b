-- History, drafts, the delivery-rate series and retention bookkeeping.

CREATE TABLE drafts (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id  bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  bot_id        bigint NOT NULL REFERENCES bots(id) ON DELETE CASCADE,
  name          text NOT NULL DEFAULT '',
  form          jsonb NOT NULL,              -- the send form as saved: content, channelIds, audience, timing, endOpenChats
  created_by    text NOT NULL DEFAULT '',
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX drafts_bot_idx ON drafts (bot_id, id);

-- Completed section: finished runs of a workspace, newest first.
CREATE INDEX runs_completed_idx ON runs (workspace_id, id) WHERE state IN ('completed', 'stopped');

-- Delivery rate over time, per run and 10-second bucket, kept by the same statement-level
-- trigger pattern as the lane counters: the chart never scans deliveries.
CREATE TABLE run_rate (
  run_id   bigint NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  bucket   timestamptz NOT NULL,
  sent     integer NOT NULL DEFAULT 0,
  failed   integer NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, bucket)
);

CREATE FUNCTION deliveries_rate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO run_rate AS r (run_id, bucket, sent, failed)
  SELECT n.run_id, date_bin('10 seconds', now(), TIMESTAMPTZ '2000-01-01'),
         count(*) FILTER (WHERE n.state = 'sent'), count(*) FILTER (WHERE n.state IN ('failed', 'unknown'))
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE n.state IN ('sent', 'failed', 'unknown') AND o.state NOT IN ('sent', 'failed', 'unknown')
  GROUP BY n.run_id
  ON CONFLICT (run_id, bucket) DO UPDATE SET sent = r.sent + EXCLUDED.sent, failed = r.failed + EXCLUDED.failed;
  RETURN NULL;
END $$;

CREATE TRIGGER deliveries_rate_update AFTER UPDATE ON deliveries
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deliveries_rate();

-- Jobs that run once a day in whichever process gets there first.
CREATE TABLE maintenance (
  job       text PRIMARY KEY,
  last_run  timestamptz NOT NULL DEFAULT '-infinity'
);
