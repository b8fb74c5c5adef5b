// Pacing of one claim's requests (docs/engine.md, "Pacing"). Two rules, both checked right before a
// request leaves:
//  1. Slots. The claim reserved one slot per delivery on the channel's pacing row (sql/claim.ts),
//     spaced 1/(rate × RATE_SAFETY) apart whichever worker holds them. A request leaves at its slot
//     or at most LATE_TOLERANCE_MS after it; later than that (event-loop stall, busy machine) it
//     takes the next slot of the range instead, so slots missed during a stall are never caught up
//     in a burst. This is what holds the limit across worker processes.
//  2. The send window. This process keeps, per channel, the start times of its last `limit`
//     requests, and never starts request k before (start of request k − limit) + 1 s + margin: no
//     1-second window of its own requests exceeds the limit, whatever its slots say (a clock offset
//     re-estimated between two claims, a bug).
// Why the budget is split this way: a window of 1000 + d ms holds at most r × (1000 + d) / 1000
// slots; with r = limit × RATE_SAFETY that is ≤ limit while d ≤ 1000 / RATE_SAFETY − 1000 = 20 ms.
// The lateness tolerance takes 5 ms of it, the offset between workers' clock estimates and the
// jitter on the way to the platform the other 15 (a loaded 2-core machine showed 17 ms). A request
// later than that still never crowds a window: see `next` (slow channels) and `left` (late writes).
import { createWriteStream, type WriteStream } from 'node:fs';
import { sleep } from './semaphore.ts';

/** Slots are reserved 20 ms per second below the nominal rate (98 % of the limit). */
export const RATE_SAFETY = 1000 / 1020;
/** A request at most this late for its slot still goes; a later one takes the next slot. */
export const LATE_TOLERANCE_MS = 5;
/** A rate-limited channel claims about this much sending time at once. */
export const CLAIM_HORIZON_MS = 250;
/** Channels at or above this rate are treated as unlimited (no slot waits): benchmarks, paid broadcasts. */
export const UNPACED_RATE = 50_000;
/** Slots at least this far apart (rates up to 50/s) let a late request go after moving later slots back. */
const LATE_GO_MIN_SPACING_MS = 20;
/** Moved back this much more than the request is late: the statement's round trip (else it skips after all). */
const LATE_GO_CUSHION_MS = 10;
/** Request k never starts before request k − limit + 1 s + this (ms clocks, a platform's rounding). */
const WINDOW_MARGIN_MS = 5;

/** This process's last `limit` request start times on one channel (a ring). */
export class SendWindow {
  private readonly starts: Float64Array;
  private next = 0;

  constructor(readonly limit: number) {
    this.starts = new Float64Array(Math.max(1, Math.floor(limit))).fill(-Infinity);
  }

  /** The earliest time the next request may start (ms since epoch, this machine's clock). */
  earliest(): number {
    return this.starts[this.next] + 1000 + WINDOW_MARGIN_MS;
  }

  /** Takes the next entry for a request starting at `t`; returns it, for `left`. */
  record(t: number): number {
    const entry = this.next;
    this.starts[entry] = t;
    this.next = (this.next + 1) % this.starts.length;
    return entry;
  }

  /** The request of `entry` was handed to the socket at `t` (a stall may have come in between). */
  left(entry: number, t: number) {
    this.starts[entry] = Math.max(this.starts[entry], t);
  }
}

/** One send window per channel of this process, shared by the channel's pumps. */
export class SendWindows {
  private readonly byChannel = new Map<number, SendWindow>();

  get(channelId: number, limit: number): SendWindow {
    let w = this.byChannel.get(channelId);
    if (!w || w.limit !== limit) {
      w = new SendWindow(limit);
      this.byChannel.set(channelId, w);
    }
    return w;
  }
}

export interface SlotHooks {
  /** True when nothing more may leave (a pause, a stop): checked after every wait. */
  halted(): boolean;
  /** Reserves `count` fresh slots; resolves to the first one on this machine's clock. */
  reserve(count: number): Promise<number>;
  /** A request left `ms` later than its slot allows: every later reservation moves back that much. */
  late(ms: number): void;
  /**
   * Moves every later reservation back by `ms`, but only while the channel's slots are handed out
   * no further than `beforeLocalMs`: true when it did (a late request may then go, see `next`).
   */
  lateIfUnreserved(ms: number, beforeLocalMs: number): Promise<boolean>;
}

/**
 * The slots of one claim: item i goes at `base + (i − offset) × spacing`. Every skipped slot
 * lowers `offset`; when the range runs out, fresh slots are reserved for the rest only. (Reserving
 * fresh slots for the whole rest at once left every later slot of the range unused: a 30/s channel
 * on PGlite, where the database shares the event loop, achieved 24.5/s.)
 */
export class ClaimSlots {
  private offset = 0;
  /** Slots skipped because the request was late for them; late requests that went after moving later slots back. */
  skipped = 0;
  lateGone = 0;

  constructor(
    private base: number,
    private rangeSlots: number,
    private readonly total: number,
    private readonly spacing: number,
    private readonly window: SendWindow,
    private readonly channelId: number,
  ) {}

