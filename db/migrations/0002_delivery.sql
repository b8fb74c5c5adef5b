-- The delivery engine's model. A send (broadcast, external, trigger) holds a frozen snapshot of
-- its content and targeting; it has runs (one per occurrence); a run has one lane per channel
-- (the unit of fair scheduling and of live counters) and one delivery per recipient.

CREATE TABLE sends (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id    bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  bot_id          bigint NOT NULL REFERENCES bots(id) ON DELETE CASCADE,
  kind            text NOT NULL CHECK (kind IN ('broadcast','external','trigger')),
  content         jsonb NOT NULL,            -- frozen: {"type":"text"|"screen","screenId"?,"screenName"?,"text","media"?,"buttons"?}
  targeting       jsonb NOT NULL,            -- frozen: {"audience":"all"|"tags"|"selected","channelIds":[..],"includeTagIds":[..],"excludeTagIds":[..]}
  timing          jsonb NOT NULL DEFAULT '{"type":"instant"}',
  end_open_chats  boolean NOT NULL DEFAULT false,
  data            jsonb,                     -- external event `data`: fills {{variables}}
  created_by      text NOT NULL DEFAULT '',
  created_at      timestamptz NOT NULL DEFAULT now(),
  next_run_at     timestamptz,               -- when the scheduler starts the next run; NULL: none planned
  last_planned_at timestamptz,               -- the last occurrence a run was made for
  deleted_at      timestamptz,
  source_id       bigint,                    -- the external event or trigger this send belongs to
  group_key       text UNIQUE                -- trigger deliveries of one trigger and day share a send
);
CREATE INDEX sends_due_idx ON sends (next_run_at) WHERE next_run_at IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX sends_workspace_idx ON sends (workspace_id, id);

-- "Selected users" of a send, picked by hand or imported from CSV.
CREATE TABLE send_recipients (
  send_id        bigint NOT NULL REFERENCES sends(id) ON DELETE CASCADE,
  subscriber_id  bigint NOT NULL,
  PRIMARY KEY (send_id, subscriber_id)
);

CREATE TABLE runs (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id   bigint NOT NULL,
  send_id        bigint NOT NULL REFERENCES sends(id) ON DELETE CASCADE,
  planned_at     timestamptz NOT NULL,
  state          text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','materialising','delivering','completed','stopped')),
  open_until     timestamptz,                -- a run that still accepts deliveries (trigger day groups) does not finish before this
  created_at     timestamptz NOT NULL DEFAULT now(),
  started_at     timestamptz,
  finished_at    timestamptz,
  UNIQUE (send_id, planned_at)
);
CREATE INDEX runs_open_idx ON runs (state, planned_at) WHERE state IN ('pending','materialising','delivering');
CREATE INDEX runs_send_idx ON runs (send_id, id);
CREATE INDEX runs_finished_idx ON runs (finished_at) WHERE finished_at IS NOT NULL;

-- One lane per (run, channel). Counters are kept by a statement-level trigger on deliveries, so
-- reading progress never scans deliveries. last_claimed_at drives round-robin between runs that
-- share a channel (fairness).
CREATE TABLE run_lanes (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id              bigint NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  channel_id          bigint NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  materialised        boolean NOT NULL DEFAULT false,
  materialise_cursor  bigint NOT NULL DEFAULT 0,   -- last subscriber id inserted: materialisation resumes after a crash
  recipients          integer NOT NULL DEFAULT 0,
  queued              integer NOT NULL DEFAULT 0,
  held                integer NOT NULL DEFAULT 0,
  in_flight           integer NOT NULL DEFAULT 0,
  sent                integer NOT NULL DEFAULT 0,
  failed              integer NOT NULL DEFAULT 0,
  cancelled           integer NOT NULL DEFAULT 0,
  unknown             integer NOT NULL DEFAULT 0,
  last_claimed_at     timestamptz NOT NULL DEFAULT '-infinity',
  UNIQUE (run_id, channel_id)
);
CREATE INDEX run_lanes_work_idx ON run_lanes (channel_id, last_claimed_at) WHERE queued > 0;

