-- Security (issue 15): login limits per source address, Idempotency-Key bound to its request, and
-- channel webhook secrets sealed at rest.

-- Failed logins are counted per (e-mail, address) and per address (src/services/login-limits.ts).
-- Rows from before this migration have no address (''): they still count for their e-mail.
-- Attempts older than a day are deleted; the time index keeps that delete cheap.
ALTER TABLE login_attempts ADD COLUMN ip text NOT NULL DEFAULT '';
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, attempted_at);
CREATE INDEX login_attempts_time_idx ON login_attempts (attempted_at);

-- SHA-256 of the first request made with an Idempotency-Key (its canonical JSON body and the event):
-- the same key with another request is refused (422) instead of replaying the first answer.
-- NULL for keys stored before: those replay as they did.
ALTER TABLE external_event_calls ADD COLUMN request_hash text;

-- The webhook secret, sealed like the credentials (AES-256-GCM, src/security/encryption.ts). SQL
-- cannot seal (the key is the application's, never the database's): each start seals the rows
-- still in plain text and empties webhook_secret (src/storage/seal-webhook-secrets.ts), and reads
-- fall back to it until then. Processes of an older version read only webhook_secret and refuse the
-- webhooks of sealed channels: upgrade every API process together. A later migration can drop
-- webhook_secret once every process runs this version.
ALTER TABLE channels ADD COLUMN webhook_secret_enc text;
ALTER TABLE channels ALTER COLUMN webhook_secret DROP NOT NULL;
