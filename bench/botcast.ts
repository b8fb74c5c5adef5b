// Botcast scenarios, the same on both engines. A `Host` gives a Botcast app (services over the
// database; on PGlite it also runs the engine in process) and a way to start and stop workers
// (on PostgreSQL: `node bin/botcast.js worker` processes).
import pino from 'pino';
import type { App } from '../src/app.ts';
import { createBot } from '../src/services/bots.ts';
import { createChannel } from '../src/services/channels.ts';
import { createBroadcast } from '../src/services/sends/create.ts';
import { stopSend } from '../src/services/sends/actions.ts';
import { startDueSends } from '../src/engine/scheduler.ts';
import { materialiseNextRun } from '../src/engine/materialise.ts';
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from '../src/engine/types.ts';
import { seedSubscribers } from '../test/helpers/world.ts';
import { cpuMeter, exactlyOnce, FakeControl, memoryOf, serverRate, sleep, TEXT, token, waitFor, type CpuUse, type Summary } from './lib.ts';

export interface Workers {
  start(count: number, env?: Record<string, string>): Promise<void>;
  pids(): number[];
  /** kill -9 of worker i. */
  crash(i: number): Promise<void>;
  stop(): Promise<void>;
}

export interface Host {
  engine: 'postgres' | 'pglite';
  app: App;
  fake: FakeControl;
  workers: Workers;
}

interface World {
  workspaceId: number;
  botId: number;
  channelId: number;
  token: string;
}

export async function makeWorld(host: Host, args: { size: number; rate: number; label: string }): Promise<World> {
  const { ctx } = host.app;
  const [ws] = await ctx.db.query<{ id: number }>('INSERT INTO workspaces (name) VALUES ($1) RETURNING id', [`bench ${args.label}`]);
  const bot = await createBot(ctx, ws.id, { name: `bench ${args.label}` });
  const tok = token(args.label);
  const channel = await createChannel(ctx, ws.id, bot.id, {
    platform: 'tg',
    credentials: { token: tok },
    ratePerSecond: args.rate,
    apiBaseUrl: host.fake.url,
    verify: false,
  });
  // Seeded set-based in slices (one huge statement is slower on PGlite), then analysed as a
  // long-lived subscribers table would be.
  const slice = 250_000;
  for (let start = 1; start <= args.size; start += slice) {
    await seedSubscribers(ctx.db, {
      workspaceId: ws.id,
      botId: bot.id,
      channelId: channel.id,
      platform: 'tg',
      count: Math.min(slice, args.size - start + 1),
      startAt: start,
    });
  }
  await ctx.db.exec('ANALYZE subscribers');
  return { workspaceId: ws.id, botId: bot.id, channelId: channel.id, token: tok };
}

export async function broadcast(host: Host, w: World, audience: { type: 'all' } | { type: 'selected'; subscriberIds: number[] }) {
  const send = await createBroadcast(
    host.app.ctx,
    w.workspaceId,
    w.botId,
    { content: { type: 'text', text: TEXT }, channelIds: [w.channelId], audience, timing: { type: 'instant' } },
    'bench',
  );
  return Number((send as Record<string, unknown>).id);
}

async function runOf(host: Host, sendId: number): Promise<{ id: number; state: string } | null> {
  const [row] = await host.app.ctx.db.query<{ id: number; state: string }>(
    'SELECT id, state FROM runs WHERE send_id = $1 ORDER BY id DESC LIMIT 1',
    [sendId],
  );
  return row ?? null;
}

async function waitRun(host: Host, sendId: number, states: string[], timeoutMs: number, everyMs = 100) {
  return waitFor(
    `send ${sendId} to be ${states.join('/')}`,
    async () => {
      const run = await runOf(host, sendId);
      return run && states.includes(run.state) ? run : null;
    },
    timeoutMs,
    everyMs,
  );
}

/** Waits until the send's latest run is completed or stopped. */
export async function waitRunDone(host: Host, sendId: number, timeoutMs: number) {
  return waitRun(host, sendId, ['completed', 'stopped'], timeoutMs, host.engine === 'pglite' ? 250 : 100);
}

