// The chaos run: API and worker processes on one PostgreSQL, a broadcast across three channels on
// fake platform servers that inject 429s, 5xx, timeouts and blocked users; a supervisor kills a
// random worker with SIGKILL every few seconds and restarts it, and (optionally) restarts
// PostgreSQL itself once. The judge is the fake servers' own records:
//   - no subscriber received the send twice (VK de-duplicates repeats by random_id: those count once),
//   - every delivery is in a final state,
//   - the counters equal what the servers recorded,
//   - no channel ever exceeded its rate limit in any sliding 1-second window (arrival times at the fake),
//   - per kill, the deliveries left `unknown` that never reached the platform are at most a worker's concurrency,
//   - no request arrived inside a 429 pause later than 20 ms after the 429 was answered, including the
//     pause read while the database was away (outage.ts).
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { FakeRecord } from '../fakes/types.ts';
import {
  firstRead,
  pauseHearing,
  summariseHearing,
  judgeWindows,
  pauseLearned,
  startBefore,
  readTrace,
  requestsInsidePauses,
  windowsKept,
  workerStalledMs,
} from './judge.ts';
import { cutDatabaseAtHeld429, type Outage } from './outage.ts';
import { startBotcast, type BotcastProcess } from '../helpers/process.ts';
import { startFakeProcess, type FakeProcess } from '../helpers/fake-process.ts';
import { PG_ADMIN_URL, TEST_SECRET_KEY } from '../helpers/engine.ts';
import type { Json } from '../helpers/json.ts';
import type { ChaosOptions, ChaosReport } from './chaos-types.ts';
import { api, dbUrl } from './chaos-http.ts';

export type { ChaosOptions, ChaosReport } from './chaos-types.ts';

/** BOTCAST_WORKER_CONCURRENCY of the run's workers: what one kill may leave unknown and never sent. */
const CONCURRENCY = 32;
/** Liveness bound on a pause for the suite, as in pause-shared.test.ts: no request leaves a worker this long into it. */
export const PAUSE_LIVENESS_MS = 200;
/** The 429 held while the database is away asks for this long a pause. */
const OUTAGE_RETRY_AFTER_SEC = 2;

