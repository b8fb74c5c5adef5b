// What every part of the delivery engine is given: the database, the platform clients, a logger
// and its settings. What it needs of the services is declared in ports.ts.
import type { Logger } from 'pino';
import type { PlatformRegistry } from '../platforms/registry-types.ts';
import type { Db } from '../storage/db.ts';
import type { DiskGuard } from '../storage/disk-reserve.ts';

export interface EngineSettings {
  /** Deliveries claimed at once on a channel without a tight rate limit. */
  batchSize: number;
  /** Requests one worker keeps in flight at once, over all channels. */
  concurrency: number;
  /** Attempts before a transient failure becomes `failed`. */
  maxAttempts: number;
  /** First retry delay; doubles per attempt, with jitter, capped at maxBackoffMs. */
  backoffBaseMs: number;
  maxBackoffMs: number;
  /** Timeout of one platform request. */
  requestTimeoutMs: number;
  heartbeatMs: number;
  /** A worker silent for this long is dead: its in-flight deliveries are recovered. */
  workerStaleMs: number;
  /** How often a worker looks for new work, pauses and dead workers when idle. */
  pollMs: number;
  /** How often the scheduler runs a pass (due sends, triggers, materialisation, holds, recovery) unless woken sooner. */
  schedulerTickMs: number;
  /** Wake-ups (wakeups.ts): NOTIFY wakes schedulers and workers, and the scheduler times its next pass to the next due send; polling stays as the fallback. Off: polling only. */
  wakeups: boolean;
  /** PostgreSQL: where this worker listens for the other workers' pauses (peer-pauses.ts); null: through the database only. */
  peerHost: string | null;
  /** Where a send's tracked link buttons point (domain/send/click-links.ts); null: links are sent as they are. */
  clickLinks: { baseUrl: string; key: Buffer } | null;
  /** Held deliveries expire after this long. */
  holdExpiryMs: number;
  /** A delayed or periodic run due longer ago than this (Botcast was down) is skipped, not sent late (lateness.ts). */
  maxLatenessMs: number;
  /** Rows inserted per statement when materialising a run's recipients. */
  materialiseChunk: number;
  /** A worker holds a run it materialises this long past its last chunk (materialise.ts); then another may resume it. */
  materialiseLeaseSec: number;
  /** Long-poll timeout of Telegram getUpdates, seconds. */
  pollTimeoutSec: number;
  /** Completed runs that finished this many months ago or earlier are deleted (daily). */
  retentionMonths: number;
}

export const DEFAULT_ENGINE_SETTINGS: EngineSettings = {
  batchSize: 500,
  concurrency: 64,
  maxAttempts: 5,
  backoffBaseMs: 1_000,
  maxBackoffMs: 5 * 60_000,
  requestTimeoutMs: 15_000,
  heartbeatMs: 1_000,
  workerStaleMs: 10_000,
  pollMs: 100,
  schedulerTickMs: 250,
  wakeups: true,
  peerHost: '127.0.0.1',
  clickLinks: null,
  holdExpiryMs: 7 * 24 * 3600_000,
  maxLatenessMs: 6 * 3600_000,
  materialiseChunk: 50_000,
  materialiseLeaseSec: 30,
  retentionMonths: 3,
  pollTimeoutSec: 25,
};

export interface EngineContext {
  db: Db;
  platforms: PlatformRegistry;
  logger: Logger;
  settings: EngineSettings;
  /** Embedded mode: while the data folder's disk is below its reserve, no new work is claimed or materialised. */
  disk?: Pick<DiskGuard, 'state' | 'check'> | null;
}