async function lanes(host: Host, runId: number) {
  const [row] = await host.app.ctx.db.query<{
    recipients: number;
    sent: number;
    failed: number;
    unknown: number;
    cancelled: number;
    queued: number;
    in_flight: number;
  }>(
    `SELECT coalesce(sum(recipients),0) AS recipients, coalesce(sum(sent),0) AS sent, coalesce(sum(failed),0) AS failed, coalesce(sum(unknown),0) AS unknown,
            coalesce(sum(cancelled),0) AS cancelled, coalesce(sum(queued),0) AS queued, coalesce(sum(in_flight),0) AS in_flight
     FROM run_lanes WHERE run_id = $1`,
    [runId],
  );
  return row;
}

/** Seconds between two events of a run's log (database clock). */
async function eventSpan(host: Host, runId: number, from: string, to: string): Promise<number | null> {
  const rows = await host.app.ctx.db.query<{ type: string; at: Date }>('SELECT type, at FROM run_events WHERE run_id = $1 ORDER BY id', [
    runId,
  ]);
  const a = rows.find((r) => r.type === from)?.at;
  const b = [...rows].reverse().find((r) => r.type === to)?.at;
  return a && b ? (b.getTime() - a.getTime()) / 1000 : null;
}

export interface ThroughputResult {
  rate: number;
  endToEndRate: number;
  seconds: number;
  materialiseSeconds: number | null;
  summary: Summary;
  verified: string | null;
  peakRssMb: number[];
  idleRssMb: number[];
  /** CPU seconds from the send's creation to the run's completion. */
  cpu: CpuUse;
}

/** N recipients, rate limits off: deliveries per second at the server, exactly once each. */
export async function throughput(host: Host, size: number, workers: number): Promise<ThroughputResult> {
  const w = await makeWorld(host, { size, rate: 1_000_000, label: `tp-${host.engine}-${workers}w` });
  await host.workers.start(workers);
  await sleep(300);
  const idle = host.workers.pids().map((pid) => memoryOf(pid)?.rssMb ?? NaN);
  const meter = cpuMeter(() => host.workers.pids());
  const fake0 = host.fake.cpuSeconds();
  const t0 = Date.now();
  const sendId = await broadcast(host, w, { type: 'all' });
  const run = await waitRun(host, sendId, ['completed', 'stopped'], 120_000 + size * 5, host.engine === 'pglite' ? 250 : 100);
  const seconds = (Date.now() - t0) / 1000;
  const cpu = { ...meter(), fake: host.fake.cpuSeconds() - fake0 };
  const peak = host.workers.pids().map((pid) => memoryOf(pid)?.peakMb ?? NaN);
  const counters = await lanes(host, run.id);
  const summary = await host.fake.summary(w.token, size);
  await host.fake.forget(w.token);
  let verified = exactlyOnce(summary, size);
  if (!verified && counters.sent !== size)
    verified = `run counted ${counters.sent} sent, ${counters.failed} failed, ${counters.unknown} unknown`;
  return {
    rate: serverRate(summary),
    endToEndRate: size / seconds,
    seconds,
    materialiseSeconds: await eventSpan(host, run.id, 'created', 'audience'),
    summary,
    verified,
    peakRssMb: peak,
    idleRssMb: idle,
    cpu,
  };
}

export interface MaterialiseResult {
  seconds: number;
  dbSeconds: number | null;
  rawSeconds: number;
  rows: number;
}

/**
 * Time from run created to all deliveries inserted, with no worker competing (the engine's own
 * materialiser, called directly); baseline: one bare INSERT … SELECT of the same rows into a copy
 * of the deliveries table (same columns and indexes, no counter trigger).
 */
