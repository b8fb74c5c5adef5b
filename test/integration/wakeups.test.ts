// Wake-ups instead of polling (src/engine/wakeups.ts). The scheduler's tick and the worker's poll
// are set to a minute, so only a wake-up can explain a delivery within the bound below: the end of
// a grace window (the scheduler's timer, armed when the send's NOTIFY arrived), an external event
// (NOTIFY → scheduler pass → materialised chunk's NOTIFY → worker). On PostgreSQL also across
// processes: this process creates, a worker process hears it and delivers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINE } from '../helpers/engine.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startBotcast, type BotcastProcess } from '../helpers/process.ts';
import { startFakeServer, type FakeServer } from '../fakes/server.ts';
import { addChannel, makeWorld, seedSubscribers, waitFor, type World } from '../helpers/world.ts';

/** Far below the minute a poll or a tick would take, far above a wake-up on a loaded machine. */
const BOUND_MS = 20_000;
const SLOW = { pollMs: 60_000, schedulerTickMs: 60_000, heartbeatMs: 1_000, workerStaleMs: 300_000, wakeups: true };

let fake: FakeServer;
before(async () => {
  fake = await startFakeServer({ seed: 14 });
});
after(() => fake.close());

async function tgWorld(t: TestApp, count: number) {
  const w = await makeWorld(t);
  const token = `${Math.floor(Math.random() * 1e9)}:AAwake${Math.random().toString(36).slice(2)}`;
  const channelId = await addChannel(t, w, 'tg', { credentials: { token }, apiBaseUrl: fake.url, ratePerSecond: 1000 });
  await seedSubscribers(t.app.ctx.db, { workspaceId: w.workspaceId, botId: w.botId, channelId, platform: 'tg', count, startAt: 5001 });
  return { w, token, channelId };
}

const delivered = (token: string) => fake.deliveries({ channel: token, sendsOnly: true }).length;

async function broadcast(t: TestApp, w: World, channelId: number) {
  const r = await t.request('POST', `/api/bots/${w.botId}/sends`, {
    key: w.key,
    body: { content: { type: 'text', text: 'wake' }, channelIds: [channelId], audience: { type: 'all' } },
  });
  assert.equal(r.status, 201, r.text);
  return r.body.id as number;
}

describe('wake-ups, one process', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ worker: true, config: { graceSeconds: 1 }, engine: SLOW });
  });
  after(() => t.close());

  test('the end of a grace window: delivered without waiting for a tick or a poll', async () => {
    const { w, token, channelId } = await tgWorld(t, 3);
    const t0 = Date.now();
    const sendId = await broadcast(t, w, channelId);
    await waitFor('the broadcast at the platform', async () => delivered(token) === 3, BOUND_MS, 20);
    const [run] = await t.app.ctx.db.query<{ planned_at: Date; created_at: Date }>(
      'SELECT r.planned_at, s.created_at FROM runs r JOIN sends s ON s.id = r.send_id WHERE r.send_id = $1',
      [sendId],
    );
    assert.ok(run.planned_at.getTime() - run.created_at.getTime() >= 1000, 'the run is planned at the end of the grace window');
    assert.ok(Date.now() - t0 >= 900, 'nothing left before the grace window ended');
  });

  test('an external event on an idle channel: delivered without waiting for a tick or a poll', async () => {
    const { w, token } = await tgWorld(t, 2);
    const ev = await t.request('POST', `/api/bots/${w.botId}/external-events`, {
      key: w.key,
      body: { name: 'wake event', content: { type: 'text', text: 'Hi {{name}}' } },
    });
    assert.equal(ev.status, 201, ev.text);
    const call = await t.request('POST', new URL(ev.body.url).pathname, { body: { platform: 'tg', users: ['5001', '5002'] } });
    assert.equal(call.status, 202, call.text);
    await waitFor('the external event at the platform', async () => delivered(token) === 2, BOUND_MS, 20);
  });
});

describe('wake-ups across processes', () => {
  test(
    'an API process creates, a worker process hears it and delivers',
    { skip: ENGINE !== 'postgres' && 'worker processes share PostgreSQL' },
    async () => {
      const t = await startTestApp({ config: { graceSeconds: 0 } });
      let worker: BotcastProcess | null = null;
      try {
        const { w, token, channelId } = await tgWorld(t, 3);
        worker = await startBotcast(['worker'], {
          ...t.database.env,
          BOTCAST_POLL_MS: '10000',
          BOTCAST_SCHEDULER_TICK_MS: '60000',
          BOTCAST_WORKER_STALE_MS: '300000',
        });
        await broadcast(t, w, channelId);
        await waitFor('the broadcast at the platform', async () => delivered(token) === 3, BOUND_MS, 20);
      } finally {
        await worker?.kill('SIGTERM');
        await t.close();
      }
    },
  );
});
