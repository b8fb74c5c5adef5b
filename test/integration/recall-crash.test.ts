// A recall job survives kill -9 of the worker running it (issue 17: recall exercised with a kill in
// the middle). The items the dead worker held in flight go back to the job once recovery has
// removed its row — not after the 60-second stale-claim limit, which is for a worker alive but
// stuck —, and another worker finishes the job: every message deleted from its chat, none left.
// A request that had left before the kill may be made again: the platform then says the message is
// already gone, which counts as done (deleting is idempotent at the platform); nothing else twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINE } from '../helpers/engine.ts';
import { startTestApp } from '../helpers/app.ts';
import { startBotcast, WORKER_ENV, type BotcastProcess } from '../helpers/process.ts';
import { startFakeServer } from '../fakes/server.ts';
import { addChannel, makeWorld, seedSubscribers, waitFor, waitForSend } from '../helpers/world.ts';
import type { Json } from '../helpers/json.ts';

const TOTAL = 200;
/** Items a recall worker claims at once (engine/recalls.ts): what a kill can leave in flight. */
const RECALL_BATCH = 20;

test(
  'kill -9 of the worker in the middle of a recall: another worker finishes it within seconds, every message deleted, none skipped',
  { skip: ENGINE !== 'postgres' && 'worker processes share PostgreSQL' },
  async () => {
    const fake = await startFakeServer({ latencyMs: 2 });
    const t = await startTestApp({ config: { graceSeconds: 0 } });
    const workers: BotcastProcess[] = [];
    try {
      const w = await makeWorld(t);
      const token = `56:recallkill${Date.now()}`;
      // 40/s: the recall is paced at the channel's rate, so the job takes five seconds.
      const channelId = await addChannel(t, w, 'tg', { credentials: { token }, apiBaseUrl: fake.url, ratePerSecond: 40 });
      await seedSubscribers(t.app.ctx.db, { workspaceId: w.workspaceId, botId: w.botId, channelId, platform: 'tg', count: TOTAL });
      const env = { ...t.database.env, ...WORKER_ENV };
      workers.push(await startBotcast(['worker'], env));
      const send = await t.request('POST', `/api/bots/${w.botId}/sends`, {
        key: w.key,
        body: { content: { type: 'text', text: 'Sale ends Friday' }, channelIds: [channelId], audience: { type: 'all' } },
      });
      assert.equal((await waitForSend(t, w, send.body.id, ['completed'], 120_000)).counts.sent, TOTAL);

      const recall = await t.request('POST', `/api/sends/${send.body.id}/recall`, { key: w.key, body: { action: 'delete' } });
      assert.equal(recall.status, 202, recall.text);
      const deletes = () => fake.records.filter((r) => r.channel === token && r.method === 'deleteMessage');
      await waitFor('the recall under way', async () => deletes().length >= 50, 60_000, 5);
      await workers.pop()!.kill('SIGKILL');
      const killedAt = Date.now();
      workers.push(await startBotcast(['worker'], env));
      const job = await waitFor(
        'the recall job to finish',
        async () => {
          const [j] = (await t.request('GET', `/api/sends/${send.body.id}/recalls`, { key: w.key })).body.items as Json[];
          return j?.state === 'completed' ? j : null;
        },
        // Well under the 60-second stale-claim limit the dead worker's items waited for before.
        45_000,
        50,
      );
      assert.deepEqual(job.counts, { messages: TOTAL, pending: 0, done: TOTAL, failed: 0 });
      assert.ok(Date.now() - killedAt < 45_000);

      // The platform's view: every chat's message deleted once; a second request only for an item
      // the dead worker may have sent, answered "already deleted".
      const byChat = new Map<string, number[]>();
      for (const d of deletes()) byChat.set(d.recipient!, [...(byChat.get(d.recipient!) ?? []), d.status]);
      assert.equal(byChat.size, TOTAL, 'every chat had its message deleted');
      const deletedOnce = [...byChat.values()].filter((statuses) => statuses.filter((s) => s === 200).length === 1);
      assert.equal(deletedOnce.length, TOTAL, 'each message deleted exactly once');
      const again = [...byChat.values()].filter((statuses) => statuses.length > 1);
      assert.ok(again.length <= RECALL_BATCH, `${again.length} chats asked twice (at most the batch in flight at the kill)`);
      for (const statuses of again) assert.deepEqual(statuses, [200, 400], 'a second request finds the message already deleted');
    } finally {
      for (const p of workers) await p.kill('SIGKILL');
      await t.close();
      await fake.close();
    }
  },
);