export async function materialise(host: Host, size: number, settings: Partial<EngineSettings> = {}): Promise<MaterialiseResult> {
  const w = await makeWorld(host, { size, rate: 30, label: `mat-${host.engine}` });
  const db = host.app.ctx.db;
  await db.exec('CREATE TABLE bench_raw_deliveries (LIKE deliveries INCLUDING ALL)');
  let t = performance.now();
  await db.query(
    `INSERT INTO bench_raw_deliveries (run_id, lane_id, channel_id, subscriber_id, recipient, state)
     SELECT 1, 1, s.channel_id, s.id, s.platform_user_id, 'queued' FROM subscribers s WHERE s.channel_id = $1 AND s.status = 'active' ORDER BY s.id`,
    [w.channelId],
  );
  const rawSeconds = (performance.now() - t) / 1000;
  await db.exec('DROP TABLE bench_raw_deliveries');
  const engineCtx = {
    db,
    platforms: host.app.ctx.platforms,
    sealer: host.app.ctx.sealer,
    logger: pino({ level: 'silent' }),
    settings: { ...DEFAULT_ENGINE_SETTINGS, ...settings },
  };
  const sendId = await broadcast(host, w, { type: 'all' });
  t = performance.now();
  await startDueSends(engineCtx);
  const runId = await materialiseNextRun(engineCtx);
  const seconds = (performance.now() - t) / 1000;
  if (runId === null) throw new Error('no run to materialise');
  const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM deliveries WHERE run_id = $1', [runId]);
  if (n !== size) throw new Error(`materialised ${n} deliveries for ${size} subscribers`);
  await stopSend(host.app.ctx, w.workspaceId, sendId, 'bench').catch(() => {});
  return { seconds, dbSeconds: await eventSpan(host, runId, 'created', 'audience'), rawSeconds, rows: n };
}

export interface RateResult {
  nominal: number;
  achieved: number;
  maxPerSecond: number;
  duplicates: number;
}

/** A channel limited to `rate` msg/s for `seconds`: achieved rate and the fullest 1-second window. */
export async function rateExactness(host: Host, rate: number, seconds: number, workers: number): Promise<RateResult> {
  const size = Math.ceil(rate * (seconds + 10));
  const w = await makeWorld(host, { size, rate, label: `rate-${host.engine}` });
  await host.workers.start(workers);
  const sendId = await broadcast(host, w, { type: 'all' });
  const first = await waitFor('the first delivery', async () => (await host.fake.summary(w.token, 0)).firstT, 30_000, 50);
  await sleep(first + seconds * 1000 + 1500 - Date.now());
  const count = await host.fake.window(w.token, first, seconds * 1000);
  await stopSend(host.app.ctx, w.workspaceId, sendId, 'bench');
  await waitRun(host, sendId, ['stopped', 'completed'], 30_000);
  await sleep(500);
  const summary = await host.fake.summary(w.token, size);
  await host.fake.forget(w.token);
  return { nominal: rate, achieved: count / seconds, maxPerSecond: summary.maxPerSecond, duplicates: summary.duplicates };
}

export interface FairnessResult {
  idleDelayMs: number;
  loadedDelayMs: number;
  broadcastRate: number;
}

/**
 * One single-recipient send enqueued while a big broadcast runs on the same channel: how long
 * until it reaches the platform. Baseline: the same send on the idle channel, just before.
 */
