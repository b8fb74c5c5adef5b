-- Foundation: tenants, people, bots, channels, subscribers, tags, screens, operator chats, events.
-- Runs unchanged on PGlite and PostgreSQL 15+. Every row that belongs to a tenant carries
-- workspace_id so every query can scope by it (a key of workspace A must never see B's rows).

CREATE TABLE workspaces (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE members (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id   bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  email          text NOT NULL,
  name           text NOT NULL DEFAULT '',
  password_hash  text NOT NULL,            -- scrypt, see src/security/secrets.ts
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX members_email_key ON members (lower(email));

CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,           -- sha256 of the cookie value; the value itself is never stored
  member_id    bigint NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  workspace_id bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);

-- Failed logins per e-mail, for rate limiting password guessing across processes.
CREATE TABLE login_attempts (
  email        text NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_email_idx ON login_attempts (lower(email), attempted_at);

CREATE TABLE api_keys (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id  bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name          text NOT NULL,
  prefix        text NOT NULL,             -- first characters, to recognise a key in lists
  key_hash      text NOT NULL UNIQUE,      -- sha256 of the whole key; the key is shown once
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);

CREATE TABLE bots (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id  bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name          text NOT NULL,
  time_zone     text NOT NULL DEFAULT 'UTC',
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bots_workspace_idx ON bots (workspace_id, id);

CREATE TABLE channels (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id       bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  bot_id             bigint NOT NULL REFERENCES bots(id) ON DELETE CASCADE,
  platform           text NOT NULL CHECK (platform IN ('tg','wa','viber','vk','fb','instagram','ok','sandbox')),
  name               text NOT NULL DEFAULT '',
  credentials_enc    text NOT NULL DEFAULT '',   -- AES-256-GCM, see src/security/encryption.ts
  webhook_secret     text NOT NULL,
  rate_per_second    double precision,           -- NULL: the platform's default
  api_base_url       text,                       -- NULL: the platform's default
  status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active','error','disabled')),
  status_message     text NOT NULL DEFAULT '',
  created_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (bot_id, platform)
);
CREATE INDEX channels_workspace_idx ON channels (workspace_id, id);

CREATE TABLE subscribers (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id      bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  bot_id            bigint NOT NULL REFERENCES bots(id) ON DELETE CASCADE,
  channel_id        bigint NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  platform          text NOT NULL,
  platform_user_id  text NOT NULL,
  name              text NOT NULL DEFAULT '',
  username          text NOT NULL DEFAULT '',
  language          text NOT NULL DEFAULT '',
  status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active','blocked')),
  first_message_at  timestamptz NOT NULL DEFAULT now(),
  last_message_at   timestamptz NOT NULL DEFAULT now(),
  last_request      jsonb,                      -- `data` of the last external event that reached them
  created_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (bot_id, platform, platform_user_id)
);
-- Audience queries walk a channel's active subscribers in id order.
CREATE INDEX subscribers_channel_active_idx ON subscribers (channel_id, id) WHERE status = 'active';
CREATE INDEX subscribers_bot_idx ON subscribers (bot_id, id);

CREATE TABLE tags (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id  bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  bot_id        bigint NOT NULL REFERENCES bots(id) ON DELETE CASCADE,
  name          text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (bot_id, name)
);

CREATE TABLE subscriber_tags (
  subscriber_id  bigint NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
  tag_id         bigint NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  assigned_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (subscriber_id, tag_id)
);
CREATE INDEX subscriber_tags_tag_idx ON subscriber_tags (tag_id, subscriber_id);

CREATE TABLE screens (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id  bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  bot_id        bigint NOT NULL REFERENCES bots(id) ON DELETE CASCADE,
  name          text NOT NULL,
  text          text NOT NULL,
  media         jsonb,                          -- {"type":"image"|"file","url":"..."}
  buttons       jsonb NOT NULL DEFAULT '[]',    -- [{"kind":"url"|"reply","text":"...","url":"..."}]
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX screens_bot_idx ON screens (bot_id, id);

CREATE TABLE operator_chats (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id   bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  bot_id         bigint NOT NULL REFERENCES bots(id) ON DELETE CASCADE,
  subscriber_id  bigint NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
  opened_at      timestamptz NOT NULL DEFAULT now(),
  opened_by      text NOT NULL,
  closed_at      timestamptz,
  closed_by      text,
  close_reason   text
);
-- At most one open chat per subscriber; also the index audience previews use to count open chats.
CREATE UNIQUE INDEX operator_chats_open_key ON operator_chats (subscriber_id) WHERE closed_at IS NULL;
CREATE INDEX operator_chats_bot_idx ON operator_chats (bot_id, id);

-- The outbox: facts other parts of Botcast react to, in any process (chat closed → release holds,
-- tag assigned → triggers). Consumers keep their own cursor in event_cursors.
CREATE TABLE events (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id  bigint NOT NULL,
  type          text NOT NULL,
  payload       jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_type_idx ON events (type, id);

CREATE TABLE event_cursors (
  consumer     text PRIMARY KEY,
  last_id      bigint NOT NULL DEFAULT 0,
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- The sandbox platform's world: what sandbox users wrote and what the bot sent them.
CREATE TABLE sandbox_messages (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel_id     bigint NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  user_id        text NOT NULL,
  direction      text NOT NULL CHECK (direction IN ('in','out')),
  body           jsonb NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sandbox_messages_user_idx ON sandbox_messages (channel_id, user_id, id);

-- Sandbox users can be told to behave like real people do (block the bot, vanish) so that the
-- demo and the tests see every outcome class without any external account.
CREATE TABLE sandbox_users (
  channel_id   bigint NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  user_id      text NOT NULL,
  behaviour    text NOT NULL DEFAULT 'normal' CHECK (behaviour IN ('normal','blocked','gone','flaky')),
  PRIMARY KEY (channel_id, user_id)
);
