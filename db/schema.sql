-- The database schema after every migration in db/migrations, read from the catalog.
-- Do not edit: run `npm run snapshots`.

CREATE TABLE api_keys (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  workspace_id bigint NOT NULL,
  name text NOT NULL,
  prefix text NOT NULL,
  key_hash text NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  last_used_at timestamp with time zone,
  revoked_at timestamp with time zone,
  role text DEFAULT 'viewer'::text NOT NULL,
  CONSTRAINT api_keys_role_check CHECK ((role = ANY (ARRAY['owner'::text, 'admin'::text, 'editor'::text, 'viewer'::text]))),
  CONSTRAINT api_keys_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE,
  CONSTRAINT api_keys_pkey PRIMARY KEY (id),
  CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash)
);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  workspace_id bigint NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  target text NOT NULL,
  detail jsonb DEFAULT '{}'::jsonb NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT audit_log_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE,
  CONSTRAINT audit_log_pkey PRIMARY KEY (id)
);

CREATE TABLE bots (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  workspace_id bigint NOT NULL,
  name text NOT NULL,
  time_zone text DEFAULT 'UTC'::text NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  opt_out_keywords text[] DEFAULT '{stop,unsubscribe,отписаться}'::text[] NOT NULL,
  opt_in_keywords text[] DEFAULT '{start,subscribe,подписаться}'::text[] NOT NULL,
  frequency_cap_count integer,
  frequency_cap_days integer,
  opt_out_reply text,
  opt_in_reply text,
  CONSTRAINT bots_frequency_cap_check CHECK ((((frequency_cap_count IS NULL) = (frequency_cap_days IS NULL)) AND (COALESCE(frequency_cap_count, 1) >= 1) AND (COALESCE(frequency_cap_days, 1) >= 1))),
  CONSTRAINT bots_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE,
  CONSTRAINT bots_pkey PRIMARY KEY (id)
);

CREATE TABLE breaker_windows (
  key text NOT NULL,
  lane_id bigint,
  channel_id bigint,
  cur_n integer DEFAULT 0 NOT NULL,
  cur_r integer DEFAULT 0 NOT NULL,
  prev_n integer DEFAULT 0 NOT NULL,
  prev_r integer DEFAULT 0 NOT NULL,
  epoch integer DEFAULT 0 NOT NULL,
  tripped_at timestamp with time zone,
  CONSTRAINT breaker_windows_check CHECK (((lane_id IS NULL) <> (channel_id IS NULL))),
  CONSTRAINT breaker_windows_channel_id_fkey FOREIGN KEY (channel_id) REFERENCES channels(id) ON DELETE CASCADE,
  CONSTRAINT breaker_windows_lane_id_fkey FOREIGN KEY (lane_id) REFERENCES run_lanes(id) ON DELETE CASCADE,
  CONSTRAINT breaker_windows_pkey PRIMARY KEY (key)
);

CREATE TABLE channel_pacing (
  channel_id bigint NOT NULL,
  next_slot_at timestamp with time zone DEFAULT '-infinity'::timestamp with time zone NOT NULL,
  paused_until timestamp with time zone DEFAULT '-infinity'::timestamp with time zone NOT NULL,
  pause_reason text,
  CONSTRAINT channel_pacing_channel_id_fkey FOREIGN KEY (channel_id) REFERENCES channels(id) ON DELETE CASCADE,
  CONSTRAINT channel_pacing_pkey PRIMARY KEY (channel_id)
);

CREATE TABLE channel_polling (
  channel_id bigint NOT NULL,
  update_offset bigint DEFAULT 0 NOT NULL,
  owner text,
  lease_until timestamp with time zone DEFAULT '-infinity'::timestamp with time zone NOT NULL,
  last_error text,
  CONSTRAINT channel_polling_channel_id_fkey FOREIGN KEY (channel_id) REFERENCES channels(id) ON DELETE CASCADE,
  CONSTRAINT channel_polling_pkey PRIMARY KEY (channel_id)
);

