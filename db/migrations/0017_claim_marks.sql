-- What a dead worker had claimed but never sent goes back to the queue (issue: a kill -9 turned a
-- whole claimed batch `unknown`, though 98 % of it had never left). A claim's rows carry its tag
-- in deliveries.claimed_by (the worker id, '#', a claim number); the worker sends them in id
-- order and, before any request leaves, raises the claim's `started_upto` here in small steps.
-- Recovery returns the rows above it (never left) to the queue; the rows at or below it, and the
-- rows of a claim that has no mark left (all of it was started), may have reached the platform.
-- One row per claim being sent, not one write per delivery: the deliveries stay HOT-updated twice.
-- The lane and the claim's last id let recovery find the rows through deliveries_lane_idx.
CREATE TABLE claim_marks (
  claim_tag     text PRIMARY KEY,
  lane_id       bigint NOT NULL,
  last_id       bigint NOT NULL,
  started_upto  bigint NOT NULL DEFAULT 0
);
