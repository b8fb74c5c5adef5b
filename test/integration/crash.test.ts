// Never the same send to the same subscriber twice, including after a crash. Workers are killed
// with SIGKILL in the middle of a run (several times, at random moments) and restarted; the fake
// platform's own records are the judge. On PostgreSQL the workers are separate processes beside an
// API; in embedded mode the one Botcast process is killed and restarted on its data folder.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'undici';
import { ENGINE } from '../helpers/engine.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startBotcast, WORKER_ENV, type BotcastProcess } from '../helpers/process.ts';
import { startFakeServer, type FakeServer } from '../fakes/server.ts';
import { startFakeProcess } from '../helpers/fake-process.ts';
import { addChannel, makeWorld, seedSubscribers, waitFor } from '../helpers/world.ts';
import { createTestDatabase } from '../helpers/engine.ts';
import { openStorage } from '../../src/storage/open.ts';
import type { Queryable } from '../../src/storage/db.ts';
import { buildRegistry } from '../../src/platforms/registry.ts';
import { signup } from '../../src/services/workspaces.ts';
import { createBot } from '../../src/services/bots.ts';
import { createChannel } from '../../src/services/channels.ts';
import type { CountRow } from '../../src/storage/db.ts';
import type { Json } from '../helpers/json.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { judgeWindows, readTrace, windowsKept } from '../chaos/judge.ts';

const IN_FLIGHT_WINDOW = 2 * 100 + 16; // two pumps' batches plus the requests in flight
/** What a kill may leave `unknown` that never reached the platform: what the worker had claimed but
 * not yet sent goes back to the queue, so only requests that were leaving remain (its concurrency). */
const CONCURRENCY = Number(WORKER_ENV.BOTCAST_WORKER_CONCURRENCY);

const randomMs = (min: number, max: number) => min + Math.floor(Math.random() * (max - min));

/** The judge: the platform's records against the deliveries table. */
async function assertExactlyOnce(db: Queryable, fake: FakeServer, token: string, total: number, kills: number) {
  const rows = await db.query<{ recipient: string; state: string }>(
    `SELECT d.recipient, d.state FROM deliveries d JOIN channels c ON c.id = d.channel_id WHERE c.platform = 'tg' ORDER BY d.id`,
  );
  assert.equal(rows.length, total, 'one delivery row per recipient');
  const notFinal = rows.filter((r) => !['sent', 'failed', 'unknown', 'cancelled'].includes(r.state));
  assert.deepEqual(notFinal, [], 'every delivery ends in a final state');
  const perRecipient = fake.deliveriesPerRecipient({ channel: token });
  const twice = [...perRecipient.entries()].filter(([, n]) => n > 1);
  assert.deepEqual(twice, [], 'no subscriber received the message twice');
  const state = new Map(rows.map((r) => [r.recipient, r.state]));
  const sent = rows.filter((r) => r.state === 'sent');
  for (const r of sent)
    assert.equal(perRecipient.get(r.recipient), 1, `recipient ${r.recipient} is counted sent but the platform never got it`);
  for (const recipient of perRecipient.keys()) {
    assert.ok(['sent', 'unknown'].includes(state.get(recipient)!), `the platform got ${recipient} but it is ${state.get(recipient)}`);
  }
  const unknown = rows.filter((r) => r.state === 'unknown').length;
  assert.ok(unknown <= kills * IN_FLIGHT_WINDOW, `${unknown} unknown after ${kills} kills`);
  const neverReached = rows.filter((r) => r.state === 'unknown' && !perRecipient.has(r.recipient)).length;
  assert.ok(neverReached <= kills * CONCURRENCY, `${neverReached} unknown never reached the platform after ${kills} kills`);
  return { sent: sent.length, unknown, delivered: perRecipient.size };
}

