// Opens the configured database (embedded PGlite or PostgreSQL), applies migrations, and loads
// the credentials key. The only place that decides which engine runs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import { createSealer, parseKey, type Sealer } from '../security/encryption.ts';
import type { Db } from './db.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { migrate } from './migrate.ts';
import { sealPlaintextWebhookSecrets } from './seal-webhook-secrets.ts';
import { DiskReserve, insufficientStorage, type ReadDiskSpace } from './disk-reserve.ts';
import { guardWrites } from './guarded-db.ts';
import { createLogger } from '../logger.ts';
// Each driver is loaded only when chosen: PGlite alone adds ~47 MB to a process that never uses it
// (an api or worker process on PostgreSQL).

export interface Storage {
  db: Db;
  sealer: Sealer;
  /** Embedded mode: the watch on the data folder's free space; null on PostgreSQL (no local folder). */
  disk: DiskReserve | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  migrate?: boolean;
  /** Reads the data folder's free space (tests simulate a full disk). */
  readDiskSpace?: ReadDiskSpace;
}

function embeddedKey(dataDir: string): Buffer {
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600 });
  const key = parseKey(readFileSync(file, 'utf8'));
  if (!key) throw new Error(`${file} does not hold a 32-byte base64 key`);
  return key;
}

/** BOTCAST_SECRET_KEY, which loadConfig has already checked: a bad one is never replaced by another key. */
function configuredKey(text: string): Buffer {
  const key = parseKey(text);
  if (!key) throw new Error('BOTCAST_SECRET_KEY must be 32 bytes, written as base64 (44 characters) or hex (64 characters)');
  return key;
}

export async function openStorage(config: Config, options: OpenOptions = {}): Promise<Storage> {
  let db: Db;
  let key: Buffer;
  let release = () => {};
  let disk: DiskReserve | null = null;
  if (config.databaseUrl) {
    key = configuredKey(config.secretKey ?? '');
    const { openPostgres } = await import('./drivers/postgres.ts');
    db = await openPostgres(config.databaseUrl, { poolSize: config.dbPoolSize });
  } else {
    const dir = resolve(config.dataDir);
    mkdirSync(dir, { recursive: true });
    release = await lockDataDir(dir);
    try {
      // Before PGlite opens: on a disk too full for its commits it would spin instead of failing.
      disk = new DiskReserve(
        dir,
        { reserveMb: config.diskReserveMb, reservePercent: config.diskReservePercent, checkMs: config.diskCheckMs },
        createLogger(config.logLevel),
        options.readDiskSpace,
      );
      const state = await disk.start();
      if (!state.ok) throw insufficientStorage(state);
      key = config.secretKey ? configuredKey(config.secretKey) : embeddedKey(dir);
      const { openPglite } = await import('./drivers/pglite.ts');
      db = guardWrites(await openPglite(join(dir, 'pgdata')), disk);
    } catch (error) {
      disk?.stop();
      release();
      throw error;
    }
  }
  const sealer = createSealer(key);
  if (options.migrate !== false) {
    await migrate(db);
    await sealPlaintextWebhookSecrets(db, sealer);
  }
  return {
    db,
    sealer,
    disk,
    async close() {
      disk?.stop();
      await db.close();
      release();
    },
  };
}
