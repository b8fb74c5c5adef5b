// "PostgreSQL restarts while a pause is being written", without restarting the shared server: the
// fake holds one 429 answer for a while; as soon as that request is recorded, the run's database
// stops taking connections (ALLOW_CONNECTIONS false) and every backend of it is terminated, so the
// worker reads the 429 with its database away, as during a restart. Connections are allowed again
// `downMs` later. Only the run's own database is touched.
import pg from 'pg';
import type { FakeProcess } from '../helpers/fake-process.ts';
import { PG_ADMIN_URL } from '../helpers/engine.ts';

export interface Outage {
  /** From when no worker may be killed: the held 429 is near (a kill of the worker that reads it
   * would lose the pause with the process, another scenario), until `upAt` + the pause. */
  quietFrom: number;
  /** When the database went away and came back (ms since epoch); 0 while it has not happened. */
  downAt: number;
  upAt: number;
  /** Resolves once the database is back (or the watch was stopped). */
  done: Promise<void>;
  stop(): void;
}

export function cutDatabaseAtHeld429(
  fake: FakeProcess,
  database: string,
  recipient: string,
  quietAfterRequests: number,
  downMs: number,
): Outage {
  let stopped = false;
  const outage: Outage = { quietFrom: 0, downAt: 0, upAt: 0, done: Promise.resolve(), stop: () => (stopped = true) };
  outage.done = (async () => {
    while (!stopped) {
      const fired = await fake.fired('rate_limited').catch(() => ({ records: [], total: 0 }));
      if (!outage.quietFrom && fired.total >= quietAfterRequests) outage.quietFrom = Date.now();
      if (fired.records.some((r) => r.recipient === recipient)) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    if (stopped) return;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
        database,
      ]);
      outage.downAt = Date.now();
      await new Promise((r) => setTimeout(r, downMs));
    } finally {
      await admin.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS true`);
      outage.upAt = Date.now();
      await admin.end();
    }
  })();
  return outage;
}
