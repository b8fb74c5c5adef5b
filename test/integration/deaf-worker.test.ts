// A worker that cannot hear the other workers' pauses sends nothing (src/engine/hearing.ts). A 429
// read by one worker reaches the others on their listening connections; when the database goes
// away (a restart, a cut) those connections are lost, and a loaded three-worker chaos run saw the
// other workers send 14 requests 330–406 ms into a pause read meanwhile — they had claimed them
// before the cut and learned of the pause only by polling 0.8 s after the database was back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { ENGINE, PG_ADMIN_URL } from '../helpers/engine.ts';
import { startTestApp } from '../helpers/app.ts';
import { startFakeServer } from '../fakes/server.ts';
import { addChannel, FAST_ENGINE, makeWorld, seedSubscribers, waitFor, waitForSend } from '../helpers/world.ts';
import { DEAF_HOLD_MAX_MS, Hearing } from '../../src/engine/hearing.ts';

/**
 * Requests already on their way when the worker learns that its connection is lost (one turn of its
 * event loop), plus this process's longest event-loop stall meanwhile: the fake shares the loop, so
 * a request that left before the cut is stamped when the loop runs again.
 */
const SLACK_MS = 50;

/** This process's event-loop stalls (a 5 ms timer that ran late), as the fake servers measure theirs. */
function watchStalls() {
  let last = Date.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    longest = Math.max(longest, now - last - 5);
    last = now;
  }, 5);
  return { longest: () => longest, stop: () => clearInterval(timer) };
}
/** How long the database stays away: a fault's length, not a wait for something to happen. */
const AWAY_MS = 1_000;

test(
  'nothing leaves a worker while its listening connection is lost; it sends the rest once it hears again, each once',
  { skip: ENGINE !== 'postgres' && 'the listening connection is PostgreSQL’s' },
  async () => {
    const fake = await startFakeServer({ seed: 20 });
    const t = await startTestApp({ worker: true, config: { graceSeconds: 0 }, engine: FAST_ENGINE });
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    const database = new URL(t.database.env.DATABASE_URL).pathname.slice(1);
    try {
      const w = await makeWorld(t);
      // 40/s: each claim holds 250 ms of sending, marked ahead — what went on leaving before.
      const channelId = await addChannel(t, w, 'tg', { credentials: { token: '20:deaf' }, apiBaseUrl: fake.url, ratePerSecond: 40 });
      await seedSubscribers(t.app.ctx.db, { workspaceId: w.workspaceId, botId: w.botId, channelId, platform: 'tg', count: 300 });
      const send = await t.request('POST', `/api/bots/${w.botId}/sends`, {
        key: w.key,
        body: { content: { type: 'text', text: 'hi' }, channelIds: [channelId], audience: { type: 'all' } },
      });
      assert.equal(send.status, 201, send.text);
      await waitFor('sending under way', async () => fake.deliveries().length >= 20, 30_000, 5);

      // The database away, as during a restart: no new connections, every backend of it ended.
      await admin.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS false`);
      let upAt = 0;
      try {
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);
        const cutAt = Date.now();
        const stalls = watchStalls();
        await new Promise((resolve) => setTimeout(resolve, AWAY_MS));
        stalls.stop();
        upAt = Date.now();
        const leftWhileAway = fake.deliveries().filter((r) => r.t > cutAt + SLACK_MS + stalls.longest() && r.t < upAt);
        assert.deepEqual(
          leftWhileAway.map((r) => `+${r.t - cutAt} ms`),
          [],
          'requests arrived while the database (and every announcement of a pause) was away',
        );
      } finally {
        await admin.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS true`);
      }
      await waitForSend(t, w, send.body.id, ['completed'], 90_000);
      const perRecipient = fake.deliveriesPerRecipient();
      assert.equal(perRecipient.size, 300);
      assert.deepEqual(
        [...perRecipient.values()].filter((n) => n !== 1),
        [],
      );
      assert.ok(
        fake.deliveries().some((r) => r.t > upAt),
        'the rest was sent after the database came back',
      );
    } finally {
      await admin.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS true`).catch(() => {});
      await admin.end();
      await t.close();
      await fake.close();
    }
  },
);

test('hearing again takes the connection back and a poll of the pauses begun after it', () => {
  const ears = new Hearing();
  assert.equal(ears.deaf, false);
  ears.lost(1_000);
  assert.equal(ears.deaf, true);
  const beforeBack = ears.snapshot(1_100);
  ears.back();
  ears.polled(beforeBack);
  assert.equal(ears.deaf, true, 'a poll begun before the connection was back may have missed an announcement');
  const lostDuring = ears.snapshot(1_200);
  ears.lost(1_250);
  ears.back();
  ears.polled(lostDuring);
  assert.equal(ears.deaf, true, 'lost and back again during the poll');
  const after = ears.snapshot(1_300);
  ears.polled(after);
  assert.equal(ears.deaf, false);
  // Listening impossible while the database answers: polling alone after DEAF_HOLD_MAX_MS.
  ears.lost(5_000);
  ears.polled(ears.snapshot(5_000 + DEAF_HOLD_MAX_MS - 1));
  assert.equal(ears.deaf, true);
  ears.polled(ears.snapshot(5_000 + DEAF_HOLD_MAX_MS));
  assert.equal(ears.deaf, false);
});
