-- Opt-out and frequency cap (issue 18 points 4-5).
-- A subscriber who opted out of broadcasts (keyword or API) is still active (not blocked): they
-- can write to the bot and still get transactional messages of events that ignore the opt-out.
ALTER TABLE subscribers ADD COLUMN opted_out_at timestamptz;
ALTER TABLE subscribers ADD COLUMN opt_out_source text;
-- Per bot: the words (whole message, case-insensitive) that opt out or back in, and an optional
-- frequency cap "at most N broadcasts per subscriber per D days" (both NULL = off).
ALTER TABLE bots ADD COLUMN opt_out_keywords text[] NOT NULL DEFAULT '{stop,unsubscribe,отписаться}';
ALTER TABLE bots ADD COLUMN opt_in_keywords text[] NOT NULL DEFAULT '{start,subscribe,подписаться}';
ALTER TABLE bots ADD COLUMN frequency_cap_count integer;
ALTER TABLE bots ADD COLUMN frequency_cap_days integer;
ALTER TABLE bots ADD CONSTRAINT bots_frequency_cap_check CHECK (
  (frequency_cap_count IS NULL) = (frequency_cap_days IS NULL) AND coalesce(frequency_cap_count, 1) >= 1 AND coalesce(frequency_cap_days, 1) >= 1
);
-- A transactional external event may reach subscribers who opted out of broadcasts.
ALTER TABLE external_events ADD COLUMN ignore_opt_out boolean NOT NULL DEFAULT false;
-- Left out at materialisation because of the frequency cap, per lane (shown with the run's counters).
ALTER TABLE run_lanes ADD COLUMN capped integer NOT NULL DEFAULT 0;
-- Opt-outs within 24 hours after a broadcast run's delivery to that subscriber, counted on the run
-- (the latest such run), at the time of the opt-out.
ALTER TABLE runs ADD COLUMN unsubscribes integer NOT NULL DEFAULT 0;
