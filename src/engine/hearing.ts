// Whether this worker can hear the other workers' pauses. A platform's "slow down" read by one
// worker reaches the others as an announcement on their listening connections (wakeups.ts). When
// that connection is lost (the database cut off or restarting), a pause read meanwhile cannot reach
// this worker, and what it had claimed would go on leaving into the pause: a loaded three-worker
// chaos run saw two workers send 14 requests 330–406 ms into one, learning of it only by polling
// 0.8 s after the database was back. So nothing leaves while this worker is deaf.
//
// It hears again when the connection is back *and* a poll of the pauses started after that has
// succeeded (what was announced meanwhile is lost with the connection). Where listening stays
// impossible while the database answers, polling alone lets sending go on after DEAF_HOLD_MAX_MS.

/** A deaf worker's pumps look again this often. */
export const DEAF_RECHECK_MS = 20;
/** A worker deaf this long goes on with polling alone once a poll of the pauses succeeds. */
export const DEAF_HOLD_MAX_MS = 10_000;

export interface HearingSnapshot {
  listening: boolean;
  backs: number;
  at: number;
}

export class Hearing {
  private deafSince = 0;
  private listening = true;
  private backs = 0;

  /** The listening connection was lost. */
  lost(now = Date.now()) {
    this.listening = false;
    if (!this.deafSince) this.deafSince = now;
  }

  /** The listening connection is back (announcements from now on are heard). */
  back() {
    this.listening = true;
    this.backs += 1;
  }

  get deaf(): boolean {
    return this.deafSince > 0;
  }

  /** Taken right before a poll of the pauses. */
  snapshot(now = Date.now()): HearingSnapshot {
    return { listening: this.listening, backs: this.backs, at: now };
  }

  /** The poll of the pauses that began at `before` succeeded (and its pauses are noted). */
  polled(before: HearingSnapshot) {
    if (!this.deafSince) return;
    const heardThroughout = before.listening && this.listening && this.backs === before.backs;
    if (heardThroughout || before.at - this.deafSince >= DEAF_HOLD_MAX_MS) this.deafSince = 0;
  }
}