CREATE TABLE channels (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  workspace_id bigint NOT NULL,
  bot_id bigint NOT NULL,
  platform text NOT NULL,
  name text DEFAULT ''::text NOT NULL,
  credentials_enc text DEFAULT ''::text NOT NULL,
  webhook_secret text,
  rate_per_second double precision,
  api_base_url text,
  status text DEFAULT 'active'::text NOT NULL,
  status_message text DEFAULT ''::text NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  inbound_mode text DEFAULT 'webhook'::text NOT NULL,
  webhook_secret_enc text,
  templates_refreshed_at timestamp with time zone,
  templates_error text,
  allow_paid_broadcast boolean DEFAULT false NOT NULL,
  breaker_percent real DEFAULT 20,
  breaker_window integer DEFAULT 500 NOT NULL,
  webhook_signed_at timestamp with time zone,
  webhook_refused_at timestamp with time zone,
  webhook_refused_reason text,
  CONSTRAINT channels_breaker_percent_check CHECK (((breaker_percent IS NULL) OR ((breaker_percent > (0)::double precision) AND (breaker_percent < (100)::double precision)))),
  CONSTRAINT channels_breaker_window_check CHECK (((breaker_window >= 50) AND (breaker_window <= 100000))),
  CONSTRAINT channels_inbound_mode_check CHECK ((inbound_mode = ANY (ARRAY['webhook'::text, 'polling'::text]))),
  CONSTRAINT channels_status_check CHECK ((status = ANY (ARRAY['active'::text, 'error'::text, 'disabled'::text]))),
  CONSTRAINT channels_bot_id_fkey FOREIGN KEY (bot_id) REFERENCES bots(id) ON DELETE CASCADE,
  CONSTRAINT channels_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE,
  CONSTRAINT channels_pkey PRIMARY KEY (id),
  CONSTRAINT channels_bot_id_platform_key UNIQUE (bot_id, platform)
);

CREATE TABLE claim_marks (
  claim_tag text NOT NULL,
  lane_id bigint NOT NULL,
  last_id bigint NOT NULL,
  started_upto bigint DEFAULT 0 NOT NULL,
  CONSTRAINT claim_marks_pkey PRIMARY KEY (claim_tag)
);

CREATE TABLE clicks (
  delivery_id bigint NOT NULL,
  button smallint NOT NULL,
  run_id bigint NOT NULL,
  channel_id bigint NOT NULL,
  clicks integer DEFAULT 1 NOT NULL,
  first_at timestamp with time zone DEFAULT now() NOT NULL,
  last_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT clicks_run_id_fkey FOREIGN KEY (run_id) REFERENCES runs(id) ON DELETE CASCADE,
  CONSTRAINT clicks_pkey PRIMARY KEY (delivery_id, button)
);

CREATE TABLE deliveries (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  run_id bigint NOT NULL,
  lane_id bigint NOT NULL,
  channel_id bigint NOT NULL,
  subscriber_id bigint NOT NULL,
  recipient text NOT NULL,
  state text NOT NULL,
  outcome text,
  error_code text,
  error_text text,
  platform_message_id text,
  attempts smallint DEFAULT 0 NOT NULL,
  not_before timestamp with time zone DEFAULT '-infinity'::timestamp with time zone NOT NULL,
  claimed_by text,
  hold_expires_at timestamp with time zone,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  delivered_at timestamp with time zone,
  read_at timestamp with time zone,
  CONSTRAINT deliveries_errors_have_a_code CHECK (((state <> ALL (ARRAY['failed'::text, 'unknown'::text])) OR (error_code IS NOT NULL))),
  CONSTRAINT deliveries_holds_expire CHECK (((state = 'held'::text) = (hold_expires_at IS NOT NULL))),
  CONSTRAINT deliveries_state_check CHECK ((state = ANY (ARRAY['queued'::text, 'held'::text, 'in_flight'::text, 'sent'::text, 'failed'::text, 'cancelled'::text, 'unknown'::text]))),
  CONSTRAINT deliveries_pkey PRIMARY KEY (id),
  CONSTRAINT deliveries_run_id_subscriber_id_key UNIQUE (run_id, subscriber_id)
) WITH (fillfactor=50);

CREATE TABLE drafts (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  workspace_id bigint NOT NULL,
  bot_id bigint NOT NULL,
  name text DEFAULT ''::text NOT NULL,
  form jsonb NOT NULL,
  created_by text DEFAULT ''::text NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT drafts_bot_id_fkey FOREIGN KEY (bot_id) REFERENCES bots(id) ON DELETE CASCADE,
  CONSTRAINT drafts_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE,
  CONSTRAINT drafts_pkey PRIMARY KEY (id)
);

CREATE TABLE event_cursors (
  consumer text NOT NULL,
  last_id bigint DEFAULT 0 NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  last_txid xid8 DEFAULT '0'::xid8 NOT NULL,
  CONSTRAINT event_cursors_pkey PRIMARY KEY (consumer)
);

CREATE TABLE events (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  workspace_id bigint NOT NULL,
  type text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  txid xid8 DEFAULT pg_current_xact_id() NOT NULL,
  CONSTRAINT events_pkey PRIMARY KEY (id)
);

CREATE TABLE external_event_calls (
  event_id bigint NOT NULL,
  idempotency_key text NOT NULL,
  send_id bigint,
  status integer,
  response jsonb,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  request_hash text,
  CONSTRAINT external_event_calls_event_id_fkey FOREIGN KEY (event_id) REFERENCES external_events(id) ON DELETE CASCADE,
  CONSTRAINT external_event_calls_pkey PRIMARY KEY (event_id, idempotency_key)
);

