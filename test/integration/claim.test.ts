// The claim path on its own (no worker running): first attempts are taken in id order from the
// lane's claim cursor, due retries from their own index, and nothing put back in the queue is
// ever left behind the cursor.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addChannel, makeWorld, seedSubscribers, waitFor, type World } from '../helpers/world.ts';
import { claimDeliveries, type ClaimOptions } from '../../src/engine/sql/claim.ts';
import { recordOutcomes } from '../../src/engine/sql/record.ts';
import { releaseTransition, transitionFor } from '../../src/engine/outcomes.ts';
import { startDueSends } from '../../src/engine/scheduler.ts';
import { materialiseNextRun } from '../../src/engine/materialise.ts';
import { releaseHolds } from '../../src/engine/holds.ts';
import { appendEvents } from '../../src/storage/queries/outbox.ts';
import { DEFAULT_ENGINE_SETTINGS } from '../../src/engine/types.ts';
import type { Queryable } from '../../src/storage/db.ts';

let t: TestApp;
let w: World;
let laneId: number;
const WORKER = 'test-worker';

before(async () => {
  t = await startTestApp({ config: { graceSeconds: 0 } });
});
after(async () => {
  await t.close();
});

beforeEach(async () => {
  w = await makeWorld(t);
  const channelId = await addChannel(t, w, 'tg', { credentials: { token: '1:AAclaim' } });
  await seedSubscribers(t.app.ctx.db, { workspaceId: w.workspaceId, botId: w.botId, channelId, platform: 'tg', count: 10, startAt: 1 });
  const res = await t.request('POST', `/api/bots/${w.botId}/sends`, {
    key: w.key,
    body: { content: { type: 'text', text: 'Hi' }, channelIds: [channelId], audience: { type: 'all' } },
  });
  assert.equal(res.status, 201, res.text);
  await startDueSends(engineCtx());
  const runId = await materialiseNextRun(engineCtx());
  [{ id: laneId }] = await t.app.ctx.db.query<{ id: number }>('SELECT id FROM run_lanes WHERE run_id = $1', [runId]);
});

const engineCtx = () => ({ ...t.app.ctx, logger: pino({ level: 'silent' }), settings: DEFAULT_ENGINE_SETTINGS });
const options = (limit: number, rescan = false): ClaimOptions => ({ limit, workerId: WORKER, withProfile: false, rescan });
const claim = (limit: number, rescan = false) => t.app.ctx.db.transaction((tx) => claimDeliveries(tx, laneId, options(limit, rescan)));
const ids = (r: { deliveries: Array<{ id: number }> }) => r.deliveries.map((d) => Number(d.id)).sort((a, b) => a - b);
const laneIds = async () =>
  (await t.app.ctx.db.query<{ id: number }>('SELECT id FROM deliveries WHERE lane_id = $1 ORDER BY id', [laneId])).map((r) => Number(r.id));
const cursor = async () =>
  Number((await t.app.ctx.db.query<{ c: number }>('SELECT claim_cursor AS c FROM run_lanes WHERE id = $1', [laneId]))[0].c);

async function putBack(deliveryIds: number[], notBefore: Date | null) {
  await t.app.ctx.db.transaction((tx) =>
    recordOutcomes(
      tx,
      w.workspaceId,
      deliveryIds.map((id) => ({ deliveryId: id, subscriberId: 0, claimTag: WORKER, transition: releaseTransition(notBefore) })),
    ),
  );
}

