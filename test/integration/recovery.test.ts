// Recovery of a dead worker's claim, step by step (no worker running): the rows whose request may
// have left (at or below the claim's progress mark) become `unknown` — never re-sent on a platform
// that cannot de-duplicate — and the rest, which never left, go back to the queue with their
// attempt given back. A worker that was only presumed dead can send nothing more of that claim.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addChannel, makeWorld, seedSubscribers } from '../helpers/world.ts';
import { claimDeliveries } from '../../src/engine/sql/claim.ts';
import { claimTag, openClaimMark, raiseClaimMark } from '../../src/engine/sql/claim-marks.ts';
import { recoverDeadWorkers, registerWorker } from '../../src/engine/sql/workers.ts';
import { startDueSends } from '../../src/engine/scheduler.ts';
import { materialiseNextRun } from '../../src/engine/materialise.ts';
import { DEFAULT_ENGINE_SETTINGS } from '../../src/engine/types.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp({ config: { graceSeconds: 0 } });
});
after(async () => {
  await t.close();
});

test('a dead worker: what it marked as leaving becomes unknown, what it never sent is queued again', async () => {
  const db = t.app.ctx.db;
  const w = await makeWorld(t);
  const channelId = await addChannel(t, w, 'tg', { credentials: { token: '1:AArecovery' } });
  await seedSubscribers(db, { workspaceId: w.workspaceId, botId: w.botId, channelId, platform: 'tg', count: 10, startAt: 1 });
  const res = await t.request('POST', `/api/bots/${w.botId}/sends`, {
    key: w.key,
    body: { content: { type: 'text', text: 'Hi' }, channelIds: [channelId], audience: { type: 'all' } },
  });
  assert.equal(res.status, 201, res.text);
  const ctx = { ...t.app.ctx, logger: pino({ level: 'silent' }), settings: DEFAULT_ENGINE_SETTINGS };
  await startDueSends(ctx);
  const runId = await materialiseNextRun(ctx);
  const [{ id: laneId }] = await db.query<{ id: number }>('SELECT id FROM run_lanes WHERE run_id = $1', [runId]);

  const worker = 'dead-host:1:abcd';
  await registerWorker(db, worker, 'dead-host', 1);
  const tag = claimTag(worker, 1);
  const ids = await db.transaction(async (tx) => {
    const { deliveries } = await claimDeliveries(tx, laneId, { limit: 10, workerId: tag, withProfile: false, rescan: false });
    const sorted = deliveries.map((d) => Number(d.id)).sort((a, b) => a - b);
    await openClaimMark(tx, { tag, laneId, lastId: sorted[9] }, null);
    return sorted;
  });
  // Four requests were about to leave when the worker died.
  assert.equal(await raiseClaimMark(db, tag, ids[3]), true);
  await db.query(`UPDATE workers SET heartbeat_at = now() - interval '1 hour' WHERE id = $1`, [worker]);

  const recovered = await recoverDeadWorkers(db, 10_000, []);
  assert.deepEqual(recovered, { returned: 6, requeued: 0, unknown: 4 });
  const rows = await db.query<{ id: number; state: string; attempts: number; claimed_by: string | null }>(
    'SELECT id, state, attempts, claimed_by FROM deliveries WHERE lane_id = $1 ORDER BY id',
    [laneId],
  );
  assert.deepEqual(
    rows.map((r) => [Number(r.id), r.state, r.attempts, r.claimed_by]),
    ids.map((id, i) => (i < 4 ? [id, 'unknown', 1, null] : [id, 'queued', 0, null])),
  );
  // Woken from a stall, the worker finds its claim gone: it may send nothing more of it.
  assert.equal(await raiseClaimMark(db, tag, ids[9]), false);
  const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM claim_marks');
  assert.equal(n, 0);
  // The lane's counters follow the states.
  const [lane] = await db.query<{ queued: number; in_flight: number; unknown: number }>(
    'SELECT queued, in_flight, unknown FROM run_lanes WHERE id = $1',
    [laneId],
  );
  assert.deepEqual(lane, { queued: 6, in_flight: 0, unknown: 4 });
});
