// What a worker learned from the platforms, buffered per lane and written in batches
// (sql/record.ts): a flush every FLUSH_EVERY_MS or at FLUSH_AT outcomes, one statement per lane.
import type { EngineContext } from './types.ts';
import { writeOutcomes, type RecordedOutcome } from './sql/record.ts';
import type { Breaker } from './breaker.ts';
import { sleep } from './semaphore.ts';

export const FLUSH_EVERY_MS = 20;
export const FLUSH_AT = 256;
/** settle() tries a refused write again this often. */
const SETTLE_RETRY_MS = 50;

export class OutcomeBuffer {
  private readonly buffer = new Map<number, RecordedOutcome[]>();
  private buffered = 0;
  private flushing: Promise<void> | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  /** The workspace of each lane's run: the subscriber_blocked events of a batch are written in it. */
  private readonly workspaceOfLane = new Map<number, number>();

  /** `stopping`: the worker is stopping (its last flush is called by stop(); no retry timer then). `breaker`: counts what was written. */
  constructor(
    private readonly ctx: EngineContext,
    private readonly stopping: () => boolean,
    private readonly breaker: Breaker | null = null,
  ) {}

  noteWorkspace(laneId: number, workspaceId: number) {
    this.workspaceOfLane.set(laneId, workspaceId);
  }

  push(laneId: number, outcome: RecordedOutcome) {
    let list = this.buffer.get(laneId);
    if (!list) this.buffer.set(laneId, (list = []));
    list.push(outcome);
    this.buffered += 1;
    if (this.buffered >= FLUSH_AT) void this.flush();
    else if (!this.flushTimer) this.flushTimer = setTimeout(() => void this.flush(), FLUSH_EVERY_MS);
  }

  /** Writes buffered outcomes, one transaction per lane. On failure they stay buffered and are retried. */
  async flush(): Promise<void> {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    if (this.flushing) {
      await this.flushing;
      if (this.buffered === 0) return;
    }
    this.flushing = (async () => {
      const lanes = [...this.buffer.entries()];
      this.buffer.clear();
      this.buffered = 0;
      // At most FLUSH_AT per statement: a batch that grew during a slow flush is written in slices.
      const slices = lanes.flatMap(([laneId, all]) =>
        Array.from({ length: Math.ceil(all.length / FLUSH_AT) }, (_, i) => [laneId, all.slice(i * FLUSH_AT, (i + 1) * FLUSH_AT)] as const),
      );
      for (const [laneId, outcomes] of slices) {
        try {
          await writeOutcomes(this.ctx.db, this.workspaceOfLane.get(laneId) ?? null, outcomes);
          this.breaker?.count(laneId, outcomes);
        } catch (error) {
          this.ctx.logger.error({ err: error, laneId }, 'could not record outcomes; will retry');
          const list = this.buffer.get(laneId) ?? [];
          this.buffer.set(laneId, [...outcomes, ...list]);
          this.buffered += outcomes.length;
        }
      }
      // The circuit breaker's windows, once per flush for every lane written (engine/breaker.ts).
      await this.breaker?.flush();
    })();
    try {
      await this.flushing;
    } finally {
      this.flushing = null;
    }
    if (this.buffered > 0 && !this.flushTimer && !this.stopping()) this.flushTimer = setTimeout(() => void this.flush(), 200);
  }

  /**
   * Resolves once everything pushed so far is written, trying again while the database refuses;
   * at once when the worker stops (its last flush is stop()'s).
   */
  async settle(stopping: () => boolean): Promise<void> {
    while ((this.buffered > 0 || this.flushing) && !stopping()) {
      await this.flush();
      if (this.buffered > 0) await sleep(SETTLE_RETRY_MS);
    }
  }

  /** After the last flush: no timer may outlive the worker. */
  cancelTimer() {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.breaker?.cancelTimer();
  }
}
