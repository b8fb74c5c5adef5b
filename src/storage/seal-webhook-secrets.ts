// Channel webhook secrets were stored in plain text until migration 0015 added webhook_secret_enc.
// SQL cannot seal them (the key belongs to the application, never to the database), so every
// start, after the migrations, seals the rows still in plain text and empties their plain column.
// Idempotent, and safe with several processes starting at once: a row is only rewritten while it
// still holds the plain text that was sealed. Once every row is sealed, a start costs one scan of
// the channels table.
import type { Sealer } from '../security/encryption.ts';
import type { Db } from './db.ts';

export async function sealPlaintextWebhookSecrets(db: Db, sealer: Sealer): Promise<number> {
  const rows = await db.query<{ id: number; webhook_secret: string }>(
    'SELECT id, webhook_secret FROM channels WHERE webhook_secret IS NOT NULL ORDER BY id',
  );
  if (rows.length === 0) return 0;
  const sealed = await db.query<{ id: number }>(
    `UPDATE channels c SET webhook_secret_enc = u.sealed, webhook_secret = NULL
     FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, plain, sealed)
     WHERE c.id = u.id AND c.webhook_secret = u.plain RETURNING c.id`,
    [rows.map((r) => r.id), rows.map((r) => r.webhook_secret), rows.map((r) => sealer.seal(r.webhook_secret))],
  );
  return sealed.length;
}
