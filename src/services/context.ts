// What every service needs: the database port, the credentials sealer, the platform clients, the
// clock and settings. Built once in the composition root (src/app.ts).
import type { Config } from '../config.ts';
import type { PlatformRegistry } from '../platforms/registry-types.ts';
import type { Sealer } from '../security/encryption.ts';
import type { Db } from '../storage/db.ts';
import type { DiskGuard } from '../storage/disk-reserve.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface ServiceContext {
  db: Db;
  sealer: Sealer;
  clock: Clock;
  config: Config;
  platforms: PlatformRegistry;
  /** Embedded mode: the data folder's disk reserve; writes check it first. Absent on PostgreSQL. */
  disk?: DiskGuard | null;
}
