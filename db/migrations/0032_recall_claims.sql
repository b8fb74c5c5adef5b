-- Recall items name the worker that claimed them (issue 17: recall exercised with kill -9). The
-- items a dead worker held in flight go back to the job as soon as recovery has removed that
-- worker's row (seconds), instead of after the 60-second stale-claim limit, which stays for a
-- worker that is alive but stuck.
ALTER TABLE recall_items ADD COLUMN claimed_by text;
