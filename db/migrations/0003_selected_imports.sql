-- "Selected users" imported from a CSV file: the ids that matched subscribers of the channel, and
-- a report of the unknown, blocked, malformed and duplicate ones (downloadable as CSV).
CREATE TABLE selected_imports (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id  bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  bot_id        bigint NOT NULL REFERENCES bots(id) ON DELETE CASCADE,
  channel_id    bigint NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  file_name     text NOT NULL DEFAULT '',
  summary       jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE selected_import_matches (
  import_id      bigint NOT NULL REFERENCES selected_imports(id) ON DELETE CASCADE,
  subscriber_id  bigint NOT NULL,
  PRIMARY KEY (import_id, subscriber_id)
);

CREATE TABLE selected_import_problems (
  import_id  bigint NOT NULL REFERENCES selected_imports(id) ON DELETE CASCADE,
  seq        integer NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('unknown','blocked','malformed','duplicate')),
  value      text NOT NULL,
  line       integer NOT NULL,
  reason     text NOT NULL DEFAULT '',
  PRIMARY KEY (import_id, seq)
);