CREATE TABLE external_event_misses (
  id boolean DEFAULT true NOT NULL,
  misses bigint DEFAULT 0 NOT NULL,
  last_at timestamp with time zone,
  CONSTRAINT external_event_misses_id_check CHECK (id),
  CONSTRAINT external_event_misses_pkey PRIMARY KEY (id)
);

CREATE TABLE external_events (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  workspace_id bigint NOT NULL,
  bot_id bigint NOT NULL,
  name text NOT NULL,
  content jsonb NOT NULL,
  end_open_chats boolean DEFAULT false NOT NULL,
  secret_enc text NOT NULL,
  secret_hash text NOT NULL,
  secret_rotated_at timestamp with time zone,
  calls bigint DEFAULT 0 NOT NULL,
  last_called_at timestamp with time zone,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  ignore_opt_out boolean DEFAULT false NOT NULL,
  CONSTRAINT external_events_bot_id_fkey FOREIGN KEY (bot_id) REFERENCES bots(id) ON DELETE CASCADE,
  CONSTRAINT external_events_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE,
  CONSTRAINT external_events_pkey PRIMARY KEY (id),
  CONSTRAINT external_events_bot_id_name_key UNIQUE (bot_id, name),
  CONSTRAINT external_events_secret_hash_key UNIQUE (secret_hash)
);

CREATE TABLE login_attempts (
  email text NOT NULL,
  attempted_at timestamp with time zone DEFAULT now() NOT NULL,
  ip text DEFAULT ''::text NOT NULL
);

CREATE TABLE maintenance (
  job text NOT NULL,
  last_run timestamp with time zone DEFAULT '-infinity'::timestamp with time zone NOT NULL,
  CONSTRAINT maintenance_pkey PRIMARY KEY (job)
);

CREATE TABLE members (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  workspace_id bigint NOT NULL,
  email text NOT NULL,
  name text DEFAULT ''::text NOT NULL,
  password_hash text NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  role text DEFAULT 'viewer'::text NOT NULL,
  CONSTRAINT members_role_check CHECK ((role = ANY (ARRAY['owner'::text, 'admin'::text, 'editor'::text, 'viewer'::text]))),
  CONSTRAINT members_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE,
  CONSTRAINT members_pkey PRIMARY KEY (id)
);

CREATE TABLE operator_chats (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  workspace_id bigint NOT NULL,
  bot_id bigint NOT NULL,
  subscriber_id bigint NOT NULL,
  opened_at timestamp with time zone DEFAULT now() NOT NULL,
  opened_by text NOT NULL,
  closed_at timestamp with time zone,
  closed_by text,
  close_reason text,
  CONSTRAINT operator_chats_bot_id_fkey FOREIGN KEY (bot_id) REFERENCES bots(id) ON DELETE CASCADE,
  CONSTRAINT operator_chats_subscriber_id_fkey FOREIGN KEY (subscriber_id) REFERENCES subscribers(id) ON DELETE CASCADE,
  CONSTRAINT operator_chats_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE,
  CONSTRAINT operator_chats_pkey PRIMARY KEY (id)
);

CREATE TABLE recall_items (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  recall_id bigint NOT NULL,
  run_id bigint NOT NULL,
  channel_id bigint NOT NULL,
  recipient text NOT NULL,
  message_id text NOT NULL,
  state text DEFAULT 'queued'::text NOT NULL,
  not_before timestamp with time zone DEFAULT '-infinity'::timestamp with time zone NOT NULL,
  attempts smallint DEFAULT 0 NOT NULL,
  claimed_at timestamp with time zone,
  error_text text,
  claimed_by text,
  CONSTRAINT recall_items_state_check CHECK ((state = ANY (ARRAY['queued'::text, 'in_flight'::text, 'done'::text, 'failed'::text]))),
  CONSTRAINT recall_items_recall_id_fkey FOREIGN KEY (recall_id) REFERENCES recalls(id) ON DELETE CASCADE,
  CONSTRAINT recall_items_pkey PRIMARY KEY (id)
);

CREATE TABLE recalls (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  workspace_id bigint NOT NULL,
  send_id bigint NOT NULL,
  action text NOT NULL,
  text text,
  state text DEFAULT 'running'::text NOT NULL,
  created_by text NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  finished_at timestamp with time zone,
  too_old integer DEFAULT 0 NOT NULL,
  unsupported integer DEFAULT 0 NOT NULL,
  CONSTRAINT recalls_action_check CHECK ((action = ANY (ARRAY['delete'::text, 'edit'::text]))),
  CONSTRAINT recalls_check CHECK (((action = 'edit'::text) = (text IS NOT NULL))),
  CONSTRAINT recalls_state_check CHECK ((state = ANY (ARRAY['running'::text, 'completed'::text]))),
  CONSTRAINT recalls_send_id_fkey FOREIGN KEY (send_id) REFERENCES sends(id) ON DELETE CASCADE,
  CONSTRAINT recalls_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE,
  CONSTRAINT recalls_pkey PRIMARY KEY (id)
);

