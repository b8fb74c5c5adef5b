// Opt-out and frequency cap (issue 18 points 4-5): keywords in English and Russian and back in, the
// API, the preview's counts equal to what is sent, external events that ignore opt-outs, and the
// per-bot frequency cap counted in the preview and left out at materialisation with its reason;
// opt-outs soon after a broadcast counted on its run.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { FAST_ENGINE, addChannel, makeWorld, waitForSend, type World } from '../helpers/world.ts';
import { createEventVia, sandboxInbox } from './external-event-steps.ts';

let t: TestApp;
let w: World;
let sandbox: number;
const ids: Record<string, number> = {};

async function write(userId: string, text = 'hi') {
  const r = await t.request('POST', `/api/channels/${sandbox}/sandbox/messages`, { key: w.key, body: { userId, name: userId, text } });
  assert.equal(r.status, 201, r.text);
  return r.body.subscriberId as number;
}

const subscriber = async (id: number) => (await t.request('GET', `/api/subscribers/${id}`, { key: w.key })).body;
const inbox = (userId: string) => sandboxInbox(t, w, sandbox, userId);

async function preview() {
  const r = await t.request('POST', `/api/bots/${w.botId}/sends/preview`, {
    key: w.key,
    body: { channelIds: [sandbox], audience: { type: 'all' } },
  });
  assert.equal(r.status, 200, r.text);
  return r.body;
}

async function broadcast(text: string) {
  const s = await t.request('POST', `/api/bots/${w.botId}/sends`, {
    key: w.key,
    body: { content: { type: 'text', text }, channelIds: [sandbox], audience: { type: 'all' } },
  });
  assert.equal(s.status, 201, s.text);
  return waitForSend(t, w, s.body.id);
}

const received = async (userId: string, text: string) =>
  (await inbox(userId)).some((m: { body: Array<{ text?: string }> }) => m.body[0]?.text === text);

before(async () => {
  t = await startTestApp({ worker: true, config: { graceSeconds: 0 }, engine: FAST_ENGINE });
  w = await makeWorld(t);
  sandbox = await addChannel(t, w, 'sandbox');
  for (const u of ['ann', 'bob', 'cid', 'dan', 'eve']) ids[u] = await write(u);
});
after(() => t.close());

