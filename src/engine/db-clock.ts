// The database clock as seen from this machine. Slots are database times (sql/claim.ts); a worker
// waits for them on its own clock, so it needs the offset between the two.
import type { Queryable } from '../storage/db.ts';

/** A stale estimate is refreshed by a sample whose round trip is within the best + this (or twice it)… */
const STALE_REFRESH_SLACK_MS = 5;
/** …or by any sample once it is this old. */
const STALE_ANYWAY_MS = 5 * 60_000;

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
    const age = Date.now() - this.offsetSampledAt;
    const stale = age > 30_000;
    // A stale estimate is refreshed only by a sample about as good as the best: the probe after a
    // database outage or a stall can take hundreds of ms, and its error (up to half of that) moved
    // this worker's slots and pause ends that much earlier. Until such a sample comes, the old
    // offset stays (clocks drift by far less than that in 30 s).
    const fair = rtt <= Math.max(2 * this.bestRttMs, this.bestRttMs + STALE_REFRESH_SLACK_MS) || age > STALE_ANYWAY_MS;
    if (rtt <= this.bestRttMs || (stale && fair)) {
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
