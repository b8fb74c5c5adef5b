// The circuit breaker (issue 17 point 10; the rule in domain/send/breaker.ts). A worker counts the
// outcomes it has written, per lane, in memory; at the end of each flush of outcomes
// (outcome-buffer.ts) it adds them to two windows in the database with one statement — the lane's
// (its run on that channel) and the channel's (over all its sends) — and reads both back. Nothing
// scans deliveries.
//
// A lane's window over the threshold pauses its run (the pause a person makes, authored by the
// breaker, with the reason in the log and on the run). A channel's window over it pauses every run
// delivering on that channel: a platform judges a bot by its block rate over everything it sends,
// so many small bad sends are as risky as one big one. Either window then counts afresh; resuming
// — only a person does it — resets the run's windows and its channels' (storage/queries/runs.ts).
import type { EngineContext } from './types.ts';
import type { ChannelInfo } from './worker-cache.ts';
import type { RecordedOutcome } from './sql/record.ts';
import { breakerReason, REFUSED_OUTCOMES, trips, type BreakerSettings } from '../domain/send/breaker.ts';
import { pauseRun } from '../storage/queries/runs.ts';
import {
  addToWindows,
  channelKey,
  ensureWindows,
  laneKey,
  liveRunsOnChannel,
  tripWindow,
  type WindowAdd,
  type WindowRow,
} from './sql/breaker.ts';

/**
 * At most one write of the windows this often per worker: the counts wait in memory meanwhile.
 * A tenth of a second later to trip costs a few messages; a statement per outcome flush (every
 * 20 ms) would double the statements of a worker's busiest path.
 */
export const BREAKER_EVERY_MS = 100;

/** The actor id of an automatic pause (services/actor-names.ts names it). */
export const BREAKER_ACTOR = 'breaker';

export interface LaneBreaker {
  runId: number;
  channelId: number;
  /** "Telegram", as the log names the platform. */
  platformName: string;
  channelName: string;
  /** Null: the channel has no breaker. */
  settings: BreakerSettings | null;
}

/** What a lane of `runId` on the channel counts towards (the channel's settings as the worker last loaded them). */
export function breakerOf(runId: number, info: ChannelInfo): LaneBreaker {
  const percent = info.row.breaker_percent;
  return {
    runId,
    channelId: info.row.id,
    platformName: info.client.displayName,
    channelName: info.row.name,
    settings: percent === null || percent === undefined ? null : { percent: Number(percent), window: info.row.breaker_window },
  };
}

interface Tally {
  n: number;
  r: number;
}

