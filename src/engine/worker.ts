// A delivery worker. Any number of them, in any number of processes, share the work through the
// database only:
//  - per channel with claimable work it runs pumps that claim small batches (sql/claim.ts) — the
//    claim commits `in_flight` before any request leaves, and the claim's progress mark is raised
//    ahead of the requests (claim-progress.ts), so recovery returns what never left to the queue;
//  - each claimed delivery is sent at its reserved slot (the channel's rate holds across workers);
//  - outcomes are classified by the platform module, mapped to transitions (outcomes.ts) and
//    written in batches per lane (outcome-buffer.ts, sql/record.ts);
//  - a "slow down" answer pauses that channel only, here at once and for every other worker
//    through channel_pacing (channel-pauses.ts); nothing leaves while the other workers' pauses
//    cannot reach this one (hearing.ts).
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Outcome } from '../platforms/types.ts';
import type { EngineContext } from './types.ts';
import type { EnginePorts } from './ports.ts';
import { leftOutTransition, releaseTransition, transitionFor, type Transition } from './outcomes.ts';
import {
  activePauses,
  channelsWithWork,
  claimDeliveries,
  delaySlots,
  delaySlotsIfUnreserved,
  pickLane,
  reserveSlots,
  type Claim,
  type ClaimedDelivery,
} from './sql/claim.ts';
import { heartbeat, registerWorker, unregisterWorker } from './sql/workers.ts';
import { claimTag, closeClaimMark, openClaimMark } from './sql/claim-marks.ts';
import { ClaimProgress } from './claim-progress.ts';
import { MessageRenderer } from './render.ts';
import { claimTemplate, renderTemplateFor } from './template-render.ts';
import { Semaphore, sleep } from './semaphore.ts';
import { DbClock } from './db-clock.ts';
import { OutcomeBuffer } from './outcome-buffer.ts';
import { countTransition, markStep, PUMPS_PER_CHANNEL, type WorkerStats } from './worker-sizing.ts';
import { WorkerPauses } from './channel-pauses.ts';
import { ChannelCache, RunCache, type ChannelInfo, type RunInfo } from './worker-cache.ts';
import { CLAIM_HORIZON_MS, ClaimSlots, RATE_SAFETY, SendWindows, UNPACED_RATE } from './pacer.ts';
import { Breaker, breakerOf } from './breaker.ts';
import { DEAF_RECHECK_MS, Hearing } from './hearing.ts';

/** How often a pump that finds nothing above a lane's claim cursor may look below it (sql/claim.ts). */
const RESCAN_EVERY_MS = 2_000;

export class Worker {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  readonly stats: WorkerStats = { sent: 0, failed: 0, requeued: 0, unknown: 0, pauses: 0, leftOut: 0, lateWrites: 0 };
  private stopping = false;
  private readonly pumps = new Map<number, number>();
  private readonly pumpPromises = new Set<Promise<void>>();
  readonly pauses: WorkerPauses;
  /** Whether the other workers' pauses can reach this one (hearing.ts): nothing leaves while deaf. */
  readonly ears = new Hearing();
  private readonly sendWindows = new SendWindows();
  private readonly channels: ChannelCache;
  private readonly runs: RunCache;
  private readonly outcomes: OutcomeBuffer;
  private readonly breaker: Breaker;
  private readonly clock: DbClock;
  /** Requests started and not yet answered; `drained` is called when the count falls to 0. */
  private inFlight = 0;
  private drained: (() => void) | null = null;
  private readonly semaphore: Semaphore;
  private readonly renderer = new MessageRenderer();
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** Set by a wake-up: the main loop looks again without waiting for the poll. */
  private nudged = false;
  /** Wake-ups so far (a pump that finds nothing after one arrived has the main loop look again). */
  private wakes = 0;
  /** When each lane was last rescanned below its claim cursor (sql/claim.ts). */
  private readonly lastRescan = new Map<number, number>();
  /** Claims so far: a claim's tag is the worker id and this number. */
  private claims = 0;

  constructor(
    private readonly ctx: EngineContext,
    ports: Pick<EnginePorts, 'channelContext'>,
  ) {
    this.semaphore = new Semaphore(ctx.settings.concurrency);
    this.channels = new ChannelCache(ctx, ports);
    this.runs = new RunCache(ctx.db);
    this.breaker = new Breaker(ctx);
    this.outcomes = new OutcomeBuffer(ctx, () => this.stopping, this.breaker);
    this.clock = new DbClock(ctx.db);
    this.pauses = new WorkerPauses(ctx, this.clock, () => this.stopping);
  }

