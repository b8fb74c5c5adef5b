-- Circuit breaker (issue 17 point 10): a run pauses itself when more than a share of its recent
-- outcomes were refused (blocked, permanent errors), and so do the runs on a channel whose recent
-- outcomes over all its sends pass the same share. Resumed only by a person.
--
-- Per channel: the share (percent; NULL = no breaker) and the window, in outcomes. The window is
-- also the smallest sample: nothing trips before that many outcomes were counted.
ALTER TABLE channels ADD COLUMN breaker_percent real DEFAULT 20
  CHECK (breaker_percent IS NULL OR (breaker_percent > 0 AND breaker_percent < 100));
ALTER TABLE channels ADD COLUMN breaker_window integer NOT NULL DEFAULT 500 CHECK (breaker_window BETWEEN 50 AND 100000);

-- Why a run was paused when it was not a person's choice (the breaker's reason, shown as it is).
ALTER TABLE runs ADD COLUMN pause_reason text;

-- The windows, one row per lane (a run on a channel) and one per channel, kept as counters the
-- workers add their written outcomes to (one statement per flush of outcomes, never a scan of
-- deliveries): the current block of outcomes and the block before it. The refused share of the
-- last `window` outcomes is estimated the way sliding-window rate limiters do — the current block
-- plus the part of the previous one still inside the window, weighted by its own share
-- (engine/breaker.ts). `epoch` grows at each trip and each reset (a person resumed): of two
-- workers that see the same window over the threshold, only one trips it.
CREATE TABLE breaker_windows (
  key         text PRIMARY KEY,
  lane_id     bigint REFERENCES run_lanes (id) ON DELETE CASCADE,
  channel_id  bigint REFERENCES channels (id) ON DELETE CASCADE,
  cur_n       integer NOT NULL DEFAULT 0,
  cur_r       integer NOT NULL DEFAULT 0,
  prev_n      integer NOT NULL DEFAULT 0,
  prev_r      integer NOT NULL DEFAULT 0,
  epoch       integer NOT NULL DEFAULT 0,
  tripped_at  timestamptz,
  CHECK ((lane_id IS NULL) <> (channel_id IS NULL))
);
CREATE INDEX breaker_windows_lane_idx ON breaker_windows (lane_id) WHERE lane_id IS NOT NULL;
CREATE INDEX breaker_windows_channel_idx ON breaker_windows (channel_id) WHERE channel_id IS NOT NULL;