describe('crashes', () => {
  let fake: FakeServer;
  before(async () => {
    fake = await startFakeServer({ latencyMs: 2, recordBodies: false });
  });
  after(() => fake.close());

  test(
    'kill -9 of worker processes mid-run: nobody twice, everything final, counters match the platform',
    { skip: ENGINE !== 'postgres' && 'worker processes share PostgreSQL' },
    async () => {
      const t: TestApp = await startTestApp({ config: { graceSeconds: 0 } });
      const workers: BotcastProcess[] = [];
      try {
        const w = await makeWorld(t);
        const token = `77:crash${Date.now()}`;
        const channelId = await addChannel(t, w, 'tg', { credentials: { token }, apiBaseUrl: fake.url, ratePerSecond: 1500 });
        const total = 4000;
        await seedSubscribers(t.app.ctx.db, { workspaceId: w.workspaceId, botId: w.botId, channelId, platform: 'tg', count: total });
        const env = { ...t.database.env, ...WORKER_ENV };
        workers.push(await startBotcast(['worker'], env), await startBotcast(['worker'], env));
        const send = await t.request('POST', `/api/bots/${w.botId}/sends`, {
          key: w.key,
          body: { content: { type: 'text', text: 'hi' }, channelIds: [channelId], audience: { type: 'all' } },
        });
        assert.equal(send.status, 201);
        let kills = 0;
        for (let i = 0; i < 3; i++) {
          await new Promise((r) => setTimeout(r, randomMs(150, 600)));
          const victim = workers.splice(Math.floor(Math.random() * workers.length), 1)[0];
          await victim.kill('SIGKILL');
          kills += 1;
          workers.push(await startBotcast(['worker'], env));
        }
        const done = await waitFor(
          'the run to complete',
          async () => {
            const s = (await t.request('GET', `/api/sends/${send.body.id}`, { key: w.key })).body;
            return s.status === 'completed' ? s : null;
          },
          60_000,
          100,
        );
        const judged = await assertExactlyOnce(t.app.ctx.db, fake, token, total, kills);
        assert.equal(done.counts.sent, judged.sent);
        assert.equal(done.counts.unknown, judged.unknown);
        assert.equal(done.counts.sent + done.counts.unknown + done.counts.failed, total);
      } finally {
        for (const p of workers) await p.kill('SIGKILL');
        await t.close();
      }
    },
  );

  test(
    'SIGTERM: a worker finishes or releases what it claimed — nothing becomes unknown',
    { skip: ENGINE !== 'postgres' && 'worker processes share PostgreSQL' },
    async () => {
      const t: TestApp = await startTestApp({ config: { graceSeconds: 0 } });
      const workers: BotcastProcess[] = [];
      const slow = await startFakeServer({ latencyMs: 150, recordBodies: false });
      try {
        const w = await makeWorld(t);
        const token = `80:term${Date.now()}`;
        const channelId = await addChannel(t, w, 'tg', { credentials: { token }, apiBaseUrl: slow.url, ratePerSecond: 200 });
        const total = 600;
        await seedSubscribers(t.app.ctx.db, { workspaceId: w.workspaceId, botId: w.botId, channelId, platform: 'tg', count: total });
        const env = { ...t.database.env, ...WORKER_ENV };
        workers.push(await startBotcast(['worker'], env));
        const send = await t.request('POST', `/api/bots/${w.botId}/sends`, {
          key: w.key,
          body: { content: { type: 'text', text: 'hi' }, channelIds: [channelId], audience: { type: 'all' } },
        });
        await waitFor('deliveries under way', async () => slow.records.filter((r) => r.channel === token).length > 100, 30_000, 20);
        const code = await workers[0].kill('SIGTERM');
        assert.equal(code, 0, 'the worker exits cleanly');
        const [{ n: inFlight }] = await t.app.ctx.db.query<CountRow>(`SELECT count(*) AS n FROM deliveries WHERE state = 'in_flight'`);
        assert.equal(inFlight, 0, 'nothing left in flight after a graceful stop');
        workers.push(await startBotcast(['worker'], env));
        await waitFor(
          'the run to complete',
          async () => (await t.request('GET', `/api/sends/${send.body.id}`, { key: w.key })).body.status === 'completed',
          60_000,
          100,
        );
        const judged = await assertExactlyOnce(t.app.ctx.db, slow, token, total, 0);
        assert.equal(judged.unknown, 0);
        assert.equal(judged.sent, total);
      } finally {
        for (const p of workers) await p.kill('SIGKILL');
        await slow.close();
        await t.close();
      }
    },
  );

  test(
    'two workers on one channel limited to 20/s: no 1-second window over 20',
    { skip: ENGINE !== 'postgres' && 'worker processes share PostgreSQL' },
    async (tc) => {
      const t: TestApp = await startTestApp({ config: { graceSeconds: 0 } });
      const workers: BotcastProcess[] = [];
      const platform = await startFakeProcess();
      try {
        const w = await makeWorld(t);
        const token = `78:rate${Date.now()}`;
        const channelId = await addChannel(t, w, 'tg', { credentials: { token }, apiBaseUrl: platform.url, ratePerSecond: 20 });
        await seedSubscribers(t.app.ctx.db, { workspaceId: w.workspaceId, botId: w.botId, channelId, platform: 'tg', count: 120 });
        const traceDir = mkdtempSync(join(tmpdir(), 'botcast-rate-'));
        const env = { ...t.database.env, ...WORKER_ENV, BOTCAST_PACING_TRACE: join(traceDir, 'pacing.trace') };
        workers.push(await startBotcast(['worker'], env), await startBotcast(['worker'], env));
        const send = await t.request('POST', `/api/bots/${w.botId}/sends`, {
          key: w.key,
          body: { content: { type: 'text', text: 'hi' }, channelIds: [channelId], audience: { type: 'all' } },
        });
        await waitFor(
          'the run to complete',
          async () => (await t.request('GET', `/api/sends/${send.body.id}`, { key: w.key })).body.status === 'completed',
          120_000,
          100,
        );
        const records = (await platform.records()).filter((r) => r.channel === token && r.send);
        assert.equal(records.length, 120);
        // The fullest sliding 1-second window of arrivals at the platform; when it is over, the
        // diagnosis says whether the requests left the workers crowded or were crowded on the way.
        // The workers write their trace every 100 ms: wait until it holds every request.
        const tracePath = join(traceDir, 'pacing.trace');
        await waitFor('the pacing trace of every request', async () => (readTrace(tracePath).starts.get(channelId)?.size ?? 0) >= 120);
        const ids = new Map(
          (await t.app.ctx.db.query<{ id: number; recipient: string }>('SELECT id, recipient FROM deliveries')).map((r) => [
            r.recipient,
            Number(r.id),
          ]),
        );
        const windows = judgeWindows(records, 20, channelId, readTrace(tracePath), await platform.stalls(), (r) => ids.get(r));
        rmSync(traceDir, { recursive: true, force: true });
        assert.ok(windows.atSender <= 20, `${windows.atSender} requests left the workers within one second`);
        if (windows.atFake > 20) tc.diagnostic(`the fake saw ${windows.atFake} in a second: ${windows.diagnosis}`);
        assert.ok(windowsKept(windows, 20), `max ${windows.atFake} in a sliding second: ${windows.diagnosis}`);
        // The rate, as the fullest sliding second at the platform: the average over the run also
        // counts the workers' start (tsx compiling modules: stalls of 100–300 ms at load 25 on 2
        // cores), which is not the pacing's doing. Skipping a 51 ms slot for every request a few ms
        // late took it to 11.6/s at load 17–21; late requests now go when that is safe (pacer.ts).
        const rate = (records.length - 1) / ((records[records.length - 1].t - records[0].t) / 1000);
        tc.diagnostic(
          `achieved ${rate.toFixed(2)}/s over the run, fullest sliding second ${windows.atFake} at the platform, ${windows.atSender} as they left`,
        );
        assert.ok(
          windows.atFake >= 15,
          `fullest sliding second ${windows.atFake} (achieved ${rate.toFixed(2)}/s over the run; the workers' longest stall ${windows.senderStallMs} ms)`,
        );
        const byWorker = new Set(
          (await t.app.ctx.db.query<{ claimed_by: string | null }>(`SELECT DISTINCT claimed_by FROM deliveries`)).map((r) => r.claimed_by),
        );
        assert.ok(byWorker.size >= 1);
      } finally {
        for (const p of workers) await p.kill('SIGKILL');
        await platform.close();
        await t.close();
      }
    },
  );

  test(
    'embedded: kill -9 of the one Botcast process mid-run, restart on the same folder',
    { skip: ENGINE !== 'pglite' && 'embedded mode' },
    async () => {
      const db = await createTestDatabase('pglite');
      const env = { ...db.env, ...WORKER_ENV, BOTCAST_WORKER_STALE_MS: '500' };
      // Set the world up directly in the folder first (the running process will hold its lock).
      const token = `79:embedded${Date.now()}`;
      const total = 1500;
      const setup = await openStorage(db.config());
      const ctx = {
        db: setup.db,
        sealer: setup.sealer,
        clock: { now: () => new Date() },
        config: db.config(),
        platforms: buildRegistry(setup.db),
      };
      const account = await signup(ctx, { workspaceName: 'E', email: 'e@example.com', password: 'correct horse battery' });
      const key = account.apiKey.key;
      const bot = await createBot(ctx, account.workspaceId, { name: 'b' });
      const channel = await createChannel(ctx, account.workspaceId, bot.id, {
        platform: 'tg',
        verify: false,
        credentials: { token },
        apiBaseUrl: fake.url,
        ratePerSecond: 1000,
      });
      await seedSubscribers(setup.db, {
        workspaceId: account.workspaceId,
        botId: bot.id,
        channelId: channel.id,
        platform: 'tg',
        count: total,
      });
      await setup.close();

      let proc = await startBotcast(['start'], env);
      const post = async (path: string, body: unknown) => {
        const res = await request(`${proc.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify(body),
        });
        return { status: res.statusCode, body: (await res.body.json()) as Json };
      };
      try {
        const send = await post(`/api/bots/${bot.id}/sends`, {
          content: { type: 'text', text: 'hi' },
          channelIds: [channel.id],
          audience: { type: 'all' },
        });
        assert.equal(send.status, 201);
        let kills = 0;
        for (let i = 0; i < 2; i++) {
          await waitFor('some deliveries', async () => fake.records.filter((r) => r.channel === token).length > 50 + i * 300, 30_000, 10);
          await proc.kill('SIGKILL');
          kills += 1;
          proc = await startBotcast(['start'], env);
        }
        await waitFor(
          'the run to complete',
          async () => {
            const res = await request(`${proc.url}/api/sends/${send.body.id}`, { headers: { authorization: `Bearer ${key}` } });
            return ((await res.body.json()) as Json).status === 'completed';
          },
          60_000,
          200,
        );
        await proc.kill('SIGTERM');
        const storage = await openStorage(db.config());
        try {
          await assertExactlyOnce(storage.db, fake, token, total, kills);
        } finally {
          await storage.close();
        }
      } finally {
        await proc.kill('SIGKILL');
        await db.drop();
      }
    },
  );
});
