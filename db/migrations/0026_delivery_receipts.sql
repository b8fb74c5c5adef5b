-- Delivery receipts (issue 18 point 1): when the platform says a message reached the person's
-- device (delivered_at) and when they read it (read_at). Written only by services/receipts/ — never
-- by the claim or the outcome — and in no index, so the engine's updates stay HOT (docs/engine.md,
-- invariant 7) and a receipt's own update is HOT too.
ALTER TABLE deliveries ADD COLUMN delivered_at timestamptz;
ALTER TABLE deliveries ADD COLUMN read_at timestamptz;
-- Per lane, like the state counters, but kept by the receipt statements themselves (each counts
-- only the rows it moved from NULL): the state trigger of 0009 stays as it is, and the claim and
-- outcome statements pay nothing for receipts.
ALTER TABLE run_lanes ADD COLUMN delivered integer NOT NULL DEFAULT 0;
ALTER TABLE run_lanes ADD COLUMN read integer NOT NULL DEFAULT 0;
-- Viber, Messenger and Instagram receipts name the person (and a message token or a watermark), not
-- Botcast's delivery: they are matched through the subscriber. subscriber_id never changes after
-- the insert, so this index keeps every update HOT.
CREATE INDEX deliveries_subscriber_idx ON deliveries (subscriber_id, id);
