// The chaos run: API and worker processes on one PostgreSQL, a broadcast across three channels on
// fake platform servers that inject 429s, 5xx, timeouts and blocked users; a supervisor kills a
// random worker with SIGKILL every few seconds and restarts it, and (optionally) restarts
// PostgreSQL itself once. The judge is the fake servers' own records:
//   - no subscriber received the send twice (VK de-duplicates repeats by random_id: those count once),
//   - every delivery is in a final state,
//   - the counters equal what the servers recorded,
//   - no channel ever exceeded its rate limit in any 1-second window.
import { execSync } from 'node:child_process';
import pg from 'pg';
import { request } from 'undici';
import { maxPerSecondWindow } from '../fakes/records.ts';
import type { FakeRecord } from '../fakes/types.ts';
import { startBotcast, type BotcastProcess } from '../helpers/process.ts';
import { startFakeProcess, type FakeProcess } from '../helpers/fake-process.ts';
import { PG_ADMIN_URL, TEST_SECRET_KEY } from '../helpers/engine.ts';
import type { Json } from '../helpers/json.ts';

export interface ChaosOptions {
  recipients: number;
  apis: number;
  workers: number;
  /** Kill a random worker every this many ms. */
  killEveryMs: number;
  restartPostgres: boolean;
  ratePerSecond: number;
  timeoutMs: number;
  log?: (line: string) => void;
}

export interface ChaosReport {
  recipients: number;
  kills: number;
  postgresRestarts: number;
  seconds: number;
  sent: number;
  failed: number;
  unknown: number;
  delivered: number;
  duplicates: number;
  lost: number;
  notFinal: number;
  counterMismatches: number;
  maxWindow: Record<string, number>;
  rate: number;
  problems: string[];
}

const PLATFORMS = [
  { platform: 'tg', credentials: (i: number) => ({ token: `900${i}:chaos` }), channelKey: (i: number) => `900${i}:chaos` },
  {
    platform: 'vk',
    credentials: (i: number) => ({ accessToken: `vk-chaos-${i}`, groupId: '1', confirmation: 'x' }),
    channelKey: (i: number) => `vk-chaos-${i}`,
  },
  { platform: 'viber', credentials: (i: number) => ({ token: `viber-chaos-${i}` }), channelKey: (i: number) => `viber-chaos-${i}` },
] as const;

function dbUrl(name: string) {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = '/' + name;
  return u.toString();
}

async function api(base: string, method: string, path: string, key?: string, body?: unknown) {
  const res = await request(base + path, {
    method: method as 'GET',
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.body.text();
  if (res.statusCode >= 400) throw new Error(`${method} ${path}: ${res.statusCode} ${text}`);
  return JSON.parse(text);
}

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => {});
  const name = `botcast_chaos_${process.pid}`;
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
    LOG_LEVEL: 'silent',
    BOTCAST_WORKER_HEARTBEAT_MS: '250',
    BOTCAST_WORKER_STALE_MS: '2000',
    BOTCAST_REQUEST_TIMEOUT_MS: '1500',
    BOTCAST_RETRY_BASE_MS: '100',
    BOTCAST_POLL_MS: '50',
    BOTCAST_WORKER_BATCH: '200',
    BOTCAST_WORKER_CONCURRENCY: '32',
  };
  const fakes: FakeProcess[] = [];
  const apis: BotcastProcess[] = [];
  const workers: BotcastProcess[] = [];
  const problems: string[] = [];
  let kills = 0;
  let postgresRestarts = 0;
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
      if (Date.now() >= nextKill && workers.length > 0) {
        nextKill = Date.now() + options.killEveryMs;
        const victim = workers.splice(Math.floor(Math.random() * workers.length), 1)[0];
        await victim.kill('SIGKILL');
        kills += 1;
        log(
          `killed a worker (${kills}); progress ${status ? `${status.counts.sent + status.counts.failed + status.counts.unknown}/${status.counts.recipients}` : '?'}`,
        );
        try {
          workers.push(await startBotcast(['worker'], env));
        } catch (error) {
          problems.push(`a worker did not restart: ${String(error).slice(0, 200)}`);
        }
      }
    }
    if (status?.status !== 'completed') problems.push(`the send did not complete in ${options.timeoutMs} ms (status ${status?.status})`);
    const seconds = (Date.now() - started) / 1000;

    // The judge.
    const judge = new pg.Client({ connectionString: env.DATABASE_URL });
    await judge.connect();
    // A plain pg client: bigint and count(*) come back as strings here.
    const rows = (
      await judge.query<{ platform: string; recipient: string; state: string }>(
        `SELECT c.platform, d.recipient, d.state FROM deliveries d JOIN channels c ON c.id = d.channel_id`,
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
      maxWindow: {},
      rate: 0,
      problems,
    };
    report.notFinal = rows.filter((r) => !['sent', 'failed', 'unknown', 'cancelled'].includes(r.state)).length;
    for (const ch of channels) {
      const records: FakeRecord[] = (await ch.fake.records()).filter((r) => r.channel === ch.key && r.send);
      const delivered = new Map<string, number>();
      for (const r of records)
        if (r.delivered && !r.duplicate && r.recipient) delivered.set(r.recipient, (delivered.get(r.recipient) ?? 0) + 1);
      report.delivered += delivered.size;
      report.duplicates += [...delivered.values()].filter((n) => n > 1).length;
      const states = new Map(rows.filter((r) => r.platform === ch.platform).map((r) => [r.recipient, r.state]));
      for (const [recipient, state] of states) {
        const n = delivered.get(recipient) ?? 0;
        if (state === 'sent' && n !== 1) report.lost += 1; // counted sent, but the platform never showed it
        if (state === 'failed' && n > 0) report.counterMismatches += 1;
      }
      for (const recipient of delivered.keys())
        if (!['sent', 'unknown'].includes(states.get(recipient) ?? '')) report.counterMismatches += 1;
      report.maxWindow[ch.platform] = maxPerSecondWindow(records, { channel: ch.key });
      if (report.maxWindow[ch.platform] > options.ratePerSecond)
        problems.push(`${ch.platform}: ${report.maxWindow[ch.platform]} requests in one second (limit ${options.ratePerSecond})`);
    }
    if (counters.sent !== report.sent || counters.failed !== report.failed || counters.unknown !== report.unknown) {
      problems.push(`live counters ${JSON.stringify(counters)} differ from the deliveries table`);
    }
    report.rate = Math.round((report.sent + report.failed + report.unknown) / seconds);
    if (report.duplicates > 0) problems.push(`${report.duplicates} subscribers received the send twice`);
    if (report.lost > 0) problems.push(`${report.lost} deliveries counted sent that the platform never showed`);
    if (report.notFinal > 0) problems.push(`${report.notFinal} deliveries not in a final state`);
    if (report.counterMismatches > 0)
      problems.push(`${report.counterMismatches} deliveries whose state contradicts the platform's records`);
    return report;
  } finally {
    await Promise.all([...workers, ...apis].map((p) => p.kill('SIGKILL')));
    await Promise.all(fakes.map((f) => f.close()));
    const cleanup = new pg.Client({ connectionString: PG_ADMIN_URL });
    await cleanup
      .connect()
      .then(() => cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
      .catch(() => {});
    await cleanup.end().catch(() => {});
  }
}
