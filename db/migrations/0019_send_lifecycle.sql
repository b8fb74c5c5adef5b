-- Send lifecycle (issue 17 points 3-4): who deleted a send, shown on its page and in the Deleted
-- filter next to deleted_at. Older deleted sends keep NULL (their deleter was never recorded).
ALTER TABLE sends ADD COLUMN deleted_by text;
-- The Deleted filter reads the newest deleted sends of a workspace.
CREATE INDEX sends_deleted_idx ON sends (workspace_id, id) WHERE deleted_at IS NOT NULL;
