// Pause / resume a delivering send (issue 17 point 8): paused, queued deliveries stay queued and
// those in flight finish — no new request reaches the platform; resumed, it goes on from where it
// stopped: everyone once, nobody twice, nobody skipped, the fake platform's records agree.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { closeEngineAndFake, startEngineAndFake } from '../helpers/engine-and-fake.ts';
import { ENGINE } from '../helpers/engine.ts';
import { startBotcast, type BotcastProcess } from '../helpers/process.ts';
import { type FakeServer } from '../fakes/server.ts';
import { aSchedulerPass, addChannel, makeWorld, seedSubscribers, waitFor, waitForSend, type World } from '../helpers/world.ts';
import type { Json } from '../helpers/json.ts';

let t: TestApp;
let fake: FakeServer;

before(async () => ({ t, fake } = await startEngineAndFake()));
after(() => closeEngineAndFake(t, fake));

async function tgSend(count: number, rate: number) {
  const w = await makeWorld(t);
  const token = `${Math.floor(Math.random() * 1e9)}:AA${Math.random().toString(36).slice(2)}`;
  const channelId = await addChannel(t, w, 'tg', { credentials: { token }, apiBaseUrl: fake.url, ratePerSecond: rate });
  await seedSubscribers(t.app.ctx.db, { workspaceId: w.workspaceId, botId: w.botId, channelId, platform: 'tg', count, startAt: 1000 });
  const res = await t.request('POST', `/api/bots/${w.botId}/sends`, {
    key: w.key,
    body: { content: { type: 'text', text: 'Hello' }, channelIds: [channelId], audience: { type: 'all' } },
  });
  assert.equal(res.status, 201, res.text);
  return { w, token, sendId: res.body.id as number };
}

const requests = (token: string) => fake.records.filter((r) => r.channel === token && r.send);

async function lanes(sendId: number) {
  const [row] = await t.app.ctx.db.query<{ queued: number; in_flight: number; sent: number }>(
    `SELECT coalesce(sum(l.queued), 0)::int AS queued, coalesce(sum(l.in_flight), 0)::int AS in_flight, coalesce(sum(l.sent), 0)::int AS sent
     FROM run_lanes l JOIN runs r ON r.id = l.run_id WHERE r.send_id = $1`,
    [sendId],
  );
  return row;
}

const getStatus = async (app: TestApp, w: World, sendId: number) => (await app.request('GET', `/api/sends/${sendId}`, { key: w.key })).body;

const logOf = async (w: World, sendId: number) =>
  (await t.request('GET', `/api/sends/${sendId}/log`, { key: w.key })).body.events as Array<{ type: string; message: string }>;

