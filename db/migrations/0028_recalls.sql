-- Recall and edit (issue 17 point 12): a delivered broadcast deleted from the recipients' chats
-- (for everyone) or its text edited, where the platform allows it, as a paced job with its own
-- progress and log. One row per job, one item per delivered message it touches, made when the job
-- is created from the deliveries' platform message ids. Deleting or editing twice is harmless
-- (the platform answers "not found" / "not modified", read as done), so an item a dead worker
-- left in flight is simply taken again once its claim is old.
CREATE TABLE recalls (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id  bigint NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  send_id       bigint NOT NULL REFERENCES sends (id) ON DELETE CASCADE,
  action        text NOT NULL CHECK (action IN ('delete', 'edit')),
  text          text,
  state         text NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'completed')),
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  -- Left out when the job was made: too old for the platform, or a platform that cannot do it.
  too_old       integer NOT NULL DEFAULT 0,
  unsupported   integer NOT NULL DEFAULT 0,
  CHECK ((action = 'edit') = (text IS NOT NULL))
);
CREATE INDEX recalls_send_idx ON recalls (send_id, id);
CREATE INDEX recalls_running_idx ON recalls (id) WHERE state = 'running';

CREATE TABLE recall_items (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recall_id     bigint NOT NULL REFERENCES recalls (id) ON DELETE CASCADE,
  run_id        bigint NOT NULL,
  channel_id    bigint NOT NULL,
  recipient     text NOT NULL,
  message_id    text NOT NULL,
  state         text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'in_flight', 'done', 'failed')),
  not_before    timestamptz NOT NULL DEFAULT '-infinity',
  attempts      smallint NOT NULL DEFAULT 0,
  claimed_at    timestamptz,
  error_text    text
);
CREATE INDEX recall_items_work_idx ON recall_items (recall_id, id) WHERE state IN ('queued', 'in_flight');