describe('opt-out', () => {
  test('keywords opt out and back in, in English and Russian, any case; other words do nothing', async () => {
    await write('ann', '  STOP ');
    await write('bob', 'Отписаться');
    await write('cid', 'please stop');
    const [ann, bob, cid] = await Promise.all([subscriber(ids.ann), subscriber(ids.bob), subscriber(ids.cid)]);
    assert.equal(ann.status, 'active', 'opting out is not blocking');
    assert.ok(ann.optedOutAt);
    assert.equal(ann.optOutSource, 'keyword');
    const list = await t.request('GET', `/api/bots/${w.botId}/subscribers?optedOut=true`, { key: w.key });
    assert.deepEqual(list.body.items.map((s: { id: number }) => s.id).sort(), [ids.ann, ids.bob].sort());
    assert.ok(bob.optedOutAt);
    assert.equal(cid.optedOutAt, null);
    const events = await t.app.ctx.db.query<{ type: string }>(
      `SELECT type FROM events WHERE type LIKE 'subscriber_opted_%' AND (payload->>'subscriberId')::bigint = ANY($1::bigint[])`,
      [[ids.ann, ids.bob]],
    );
    assert.equal(events.length, 2);

    await write('bob', 'подписаться');
    await write('ann', '/start');
    assert.equal((await subscriber(ids.bob)).optedOutAt, null);
    assert.equal((await subscriber(ids.ann)).optedOutAt, null);
  });

  test('keywords are per bot: custom lists replace the defaults; a word cannot be in both', async () => {
    const bad = await t.request('PATCH', `/api/bots/${w.botId}`, { key: w.key, body: { optOutKeywords: ['halt', 'start'] } });
    assert.equal(bad.status, 400, bad.text);
    assert.equal(bad.body.error.field ?? bad.body.field ?? 'optOutKeywords', 'optOutKeywords');
    const r = await t.request('PATCH', `/api/bots/${w.botId}`, { key: w.key, body: { optOutKeywords: ['Halt', 'стоп'] } });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.optOutKeywords, ['halt', 'стоп']);
    await write('dan', 'stop');
    assert.equal((await subscriber(ids.dan)).optedOutAt, null, 'stop is no longer an opt-out word of this bot');
    await write('dan', 'СТОП');
    assert.ok((await subscriber(ids.dan)).optedOutAt);
    await t.request('POST', `/api/subscribers/${ids.dan}/opt-in`, { key: w.key });
    await t.request('PATCH', `/api/bots/${w.botId}`, { key: w.key, body: { optOutKeywords: ['stop', 'unsubscribe', 'отписаться'] } });
  });

  test('the API opts out and back in, idempotently; another workspace gets 404', async () => {
    const out = await t.request('POST', `/api/subscribers/${ids.eve}/opt-out`, { key: w.key });
    assert.equal(out.status, 200, out.text);
    assert.ok(out.body.optedOutAt);
    assert.equal(out.body.optOutSource, 'api');
    const again = await t.request('POST', `/api/subscribers/${ids.eve}/opt-out`, { key: w.key });
    assert.equal(again.body.optedOutAt, out.body.optedOutAt, 'a second opt-out keeps the first time');
    const other = await makeWorld(t);
    const foreign = await t.request('POST', `/api/subscribers/${ids.eve}/opt-in`, { key: other.key });
    assert.equal(foreign.status, 404);
    assert.ok((await subscriber(ids.eve)).optedOutAt, 'nothing changed');
    const back = await t.request('POST', `/api/subscribers/${ids.eve}/opt-in`, { key: w.key });
    assert.equal(back.status, 200);
    assert.equal(back.body.optedOutAt, null);
  });

  test('STOP in an open operator chat ends the chat only; said again, it opts out', async () => {
    const chat = await t.request('POST', `/api/subscribers/${ids.dan}/chat`, { key: w.key });
    assert.equal(chat.status, 201, chat.text);
    await write('dan', 'stop');
    const dan = await subscriber(ids.dan);
    assert.equal(dan.chatOpen, false);
    assert.equal(dan.optedOutAt, null);
    await write('dan', 'stop');
    assert.ok((await subscriber(ids.dan)).optedOutAt);
    await t.request('POST', `/api/subscribers/${ids.dan}/opt-in`, { key: w.key });
  });

  test('a broadcast skips opted-out subscribers, and the preview counts exactly what is sent', async () => {
    await write('ann', 'stop');
    await t.request('POST', `/api/subscribers/${ids.bob}/opt-out`, { key: w.key });
    const p = await preview();
    assert.equal(p.excluded.optedOut, 2);
    assert.equal(p.excluded.frequencyCapped, 0);
    assert.equal(p.recipients, 3);
    const done = await broadcast('news 1');
    assert.equal(done.counts.sent, p.recipients);
    assert.equal(await received('ann', 'news 1'), false);
    assert.equal(await received('bob', 'news 1'), false);
    assert.equal(await received('cid', 'news 1'), true);
    // cid opts out soon after the broadcast reached them: counted on its run; opting in again does not undo it.
    await write('cid', 'STOP');
    await write('cid', 'start');
    const view = await t.request('GET', `/api/sends/${done.id}`, { key: w.key });
    assert.equal(view.body.runs[0].unsubscribes, 1);
  });

  test('an external event respects opt-outs unless it is transactional (ignoreOptOut)', async () => {
    const call = (url: string, users: unknown) => t.request('POST', new URL(url).pathname, { body: { platform: 'sandbox', users } });
    const marketing = await createEventVia(t, w);
    const r = await call(marketing.url, ['ann', 'cid']);
    assert.equal(r.status, 202, r.text);
    assert.deepEqual(r.body.optedOut, ['ann']);
    assert.equal(r.body.queued, 1);
    const receipt = await createEventVia(t, w, { ignoreOptOut: true, content: { type: 'text', text: 'your receipt' } });
    assert.equal((receipt as unknown as { ignoreOptOut: boolean }).ignoreOptOut, true);
    const everyone = await call(receipt.url, 'everyone');
    assert.equal(everyone.body.queued, 5);
    await waitForSend(t, w, everyone.body.sendId);
    assert.equal(await received('ann', 'your receipt'), true);
  });
});

describe('frequency cap', () => {
  test('off by default; at most N broadcasts per D days: the preview counts the capped, materialisation leaves them out', async () => {
    await t.request('POST', `/api/subscribers/${ids.ann}/opt-in`, { key: w.key });
    await t.request('POST', `/api/subscribers/${ids.bob}/opt-in`, { key: w.key });
    assert.equal((await t.request('GET', `/api/bots/${w.botId}`, { key: w.key })).body.frequencyCap, null);
    const bad = await t.request('PATCH', `/api/bots/${w.botId}`, { key: w.key, body: { frequencyCap: { count: 0, days: 7 } } });
    assert.equal(bad.status, 400);
    const set = await t.request('PATCH', `/api/bots/${w.botId}`, { key: w.key, body: { frequencyCap: { count: 2, days: 7 } } });
    assert.equal(set.status, 200, set.text);
    assert.deepEqual(set.body.frequencyCap, { count: 2, days: 7 });

    // So far (this week): cid, dan, eve got news 1; ann and bob none.
    const p = await preview();
    assert.equal(p.excluded.frequencyCapped, 0);
    await broadcast('news 2');
    const p2 = await preview();
    assert.equal(p2.excluded.frequencyCapped, 3, 'cid, dan, eve have had 2');
    assert.equal(p2.recipients, 2);
    const done = await broadcast('news 3');
    assert.equal(done.counts.sent, p2.recipients);
    assert.equal(await received('ann', 'news 3'), true);
    assert.equal(await received('cid', 'news 3'), false);
    const log = await t.app.ctx.db.query<{ data: { capped: number; reason: string } }>(
      `SELECT data FROM run_events WHERE run_id = $1 AND type = 'frequency_capped'`,
      [done.runs[0].id],
    );
    assert.equal(log.length, 1);
    assert.deepEqual([log[0].data.capped, log[0].data.reason], [3, 'frequency_cap']);
    assert.equal(done.runs[0].frequencyCapped, 3);

    const off = await t.request('PATCH', `/api/bots/${w.botId}`, { key: w.key, body: { frequencyCap: null } });
    assert.equal(off.body.frequencyCap, null);
    assert.equal((await preview()).recipients, 5);
  });
});
