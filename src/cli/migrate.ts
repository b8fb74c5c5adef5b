import type { Config } from '../config.ts';
import { openStorage } from '../storage/open.ts';
import { migrate } from '../storage/migrate.ts';
import { sealPlaintextWebhookSecrets } from '../storage/seal-webhook-secrets.ts';

export async function runMigrate(config: Config) {
  const storage = await openStorage(config, { migrate: false });
  try {
    const applied = await migrate(storage.db);
    process.stdout.write(applied.length ? `applied ${applied.join(', ')}\n` : 'database is up to date\n');
    const sealed = await sealPlaintextWebhookSecrets(storage.db, storage.sealer);
    if (sealed > 0) process.stdout.write(`sealed the webhook secrets of ${sealed} channel(s)\n`);
  } finally {
    await storage.close();
  }
}
