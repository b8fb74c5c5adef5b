-- Inbound by long polling (Telegram getUpdates) instead of a webhook, for machines without a
-- public URL. One poller per channel across all processes: a lease row; the offset is stored in
-- the same transaction as the updates it confirms.
ALTER TABLE channels ADD COLUMN inbound_mode text NOT NULL DEFAULT 'webhook' CHECK (inbound_mode IN ('webhook', 'polling'));

CREATE TABLE channel_polling (
  channel_id     bigint PRIMARY KEY REFERENCES channels(id) ON DELETE CASCADE,
  update_offset  bigint NOT NULL DEFAULT 0,
  owner          text,
  lease_until    timestamptz NOT NULL DEFAULT '-infinity',
  last_error     text
);
