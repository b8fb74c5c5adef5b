-- Who changed what, per workspace: one row per change that matters for security (a channel created,
-- changed or deleted, its API base URL pointed elsewhere). Written in the same transaction as the
-- change (src/services/audit.ts). `detail` never holds a credential, only the names of the fields.
CREATE TABLE audit_log (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id  bigint NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  actor         text NOT NULL,
  action        text NOT NULL,
  target        text NOT NULL,
  detail        jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- A workspace's log, newest first.
CREATE INDEX audit_log_workspace_idx ON audit_log (workspace_id, id DESC);