export class Breaker {
  private readonly lanes = new Map<number, LaneBreaker>();
  private readonly tallies = new Map<number, Tally>();
  /** Window rows this worker knows exist (created once each). */
  private readonly ensured = new Set<string>();
  private lastWrite = 0;
  /** Writes counts that came within BREAKER_EVERY_MS of the last write, should no flush follow. */
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly ctx: EngineContext) {}

  /** What a lane's outcomes count towards: called before its outcomes are pushed. */
  noteLane(laneId: number, lane: LaneBreaker) {
    if (this.lanes.size > 5_000 && !this.lanes.has(laneId)) this.lanes.clear();
    this.lanes.set(laneId, lane);
  }

  /** Outcomes of a lane that were just written. */
  count(laneId: number, outcomes: RecordedOutcome[]) {
    let n = 0;
    let r = 0;
    for (const o of outcomes) {
      const t = o.transition;
      if (t.state !== 'sent' && t.state !== 'failed' && t.state !== 'unknown') continue;
      n += 1;
      if (t.state === 'failed' && t.outcome !== null && REFUSED_OUTCOMES.has(t.outcome)) r += 1;
    }
    if (n === 0) return;
    const tally = this.tallies.get(laneId);
    if (tally) {
      tally.n += n;
      tally.r += r;
    } else this.tallies.set(laneId, { n, r });
  }

  /** Adds what was counted to the windows and trips those over the threshold. Never throws. */
  async flush(): Promise<void> {
    if (this.tallies.size === 0) return;
    const wait = this.lastWrite + BREAKER_EVERY_MS - Date.now();
    if (wait > 0) {
      this.timer ??= setTimeout(() => {
        this.timer = null;
        void this.flush();
      }, wait);
      return;
    }
    this.lastWrite = Date.now();
    const tallies = [...this.tallies.entries()];
    this.tallies.clear();
    const adds = new Map<string, WindowAdd>();
    const settingsOf = new Map<string, { settings: BreakerSettings; lane: LaneBreaker; laneId: number | null }>();
    for (const [laneId, tally] of tallies) {
      const lane = this.lanes.get(laneId);
      if (!lane?.settings) continue;
      const size = lane.settings.window;
      adds.set(laneKey(laneId), { key: laneKey(laneId), laneId, channelId: null, n: tally.n, r: tally.r, size });
      settingsOf.set(laneKey(laneId), { settings: lane.settings, lane, laneId });
      const ck = channelKey(lane.channelId);
      const channel = adds.get(ck);
      if (channel) {
        channel.n += tally.n;
        channel.r += tally.r;
      } else {
        adds.set(ck, { key: ck, laneId: null, channelId: lane.channelId, n: tally.n, r: tally.r, size });
        settingsOf.set(ck, { settings: lane.settings, lane, laneId: null });
      }
    }
    if (adds.size === 0) return;
    let rows: WindowRow[];
    try {
      const fresh = [...adds.values()].filter((a) => !this.ensured.has(a.key));
      await ensureWindows(this.ctx.db, fresh);
      if (this.ensured.size > 20_000) this.ensured.clear();
      for (const a of fresh) this.ensured.add(a.key);
      rows = await addToWindows(this.ctx.db, [...adds.values()]);
    } catch (error) {
      // Counted again at the next flush: the windows are an estimate, and an outage is not a trip.
      this.ctx.logger.warn({ err: error }, 'could not count outcomes for the circuit breaker; will retry');
      for (const [laneId, tally] of tallies) this.addTally(laneId, tally);
      return;
    }
    const returned = new Set(rows.map((r) => r.key));
    for (const key of adds.keys()) if (!returned.has(key)) this.ensured.delete(key);
    for (const row of rows) {
      const of = settingsOf.get(row.key);
      if (!of) continue;
      const reading = trips(row, of.settings);
      if (!reading) continue;
      try {
        await this.trip(row, of.lane, of.laneId, breakerReason(reading, of.settings, this.where(of.lane, of.laneId)));
      } catch (error) {
        this.ctx.logger.error({ err: error, window: row.key }, 'could not pause for the circuit breaker');
      }
    }
  }

  /** The worker stops: no timer may outlive it (counts not written yet are dropped: the windows are an estimate). */
  cancelTimer() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private addTally(laneId: number, tally: Tally) {
    const t = this.tallies.get(laneId);
    if (t) {
      t.n += tally.n;
      t.r += tally.r;
    } else this.tallies.set(laneId, { ...tally });
  }

  private where(lane: LaneBreaker, laneId: number | null): string {
    return laneId !== null
      ? `on ${lane.platformName}`
      : `on the ${lane.platformName} channel${lane.channelName ? ` “${lane.channelName}”` : ''}, over all its sends,`;
  }

  /** One worker wins the trip; it pauses the lane's run, or every live run on the channel. */
  private async trip(row: WindowRow, lane: LaneBreaker, laneId: number | null, reason: string) {
    const paused = await this.ctx.db.transaction(async (tx) => {
      if (!(await tripWindow(tx, row.key, row.epoch))) return [];
      const runIds = laneId !== null ? [lane.runId] : await liveRunsOnChannel(tx, lane.channelId);
      const done: number[] = [];
      for (const runId of runIds) if (await pauseRun(tx, runId, BREAKER_ACTOR, 'the circuit breaker', reason)) done.push(runId);
      return done;
    });
    if (paused.length > 0) this.ctx.logger.warn({ window: row.key, runs: paused, reason }, 'circuit breaker paused runs');
  }
}
