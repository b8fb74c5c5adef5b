-- Clicks on tracked link buttons (issue 18 point 2, domain/send/click-links.ts): one row per
-- delivery and button, counted up on every click, so unique clicks are rows and total clicks the
-- sum. The run and channel are kept on the row for the counts per run and platform without a
-- join to deliveries; the row goes with its run (retention).
CREATE TABLE clicks (
  delivery_id bigint NOT NULL,
  button      smallint NOT NULL,
  run_id      bigint NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  channel_id  bigint NOT NULL,
  clicks      int NOT NULL DEFAULT 1,
  first_at    timestamptz NOT NULL DEFAULT now(),
  last_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (delivery_id, button)
);
CREATE INDEX clicks_run ON clicks (run_id);