CREATE TABLE run_events (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  run_id bigint NOT NULL,
  at timestamp with time zone DEFAULT now() NOT NULL,
  type text NOT NULL,
  message text NOT NULL,
  data jsonb,
  CONSTRAINT run_events_run_id_fkey FOREIGN KEY (run_id) REFERENCES runs(id) ON DELETE CASCADE,
  CONSTRAINT run_events_pkey PRIMARY KEY (id)
);

CREATE TABLE run_lanes (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  run_id bigint NOT NULL,
  channel_id bigint NOT NULL,
  materialised boolean DEFAULT false NOT NULL,
  materialise_cursor bigint DEFAULT 0 NOT NULL,
  recipients integer DEFAULT 0 NOT NULL,
  queued integer DEFAULT 0 NOT NULL,
  held integer DEFAULT 0 NOT NULL,
  in_flight integer DEFAULT 0 NOT NULL,
  sent integer DEFAULT 0 NOT NULL,
  failed integer DEFAULT 0 NOT NULL,
  cancelled integer DEFAULT 0 NOT NULL,
  unknown integer DEFAULT 0 NOT NULL,
  last_claimed_at timestamp with time zone DEFAULT '-infinity'::timestamp with time zone NOT NULL,
  claim_cursor bigint DEFAULT 0 NOT NULL,
  capped integer DEFAULT 0 NOT NULL,
  delivered integer DEFAULT 0 NOT NULL,
  read integer DEFAULT 0 NOT NULL,
  CONSTRAINT run_lanes_channel_id_fkey FOREIGN KEY (channel_id) REFERENCES channels(id) ON DELETE CASCADE,
  CONSTRAINT run_lanes_run_id_fkey FOREIGN KEY (run_id) REFERENCES runs(id) ON DELETE CASCADE,
  CONSTRAINT run_lanes_pkey PRIMARY KEY (id),
  CONSTRAINT run_lanes_run_id_channel_id_key UNIQUE (run_id, channel_id)
);

CREATE TABLE run_rate (
  run_id bigint NOT NULL,
  bucket timestamp with time zone NOT NULL,
  sent integer DEFAULT 0 NOT NULL,
  failed integer DEFAULT 0 NOT NULL,
  CONSTRAINT run_rate_run_id_fkey FOREIGN KEY (run_id) REFERENCES runs(id) ON DELETE CASCADE,
  CONSTRAINT run_rate_pkey PRIMARY KEY (run_id, bucket)
);

CREATE TABLE runs (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  workspace_id bigint NOT NULL,
  send_id bigint NOT NULL,
  planned_at timestamp with time zone NOT NULL,
  state text DEFAULT 'pending'::text NOT NULL,
  open_until timestamp with time zone,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  started_at timestamp with time zone,
  finished_at timestamp with time zone,
  materialise_lease_until timestamp with time zone,
  paused_at timestamp with time zone,
  paused_by text,
  unsubscribes integer DEFAULT 0 NOT NULL,
  pause_reason text,
  CONSTRAINT runs_state_check CHECK ((state = ANY (ARRAY['pending'::text, 'materialising'::text, 'delivering'::text, 'completed'::text, 'stopped'::text]))),
  CONSTRAINT runs_send_id_fkey FOREIGN KEY (send_id) REFERENCES sends(id) ON DELETE CASCADE,
  CONSTRAINT runs_pkey PRIMARY KEY (id),
  CONSTRAINT runs_send_id_planned_at_key UNIQUE (send_id, planned_at)
);

CREATE TABLE sandbox_messages (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  channel_id bigint NOT NULL,
  user_id text NOT NULL,
  direction text NOT NULL,
  body jsonb NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT sandbox_messages_direction_check CHECK ((direction = ANY (ARRAY['in'::text, 'out'::text]))),
  CONSTRAINT sandbox_messages_channel_id_fkey FOREIGN KEY (channel_id) REFERENCES channels(id) ON DELETE CASCADE,
  CONSTRAINT sandbox_messages_pkey PRIMARY KEY (id)
);

CREATE TABLE sandbox_users (
  channel_id bigint NOT NULL,
  user_id text NOT NULL,
  behaviour text DEFAULT 'normal'::text NOT NULL,
  CONSTRAINT sandbox_users_behaviour_check CHECK ((behaviour = ANY (ARRAY['normal'::text, 'blocked'::text, 'gone'::text, 'flaky'::text]))),
  CONSTRAINT sandbox_users_channel_id_fkey FOREIGN KEY (channel_id) REFERENCES channels(id) ON DELETE CASCADE,
  CONSTRAINT sandbox_users_pkey PRIMARY KEY (channel_id, user_id)
);

