-- Resend to a subset (issue 17 point 9): a send made from a finished run for its recipients whose
-- outcome was failed, unknown, outside_window or hold_expired. It keeps its parent so both pages
-- show the link ("Resent from #N", "Resends: #M"); resend_outcomes: the outcomes the user chose.
-- Its audience is a snapshot in send_recipients, as for selected users. Retention may delete the
-- parent first (3 months after it finished): the link is then cleared, the resend stays.
ALTER TABLE sends
  ADD COLUMN parent_send_id bigint REFERENCES sends (id) ON DELETE SET NULL,
  ADD COLUMN parent_run_id bigint REFERENCES runs (id) ON DELETE SET NULL,
  ADD COLUMN resend_outcomes text[];
-- "Resends: #M" on the parent's page, and the foreign keys' SET NULL when retention deletes a parent.
CREATE INDEX sends_parent_send_idx ON sends (parent_send_id) WHERE parent_send_id IS NOT NULL;
CREATE INDEX sends_parent_run_idx ON sends (parent_run_id) WHERE parent_run_id IS NOT NULL;