export async function fairness(host: Host, size: number, rate: number, workers: number): Promise<FairnessResult> {
  const w = await makeWorld(host, { size, rate, label: `fair-${host.engine}` });
  await host.workers.start(workers);
  const db = host.app.ctx.db;
  const addSubscriber = async (n: number) => {
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO subscribers (workspace_id, bot_id, channel_id, platform, platform_user_id, name) VALUES ($1, $2, $3, 'tg', $4, 'probe') RETURNING id`,
      [w.workspaceId, w.botId, w.channelId, String(n)],
    );
    return row.id;
  };
  const probe = async (n: number) => {
    const id = await addSubscriber(n);
    const t0 = Date.now();
    const sendId = await broadcast(host, w, { type: 'selected', subscriberIds: [id] });
    const t = await waitFor(`the probe ${n}`, () => host.fake.first(w.token, String(n)), 60_000, 20);
    return { delay: t - t0, sendId };
  };
  // Idle channel: the probe alone.
  await sleep(500);
  const idle = await probe(size + 1);
  await waitRun(host, idle.sendId, ['completed'], 30_000);
  // Loaded: the probe while the broadcast is delivering steadily.
  const big = await broadcast(host, w, { type: 'all' });
  await waitFor(
    'the broadcast to be materialised and delivering',
    async () => {
      const [lane] = await db.query<{ materialised: boolean }>(
        'SELECT l.materialised FROM run_lanes l JOIN runs r ON r.id = l.run_id WHERE r.send_id = $1',
        [big],
      );
      return lane?.materialised && (await host.fake.count(w.token)).delivered >= 3 * rate;
    },
    120_000,
    100,
  );
  const before = await host.fake.summary(w.token, 0);
  const loaded = await probe(size + 2);
  const after = await host.fake.summary(w.token, 0);
  await stopSend(host.app.ctx, w.workspaceId, big, 'bench');
  await waitRun(host, big, ['stopped'], 30_000);
  await waitRun(host, loaded.sendId, ['completed'], 30_000);
  const summary = await host.fake.summary(w.token, 0);
  await host.fake.forget(w.token);
  // Subscriber size+1 is in the broadcast too (it existed when it started); nobody else may get two.
  if (summary.duplicates > 1) throw new Error(`fairness: ${summary.duplicates} duplicate deliveries`);
  const window = ((after.lastT ?? 0) - (before.lastT ?? 0)) / 1000;
  return {
    idleDelayMs: idle.delay,
    loadedDelayMs: loaded.delay,
    broadcastRate: window > 0 ? (after.delivered - before.delivered) / window : NaN,
  };
}

export interface CrashResult {
  size: number;
  killedAfter: number;
  sent: number;
  unknown: number;
  failed: number;
  /** unknown deliveries the server did receive (really in flight, or answered but not yet recorded). */
  unknownReached: number;
  /** unknown deliveries the server never saw (claimed, never sent). */
  unknownNeverSent: number;
  duplicates: number;
  sentNotReceived: number;
  window: number;
}

/** kill -9 of the only worker mid-run, a new worker started: what becomes `unknown`, and is anything sent twice? */
export async function crash(host: Host, size: number, killAt: number, window: number): Promise<CrashResult> {
  const w = await makeWorld(host, { size, rate: 1_000_000, label: `kill-${host.engine}` });
  await host.workers.start(1);
  const sendId = await broadcast(host, w, { type: 'all' });
  await waitFor('deliveries before the kill', async () => (await host.fake.count(w.token)).delivered >= killAt * size, 120_000, 10);
  await host.workers.crash(0);
  const killedAfter = (await host.fake.count(w.token)).delivered;
  await host.workers.start(1);
  const run = await waitRun(host, sendId, ['completed'], 180_000);
  const counters = await lanes(host, run.id);
  const received = await host.fake.recipients(w.token);
  const rows = await host.app.ctx.db.query<{ recipient: string; state: string }>(
    'SELECT recipient, state FROM deliveries WHERE run_id = $1',
    [run.id],
  );
  let duplicates = 0;
  for (const n of received.values()) if (n > 1) duplicates += n - 1;
  let unknownReached = 0;
  let unknownNeverSent = 0;
  let sentNotReceived = 0;
  for (const row of rows) {
    const n = received.get(row.recipient) ?? 0;
    if (row.state === 'unknown') {
      if (n > 0) unknownReached++;
      else unknownNeverSent++;
    } else if (row.state === 'sent' && n !== 1) sentNotReceived++;
  }
  await host.fake.forget(w.token);
  return {
    size,
    killedAfter,
    sent: counters.sent,
    unknown: counters.unknown,
    failed: counters.failed,
    unknownReached,
    unknownNeverSent,
    duplicates,
    sentNotReceived,
    window,
  };
}