CREATE TABLE schema_migrations (
  version text NOT NULL,
  applied_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT schema_migrations_pkey PRIMARY KEY (version)
);

CREATE TABLE screens (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  workspace_id bigint NOT NULL,
  bot_id bigint NOT NULL,
  name text NOT NULL,
  text text NOT NULL,
  media jsonb,
  buttons jsonb DEFAULT '[]'::jsonb NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT screens_bot_id_fkey FOREIGN KEY (bot_id) REFERENCES bots(id) ON DELETE CASCADE,
  CONSTRAINT screens_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE,
  CONSTRAINT screens_pkey PRIMARY KEY (id)
);

CREATE TABLE selected_import_problems (
  import_id bigint NOT NULL,
  seq integer NOT NULL,
  kind text NOT NULL,
  value text NOT NULL,
  line integer NOT NULL,
  reason text DEFAULT ''::text NOT NULL,
  CONSTRAINT selected_import_problems_kind_check CHECK ((kind = ANY (ARRAY['unknown'::text, 'blocked'::text, 'malformed'::text, 'duplicate'::text]))),
  CONSTRAINT selected_import_problems_import_id_fkey FOREIGN KEY (import_id) REFERENCES selected_imports(id) ON DELETE CASCADE,
  CONSTRAINT selected_import_problems_pkey PRIMARY KEY (import_id, seq)
);

CREATE TABLE selected_imports (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  workspace_id bigint NOT NULL,
  bot_id bigint NOT NULL,
  channel_id bigint NOT NULL,
  file_name text DEFAULT ''::text NOT NULL,
  summary jsonb NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  subscriber_ids bigint[] DEFAULT '{}'::bigint[] NOT NULL,
  CONSTRAINT selected_imports_bot_id_fkey FOREIGN KEY (bot_id) REFERENCES bots(id) ON DELETE CASCADE,
  CONSTRAINT selected_imports_channel_id_fkey FOREIGN KEY (channel_id) REFERENCES channels(id) ON DELETE CASCADE,
  CONSTRAINT selected_imports_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE,
  CONSTRAINT selected_imports_pkey PRIMARY KEY (id)
);

CREATE TABLE send_recipients (
  send_id bigint NOT NULL,
  subscriber_id bigint NOT NULL,
  CONSTRAINT send_recipients_send_id_fkey FOREIGN KEY (send_id) REFERENCES sends(id) ON DELETE CASCADE,
  CONSTRAINT send_recipients_pkey PRIMARY KEY (send_id, subscriber_id)
);

CREATE TABLE sends (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  workspace_id bigint NOT NULL,
  bot_id bigint NOT NULL,
  kind text NOT NULL,
  content jsonb NOT NULL,
  targeting jsonb NOT NULL,
  timing jsonb DEFAULT '{"type": "instant"}'::jsonb NOT NULL,
  end_open_chats boolean DEFAULT false NOT NULL,
  data jsonb,
  created_by text DEFAULT ''::text NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  next_run_at timestamp with time zone,
  last_planned_at timestamp with time zone,
  deleted_at timestamp with time zone,
  source_id bigint,
  group_key text,
  deleted_by text,
  parent_send_id bigint,
  parent_run_id bigint,
  resend_outcomes text[],
  CONSTRAINT sends_kind_check CHECK ((kind = ANY (ARRAY['broadcast'::text, 'external'::text, 'trigger'::text]))),
  CONSTRAINT sends_bot_id_fkey FOREIGN KEY (bot_id) REFERENCES bots(id) ON DELETE CASCADE,
  CONSTRAINT sends_parent_run_id_fkey FOREIGN KEY (parent_run_id) REFERENCES runs(id) ON DELETE SET NULL,
  CONSTRAINT sends_parent_send_id_fkey FOREIGN KEY (parent_send_id) REFERENCES sends(id) ON DELETE SET NULL,
  CONSTRAINT sends_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE,
  CONSTRAINT sends_pkey PRIMARY KEY (id),
  CONSTRAINT sends_group_key_key UNIQUE (group_key)
);

CREATE TABLE sessions (
  token_hash text NOT NULL,
  member_id bigint NOT NULL,
  workspace_id bigint NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  expires_at timestamp with time zone NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT sessions_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE,
  CONSTRAINT sessions_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE,
  CONSTRAINT sessions_pkey PRIMARY KEY (token_hash)
);