describe('pause and resume', () => {
  test('paused mid-run: nothing new is sent; resumed: everyone exactly once', async () => {
    const total = 150;
    const { w, token, sendId } = await tgSend(total, 40);
    await waitFor('the run to be under way', async () => requests(token).length >= 10);
    const paused = await t.request('POST', `/api/sends/${sendId}/pause`, { key: w.key });
    assert.equal(paused.status, 200, paused.text);
    assert.deepEqual(paused.body, { id: sendId, action: 'pause', runs: 1, paused: true });
    // In-flight deliveries finish (their outcomes written: the requests reached the fake).
    await waitFor('in-flight deliveries to finish', async () => (await lanes(sendId)).in_flight === 0);
    const atPause = requests(token).length;
    // Later server-side events: two whole scheduler passes (the workers poll every 20 ms meanwhile).
    await aSchedulerPass(t);
    await aSchedulerPass(t);
    const still = await lanes(sendId);
    assert.equal(requests(token).length, atPause, 'no request after the pause took effect');
    assert.equal(still.sent, atPause);
    assert.ok(still.queued > 0, 'queued deliveries stay queued');
    assert.equal(still.queued + still.sent, total);

    const view = (await t.request('GET', `/api/sends/${sendId}`, { key: w.key })).body;
    assert.equal(view.status, 'paused');
    assert.ok(view.runs[0].pausedAt);
    assert.match(view.runs[0].pausedByName, /API key/);
    const active = (await t.request('GET', `/api/history?botId=${w.botId}&section=active`, { key: w.key })).body.items as Json[];
    assert.equal(active.find((i) => i.id === sendId)?.phase, 'paused');

    const again = await t.request('POST', `/api/sends/${sendId}/pause`, { key: w.key });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'already_paused');

    const resumed = await t.request('POST', `/api/sends/${sendId}/resume`, { key: w.key });
    assert.equal(resumed.status, 200, resumed.text);
    assert.deepEqual(resumed.body, { id: sendId, action: 'resume', runs: 1, paused: false });
    const done = await waitForSend(t, w, sendId, ['completed']);
    assert.equal(done.counts.sent, total);
    const perRecipient = fake.deliveriesPerRecipient({ channel: token });
    assert.equal(perRecipient.size, total, 'nobody skipped');
    assert.ok(
      [...perRecipient.values()].every((n) => n === 1),
      'nobody twice',
    );
    assert.equal(requests(token).length, total);

    const log = await logOf(w, sendId);
    const pauseLine = log.find((e) => e.type === 'run_paused');
    assert.match(pauseLine!.message, /^Paused by API key “.+”: \d+ not yet sent wait, \d+ being sent finish$/);
    assert.match(log.find((e) => e.type === 'run_resumed')!.message, /^Resumed by API key “.+”: \d+ not yet sent go on$/);

    const notPaused = await t.request('POST', `/api/sends/${sendId}/resume`, { key: w.key });
    assert.equal(notPaused.status, 409);
    assert.equal(notPaused.body.error.code, 'not_delivering');
  });

  test("another workspace's send is 404; a viewer may not pause; a send not paused cannot be resumed", async () => {
    const { w, sendId } = await tgSend(200, 5);
    const other = await t.workspace('Other');
    assert.equal((await t.request('POST', `/api/sends/${sendId}/pause`, { key: other.key })).status, 404);
    assert.equal((await t.request('POST', `/api/sends/${sendId}/resume`, { key: other.key })).status, 404);
    const viewer = await t.request('POST', '/api/api-keys', { key: w.key, body: { name: 'viewer', role: 'viewer' } });
    assert.equal((await t.request('POST', `/api/sends/${sendId}/pause`, { key: viewer.body.key })).status, 403);
    const r = await t.request('POST', `/api/sends/${sendId}/resume`, { key: w.key });
    assert.equal(r.status, 409);
    assert.equal(r.body.error.code, 'not_paused');
    assert.equal((await t.request('POST', `/api/sends/${sendId}/stop`, { key: w.key })).status, 200);
    assert.equal((await t.request('POST', `/api/sends/${sendId}/pause`, { key: w.key })).body.error.code, 'not_delivering');
  });

  test(
    'kill -9 of the worker while paused and after resuming: paused across the restart, nobody twice, nobody skipped',
    { skip: ENGINE !== 'postgres' && 'worker processes share PostgreSQL' },
    async () => {
      const api: TestApp = await startTestApp({ config: { graceSeconds: 0 } });
      const workers: BotcastProcess[] = [];
      const env = {
        ...api.database.env,
        BOTCAST_WORKER_HEARTBEAT_MS: '200',
        BOTCAST_WORKER_STALE_MS: '1000',
        BOTCAST_POLL_MS: '20',
        BOTCAST_GRACE_SECONDS: '0',
        BOTCAST_WORKER_BATCH: '100',
        BOTCAST_WORKER_CONCURRENCY: '16',
      };
      try {
        const w = await makeWorld(api);
        const token = `78:pause${Date.now()}`;
        const channelId = await addChannel(api, w, 'tg', { credentials: { token }, apiBaseUrl: fake.url, ratePerSecond: 300 });
        const total = 1500;
        await seedSubscribers(api.app.ctx.db, { workspaceId: w.workspaceId, botId: w.botId, channelId, platform: 'tg', count: total });
        workers.push(await startBotcast(['worker'], env));
        const res = await api.request('POST', `/api/bots/${w.botId}/sends`, {
          key: w.key,
          body: { content: { type: 'text', text: 'hi' }, channelIds: [channelId], audience: { type: 'all' } },
        });
        assert.equal(res.status, 201, res.text);
        const sendId = res.body.id as number;
        const inFlight = async () =>
          (
            await api.app.ctx.db.query<{ n: number }>(
              'SELECT coalesce(sum(l.in_flight), 0)::int AS n FROM run_lanes l JOIN runs r ON r.id = l.run_id WHERE r.send_id = $1',
              [sendId],
            )
          )[0].n;
        await waitFor('the run under way', async () => requests(token).length >= 200, 60_000);
        assert.equal((await api.request('POST', `/api/sends/${sendId}/pause`, { key: w.key })).status, 200);
        await waitFor('in-flight deliveries to finish', async () => (await inFlight()) === 0, 30_000);
        const atPause = requests(token).length;
        assert.ok(atPause < total, `${atPause} of ${total} sent when paused`);

        // The worker dies while the send is paused; a new one starts and must not send it.
        await workers.pop()!.kill('SIGKILL');
        workers.push(await startBotcast(['worker'], env));
        const [{ at }] = await api.app.ctx.db.query<{ at: Date }>('SELECT now() AS at');
        // A later event: the new worker has heart-beaten three times after now (it polls every 20 ms).
        await waitFor(
          'three heartbeats of the new worker',
          async () =>
            (
              await api.app.ctx.db.query<{ n: number }>(
                `SELECT count(*)::int AS n FROM workers WHERE heartbeat_at > $1::timestamptz + interval '600 milliseconds'`,
                [at],
              )
            )[0].n > 0,
          30_000,
        );
        assert.equal(requests(token).length, atPause, 'no request while paused, across the restart');
        assert.equal((await getStatus(api, w, sendId)).status, 'paused');

        // Resumed, and killed again in the middle: recovery settles what was in flight.
        assert.equal((await api.request('POST', `/api/sends/${sendId}/resume`, { key: w.key })).status, 200);
        await waitFor('delivery going on', async () => requests(token).length >= atPause + 200, 60_000);
        await workers.pop()!.kill('SIGKILL');
        workers.push(await startBotcast(['worker'], env));
        await waitFor('the run to complete', async () => (await getStatus(api, w, sendId)).status === 'completed', 120_000, 100);

        const rows = await api.app.ctx.db.query<{ recipient: string; state: string }>(
          `SELECT d.recipient, d.state FROM deliveries d JOIN runs r ON r.id = d.run_id WHERE r.send_id = $1`,
          [sendId],
        );
        assert.equal(rows.length, total);
        const perRecipient = fake.deliveriesPerRecipient({ channel: token });
        assert.deepEqual(
          [...perRecipient.entries()].filter(([, n]) => n > 1),
          [],
          'nobody twice',
        );
        for (const r of rows) {
          if (r.state === 'sent') assert.equal(perRecipient.get(r.recipient), 1, `${r.recipient} counted sent but never reached`);
          else assert.equal(r.state, 'unknown', `${r.recipient} is ${r.state}: skipped`);
        }
        // Only the second kill (while delivering) may leave a request that was leaving `unknown`.
        const unknown = rows.filter((r) => r.state === 'unknown').length;
        assert.ok(unknown <= 16 + 100 * 2, `${unknown} unknown after one kill while delivering`);
        assert.ok(perRecipient.size >= total - unknown, 'everyone not unknown reached the platform');
      } finally {
        for (const p of workers) await p.kill('SIGKILL');
        await api.close();
      }
    },
  );
});