  async start() {
    await registerWorker(this.ctx.db, this.id, hostname(), process.pid);
    for (let i = 0; i < 5; i++) await this.clock.probe();
    await this.pauses.start(this.id);
    this.loop = this.mainLoop();
  }

  /** Graceful stop: no new claims, claimed-but-unsent deliveries go back to the queue, in-flight requests finish, outcomes are written. */
  async stop() {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    await Promise.all([...this.pumpPromises]);
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    await this.outcomes.flush();
    this.outcomes.cancelTimer();
    this.pauses.stop();
    await unregisterWorker(this.ctx.db, this.id).catch(() => {});
  }

  /** Another worker was told to slow down on a channel (a wake-up): no request of ours leaves on it until `untilDbMs`. */
  notePause(channelId: number, untilDbMs: number) {
    this.pauses.heard(channelId, untilDbMs, 'notify');
  }

  /** Wakes the worker now instead of at its next poll (a wake-up: deliveries became claimable). */
  nudge() {
    this.wakes += 1;
    this.lookAgain();
  }

  /** The main loop looks for work now, or once more right after the look it is taking. */
  private lookAgain() {
    this.nudged = true;
    this.wake?.();
  }

  private async mainLoop() {
    let lastBeat = 0;
    while (!this.stopping) {
      this.nudged = false;
      try {
        const now = Date.now();
        if (now - lastBeat >= this.ctx.settings.heartbeatMs) {
          lastBeat = now;
          await this.clock.probe();
          if (!(await heartbeat(this.ctx.db, this.id))) {
            // Presumed dead by others (a long stall): what we had in flight was already settled.
            this.ctx.logger.warn({ worker: this.id }, 'worker row was gone; registering again');
            await registerWorker(this.ctx.db, this.id, hostname(), process.pid);
            await this.pauses.peers?.register();
          } else void this.pauses.peers?.refresh();
        }
        const ears = this.ears.snapshot();
        const pauses = await activePauses(this.ctx.db);
        for (const [channelId, until] of pauses) this.pauses.heard(channelId, until, 'poll');
        this.ears.polled(ears);
        // The data folder's disk below its reserve (embedded mode): no new claims; what is in flight finishes.
        const channels = this.diskLow() ? [] : await channelsWithWork(this.ctx.db);
        for (const channelId of channels) {
          const running = this.pumps.get(channelId) ?? 0;
          for (let i = running; i < PUMPS_PER_CHANNEL; i++) this.startPump(channelId);
        }
      } catch (error) {
        if (!this.stopping) this.ctx.logger.error({ err: error }, 'worker poll failed');
      }
      if (!this.nudged && !this.stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.ctx.settings.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      this.wake = null;
    }
  }

  private startPump(channelId: number) {
    this.pumps.set(channelId, (this.pumps.get(channelId) ?? 0) + 1);
    const p = this.pump(channelId)
      .catch((error) => {
        if (!this.stopping) this.ctx.logger.error({ err: error, channelId }, 'pump failed');
      })
      .finally(() => {
        this.pumps.set(channelId, (this.pumps.get(channelId) ?? 1) - 1);
        this.pumpPromises.delete(p);
      });
    this.pumpPromises.add(p);
  }

  private claimSize(info: ChannelInfo): number {
    return Math.max(1, Math.min(this.ctx.settings.batchSize, Math.ceil((info.ratePerSecond * CLAIM_HORIZON_MS) / 1000)));
  }

  private async pump(channelId: number) {
    // The mark of this pump's last claim, dropped by its next claim or when the pump ends.
    let lastTag: string | null = null;
    try {
      lastTag = await this.pumpClaims(channelId);
    } finally {
      const tag = lastTag;
      if (tag) await closeClaimMark(this.ctx.db, tag).catch(() => {});
    }
  }

  private async pumpClaims(channelId: number): Promise<string | null> {
    let lastTag: string | null = null;
    while (!this.stopping) {
      const paused = this.pauses.pausedUntil(channelId);
      if (paused || this.ears.deaf) {
        await sleep(paused ? paused - Date.now() : DEAF_RECHECK_MS);
        continue;
      }
      if (this.diskLow()) return lastTag;
      const info = await this.channels.get(channelId);
      if (!info || info.row.status === 'disabled') return lastTag;
      const wakes = this.wakes;
      const claim = await this.claim(info, lastTag);
      if (!claim) {
        // Woken meanwhile: the main loop may have counted this pump as running and started none.
        if (this.wakes !== wakes) queueMicrotask(() => this.lookAgain());
        return lastTag;
      }
      lastTag = claim.tag;
      this.settleLeftOut(claim);
      const released = claim.deliveries.length > 0 && (await this.dispatch(info, claim));
      // The next claim or the pump's end drops this claim's mark: what never left is written back
      // first, or a kill meanwhile leaves it `unknown` (test/integration/release-before-mark.test.ts).
      if (released || claim.leftOut.length > 0) await this.outcomes.settle(() => this.stopping);
    }
    return lastTag;
  }

  private async claim(info: ChannelInfo, previousTag: string | null): Promise<Claim | null> {
    const rate = info.ratePerSecond * RATE_SAFETY;
    const tag = claimTag(this.id, ++this.claims);
    return this.ctx.db.transaction(async (tx) => {
      const lane = await pickLane(tx, info.row.id);
      if (!lane) return null;
      const run = await this.runs.get(lane.run_id, tx);
      const rescan = Date.now() - (this.lastRescan.get(lane.id) ?? 0) >= RESCAN_EVERY_MS;
      const { deliveries, rescanned } = await claimDeliveries(tx, lane.id, {
        limit: this.claimSize(info),
        workerId: tag,
        withProfile: run.personalised,
        rescan,
        window: info.client.messagingWindow,
        template: claimTemplate(run.content, info.client),
        optOut: run.honoursOptOut,
      });
      if (rescanned) this.lastRescan.set(lane.id, Date.now());
      if (deliveries.length === 0) return null;
      // Sent in id order: the progress mark is "every row of the claim up to this id may have left".
      deliveries.sort((a, b) => Number(a.id) - Number(b.id));
      await openClaimMark(tx, { tag, laneId: lane.id, lastId: Number(deliveries[deliveries.length - 1].id) }, previousTag);
      // Ruled out by the platform's policy now: settled without a request and without a slot
      // (their outcomes are pushed once this transaction has committed them in_flight).
      const leftOut = deliveries.filter((d) => d.leftOut);
      const sendable = leftOut.length > 0 ? deliveries.filter((d) => !d.leftOut) : deliveries;
      const slots = sendable.length > 0 ? await reserveSlots(tx, info.row.id, sendable.length, rate) : { firstSlotMs: 0 };
      return { laneId: lane.id, runId: lane.run_id, deliveries: sendable, leftOut, tag, ...slots };
    });
  }

  /** Sends a claim's deliveries at their slots; returns once every one has been started or released: true when some were released. */
  private async dispatch(info: ChannelInfo, claim: Claim): Promise<boolean> {
    const run = await this.runs.get(claim.runId);
    this.outcomes.noteWorkspace(claim.laneId, run.workspaceId);
    this.breaker.noteLane(claim.laneId, breakerOf(claim.runId, info));
    const renderKey = `${claim.runId}:${info.row.id}`;
    const paced = info.ratePerSecond < UNPACED_RATE;
    const slots = new ClaimSlots(
      this.clock.toLocal(claim.firstSlotMs),
      claim.deliveries.length,
      claim.deliveries.length,
      1000 / (info.ratePerSecond * RATE_SAFETY),
      this.sendWindows.get(info.row.id, info.ratePerSecond),
      info.row.id,
    );
    const hooks = {
      halted: () => this.stopping || this.ears.deaf || this.pauses.pausedUntil(info.row.id) > 0,
      reserve: async (count: number) =>
        this.clock.toLocal((await reserveSlots(this.ctx.db, info.row.id, count, info.ratePerSecond * RATE_SAFETY)).firstSlotMs),
      late: (ms: number) => {
        this.stats.lateWrites += 1;
        delaySlots(this.ctx.db, info.row.id, ms).catch((error) => this.ctx.logger.warn({ err: error }, 'could not move slots back'));
      },
      lateIfUnreserved: (ms: number, beforeLocalMs: number) =>
        delaySlotsIfUnreserved(this.ctx.db, info.row.id, ms, this.clock.toDb(beforeLocalMs)),
    };
    const items = claim.deliveries;
    const progress = new ClaimProgress(
      this.ctx.db,
      claim.tag,
      items.map((d) => Number(d.id)),
      markStep(this.ctx.settings),
    );
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      await this.semaphore.acquire();
      // Before its slot is waited for (a database round trip after it would make the request late).
      let mayStart: boolean;
      try {
        mayStart = await progress.mayStart(i);
      } catch (error) {
        this.semaphore.release();
        this.ctx.logger.error({ err: error }, 'could not mark requests as leaving; releasing the rest of the batch');
        this.releaseRest(claim, items.slice(i), 0);
        return true;
      }
      if (!mayStart) {
        // Presumed dead during a stall: recovery settled this claim. Its rows are no longer ours.
        this.semaphore.release();
        this.ctx.logger.warn({ worker: this.id, claim: claim.tag }, 'claim was recovered meanwhile; sending none of the rest');
        return false;
      }
      // Above UNPACED_RATE the channel is effectively unlimited (benchmarks): no slot is waited for.
      let go = true;
      if (paced) {
        try {
          go = await slots.next(i, hooks);
        } catch (error) {
          this.semaphore.release();
          this.ctx.logger.error({ err: error }, 'could not reserve new slots; releasing the rest of the batch');
          this.releaseRest(claim, items.slice(i), 0);
          return true;
        }
      }
      // Checked after every wait, right before the request leaves: a pause learned meanwhile wins.
      if (!go || this.stopping || this.ears.deaf || this.pauses.pausedUntil(info.row.id)) {
        this.semaphore.release();
        this.releaseRest(claim, items.slice(i), this.pauses.pausedUntil(info.row.id));
        return true;
      }
      this.inFlight += 1;
      void this.sendOne(info, claim, renderKey, run, item);
      // The client wrote the request synchronously (up to its first await): it has left now.
      if (paced) slots.left(Number(item.id), hooks);
    }
    return false;
  }