CREATE TABLE status_events (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  workspace_id bigint NOT NULL,
  type text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  txid xid8 DEFAULT pg_current_xact_id() NOT NULL,
  CONSTRAINT status_events_pkey PRIMARY KEY (id)
);

CREATE TABLE status_webhook_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  webhook_id bigint NOT NULL,
  at timestamp with time zone DEFAULT now() NOT NULL,
  test boolean DEFAULT false NOT NULL,
  events integer NOT NULL,
  first_event_id bigint,
  last_event_id bigint,
  ok boolean NOT NULL,
  status_code integer,
  duration_ms integer NOT NULL,
  error text,
  attempt integer DEFAULT 1 NOT NULL,
  CONSTRAINT status_webhook_attempts_webhook_id_fkey FOREIGN KEY (webhook_id) REFERENCES status_webhooks(id) ON DELETE CASCADE,
  CONSTRAINT status_webhook_attempts_pkey PRIMARY KEY (id)
);

CREATE TABLE status_webhooks (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  workspace_id bigint NOT NULL,
  url text NOT NULL,
  description text DEFAULT ''::text NOT NULL,
  event_types text[] NOT NULL,
  secret_sealed text NOT NULL,
  enabled boolean DEFAULT true NOT NULL,
  failing_since timestamp with time zone,
  cursor_txid xid8 DEFAULT pg_snapshot_xmin(pg_current_snapshot()) NOT NULL,
  cursor_id bigint DEFAULT 0 NOT NULL,
  attempts integer DEFAULT 0 NOT NULL,
  next_attempt_at timestamp with time zone DEFAULT '-infinity'::timestamp with time zone NOT NULL,
  lease_until timestamp with time zone,
  last_success_at timestamp with time zone,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  created_by text DEFAULT ''::text NOT NULL,
  CONSTRAINT status_webhooks_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE,
  CONSTRAINT status_webhooks_pkey PRIMARY KEY (id)
);

CREATE TABLE subscriber_tags (
  subscriber_id bigint NOT NULL,
  tag_id bigint NOT NULL,
  assigned_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT subscriber_tags_subscriber_id_fkey FOREIGN KEY (subscriber_id) REFERENCES subscribers(id) ON DELETE CASCADE,
  CONSTRAINT subscriber_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES tags(id) ON DELETE CASCADE,
  CONSTRAINT subscriber_tags_pkey PRIMARY KEY (subscriber_id, tag_id)
);

CREATE TABLE subscribers (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  workspace_id bigint NOT NULL,
  bot_id bigint NOT NULL,
  channel_id bigint NOT NULL,
  platform text NOT NULL,
  platform_user_id text NOT NULL,
  name text DEFAULT ''::text NOT NULL,
  username text DEFAULT ''::text NOT NULL,
  language text DEFAULT ''::text NOT NULL,
  status text DEFAULT 'active'::text NOT NULL,
  first_message_at timestamp with time zone DEFAULT now() NOT NULL,
  last_message_at timestamp with time zone DEFAULT now() NOT NULL,
  last_request jsonb,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  last_inbound_at timestamp with time zone,
  opted_out_at timestamp with time zone,
  opt_out_source text,
  marketing_stopped_at timestamp with time zone,
  time_zone text,
  CONSTRAINT subscribers_status_check CHECK ((status = ANY (ARRAY['active'::text, 'blocked'::text]))),
  CONSTRAINT subscribers_bot_id_fkey FOREIGN KEY (bot_id) REFERENCES bots(id) ON DELETE CASCADE,
  CONSTRAINT subscribers_channel_id_fkey FOREIGN KEY (channel_id) REFERENCES channels(id) ON DELETE CASCADE,
  CONSTRAINT subscribers_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE,
  CONSTRAINT subscribers_pkey PRIMARY KEY (id),
  CONSTRAINT subscribers_bot_id_platform_platform_user_id_key UNIQUE (bot_id, platform, platform_user_id)
);

CREATE TABLE tags (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  workspace_id bigint NOT NULL,
  bot_id bigint NOT NULL,
  name text NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT tags_bot_id_fkey FOREIGN KEY (bot_id) REFERENCES bots(id) ON DELETE CASCADE,
  CONSTRAINT tags_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE,
  CONSTRAINT tags_pkey PRIMARY KEY (id),
  CONSTRAINT tags_bot_id_name_key UNIQUE (bot_id, name)
);

