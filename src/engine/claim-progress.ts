// The claim's progress mark, kept ahead of the requests (sql/claim-marks.ts): before the request
// of item i leaves, the mark must cover it. The mark is raised `step` items at a time; the next
// step is written `early` items before the covered ones run out, so the requests in flight (up to
// the concurrency) hide the round trip. After a kill, at most `step + early` claimed rows had the
// mark without a request: those become `unknown`; the rest of the claim goes back to the queue.
import type { Db } from '../storage/db.ts';
import { raiseClaimMark } from './sql/claim-marks.ts';

export class ClaimProgress {
  /** Items [0, covered) may be sent. */
  private covered = 0;
  private pending: Promise<boolean> | null = null;
  private pendingUpTo = 0;

  constructor(
    private readonly db: Db,
    private readonly tag: string,
    /** The claim's delivery ids in the order they are sent (ascending). */
    private readonly ids: readonly number[],
    private readonly steps: { step: number; early: number },
  ) {}

  /** Resolves true once item i may be sent; false when the claim was taken away (presumed dead). */
  async mayStart(i: number): Promise<boolean> {
    while (i >= this.covered) {
      if (!this.pending) this.raise();
      if (!(await this.settle())) return false;
    }
    // Shortly before the covered items run out, the next step is written in the background.
    if (!this.pending && this.covered < this.ids.length && i >= this.covered - this.steps.early) this.raise();
    return true;
  }

  private raise() {
    const upTo = Math.min(this.ids.length, Math.max(this.covered, this.pendingUpTo) + this.steps.step);
    this.pendingUpTo = upTo;
    this.pending = raiseClaimMark(this.db, this.tag, this.ids[upTo - 1]);
    // Awaited in settle(); a failure meanwhile must not be an unhandled rejection.
    this.pending.catch(() => {});
  }

  private async settle(): Promise<boolean> {
    const pending = this.pending!;
    const upTo = this.pendingUpTo;
    const ok = await pending;
    if (this.pending === pending) this.pending = null;
    if (ok) this.covered = Math.max(this.covered, upTo);
    return ok;
  }
}
