-- External events (an incoming webhook that becomes a send of kind `external`) and trigger events
-- (tag assigned → a delayed message, grouped into one send of kind `trigger` per trigger and day).

CREATE TABLE external_events (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id    bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  bot_id          bigint NOT NULL REFERENCES bots(id) ON DELETE CASCADE,
  name            text NOT NULL,
  content         jsonb NOT NULL,            -- as entered: {"type":"text",...} or {"type":"screen","screenId"}; frozen into each send
  end_open_chats  boolean NOT NULL DEFAULT false,
  secret_enc      text NOT NULL,             -- the webhook secret, sealed (AES-256-GCM), so the panel can show the URL again
  secret_hash     text NOT NULL UNIQUE,      -- sha256 (hex) of the secret: how a call finds its event
  secret_rotated_at timestamptz,
  calls           bigint NOT NULL DEFAULT 0,
  last_called_at  timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (bot_id, name)
);
CREATE INDEX external_events_workspace_idx ON external_events (workspace_id, id);

-- Idempotency-Key of accepted calls: a retried call answers the first call's result.
CREATE TABLE external_event_calls (
  event_id         bigint NOT NULL REFERENCES external_events(id) ON DELETE CASCADE,
  idempotency_key  text NOT NULL,
  send_id          bigint,
  status           integer,
  response         jsonb,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, idempotency_key)
);

-- Calls with a wrong secret leave no trace but this counter.
CREATE TABLE external_event_misses (
  id       boolean PRIMARY KEY DEFAULT true CHECK (id),
  misses   bigint NOT NULL DEFAULT 0,
  last_at  timestamptz
);

CREATE TABLE triggers (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id    bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  bot_id          bigint NOT NULL REFERENCES bots(id) ON DELETE CASCADE,
  name            text NOT NULL DEFAULT '',
  tag_id          bigint REFERENCES tags(id) ON DELETE SET NULL,   -- NULL: the tag was deleted; the trigger no longer fires
  content         jsonb NOT NULL,            -- as entered; frozen into each day's send
  delay           jsonb NOT NULL,            -- {"amount","unit","timeOfDay"?} (src/domain/schedule/trigger-delay.ts)
  end_open_chats  boolean NOT NULL DEFAULT false,
  fire_again      boolean NOT NULL DEFAULT false,
  enabled         boolean NOT NULL DEFAULT true,
  position        integer NOT NULL,          -- the user's order: decides which goes first when several fire at once
  revision        integer NOT NULL DEFAULT 1, -- bumped when content or End open chats change: a new day's send
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX triggers_bot_idx ON triggers (bot_id, position, id);
CREATE INDEX triggers_tag_idx ON triggers (tag_id) WHERE enabled;

-- One row per (trigger, subscriber, tag assignment): pending until due, then fired (a delivery in
-- the day's send) or cancelled (tag removed before the due time, trigger disabled, ...).
CREATE TABLE trigger_firings (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id    bigint NOT NULL,
  trigger_id      bigint NOT NULL REFERENCES triggers(id) ON DELETE CASCADE,
  subscriber_id   bigint NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
  assigned_at     timestamptz NOT NULL,
  due_at          timestamptz NOT NULL,
  ready_at        timestamptz,               -- NULL: due_at. Set later when it must wait for an earlier trigger's message to this subscriber
  state           text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','fired','cancelled')),
  reason          text,                      -- why it was cancelled
  send_id         bigint,
  run_id          bigint,
  fired_at        timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now()
);
-- At most one pending firing of a trigger per subscriber.
CREATE UNIQUE INDEX trigger_firings_pending_key ON trigger_firings (trigger_id, subscriber_id) WHERE state = 'pending';
CREATE INDEX trigger_firings_ready_idx ON trigger_firings ((coalesce(ready_at, due_at)), id) WHERE state = 'pending';
CREATE INDEX trigger_firings_subscriber_idx ON trigger_firings (subscriber_id, trigger_id);
CREATE INDEX trigger_firings_trigger_idx ON trigger_firings (trigger_id, id);
