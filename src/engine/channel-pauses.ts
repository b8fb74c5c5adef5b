// A "slow down" answer pauses that channel only: here at once, for every other worker through
// channel_pacing (announced to listening workers as it is written, polled by all, and honoured by
// every later claim), and in the log of every run it holds up.
import type { Db } from '../storage/db.ts';
import type { EngineContext } from './types.ts';
import { sleep } from './semaphore.ts';
import type { ChannelRow } from '../storage/queries/channels.ts';
import { logRun } from '../storage/queries/runs.ts';
import type { Transition } from './outcomes.ts';
import { pauseChannel } from './sql/claim.ts';
import { WAKE_CHANNEL, pauseTopic } from '../storage/queries/wake.ts';
import type { DbClock } from './db-clock.ts';
import { PeerPauses } from './peer-pauses.ts';
import { tracePause } from './pacer.ts';

/** The pauses this worker knows of, per channel: ms since epoch on this machine's clock. */
export class ChannelPauses {
  private readonly until = new Map<number, number>();

  /** True when this moves the channel's pause end later (a pause this worker did not know of yet). */
  note(channelId: number, untilMs: number): boolean {
    if ((this.until.get(channelId) ?? 0) >= untilMs) return false;
    this.until.set(channelId, untilMs);
    return true;
  }

  /** When the channel's pause ends, or 0 when it is not paused. */
  pausedUntil(channelId: number): number {
    const until = this.until.get(channelId) ?? 0;
    return until > Date.now() ? until : 0;
  }
}

/**
 * Tells every listening worker of a pause at once, before it is written: one NOTIFY on the
 * listening connection, which no claim or outcome write keeps busy. Through the pool, behind a
 * worker's claims, the write and its NOTIFY took 220–360 ms at load 30 on 2 cores, and the other
 * workers went on sending meanwhile. Best effort: the write that follows announces it again, and
 * every worker polls. `untilDbMs` is on the database clock, as every pause topic.
 */
export function announcePause(ctx: Pick<EngineContext, 'db'>, channelId: number, untilDbMs: number) {
  ctx.db.notifyNow?.(WAKE_CHANNEL, pauseTopic(channelId, untilDbMs)).catch(() => {});
}

/** A pause that could not be written is tried again this often (one statement) until it is written or over. */
const RETRY_PAUSE_WRITE_MS = 20;

interface PausedRun {
  run_id: number;
}

/**
 * Writes the pause for every worker and logs it on each run with work left on the channel.
 * `remainingMs`: what is left of it when it is written late (the database was away).
 */
export async function recordPause(db: Db, channel: Pick<ChannelRow, 'id' | 'platform'>, t: Transition, remainingMs = t.pauseChannelMs) {
  const dbUntil = await pauseChannel(db, channel.id, remainingMs, `${t.code ?? ''} ${t.text ?? ''}`.trim());
  const runs = await db.query<PausedRun>(
    `SELECT DISTINCT l.run_id FROM run_lanes l JOIN runs r ON r.id = l.run_id
     WHERE l.channel_id = $1 AND r.state IN ('materialising', 'delivering') AND l.queued + l.in_flight > 0`,
    [channel.id],
  );
  const seconds = Math.round(t.pauseChannelMs / 100) / 10;
  for (const r of runs) {
    await logRun(db, r.run_id, 'paused', `${channel.platform} asked to slow down: channel paused for ${seconds} s`, {
      channelId: channel.id,
      platform: channel.platform,
      pauseMs: t.pauseChannelMs,
      until: dbUntil,
      code: t.code,
      text: t.text,
    });
  }
}

/**
 * Writes a pause this worker already honours (it is in its memory) for the others. When the
 * database is away (a restart), this worker holds the channel itself meanwhile and keeps trying in
 * the background, for what is left of the pause, until it is written or over.
 */
export async function writePause(
  ctx: Pick<EngineContext, 'db' | 'logger'>,
  channel: Pick<ChannelRow, 'id' | 'platform'>,
  t: Transition,
  untilMs: number,
  stopping: () => boolean,
) {
  let failures = 0;
  const attempt = async () => {
    try {
      await recordPause(ctx.db, channel, t, untilMs - Date.now());
      if (failures > 0) ctx.logger.info({ channelId: channel.id, failures }, 'channel pause written');
      return true;
    } catch (error) {
      // Logged once: the retries below are a statement every 20 ms while the database is away.
      if (failures++ === 0)
        ctx.logger.error({ err: error, channelId: channel.id }, 'could not record a channel pause; trying again until it is written');
      return false;
    }
  };
  if (await attempt()) return;
  // Every RETRY_PAUSE_WRITE_MS, not backing off: once the database is back, the other workers claim
  // again within a poll, and a claim made before the pause is written sends inside it (chaos run:
  // requests 1.7–1.9 s into a 2 s pause with retries backing off to 1 s).
  void (async () => {
    while (!stopping() && untilMs - Date.now() > RETRY_PAUSE_WRITE_MS) {
      await sleep(RETRY_PAUSE_WRITE_MS);
      if (await attempt()) return;
    }
  })();
}

/**
 * A worker's side of pauses: what it knows (its own reads, the others' by datagram, NOTIFY or
 * poll), and what it tells when it reads a "slow down" itself — at once to its peers and to the
 * listening workers, then written for all (writePause).
 */
export class WorkerPauses {
  private readonly known = new ChannelPauses();
  /** Pauses told to and by the other workers directly (PostgreSQL with a peer host): peer-pauses.ts. */
  peers: PeerPauses | null = null;

  constructor(
    private readonly ctx: Pick<EngineContext, 'db' | 'logger' | 'settings'>,
    private readonly clock: DbClock,
    private readonly stopping: () => boolean,
  ) {}

  /** Listens for the other workers' datagrams (PostgreSQL only: on PGlite one process is all). */
  async start(workerId: string) {
    const host = this.ctx.settings.peerHost;
    if (!host || this.ctx.db.engine !== 'postgres') return;
    this.peers = new PeerPauses(this.ctx.db, this.ctx.logger, workerId, {
      host,
      onPause: (channelId, untilDbMs) => this.heard(channelId, untilDbMs, 'peer'),
      dbNow: () => this.clock.toDb(Date.now()),
    });
    await this.peers.start();
  }

  stop() {
    this.peers?.stop();
  }

  /** When the channel's pause ends (this machine's clock), or 0 when it is not paused. */
  pausedUntil(channelId: number): number {
    return this.known.pausedUntil(channelId);
  }

  /** Another worker's pause (database clock): by datagram, NOTIFY or poll. */
  heard(channelId: number, untilDbMs: number, source: 'notify' | 'peer' | 'poll') {
    if (this.known.note(channelId, this.clock.toLocal(untilDbMs))) tracePause(channelId, source);
  }

  /**
   * This worker read a "slow down": held here at once and told to the others in the same tick.
   * Returns the pause's end when it is new (the caller then counts it and writes it), else 0.
   */
  read(channelId: number, pauseMs: number): number {
    const alreadyPaused = this.known.pausedUntil(channelId);
    const until = Date.now() + pauseMs;
    if (this.known.note(channelId, until)) tracePause(channelId, 'read');
    if (alreadyPaused >= until - 50) return 0;
    this.peers?.announce(channelId, this.clock.toDb(until));
    announcePause(this.ctx, channelId, this.clock.toDb(until));
    return until;
  }

  /** Writes a pause `read` returned for every worker (see writePause). */
  write(channel: Pick<ChannelRow, 'id' | 'platform'>, t: Transition, untilMs: number) {
    return writePause(this.ctx, channel, t, untilMs, this.stopping);
  }
}