CREATE TABLE deliveries (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id               bigint NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  lane_id              bigint NOT NULL,
  channel_id           bigint NOT NULL,
  subscriber_id        bigint NOT NULL,
  recipient            text NOT NULL,          -- platform user id, as it was when the run started
  state                text NOT NULL CHECK (state IN ('queued','held','in_flight','sent','failed','cancelled','unknown')),
  outcome              text,                   -- sent | blocked | invalid_recipient | rate_limited | transient | permanent | unknown | hold_expired | stopped
  error_code           text,
  error_text           text,
  platform_message_id  text,
  attempts             smallint NOT NULL DEFAULT 0,
  not_before           timestamptz NOT NULL DEFAULT '-infinity',   -- retry backoff / rate-limit pause
  claimed_by           text,                   -- worker id while in flight
  hold_expires_at      timestamptz,
  updated_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (run_id, subscriber_id)
);
-- The claim path: a lane's queued rows in id order. Partial, so it only holds pending work.
CREATE INDEX deliveries_queued_idx ON deliveries (lane_id, id) WHERE state = 'queued';
-- Recovery of a dead worker's in-flight rows.
CREATE INDEX deliveries_in_flight_idx ON deliveries (claimed_by) WHERE state = 'in_flight';
-- Releasing holds when a subscriber's operator chat closes, and expiring them.
CREATE INDEX deliveries_held_idx ON deliveries (subscriber_id) WHERE state = 'held';
-- View errors.
CREATE INDEX deliveries_errors_idx ON deliveries (run_id, id) WHERE state IN ('failed','unknown');

-- Live counters: one UPDATE per lane per statement, from the statement's transition tables.
CREATE FUNCTION deliveries_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE run_lanes l SET
      recipients = l.recipients + a.total,
      queued = l.queued + a.queued, held = l.held + a.held, in_flight = l.in_flight + a.in_flight,
      sent = l.sent + a.sent, failed = l.failed + a.failed, cancelled = l.cancelled + a.cancelled, unknown = l.unknown + a.unknown
    FROM (
      SELECT lane_id, count(*) AS total,
        count(*) FILTER (WHERE state = 'queued') AS queued, count(*) FILTER (WHERE state = 'held') AS held,
        count(*) FILTER (WHERE state = 'in_flight') AS in_flight, count(*) FILTER (WHERE state = 'sent') AS sent,
        count(*) FILTER (WHERE state = 'failed') AS failed, count(*) FILTER (WHERE state = 'cancelled') AS cancelled,
        count(*) FILTER (WHERE state = 'unknown') AS unknown
      FROM new_rows GROUP BY lane_id
    ) a WHERE l.id = a.lane_id;
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE run_lanes l SET
      queued = l.queued + a.queued, held = l.held + a.held, in_flight = l.in_flight + a.in_flight,
      sent = l.sent + a.sent, failed = l.failed + a.failed, cancelled = l.cancelled + a.cancelled, unknown = l.unknown + a.unknown
    FROM (
      SELECT lane_id,
        coalesce(sum(n) FILTER (WHERE state = 'queued'), 0) AS queued, coalesce(sum(n) FILTER (WHERE state = 'held'), 0) AS held,
        coalesce(sum(n) FILTER (WHERE state = 'in_flight'), 0) AS in_flight, coalesce(sum(n) FILTER (WHERE state = 'sent'), 0) AS sent,
        coalesce(sum(n) FILTER (WHERE state = 'failed'), 0) AS failed, coalesce(sum(n) FILTER (WHERE state = 'cancelled'), 0) AS cancelled,
        coalesce(sum(n) FILTER (WHERE state = 'unknown'), 0) AS unknown
      FROM (SELECT lane_id, state, -1 AS n FROM old_rows UNION ALL SELECT lane_id, state, 1 FROM new_rows) x
      GROUP BY lane_id
    ) a WHERE l.id = a.lane_id
      AND (a.queued <> 0 OR a.held <> 0 OR a.in_flight <> 0 OR a.sent <> 0 OR a.failed <> 0 OR a.cancelled <> 0 OR a.unknown <> 0);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER deliveries_count_insert AFTER INSERT ON deliveries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deliveries_count();
CREATE TRIGGER deliveries_count_update AFTER UPDATE ON deliveries
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deliveries_count();

-- The log of a run: created, started, audience, chats closed or held, pauses, stop, end ...
CREATE TABLE run_events (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id      bigint NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  at          timestamptz NOT NULL DEFAULT now(),
  type        text NOT NULL,
  message     text NOT NULL,
  data        jsonb
);
CREATE INDEX run_events_run_idx ON run_events (run_id, id);

-- Pacing per channel, shared by every worker process: the next free send slot and a pause
-- asked for by the platform (429 retry_after). Slots are spaced 1/rate apart, so no 1-second
-- window ever holds more than `rate` requests, however many workers send.
CREATE TABLE channel_pacing (
  channel_id    bigint PRIMARY KEY REFERENCES channels(id) ON DELETE CASCADE,
  next_slot_at  timestamptz NOT NULL DEFAULT '-infinity',
  paused_until  timestamptz NOT NULL DEFAULT '-infinity',
  pause_reason  text
);

-- Live worker processes. A worker that stops heart-beating is dead: its in-flight deliveries
-- are recovered (unknown, or retried on de-duplicating platforms).
CREATE TABLE workers (
  id            text PRIMARY KEY,
  host          text NOT NULL,
  pid           integer NOT NULL,
  started_at    timestamptz NOT NULL DEFAULT now(),
  heartbeat_at  timestamptz NOT NULL DEFAULT now()
);
