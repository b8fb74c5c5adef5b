-- Outbound status webhooks (issue 18 point 8): a workspace's HTTPS endpoints that receive run events
-- (started, paused, resumed, completed, stopped) and per-recipient outcomes, in signed batches.
--
-- status_webhooks: one row per endpoint. The secret signs each POST (Botcast-Signature, as Stripe
-- signs) and is sealed like channel credentials (shown once when made or rotated). Each endpoint
-- reads the workspace's status_events after its own cursor (txid, id) — the order of the events
-- outbox (0007): only from transactions older than every open one, so an event committed late never
-- lands behind the cursor. A failed POST is retried with backoff (next_attempt_at, attempts); after
-- the last attempt the endpoint is `failing` and waits for an admin to turn it back on (its cursor
-- kept: nothing is skipped). lease_until: the worker process delivering it (one at a time).
CREATE TABLE status_webhooks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  url text NOT NULL,
  description text NOT NULL DEFAULT '',
  event_types text[] NOT NULL,
  secret_sealed text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  failing_since timestamptz,
  cursor_txid xid8 NOT NULL DEFAULT pg_snapshot_xmin(pg_current_snapshot()),
  cursor_id bigint NOT NULL DEFAULT 0,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT '-infinity',
  lease_until timestamptz,
  last_success_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL DEFAULT ''
);
CREATE INDEX status_webhooks_workspace_idx ON status_webhooks (workspace_id);

-- The outbox of status events. Written only while the workspace has an enabled endpoint that takes
-- the type (the writers check in the same statement), so a workspace without one pays one index
-- probe per batch. Run events come with the run's log line (storage/queries/runs.ts logRun);
-- per-recipient outcomes with the outcome batch that records them (engine/sql/record.ts), one
-- INSERT … SELECT per batch. Kept STATUS_EVENT_RETENTION (7 days), then deleted by the dispatcher.
CREATE TABLE status_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id bigint NOT NULL,
  type text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX status_events_order_idx ON status_events (workspace_id, txid, id);
CREATE INDEX status_events_created_idx ON status_events (created_at);

-- The delivery log of an endpoint: one row per POST (the dispatcher's and "send test event"), with
-- the status code, the duration and a short, sanitised excerpt of the answer or the error — never
-- the endpoint's whole body.
CREATE TABLE status_webhook_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  webhook_id bigint NOT NULL REFERENCES status_webhooks(id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  test boolean NOT NULL DEFAULT false,
  events integer NOT NULL,
  first_event_id bigint,
  last_event_id bigint,
  ok boolean NOT NULL,
  status_code integer,
  duration_ms integer NOT NULL,
  error text,
  attempt integer NOT NULL DEFAULT 1
);
CREATE INDEX status_webhook_attempts_webhook_idx ON status_webhook_attempts (webhook_id, id);