CREATE TABLE trigger_firings (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  workspace_id bigint NOT NULL,
  trigger_id bigint NOT NULL,
  subscriber_id bigint NOT NULL,
  assigned_at timestamp with time zone NOT NULL,
  due_at timestamp with time zone NOT NULL,
  ready_at timestamp with time zone,
  state text DEFAULT 'pending'::text NOT NULL,
  reason text,
  send_id bigint,
  run_id bigint,
  fired_at timestamp with time zone,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT trigger_firings_state_check CHECK ((state = ANY (ARRAY['pending'::text, 'fired'::text, 'cancelled'::text]))),
  CONSTRAINT trigger_firings_subscriber_id_fkey FOREIGN KEY (subscriber_id) REFERENCES subscribers(id) ON DELETE CASCADE,
  CONSTRAINT trigger_firings_trigger_id_fkey FOREIGN KEY (trigger_id) REFERENCES triggers(id) ON DELETE CASCADE,
  CONSTRAINT trigger_firings_pkey PRIMARY KEY (id)
);

CREATE TABLE triggers (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  workspace_id bigint NOT NULL,
  bot_id bigint NOT NULL,
  name text DEFAULT ''::text NOT NULL,
  tag_id bigint,
  content jsonb NOT NULL,
  delay jsonb NOT NULL,
  end_open_chats boolean DEFAULT false NOT NULL,
  fire_again boolean DEFAULT false NOT NULL,
  enabled boolean DEFAULT true NOT NULL,
  position integer NOT NULL,
  revision integer DEFAULT 1 NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT triggers_bot_id_fkey FOREIGN KEY (bot_id) REFERENCES bots(id) ON DELETE CASCADE,
  CONSTRAINT triggers_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES tags(id) ON DELETE SET NULL,
  CONSTRAINT triggers_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE,
  CONSTRAINT triggers_pkey PRIMARY KEY (id)
);

CREATE TABLE whatsapp_templates (
  channel_id bigint NOT NULL,
  name text NOT NULL,
  language text NOT NULL,
  category text NOT NULL,
  status text NOT NULL,
  components jsonb DEFAULT '[]'::jsonb NOT NULL,
  CONSTRAINT whatsapp_templates_channel_id_fkey FOREIGN KEY (channel_id) REFERENCES channels(id) ON DELETE CASCADE,
  CONSTRAINT whatsapp_templates_pkey PRIMARY KEY (channel_id, name, language)
);

CREATE TABLE worker_peer_key (
  id integer NOT NULL,
  key text NOT NULL,
  CONSTRAINT worker_peer_key_id_check CHECK ((id = 1)),
  CONSTRAINT worker_peer_key_pkey PRIMARY KEY (id)
);

CREATE TABLE workers (
  id text NOT NULL,
  host text NOT NULL,
  pid integer NOT NULL,
  started_at timestamp with time zone DEFAULT now() NOT NULL,
  heartbeat_at timestamp with time zone DEFAULT now() NOT NULL,
  peer text,
  CONSTRAINT workers_pkey PRIMARY KEY (id)
);

CREATE TABLE workspaces (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  name text NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT workspaces_pkey PRIMARY KEY (id)
);

