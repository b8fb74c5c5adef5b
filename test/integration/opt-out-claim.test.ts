// Opt-out rechecked at claim time (issue 18 point 4): a subscriber who opts out after a broadcast was
// queued is not sent it — the delivery ends `cancelled` with outcome `opted_out` (not an error,
// never retried) and the run's log says how many — while an external event that ignores opt-outs
// still reaches them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type TestApp } from '../helpers/app.ts';
import { closeEngineAndFake, startEngineAndFake } from '../helpers/engine-and-fake.ts';
import { type FakeServer } from '../fakes/server.ts';
import { addChannel, makeWorld, seedSubscribers, waitFor, waitForSend } from '../helpers/world.ts';

let t: TestApp;
let fake: FakeServer;

before(async () => ({ t, fake } = await startEngineAndFake()));
after(() => closeEngineAndFake(t, fake));

describe('opt-out at claim time', () => {
  test('opted out after the broadcast was queued: not sent, outcome opted_out, counted apart from errors', async () => {
    const total = 120;
    const w = await makeWorld(t);
    const token = `${Math.floor(Math.random() * 1e9)}:AA${Math.random().toString(36).slice(2)}`;
    const channelId = await addChannel(t, w, 'tg', { credentials: { token }, apiBaseUrl: fake.url, ratePerSecond: 50 });
    await seedSubscribers(t.app.ctx.db, {
      workspaceId: w.workspaceId,
      botId: w.botId,
      channelId,
      platform: 'tg',
      count: total,
      startAt: 1000,
    });
    const res = await t.request('POST', `/api/bots/${w.botId}/sends`, {
      key: w.key,
      body: { content: { type: 'text', text: 'Hello' }, channelIds: [channelId], audience: { type: 'all' } },
    });
    assert.equal(res.status, 201, res.text);
    const sendId = res.body.id as number;
    const requests = () => fake.records.filter((r) => r.channel === token && r.send);
    await waitFor('the run to be under way', async () => requests().length >= 5);
    const paused = await t.request('POST', `/api/sends/${sendId}/pause`, { key: w.key });
    assert.equal(paused.status, 200, paused.text);

    // Three of the people still queued opt out while it waits.
    const queued = await t.app.ctx.db.query<{ subscriber_id: number; recipient: string }>(
      `SELECT d.subscriber_id, d.recipient FROM deliveries d JOIN runs r ON r.id = d.run_id
       WHERE r.send_id = $1 AND d.state = 'queued' ORDER BY d.id DESC LIMIT 3`,
      [sendId],
    );
    assert.equal(queued.length, 3);
    for (const q of queued) {
      const r = await t.request('POST', `/api/subscribers/${q.subscriber_id}/opt-out`, { key: w.key });
      assert.equal(r.status, 200, r.text);
    }
    assert.equal((await t.request('POST', `/api/sends/${sendId}/resume`, { key: w.key })).status, 200);
    await waitForSend(t, w, sendId, ['completed'], 90_000);

    const optedOut = new Set(queued.map((q) => q.recipient));
    assert.equal(requests().filter((r) => optedOut.has(String(r.recipient))).length, 0, 'nothing reached those who opted out');
    assert.equal(new Set(requests().map((r) => String(r.recipient))).size, total - 3);
    const rows = await t.app.ctx.db.query<{ state: string; outcome: string; attempts: number }>(
      `SELECT d.state, d.outcome, d.attempts FROM deliveries d JOIN runs r ON r.id = d.run_id
       WHERE r.send_id = $1 AND d.subscriber_id = ANY($2::bigint[])`,
      [sendId, queued.map((q) => q.subscriber_id)],
    );
    assert.deepEqual(
      rows.map((r) => [r.state, r.outcome]),
      Array.from({ length: 3 }, () => ['cancelled', 'opted_out']),
    );
    const view = (await t.request('GET', `/api/sends/${sendId}`, { key: w.key })).body;
    assert.equal(view.runs[0].failed, 0, 'not an error');
    const log = (await t.request('GET', `/api/sends/${sendId}/log`, { key: w.key })).body.events as Array<{
      type: string;
      message: string;
    }>;
    assert.match(log.find((e) => e.type === 'left_out')?.message ?? '', /3 opted out of broadcasts after the send was queued/);
  });
});