const PLATFORMS = [
  { platform: 'tg', credentials: (i: number) => ({ token: `900${i}:chaos` }), channelKey: (i: number) => `900${i}:chaos` },
  {
    platform: 'vk',
    credentials: (i: number) => ({ accessToken: `vk-chaos-${i}`, groupId: '1', confirmation: 'x' }),
    channelKey: (i: number) => `vk-chaos-${i}`,
  },
  { platform: 'viber', credentials: (i: number) => ({ token: `viber-chaos-${i}` }), channelKey: (i: number) => `viber-chaos-${i}` },
] as const;

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => {});
  const name = `botcast_chaos_${process.pid}_${options.workers}`;
  const traceDir = mkdtempSync(join(tmpdir(), 'botcast-chaos-'));
  const tracePath = join(traceDir, 'pacing.trace');
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const env = {
    DATABASE_URL: dbUrl(name),
    BOTCAST_SECRET_KEY: TEST_SECRET_KEY,
    BOTCAST_ALLOW_PRIVATE_BASE_URLS: 'true',
    BOTCAST_GRACE_SECONDS: '0',
    // Warnings kept: a worker presumed dead by the others says so (counted below).
    LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'warn',
    BOTCAST_WORKER_HEARTBEAT_MS: '250',
    BOTCAST_WORKER_STALE_MS: '2000',
    BOTCAST_REQUEST_TIMEOUT_MS: '1500',
    BOTCAST_RETRY_BASE_MS: '100',
    BOTCAST_POLL_MS: '50',
    BOTCAST_WORKER_BATCH: '200',
    BOTCAST_WORKER_CONCURRENCY: String(CONCURRENCY),
    BOTCAST_PACING_TRACE: tracePath,
  };
  const fakes: FakeProcess[] = [];
  const apis: BotcastProcess[] = [];
  const workers: BotcastProcess[] = [];
  const killed: BotcastProcess[] = [];
  /** The last lines of each worker that exited on its own. */
  const crashes: string[] = [];
  const problems: string[] = [];
  let kills = 0;
  let postgresRestarts = 0;
  let outage: Outage | null = null;
  const started = Date.now();
  try {
    for (let i = 0; i < PLATFORMS.length; i++) fakes.push(await startFakeProcess(['--seed', String(i + 1)]));
    for (let i = 0; i < options.apis; i++) apis.push(await startBotcast(['api'], env));
    const base = apis[0].url;
    const account = await api(base, 'POST', '/api/signup', undefined, {
      workspaceName: 'Chaos',
      email: `chaos${Date.now()}@example.com`,
      password: 'correct horse battery',
    });
    const key = account.apiKey.key;
    const bot = await api(base, 'POST', '/api/bots', key, { name: 'chaos bot' });
    const channels: Array<{ id: number; platform: string; key: string; fake: FakeProcess }> = [];
    for (const [i, p] of PLATFORMS.entries()) {
      const ch = await api(base, 'POST', `/api/bots/${bot.id}/channels`, key, {
        platform: p.platform,
        verify: false,
        credentials: p.credentials(i),
        apiBaseUrl: fakes[i].url,
        ratePerSecond: options.ratePerSecond,
      });
      channels.push({ id: ch.id, platform: p.platform, key: p.channelKey(i), fake: fakes[i] });
      await fakes[i].setFaults([
        // Held 300 ms: the database is cut off meanwhile, so the worker reads it with the database away.
        ...(options.outageDuringPause && p.platform === 'tg'
          ? [
              {
                kind: 'rate_limited' as const,
                recipient: outageRecipient(options),
                retryAfterSec: OUTAGE_RETRY_AFTER_SEC,
                answerAfterMs: 300,
                // Once: its retry would be held and paused again, without end (the run never completed).
                count: 1,
              },
            ]
          : []),
        // Telegram says how long to wait; VK and Viber don't, and Botcast then waits a minute — too long for a bounded run.
        { kind: 'rate_limited', platform: 'tg', probability: 0.002, retryAfterSec: 1, count: 4 },
        { kind: 'server_error', probability: 0.01, status: 502 },
        { kind: 'timeout', probability: 0.001, delivered: true },
        { kind: 'timeout', probability: 0.001, delivered: false },
        { kind: 'blocked', probability: 0.005 },
      ]);
    }
    // Subscribers "who already wrote to the bot", seeded set-based like the migration import.
    const db = new pg.Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    const per = Math.ceil(options.recipients / channels.length);
    for (const ch of channels) {
      await db.query(
        `INSERT INTO subscribers (workspace_id, bot_id, channel_id, platform, platform_user_id, name)
         SELECT $1, $2, $3, $4, (100000 + g)::text, 'User ' || g FROM generate_series(1, $5) AS g`,
        [account.workspaceId, bot.id, ch.id, ch.platform, per],
      );
    }
    await db.end();
    for (let i = 0; i < options.workers; i++) workers.push(await startBotcast(['worker'], env));
    // Kills stop from 30 % of the tg channel (its held 429 is at 40 %) until that pause is over.
    if (options.outageDuringPause)
      outage = cutDatabaseAtHeld429(channels[0].fake, name, outageRecipient(options), Math.floor(per * 0.3), 800);
    const send = await api(base, 'POST', `/api/bots/${bot.id}/sends`, key, {
      content: { type: 'text', text: 'Chaos for {{name}}' },
      channelIds: channels.map((c) => c.id),
      audience: { type: 'all' },
    });
    log(
      `send ${send.id}: ${per * channels.length} recipients on ${channels.map((c) => c.platform).join(', ')}, ${options.workers} workers, ${options.apis} APIs`,
    );

    const deadline = Date.now() + options.timeoutMs;
    let nextKill = Date.now() + options.killEveryMs;
    let status: Json = null;
    let restarted = !options.restartPostgres;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      try {
        status = await api(apis[apis.length - 1].url, 'GET', `/api/sends/${send.id}`, key);
      } catch {
        status = null; // PostgreSQL may be restarting
      }
      if (status?.status === 'completed') break;
      if (!restarted && status && status.counts.sent > status.counts.recipients * 0.4) {
        restarted = true;
        log('restarting PostgreSQL');
        const version = execSync('ls /etc/postgresql').toString().trim().split('\n')[0];
        execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main restart`, { stdio: 'ignore' });
        postgresRestarts += 1;
      }
      // Not while the database is cut off (a worker started then could not register and would exit),
      // nor until the pause read meanwhile is over: a kill of the one worker that knows of a pause
      // not yet written loses it with the process, which is not what this part of the run is about.
      const databaseAway =
        outage !== null && outage.quietFrom > 0 && (outage.upAt === 0 || Date.now() < outage.upAt + OUTAGE_RETRY_AFTER_SEC * 1000);
      // A worker that died without being killed is a fault of its own (and its claims would be
      // charged to the kills): reported, and replaced so the run goes on.
      for (let i = workers.length - 1; i >= 0; i--) {
        const w = workers[i];
        if (w.child.exitCode === null && w.child.signalCode === null) continue;
        workers.splice(i, 1);
        killed.push(w);
        crashes.push(w.output().split('\n').filter(Boolean).slice(-8).join('\n'));
        log(`a worker died on its own (${crashes.length}): ${crashes[crashes.length - 1].slice(0, 300)}`);
        if (outage && outage.upAt === 0) await outage.done;
        workers.push(await startBotcast(['worker'], env));
      }
      if (Date.now() >= nextKill && workers.length > 0 && !databaseAway) {
        nextKill = Date.now() + options.killEveryMs;
        const victim = workers.splice(Math.floor(Math.random() * workers.length), 1)[0];
        await victim.kill('SIGKILL');
        killed.push(victim);
        kills += 1;
        log(
          `killed a worker (${kills}); progress ${status ? `${status.counts.sent + status.counts.failed + status.counts.unknown}/${status.counts.recipients}` : '?'}`,
        );
        const replacement = await startBotcast(['worker'], env).catch(async () => {
          // The database may have been cut off meanwhile (outage.ts): once more when it is back.
          await outage?.done;
          return startBotcast(['worker'], env);
        });
        workers.push(replacement);
      }
    }
    if (status?.status !== 'completed') problems.push(`the send did not complete in ${options.timeoutMs} ms (status ${status?.status})`);
    const seconds = (Date.now() - started) / 1000;
    outage?.stop();
    await outage?.done;
    // The workers write their trace every 100 ms.
    await new Promise((r) => setTimeout(r, 300));

    // The judge.
    const judge = new pg.Client({ connectionString: env.DATABASE_URL });
    await judge.connect();
    // A plain pg client: bigint and count(*) come back as strings here.
    const rows = (
      await judge.query<{ id: string; platform: string; recipient: string; state: string; error_code: string | null }>(
        `SELECT d.id, c.platform, d.recipient, d.state, d.error_code FROM deliveries d JOIN channels c ON c.id = d.channel_id`,
      )
    ).rows;
    if (status?.status !== 'completed') {
      const diag = await judge.query<{ platform: string; state: string; n: string; nb: Date | number; att: number; claimers: string }>(
        `SELECT c.platform, d.state, count(*) AS n, min(d.not_before) AS nb, max(d.attempts) AS att, count(DISTINCT d.claimed_by) AS claimers FROM deliveries d JOIN channels c ON c.id = d.channel_id WHERE d.state NOT IN ('sent','failed','unknown','cancelled') GROUP BY 1, 2`,
      );
      const lanes = await judge.query<{
        id: string;
        channel_id: string;
        materialised: boolean;
        queued: number;
        in_flight: number;
        held: number;
        state: string;
      }>(
        `SELECT l.id, l.channel_id, l.materialised, l.queued, l.in_flight, l.held, r.state FROM run_lanes l JOIN runs r ON r.id = l.run_id`,
      );
      const pacing = await judge.query<{ channel_id: string; next_slot_at: Date | number; paused_until: Date | number; now: Date }>(
        `SELECT channel_id, next_slot_at, paused_until, now() AS now FROM channel_pacing`,
      );
      const live = await judge.query<{ id: string; heartbeat_at: Date; now: Date }>(`SELECT id, heartbeat_at, now() AS now FROM workers`);
      const claimers = await judge.query<{ claimed_by: string }>(`SELECT DISTINCT claimed_by FROM deliveries WHERE state = 'in_flight'`);
      log(
        `not final: ${JSON.stringify(diag.rows)}\nlanes: ${JSON.stringify(lanes.rows)}\npacing: ${JSON.stringify(pacing.rows)}\nworkers: ${JSON.stringify(live.rows)}\nclaimers: ${JSON.stringify(claimers.rows)}`,
      );
    }
    const counters = (
      await judge.query<{ sent: number; failed: number; unknown: number; recipients: number }>(
        `SELECT coalesce(sum(sent),0)::int AS sent, coalesce(sum(failed),0)::int AS failed, coalesce(sum(unknown),0)::int AS unknown, coalesce(sum(recipients),0)::int AS recipients FROM run_lanes`,
      )
    ).rows[0];
    await judge.end();
    const report: ChaosReport = {
      recipients: rows.length,
      kills,
      crashes: crashes.length,
      postgresRestarts,
      seconds,
      sent: rows.filter((r) => r.state === 'sent').length,
      failed: rows.filter((r) => r.state === 'failed').length,
      unknown: rows.filter((r) => r.state === 'unknown').length,
      delivered: 0,
      duplicates: 0,
      lost: 0,
      notFinal: 0,
      counterMismatches: 0,
      unknownNeverSent: 0,
      unknownNeverSentByChannel: {},
      unknownNeverSentWhy: {},
      presumedDead: 0,
      maxWindow: {},
      windows: {},
      pauses: 0,
      insidePause: 0,
      insidePauseLatestMs: 0,
      insidePauseDetail: [],
      startedInsidePause: 0,
      startedInsideOutagePause: 0,
      startedInsidePauseAfterLiveness: 0,
      pauseHeard: { bySource: {}, p50Ms: 0, maxMs: 0 },
      outage: null,
      rate: 0,
      problems,
    };
    const heard: Array<{ source: string; ms: number }> = [];
    report.notFinal = rows.filter((r) => !['sent', 'failed', 'unknown', 'cancelled'].includes(r.state)).length;
    const trace = readTrace(tracePath);
    for (const ch of channels) {
      const records: FakeRecord[] = (await ch.fake.records()).filter((r) => r.channel === ch.key && r.send);
      const delivered = new Map<string, number>();
      for (const r of records)
        if (r.delivered && !r.duplicate && r.recipient) delivered.set(r.recipient, (delivered.get(r.recipient) ?? 0) + 1);
      report.delivered += delivered.size;
      report.duplicates += [...delivered.values()].filter((n) => n > 1).length;
      const states = new Map(rows.filter((r) => r.platform === ch.platform).map((r) => [r.recipient, r.state]));
      const codes = new Map(rows.filter((r) => r.platform === ch.platform).map((r) => [r.recipient, r.error_code]));
      const reached = new Set(records.map((r) => r.recipient));
      for (const [recipient, state] of states) {
        const n = delivered.get(recipient) ?? 0;
        if (state === 'sent' && n !== 1) report.lost += 1; // counted sent, but the platform never showed it
        if (state === 'failed' && n > 0) report.counterMismatches += 1;
        // Unknown, and the request never reached the platform (a request the fake took and
        // answered with a fault, or held until the worker gave up, did reach it).
        if (state === 'unknown' && n === 0 && !reached.has(recipient)) {
          const why = `${ch.platform} ${codes.get(recipient) ?? '?'}`;
          report.unknownNeverSentWhy[why] = (report.unknownNeverSentWhy[why] ?? 0) + 1;
          report.unknownNeverSent += 1;
          report.unknownNeverSentByChannel[ch.platform] = (report.unknownNeverSentByChannel[ch.platform] ?? 0) + 1;
        }
      }
      for (const recipient of delivered.keys())
        if (!['sent', 'unknown'].includes(states.get(recipient) ?? '')) report.counterMismatches += 1;
      const ids = new Map(rows.filter((r) => r.platform === ch.platform).map((r) => [r.recipient, Number(r.id)]));
      const windows = judgeWindows(records, options.ratePerSecond, ch.id, trace, await ch.fake.stalls(), (r) => ids.get(r));
      report.windows[ch.platform] = windows;
      report.maxWindow[ch.platform] = windows.atFake;
      if (!windowsKept(windows, options.ratePerSecond))
        problems.push(
          `${ch.platform}: ${windows.atFake} requests in a sliding second (limit ${options.ratePerSecond}): ${windows.diagnosis}`,
        );
      const held = outageRecipient(options);
      const judgePauses = (graceMs: number) =>
        requestsInsidePauses(
          records,
          (r) => (options.outageDuringPause && ch.platform === 'tg' && r.recipient === held ? OUTAGE_RETRY_AFTER_SEC : 1) * 1000,
          // A retried delivery leaves more than once: the start that preceded this arrival.
          (r) => startBefore(trace, ch.id, ids.get(r.recipient ?? '') ?? -1, r.t),
          (from, to) => workerStalledMs(trace, from, to),
          graceMs,
          (_, answered, until) => firstRead(trace, ch.id, answered, until),
        );
      const pause = judgePauses(20);
      for (const r of records)
        if (r.fault === 'rate_limited' && !(options.outageDuringPause && ch.platform === 'tg' && r.recipient === held)) {
          const answered = r.answeredT ?? r.t;
          heard.push(...pauseHearing(trace, ch.id, answered, answered + 1000));
        }
      for (const d of judgePauses(PAUSE_LIVENESS_MS).detail)
        if (!(options.outageDuringPause && ch.platform === 'tg' && d.recipient === held))
          report.startedInsidePauseAfterLiveness += d.startedInside;
      report.pauses += pause.pauses;
      report.insidePause += pause.inside;
      report.insidePauseLatestMs = Math.max(report.insidePauseLatestMs, pause.latestMs);
      for (const d of pause.detail) {
        if (options.outageDuringPause && ch.platform === 'tg' && d.recipient === held) report.startedInsideOutagePause += d.startedInside;
        else report.startedInsidePause += d.startedInside;
        const learned = pauseLearned(trace, ch.id, d.answered, d.untilMs);
        report.insidePauseDetail.push(
          `${ch.platform} 429 to ${d.recipient}${d.recipient === held ? ' (held, database away)' : ''}: ${d.arrivalsMs.join(', ')} ms; learned: ${learned || 'no trace'}`,
        );
      }
      if (options.outageDuringPause && ch.platform === 'tg') {
        const answered = records.find((r) => r.recipient === held && r.fault === 'rate_limited')?.answeredT ?? 0;
        report.outage = { downAt: outage?.downAt ?? 0, upAt: outage?.upAt ?? 0, pauseAnsweredAt: answered };
        if (!answered || !outage?.downAt) problems.push('the database was not cut off while a 429 was on its way');
      }
    }
    // A request that left a worker within 20 ms of the 429 may still arrive later on a loaded
    // machine (at load 22 on 2 cores: left +6 ms, arrived +76 ms): those arrivals are reported,
    // and only a request that left after the first 20 ms is a failure.
    if (report.startedInsidePauseAfterLiveness > 0)
      problems.push(
        `${report.startedInsidePauseAfterLiveness} requests left more than ${PAUSE_LIVENESS_MS} ms into a 429 pause: ${report.insidePauseDetail.join('; ')}`,
      );
    // The bound is per channel: each channel's pumps keep their own claims (sql/claim-marks.ts).
    // A worker the others presumed dead (its heartbeat late past BOTCAST_WORKER_STALE_MS on a loaded
    // machine, or cut off with the database) loses its claims as a killed one does: it counts as one.
    report.presumedDead = [...killed, ...workers].reduce((n, p) => n + (p.output().match(/worker row was gone/g)?.length ?? 0), 0);
    for (const [platform, n] of Object.entries(report.unknownNeverSentByChannel))
      if (n > (report.kills + report.presumedDead) * CONCURRENCY)
        problems.push(
          `${platform}: ${n} deliveries unknown that never reached the platform after ${report.kills} kills (${JSON.stringify(report.unknownNeverSentWhy)})`,
        );
    if (counters.sent !== report.sent || counters.failed !== report.failed || counters.unknown !== report.unknown) {
      problems.push(`live counters ${JSON.stringify(counters)} differ from the deliveries table`);
    }
    report.pauseHeard = summariseHearing(heard);
    report.rate = Math.round((report.sent + report.failed + report.unknown) / seconds);
    for (const c of crashes) problems.push(`a worker exited without being killed:\n${c}`);
    if (report.duplicates > 0) problems.push(`${report.duplicates} subscribers received the send twice`);
    if (report.lost > 0) problems.push(`${report.lost} deliveries counted sent that the platform never showed`);
    if (report.notFinal > 0) problems.push(`${report.notFinal} deliveries not in a final state`);
    if (report.counterMismatches > 0)
      problems.push(`${report.counterMismatches} deliveries whose state contradicts the platform's records`);
    return report;
  } finally {
    outage?.stop();
    await outage?.done.catch(() => {});
    await Promise.all([...workers, ...apis].map((p) => p.kill('SIGKILL')));
    // CHAOS_KEEP=1: the workers' pacing trace and output stay for a look (their folder is printed).
    if (process.env.CHAOS_KEEP === '1') {
      for (const [i, p] of [...killed, ...workers].entries()) writeFileSync(join(traceDir, `worker-${i}.log`), p.output());
      log(`trace and worker logs kept in ${traceDir}`);
    } else rmSync(traceDir, { recursive: true, force: true });
    await Promise.all(fakes.map((f) => f.close()));
    const cleanup = new pg.Client({ connectionString: PG_ADMIN_URL });
    await cleanup
      .connect()
      .then(() => cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
      .catch(() => {});
    await cleanup.end().catch(() => {});
  }
}

/** The subscriber whose 429 is held while the database is away: 40 % through the tg channel's audience. */
function outageRecipient(options: ChaosOptions): string {
  return String(100000 + Math.floor(Math.ceil(options.recipients / PLATFORMS.length) * 0.4));
}