CREATE INDEX audit_log_workspace_idx ON public.audit_log USING btree (workspace_id, id DESC);
CREATE INDEX bots_workspace_idx ON public.bots USING btree (workspace_id, id);
CREATE INDEX breaker_windows_channel_idx ON public.breaker_windows USING btree (channel_id) WHERE (channel_id IS NOT NULL);
CREATE INDEX breaker_windows_lane_idx ON public.breaker_windows USING btree (lane_id) WHERE (lane_id IS NOT NULL);
CREATE INDEX channels_workspace_idx ON public.channels USING btree (workspace_id, id);
CREATE INDEX clicks_run ON public.clicks USING btree (run_id);
CREATE INDEX deliveries_errors_idx ON public.deliveries USING btree (run_id, id) WHERE (error_code IS NOT NULL);
CREATE INDEX deliveries_held_idx ON public.deliveries USING btree (subscriber_id) WHERE (hold_expires_at IS NOT NULL);
CREATE INDEX deliveries_lane_idx ON public.deliveries USING btree (lane_id, id);
CREATE INDEX deliveries_retry_idx ON public.deliveries USING btree (lane_id, not_before, id) WHERE (not_before > '-infinity'::timestamp with time zone);
CREATE INDEX deliveries_subscriber_idx ON public.deliveries USING btree (subscriber_id, id);
CREATE INDEX drafts_bot_idx ON public.drafts USING btree (bot_id, id);
CREATE INDEX events_txid_idx ON public.events USING btree (txid, id);
CREATE INDEX events_type_idx ON public.events USING btree (type, id);
CREATE INDEX external_events_workspace_idx ON public.external_events USING btree (workspace_id, id);
CREATE INDEX login_attempts_email_idx ON public.login_attempts USING btree (lower(email), attempted_at);
CREATE INDEX login_attempts_ip_idx ON public.login_attempts USING btree (ip, attempted_at);
CREATE INDEX login_attempts_time_idx ON public.login_attempts USING btree (attempted_at);
CREATE UNIQUE INDEX members_email_key ON public.members USING btree (lower(email));
CREATE INDEX operator_chats_bot_idx ON public.operator_chats USING btree (bot_id, id);
CREATE UNIQUE INDEX operator_chats_open_key ON public.operator_chats USING btree (subscriber_id) WHERE (closed_at IS NULL);
CREATE INDEX recall_items_work_idx ON public.recall_items USING btree (recall_id, id) WHERE (state = ANY (ARRAY['queued'::text, 'in_flight'::text]));
CREATE INDEX recalls_running_idx ON public.recalls USING btree (id) WHERE (state = 'running'::text);
CREATE INDEX recalls_send_idx ON public.recalls USING btree (send_id, id);
CREATE INDEX run_events_run_idx ON public.run_events USING btree (run_id, id);
CREATE INDEX run_lanes_work_idx ON public.run_lanes USING btree (channel_id, last_claimed_at) WHERE (queued > 0);
CREATE INDEX runs_completed_idx ON public.runs USING btree (workspace_id, id) WHERE (state = ANY (ARRAY['completed'::text, 'stopped'::text]));
CREATE INDEX runs_finished_idx ON public.runs USING btree (finished_at) WHERE (finished_at IS NOT NULL);
CREATE INDEX runs_open_idx ON public.runs USING btree (state, planned_at) WHERE (state = ANY (ARRAY['pending'::text, 'materialising'::text, 'delivering'::text]));
CREATE INDEX runs_send_idx ON public.runs USING btree (send_id, id);
CREATE INDEX sandbox_messages_user_idx ON public.sandbox_messages USING btree (channel_id, user_id, id);
CREATE INDEX screens_bot_idx ON public.screens USING btree (bot_id, id);
CREATE INDEX sends_deleted_idx ON public.sends USING btree (workspace_id, id) WHERE (deleted_at IS NOT NULL);
CREATE INDEX sends_due_idx ON public.sends USING btree (next_run_at) WHERE ((next_run_at IS NOT NULL) AND (deleted_at IS NULL));
CREATE INDEX sends_parent_run_idx ON public.sends USING btree (parent_run_id) WHERE (parent_run_id IS NOT NULL);
CREATE INDEX sends_parent_send_idx ON public.sends USING btree (parent_send_id) WHERE (parent_send_id IS NOT NULL);
CREATE INDEX sends_workspace_idx ON public.sends USING btree (workspace_id, id);
CREATE UNIQUE INDEX sessions_id_key ON public.sessions USING btree (id);
CREATE INDEX sessions_member_idx ON public.sessions USING btree (member_id);
CREATE INDEX status_events_created_idx ON public.status_events USING btree (created_at);
CREATE INDEX status_events_order_idx ON public.status_events USING btree (workspace_id, txid, id);
CREATE INDEX status_webhook_attempts_webhook_idx ON public.status_webhook_attempts USING btree (webhook_id, id);
CREATE INDEX status_webhooks_workspace_idx ON public.status_webhooks USING btree (workspace_id);
CREATE INDEX subscriber_tags_tag_idx ON public.subscriber_tags USING btree (tag_id, subscriber_id);
CREATE INDEX subscribers_bot_idx ON public.subscribers USING btree (bot_id, id);
CREATE INDEX subscribers_channel_active_idx ON public.subscribers USING btree (channel_id, id) WHERE (status = 'active'::text);
CREATE UNIQUE INDEX trigger_firings_pending_key ON public.trigger_firings USING btree (trigger_id, subscriber_id) WHERE (state = 'pending'::text);
CREATE INDEX trigger_firings_ready_idx ON public.trigger_firings USING btree (COALESCE(ready_at, due_at), id) WHERE (state = 'pending'::text);
CREATE INDEX trigger_firings_subscriber_idx ON public.trigger_firings USING btree (subscriber_id, trigger_id);
CREATE INDEX trigger_firings_trigger_idx ON public.trigger_firings USING btree (trigger_id, id);
CREATE INDEX triggers_bot_idx ON public.triggers USING btree (bot_id, "position", id);
CREATE INDEX triggers_tag_idx ON public.triggers USING btree (tag_id) WHERE enabled;

CREATE OR REPLACE FUNCTION public.deliveries_count()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
END $function$;

CREATE OR REPLACE FUNCTION public.runs_delete_deliveries()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  DELETE FROM deliveries d USING gone g WHERE d.run_id = g.id;
  RETURN NULL;
END $function$;

CREATE TRIGGER deliveries_count_insert AFTER INSERT ON public.deliveries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deliveries_count();
CREATE TRIGGER deliveries_count_update AFTER UPDATE ON public.deliveries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deliveries_count();
CREATE TRIGGER runs_delete_deliveries AFTER DELETE ON public.runs REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION runs_delete_deliveries();