describe('claim cursor', () => {
  test('a first attempt is claimed and recorded in place: no index entries are written (HOT updates)', async () => {
    // This backend's own counts, not yet sent to the statistics collector: read before and after.
    const counts = async (tx: Queryable) =>
      (
        await tx.query<{ updated: number; hot: number }>(
          `SELECT pg_stat_get_xact_tuples_updated('deliveries'::regclass)::int AS updated,
                  pg_stat_get_xact_tuples_hot_updated('deliveries'::regclass)::int AS hot`,
        )
      )[0];
    const inPlace = async <T>(fn: (tx: Queryable) => Promise<T>) =>
      t.app.ctx.db.transaction(async (tx) => {
        const before = await counts(tx);
        const result = await fn(tx);
        const after = await counts(tx);
        return { result, updated: after.updated - before.updated, hot: after.hot - before.hot };
      });
    const claimed = await inPlace((tx) => claimDeliveries(tx, laneId, options(10)));
    assert.equal(claimed.result.deliveries.length, 10);
    assert.deepEqual([claimed.updated, claimed.hot], [10, 10], 'claim: rows updated, of which in place');
    const sent = transitionFor({ class: 'sent', platformMessageId: '7' }, 1, {
      maxAttempts: 5,
      backoffBaseMs: 1000,
      maxBackoffMs: 60_000,
      deduplicates: false,
      now: new Date(),
    });
    const recorded = await inPlace((tx) =>
      recordOutcomes(
        tx,
        w.workspaceId,
        ids(claimed.result).map((id) => ({ deliveryId: id, subscriberId: 0, claimTag: WORKER, transition: sent })),
      ),
    );
    assert.deepEqual([recorded.updated, recorded.hot], [10, 10], 'record: rows updated, of which in place');
  });

  test('first attempts are taken in id order and the cursor follows the last one taken', async () => {
    const all = await laneIds();
    assert.deepEqual(ids(await claim(3)), all.slice(0, 3));
    assert.equal(await cursor(), all[2]);
    assert.deepEqual(ids(await claim(3)), all.slice(3, 6));
    assert.equal(await cursor(), all[5]);
  });

  test('a delivery put back in the queue is taken again before anything after it', async () => {
    const all = await laneIds();
    await claim(6);
    await putBack([all[1]], null);
    assert.ok((await cursor()) < all[1], 'the cursor went back below the released delivery');
    assert.deepEqual(ids(await claim(2)), [all[1], all[6]]);
  });

  test('a retry that is not due yet does not hold the cursor back, and is taken once it is due', async () => {
    const all = await laneIds();
    await claim(4);
    await putBack([all[0]], new Date(Date.now() + 60_000));
    assert.deepEqual(ids(await claim(3)), all.slice(4, 7));
    assert.equal(await cursor(), all[6]);
    await t.app.ctx.db.query(`UPDATE deliveries SET not_before = now() - interval '1 second' WHERE id = $1`, [all[0]]);
    assert.deepEqual(ids(await claim(2)), [all[0], all[7]], 'the due retry comes first');
  });

  test('a held delivery let go goes back below the cursor and is found', async () => {
    const all = await laneIds();
    await t.app.ctx.db.query(`UPDATE deliveries SET state = 'held', hold_expires_at = now() + interval '1 hour' WHERE id = $1`, [all[2]]);
    await claim(5);
    const [{ subscriber_id }] = await t.app.ctx.db.query<{ subscriber_id: number }>('SELECT subscriber_id FROM deliveries WHERE id = $1', [
      all[2],
    ]);
    await appendEvents(t.app.ctx.db, w.workspaceId, 'chat_closed', [{ subscriberId: Number(subscriber_id) }]);
    // The release reads the chat_closed event from the outbox, which a transaction open in another
    // database of the same server may hold back for a moment (transaction ids are the cluster's).
    await waitFor('the hold to be released', async () => {
      await releaseHolds(engineCtx());
      const [row] = await t.app.ctx.db.query<{ state: string }>('SELECT state FROM deliveries WHERE id = $1', [all[2]]);
      return row.state === 'queued';
    });
    assert.deepEqual(ids(await claim(1)), [all[2]]);
  });

  test('a row left below the cursor by other means is found by the occasional rescan', async () => {
    const all = await laneIds();
    await claim(10);
    // Behind the trigger's back (as a transaction that failed half-way could leave it).
    await t.app.ctx.db.exec(`ALTER TABLE deliveries DISABLE TRIGGER deliveries_count_update`);
    await t.app.ctx.db.query(`UPDATE deliveries SET state = 'queued', claimed_by = NULL WHERE id = $1`, [all[3]]);
    await t.app.ctx.db.exec(`ALTER TABLE deliveries ENABLE TRIGGER deliveries_count_update`);
    await t.app.ctx.db.query('UPDATE run_lanes SET queued = 1, in_flight = in_flight - 1 WHERE id = $1', [laneId]);
    assert.deepEqual(ids(await claim(5)), [], 'not without a rescan');
    const found = await claim(5, true);
    assert.deepEqual(ids(found), [all[3]]);
    assert.equal(found.rescanned, true);
  });
});
