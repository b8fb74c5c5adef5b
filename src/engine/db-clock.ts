// The database clock as seen from this machine. Slots are database times (sql/claim.ts); a worker
// waits for them on its own clock, so it needs the offset between the two.
import type { Queryable } from '../storage/db.ts';

interface ClockReading {
  now: Date;
}

/**
 * Database clock minus this machine's clock, estimated from the round trip with the smallest
 * delay seen recently (as NTP does). Slots are database times; translating them with the time a
 * reply happened to arrive would shift each batch by its own network delay and crowd windows.
 * Samples come from a one-statement probe (start, then every heartbeat), not from claims: a
 * claim's clock reading is taken late in a multi-statement transaction, and a worker restarted
 * under load then sent ahead of its slots (chaos: 509 requests in one second at 500/s).
 */
export class DbClock {
  private clockOffsetMs = 0;
  private bestRttMs = Infinity;
  private offsetSampledAt = 0;

  constructor(private readonly db: Queryable) {}

  private sampleClock(t0: number, t1: number, dbNowMs: number) {
    const rtt = t1 - t0;
    const stale = Date.now() - this.offsetSampledAt > 30_000;
    if (rtt <= this.bestRttMs || stale) {
      this.bestRttMs = stale ? rtt : Math.min(this.bestRttMs, rtt);
      this.clockOffsetMs = dbNowMs - (t0 + t1) / 2;
      this.offsetSampledAt = Date.now();
    }
  }

  async probe() {
    const t0 = Date.now();
    const [row] = await this.db.query<ClockReading>('SELECT clock_timestamp() AS now');
    this.sampleClock(t0, Date.now(), row.now.getTime());
  }

  /** A time on this machine's clock as a database time (ms since epoch). */
  toDb(localMs: number): number {
    return localMs + this.clockOffsetMs;
  }

  /** A database time (ms since epoch) on this machine's clock. */
  toLocal(dbMs: number): number {
    return dbMs - this.clockOffsetMs;
  }
}
