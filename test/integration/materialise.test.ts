// Materialisation when several workers tick at once: each recipient is inserted once, nothing
// fails, and the audience is logged once per platform — whether the run's lease keeps the others
// away or leases run out and the workers overlap chunk by chunk.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addChannel, makeWorld, seedSubscribers } from '../helpers/world.ts';
import { startDueSends } from '../../src/engine/scheduler.ts';
import { materialiseNextRun } from '../../src/engine/materialise.ts';
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from '../../src/engine/types.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp({ config: { graceSeconds: 0 } });
});
after(async () => {
  await t.close();
});

const AUDIENCE = 120;

async function aDueRun(): Promise<number> {
  const w = await makeWorld(t);
  const channelId = await addChannel(t, w, 'tg', { credentials: { token: '1:AAmaterialise' } });
  await seedSubscribers(t.app.ctx.db, {
    workspaceId: w.workspaceId,
    botId: w.botId,
    channelId,
    platform: 'tg',
    count: AUDIENCE,
    startAt: 1,
  });
  const res = await t.request('POST', `/api/bots/${w.botId}/sends`, {
    key: w.key,
    body: { content: { type: 'text', text: 'Hi' }, channelIds: [channelId], audience: { type: 'all' } },
  });
  assert.equal(res.status, 201, res.text);
  await startDueSends(workerCtx({}));
  const [run] = await t.app.ctx.db.query<{ id: number }>('SELECT id FROM runs WHERE send_id = $1', [res.body.id]);
  return Number(run.id);
}

const workerCtx = (settings: Partial<EngineSettings>) => ({
  ...t.app.ctx,
  logger: pino({ level: 'silent' }),
  settings: { ...DEFAULT_ENGINE_SETTINGS, materialiseChunk: 7, ...settings },
});

async function outcome(runId: number) {
  const db = t.app.ctx.db;
  const [rows] = await db.query<{ n: number; distinct: number }>(
    'SELECT count(*)::int AS n, count(DISTINCT subscriber_id)::int AS distinct FROM deliveries WHERE run_id = $1',
    [runId],
  );
  const audience = await db.query<{ message: string }>(`SELECT message FROM run_events WHERE run_id = $1 AND type = 'audience'`, [runId]);
  const [run] = await db.query<{ state: string }>('SELECT state FROM runs WHERE id = $1', [runId]);
  return { ...rows, audience: audience.map((r) => r.message), state: run.state };
}

describe('materialising a run with several workers at once', () => {
  for (const [name, settings] of [
    ['while one worker holds the lease', {}],
    ['when every lease has run out, so the workers overlap chunk by chunk', { materialiseLeaseSec: 0 }],
  ] as const) {
    test(`${name}: every recipient once, no error, one audience line`, async () => {
      const runId = await aDueRun();
      const workers = [1, 2, 3].map(() => workerCtx(settings));
      const results = await Promise.allSettled(workers.map((ctx) => materialiseNextRun(ctx)));
      assert.deepEqual(
        results.filter((r) => r.status === 'rejected'),
        [],
      );
      // A worker that found the run leased comes back on its next tick; here: until none is due.
      while ((await materialiseNextRun(workerCtx(settings))) !== null);
      assert.deepEqual(await outcome(runId), {
        n: AUDIENCE,
        distinct: AUDIENCE,
        audience: [`tg: ${AUDIENCE} recipients`],
        state: 'delivering',
      });
    });
  }
});