  /** The slot and send-window entry of the request that `next` let go, for `left`. */
  private going = { at: 0, entry: 0, pushed: 0 };

  /** Waits until item i may leave; false when halted meanwhile. A failed reservation throws. */
  async next(i: number, hooks: SlotHooks): Promise<boolean> {
    for (;;) {
      if (i - this.offset >= this.rangeSlots) {
        this.base = await hooks.reserve(this.total - i);
        this.offset = i;
        this.rangeSlots = this.total - i;
      }
      const at = this.base + (i - this.offset) * this.spacing;
      // Never before its slot nor its window (a timer may fire a little early: wait again). The
      // last check and the record below are one synchronous step: the other pump cannot slip in.
      for (let due = Math.max(at, this.window.earliest()); Date.now() < due; due = Math.max(at, this.window.earliest())) {
        await sleep(Math.ceil(due - Date.now()));
      }
      if (hooks.halted()) return false;
      const now = Date.now();
      if (now - at <= LATE_TOLERANCE_MS) {
        this.going = { at, entry: this.window.record(now), pushed: 0 };
        return true;
      }
      // Late for its slot: sending now could crowd a window of slots. On a slow channel a skipped
      // slot is a large loss (51 ms at 20/s: two workers at load 20 achieved 11.6/s), so the request
      // may still go if the request `limit` places later has no slot yet: the channel's later
      // reservations move back by the lateness first (one statement), which keeps that one a
      // second away. Otherwise, and on fast channels (where the next slot is only ms away), the
      // slot goes unused and the request takes the next one.
      // Only for the latest slot that has passed: slots missed in a stall are not caught up.
      if (this.spacing >= LATE_GO_MIN_SPACING_MS && now - at < this.spacing) {
        const push = now - at - LATE_TOLERANCE_MS + LATE_GO_CUSHION_MS;
        const ok = await hooks.lateIfUnreserved(push, at + Math.floor(this.window.limit) * this.spacing).catch(() => false);
        if (ok && !hooks.halted() && Date.now() - at - LATE_TOLERANCE_MS <= push && Date.now() >= this.window.earliest()) {
          this.going = { at, entry: this.window.record(Date.now()), pushed: push };
          this.lateGone += 1;
          return true;
        }
      }
      this.offset -= 1;
      this.skipped += 1;
    }
  }

  /**
   * Called right after the request was handed to the HTTP client (its bytes written, as a rule):
   * the process may have been descheduled between the decision and the write (chaos run at load
   * 24 on 2 cores: 29 ms). The send window then counts the later time, and a write later than the
   * slot allows moves every later reservation of the channel back by the excess, so the request a
   * second later (this process's or another's) keeps its distance as the platform sees it.
   */
  left(deliveryId: number, hooks: SlotHooks) {
    const now = Date.now();
    this.window.left(this.going.entry, now);
    trace?.send(this.channelId, deliveryId, this.going.at, now);
    const excess = now - this.going.at - LATE_TOLERANCE_MS - this.going.pushed;
    if (excess > 0) hooks.late(excess);
  }
}

/**
 * BOTCAST_PACING_TRACE=<file> (the chaos run): one line per request as it leaves, `s,<pid>,<channel>,
 * <delivery>,<slot ms>,<start ms>`, one per event-loop stall over 20 ms, `stall,<pid>,<end ms>,<ms>`, and one
 * per channel pause learned, `p,<pid>,<channel>,<ms>,<read|notify|peer|poll>`.
 * Compared with the platform's arrival times it tells whether a crowded window was crowded here or
 * on the way (the platform's own stalls are recorded by the fake server).
 */
class PacingTrace {
  private lines: string[] = [];
  private readonly out: WriteStream;
  private watching = false;

  constructor(path: string) {
    this.out = createWriteStream(path, { flags: 'a' });
  }

  /** From the first request on: the process's start (compiling its modules) is not a stall that matters. */
  private watchStalls() {
    this.watching = true;
    let last = Date.now();
    setInterval(() => {
      const now = Date.now();
      if (now - last > 25) this.lines.push(`stall,${process.pid},${now},${now - last - 5}`);
      last = now;
    }, 5).unref();
    setInterval(() => this.flush(), 100).unref();
  }

  /** When this process learned of a channel pause, and how (`read`: its own 429; `notify`; `poll`). */
  pause(channelId: number, at: number, source: string) {
    this.lines.push(`p,${process.pid},${channelId},${at},${source}`);
  }

  send(channelId: number, deliveryId: number, slot: number, start: number) {
    if (!this.watching) this.watchStalls();
    this.lines.push(`s,${process.pid},${channelId},${deliveryId},${Math.round(slot)},${start}`);
  }

  private flush() {
    if (this.lines.length === 0) return;
    this.out.write(this.lines.join('\n') + '\n');
    this.lines = [];
  }
}

const trace = process.env.BOTCAST_PACING_TRACE ? new PacingTrace(process.env.BOTCAST_PACING_TRACE) : null;

/** Records in the pacing trace (when there is one) that this process learned of a pause. */
export function tracePause(channelId: number, source: 'read' | 'notify' | 'peer' | 'poll') {
  trace?.pause(channelId, Date.now(), source);
}