  /** Deliveries a platform's messaging window rules out: written with the other outcomes, never sent. */
  private settleLeftOut(claim: Claim) {
    for (const item of claim.leftOut) {
      const transition = leftOutTransition(item.leftOut ?? 'outside_window');
      countTransition(this.stats, transition);
      this.outcomes.push(claim.laneId, { deliveryId: item.id, subscriberId: item.subscriberId, claimTag: claim.tag, transition });
    }
  }

  private releaseRest(claim: Claim, rest: ClaimedDelivery[], pausedUntilMs: number) {
    const t = releaseTransition(pausedUntilMs ? new Date(pausedUntilMs) : null);
    for (const item of rest)
      this.outcomes.push(claim.laneId, { deliveryId: item.id, subscriberId: item.subscriberId, claimTag: claim.tag, transition: t });
  }

  /** Sends one delivery and buffers its outcome; never throws. Frees its semaphore slot when done. */
  private async sendOne(info: ChannelInfo, claim: Claim, renderKey: string, run: RunInfo, item: ClaimedDelivery) {
    let outcome: Outcome;
    try {
      const message = item.viaTemplate
        ? renderTemplateFor(run.content, info.client, item, run.data)
        : this.renderer.delivery(renderKey, run, info.client, item, this.ctx.settings.clickLinks);
      outcome = await info.client.send(info.context, {
        recipient: item.recipient,
        message,
        dedupKey: String(item.id),
        timeoutMs: this.ctx.settings.requestTimeoutMs,
      });
    } catch (error) {
      // A bug in a client: the request may or may not have left. Never guess "not sent".
      outcome = { class: 'unknown', code: 'client_error', text: String((error as Error)?.message ?? error).slice(0, 500) };
    }
    const transition = transitionFor(outcome, item.attempts, {
      maxAttempts: this.ctx.settings.maxAttempts,
      backoffBaseMs: this.ctx.settings.backoffBaseMs,
      maxBackoffMs: this.ctx.settings.maxBackoffMs,
      deduplicates: info.client.deduplicates,
      now: new Date(),
    });
    countTransition(this.stats, transition);
    if (transition.pauseChannelMs > 0) await this.pause(info, transition);
    this.outcomes.push(claim.laneId, { deliveryId: item.id, subscriberId: item.subscriberId, claimTag: claim.tag, transition });
    // Only now: stop() waits for the count to reach 0 and then writes what was pushed.
    this.semaphore.release();
    if (--this.inFlight === 0 && this.drained) {
      this.drained();
      this.drained = null;
    }
  }

  private async pause(info: ChannelInfo, t: Transition) {
    const until = this.pauses.read(info.row.id, t.pauseChannelMs);
    if (!until) return;
    this.stats.pauses += 1;
    await this.pauses.write(info.row, t, until);
  }

  /** The disk reserve says stop writing new work (the main loop starts pumps again once it is back). */
  private diskLow(): boolean {
    return this.ctx.disk?.state.ok === false;
  }

  /** Writes the outcomes learned so far (stop() does it last). */
  flush(): Promise<void> {
    return this.outcomes.flush();
  }
}
