-- What the channel page's "Check connection" shows (issue 16 point 4): when the channel's webhook
-- last took a request whose signature (or verify token, or handshake) checked out, and when it last
-- refused one, with the reason. Written at most every 2 seconds per channel and process
-- (services/webhook-health.ts): receipts arrive by the thousand.
ALTER TABLE channels ADD COLUMN webhook_signed_at timestamptz;
ALTER TABLE channels ADD COLUMN webhook_refused_at timestamptz;
ALTER TABLE channels ADD COLUMN webhook_refused_reason text;
