// A platform's "slow down" holds for every worker on that channel, not only the one that read it:
// the pause is announced as it is written (NOTIFY), so the others stop at once instead of at their
// next poll — and a pause read while the database is away is written as soon as it is back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { ENGINE } from '../helpers/engine.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startBotcast, type BotcastProcess } from '../helpers/process.ts';
import { startFakeProcess } from '../helpers/fake-process.ts';
import { addChannel, makeWorld, seedSubscribers, waitFor } from '../helpers/world.ts';
import { writePause } from '../../src/engine/channel-pauses.ts';
import type { Transition } from '../../src/engine/outcomes.ts';
import type { Db } from '../../src/storage/db.ts';

describe('a channel pause is shared by every worker', () => {
  test(
    'two worker processes: the one that did not read the 429 stops too, long before its next poll',
    { skip: ENGINE !== 'postgres' && 'worker processes share PostgreSQL' },
    async () => {
      const t: TestApp = await startTestApp({ config: { graceSeconds: 0 } });
      const platform = await startFakeProcess(['--latency', '2']);
      const workers: BotcastProcess[] = [];
      try {
        const w = await makeWorld(t);
        const token = `79:pause${Date.now()}`;
        // Unlimited: both workers send as fast as they can, so one that goes on sends hundreds.
        const channelId = await addChannel(t, w, 'tg', { credentials: { token }, apiBaseUrl: platform.url, ratePerSecond: 50_000 });
        const total = 3000;
        await seedSubscribers(t.app.ctx.db, { workspaceId: w.workspaceId, botId: w.botId, channelId, platform: 'tg', count: total });
        await platform.setFaults([{ kind: 'rate_limited', channel: token, recipient: '1500', count: 1, retryAfterSec: 2 }]);
        // Polls 5 s apart: a worker that learned of the pause only by polling would go on sending.
        const env = {
          ...t.database.env,
          BOTCAST_POLL_MS: '5000',
          BOTCAST_GRACE_SECONDS: '0',
          BOTCAST_WORKER_BATCH: '500',
          BOTCAST_WORKER_CONCURRENCY: '16',
        };
        workers.push(await startBotcast(['worker'], env), await startBotcast(['worker'], env));
        const send = await t.request('POST', `/api/bots/${w.botId}/sends`, {
          key: w.key,
          body: { content: { type: 'text', text: 'hi' }, channelIds: [channelId], audience: { type: 'all' } },
        });
        assert.equal(send.status, 201, send.text);
        await waitFor(
          'the run to complete',
          async () => (await t.request('GET', `/api/sends/${send.body.id}`, { key: w.key })).body.status === 'completed',
          120_000,
          100,
        );
        const records = (await platform.records()).filter((r) => r.channel === token && r.send);
        const limited = records.find((r) => r.fault === 'rate_limited');
        assert.ok(limited, 'the fake answered 429 once');
        const [pacing] = await t.app.ctx.db.query<{ paused_until: Date }>('SELECT paused_until FROM channel_pacing WHERE channel_id = $1', [
          channelId,
        ]);
        const until = pacing.paused_until.getTime();
        const learnedAt = until - 2000;
        // Requests already on their way when the 429 was read (at most both workers' concurrency,
        // 16 each) may arrive early in the pause. After 200 ms — a liveness bound for a loaded
        // machine, far below the 5 s poll — none may arrive, from either worker.
        const inPause = records.filter((r) => r.t > learnedAt + 200 && r.t < until - 2);
        assert.deepEqual(
          inPause.map((r) => r.t - learnedAt),
          [],
          'no request more than 200 ms into the pause',
        );
        const early = records.filter((r) => r.t > learnedAt + 2 && r.t <= learnedAt + 200);
        assert.ok(early.length <= 64, `${early.length} requests in the first 200 ms of the pause`);
        assert.equal(
          new Set(records.filter((r) => r.delivered).map((r) => r.recipient)).size,
          total,
          'everyone got it once the pause ended',
        );
      } finally {
        for (const p of workers) await p.kill('SIGKILL');
        await platform.close();
        await t.close();
      }
    },
  );
});

describe('a pause read while the database is away', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ config: { graceSeconds: 0 } });
  });
  after(async () => {
    await t.close();
  });

  test('is written as soon as the database answers again, for what is left of it', async () => {
    const w = await makeWorld(t);
    const channelId = await addChannel(t, w, 'tg', { credentials: { token: '1:AAaway' } });
    // The database refuses the first three statements, as during a restart.
    let refusals = 3;
    const real = t.app.ctx.db;
    const away: Db = Object.create(real) as Db;
    away.query = (async (sql: string, params?: unknown[]) => {
      if (refusals > 0) {
        refusals -= 1;
        throw Object.assign(new Error('the database system is starting up'), { code: '57P03' });
      }
      return real.query(sql, params);
    }) as Db['query'];
    const transition = { pauseChannelMs: 3_000, code: '429', text: 'Too Many Requests' } as Transition;
    const untilMs = Date.now() + 3_000;
    await writePause({ db: away, logger: pino({ level: 'silent' }) }, { id: channelId, platform: 'tg' }, transition, untilMs, () => false);
    const written = await waitFor(
      'the pause to be written',
      async () => {
        const [row] = await real.query<{ paused_until: Date | null }>('SELECT paused_until FROM channel_pacing WHERE channel_id = $1', [
          channelId,
        ]);
        return row?.paused_until ?? null;
      },
      10_000,
      20,
    );
    assert.equal(refusals, 0);
    // Written late, it still ends when the platform asked (within the database round trips).
    assert.ok(Math.abs(written.getTime() - untilMs) < 500, `ends ${written.getTime() - untilMs} ms from the asked end`);
  });
});
