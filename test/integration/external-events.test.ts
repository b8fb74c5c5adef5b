// External events (SPEC 2.2, issue 8): a named event with a secret URL; each accepted call becomes
// a send of kind `external` with `data` filling {{variables}} and stored as the last request;
// unknown users reported; "everyone" and "any"; 1 MB limit; 400s naming the field; wrong secret
// 404 with only a counter; Idempotency-Key; operator-chat rules. Managing events (rotation,
// editing, workspace scoping): external-events-manage.test.ts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startFakeServer, type FakeServer } from '../fakes/server.ts';
import { FAST_ENGINE, addChannel, makeWorld, seedSubscribers, waitFor, waitForSend, type World } from '../helpers/world.ts';
import type { CountRow, ExistsRow } from '../../src/storage/db.ts';
import type { Json } from '../helpers/json.ts';
import { createEventVia, sandboxInbox, writeIn } from './external-event-steps.ts';

let t: TestApp;
let fake: FakeServer;
let w: World;
let sandbox: number;
let tg: number;
let tgToken: string;
const ids: Record<string, number> = {};

const pathOf = (url: string) => new URL(url).pathname;

function call(url: string, body: unknown, headers: Record<string, string> = {}) {
  return t.request('POST', pathOf(url), { body, headers });
}

const count = async (sql: string, params: unknown[] = []) => Number((await t.app.ctx.db.query<CountRow>(sql, params))[0].n);

const write = (userId: string) => writeIn(t, w, sandbox, userId);
const inbox = (userId: string) => sandboxInbox(t, w, sandbox, userId);
const createEvent = (body: Record<string, unknown> = {}) => createEventVia(t, w, body);

before(async () => {
  fake = await startFakeServer({ seed: 8 });
  t = await startTestApp({ worker: true, config: { graceSeconds: 0 }, engine: FAST_ENGINE });
  w = await makeWorld(t);
  sandbox = await addChannel(t, w, 'sandbox');
  tgToken = `${Math.floor(Math.random() * 1e9)}:AAext${Math.random().toString(36).slice(2)}`;
  tg = await addChannel(t, w, 'tg', { credentials: { token: tgToken }, apiBaseUrl: fake.url, ratePerSecond: 1000 });
  await seedSubscribers(t.app.ctx.db, {
    workspaceId: w.workspaceId,
    botId: w.botId,
    channelId: tg,
    platform: 'tg',
    count: 5,
    startAt: 1001,
  });
  for (const u of ['ann', 'bob', 'cid', 'dan']) ids[u] = await write(u);
});
after(async () => {
  await t.close();
  await fake.close();
});

describe('calls', () => {
  test('data fills {{variables}}, nested keys too, and is stored as each recipient’s last request', async () => {
    const event = await createEvent({
      content: { type: 'text', text: 'Order {{order.id}} for {{name}}: {{data.total}} EUR, {{order.items}}' },
    });
    assert.match(event.url, /^http:\/\/.+\/hooks\/events\/[A-Za-z0-9_-]{43}$/);
    const data = { order: { id: 'A-17', items: ['tea', 'cake'] }, total: 12.5 };
    const r = await call(event.url, { platform: 'sandbox', users: ['ann'], data });
    assert.equal(r.status, 202, r.text);
    assert.equal(r.body.queued, 1);
    assert.deepEqual(r.body.unknown, []);
    const done = await waitForSend(t, w, r.body.sendId);
    assert.equal(done.kind, 'external');
    assert.equal(done.sourceId, event.id);
    assert.equal(done.counts.sent, 1);
    assert.equal((await inbox('ann'))[0].body[0].text, 'Order A-17 for ann: 12.5 EUR, tea, cake');
    const sub = await t.request('GET', `/api/subscribers/${ids.ann}`, { key: w.key });
    assert.deepEqual(sub.body.lastRequest, data);
    const bob = await t.request('GET', `/api/subscribers/${ids.bob}`, { key: w.key });
    assert.notDeepEqual(bob.body.lastRequest, data, 'only recipients get the last request');
  });

  test('unknown (and blocked) users are reported in the response and the log, never dropped silently', async () => {
    const event = await createEvent();
    await t.app.ctx.db.query(`UPDATE subscribers SET status = 'blocked' WHERE id = $1`, [ids.dan]);
    try {
      const r = await call(event.url, {
        platform: 'sandbox',
        users: ['ann', 'nobody', { subscriberId: 99_999_999 }, `subscriber:${ids.bob}`, { subscriberId: ids.ann }, 'dan', 1001],
        data: {},
      });
      assert.equal(r.status, 202, r.text);
      assert.equal(r.body.queued, 2);
      assert.deepEqual(r.body.unknown, ['nobody', { subscriberId: 99_999_999 }, 1001], 'a tg user id is unknown on the sandbox platform');
      assert.deepEqual(r.body.blocked, ['dan']);
      assert.equal(r.body.duplicates, 1);
      const done = await waitForSend(t, w, r.body.sendId);
      assert.equal(done.counts.sent, 2);
      const log = await t.app.ctx.db.query<{ type: string; message: string; data: Record<string, unknown> | null }>(
        `SELECT type, message, data FROM run_events WHERE run_id = $1 ORDER BY id`,
        [r.body.runId],
      );
      const unknown = log.find((e) => e.type === 'unknown_users');
      assert.ok(unknown, JSON.stringify(log));
      assert.match(unknown.message, /3 unknown user\(s\).*nobody, subscriber:99999999, 1001/);
      assert.deepEqual(unknown.data?.users, ['nobody', 'subscriber:99999999', '1001']);
      assert.ok(log.some((e) => e.type === 'blocked_users' && /dan/.test(e.message)));
    } finally {
      await t.app.ctx.db.query(`UPDATE subscribers SET status = 'active' WHERE id = $1`, [ids.dan]);
    }
  });

  test('"everyone" on one platform, and "any" platform with everyone or with ids from several platforms', async () => {
    const event = await createEvent({ content: { type: 'text', text: 'Sale for {{name|you}}' } });
    fake.reset();
    const sandboxOnly = await call(event.url, { platform: 'sandbox', users: 'everyone' });
    assert.equal(sandboxOnly.status, 202, sandboxOnly.text);
    assert.equal(sandboxOnly.body.queued, 4);
    assert.equal((await waitForSend(t, w, sandboxOnly.body.sendId)).counts.sent, 4);
    assert.equal(fake.deliveries({ channel: tgToken }).length, 0);

    const all = await call(event.url, { platform: 'any', users: 'everyone', data: { campaign: 'x' } });
    assert.equal(all.status, 202, all.text);
    assert.equal(all.body.queued, 9);
    const done = await waitForSend(t, w, all.body.sendId);
    assert.equal(done.counts.sent, 9);
    assert.deepEqual(done.platforms.map((p: Json) => p.platform).sort(), ['sandbox', 'tg']);
    assert.equal(fake.deliveriesPerRecipient({ channel: tgToken }).size, 5);
    const lastRequests = await t.app.ctx.db.query<CountRow>(
      `SELECT count(*)::int AS n FROM subscribers WHERE bot_id = $1 AND last_request->>'campaign' = 'x'`,
      [w.botId],
    );
    assert.equal(lastRequests[0].n, 9);

    const mixed = await call(event.url, { platform: 'any', users: ['1003', 'cid', 777] });
    assert.equal(mixed.status, 202, mixed.text);
    assert.equal(mixed.body.queued, 2);
    assert.deepEqual(mixed.body.unknown, [777]);
    const lanes = await t.app.ctx.db.query<{ platform: string }>(
      `SELECT c.platform FROM send_recipients r JOIN subscribers c ON c.id = r.subscriber_id WHERE r.send_id = $1 ORDER BY 1`,
      [mixed.body.sendId],
    );
    assert.deepEqual(
      lanes.map((l) => l.platform),
      ['sandbox', 'tg'],
    );
    await waitForSend(t, w, mixed.body.sendId);

    const noChannel = await call(event.url, { platform: 'viber', users: 'everyone' });
    assert.equal(noChannel.status, 400);
    assert.equal(noChannel.body.error.details.field, 'platform');
    assert.match(noChannel.body.error.message, /no viber channel/);
  });

  test('End open chats of the event: on closes the chat (logged) and sends; off holds the recipient', async () => {
    const eva = await write('eva');
    await t.request('POST', `/api/subscribers/${eva}/chat`, { key: w.key });
    const closing = await createEvent({ endOpenChats: true, content: { type: 'text', text: 'closing' } });
    const r = await call(closing.url, { platform: 'sandbox', users: ['eva'] });
    assert.deepEqual(r.body.openChats, { count: 1, willBe: 'closed' });
    const done = await waitForSend(t, w, r.body.sendId);
    assert.equal(done.counts.sent, 1);
    const chats = await t.request('GET', `/api/bots/${w.botId}/chats?subscriberId=${eva}`, { key: w.key });
    assert.equal(chats.body[0].closedBy, `send:${r.body.sendId}`);
    assert.ok(
      (await t.app.ctx.db.query<ExistsRow>(`SELECT 1 FROM run_events WHERE run_id = $1 AND type = 'chats_closed'`, [r.body.runId]))
        .length === 1,
    );

    await t.request('POST', `/api/subscribers/${eva}/chat`, { key: w.key });
    const holding = await createEvent({ content: { type: 'text', text: 'held' } });
    const h = await call(holding.url, { platform: 'sandbox', users: ['eva'] });
    assert.deepEqual(h.body.openChats, { count: 1, willBe: 'held' });
    await waitFor('the hold', async () => (await t.request('GET', `/api/sends/${h.body.sendId}`, { key: w.key })).body.counts.held === 1);
    assert.deepEqual(await inbox('eva').then((m) => m.filter((x: Json) => x.body[0].text === 'held')), []);
    await t.request('POST', `/api/subscribers/${eva}/chat/close`, { key: w.key });
    assert.equal((await waitForSend(t, w, h.body.sendId)).counts.sent, 1);
    assert.equal((await inbox('eva'))[0].body[0].text, 'held');
  });
});

describe('what a call may send', () => {
  test('a body over 1 MB is refused with 413; just under it is accepted', async () => {
    const event = await createEvent();
    const sends = await count('SELECT count(*) AS n FROM sends');
    const big = JSON.stringify({ platform: 'sandbox', users: ['ann'], data: { blob: 'x'.repeat(1_048_576) } });
    const r = await t.request('POST', pathOf(event.url), { raw: big, headers: { 'content-type': 'application/json' } });
    assert.equal(r.status, 413, r.text);
    assert.equal(r.body.error.code, 'body_too_large');
    assert.equal(await count('SELECT count(*) AS n FROM sends'), sends);
    const fits = JSON.stringify({ platform: 'sandbox', users: ['ann'], data: { blob: 'x'.repeat(1_000_000) } });
    const ok = await t.request('POST', pathOf(event.url), { raw: fits, headers: { 'content-type': 'application/json' } });
    assert.equal(ok.status, 202, ok.text);
    await waitForSend(t, w, ok.body.sendId);
  });

  test('malformed JSON and wrong types answer 400 naming the field; nothing is created', async () => {
    const event = await createEvent();
    const sends = await count('SELECT count(*) AS n FROM sends');
    const malformed = await t.request('POST', pathOf(event.url), {
      raw: '{"platform": "sandbox", "users": [',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error.code, 'malformed_json');
    const empty = await t.request('POST', pathOf(event.url), { raw: '', headers: { 'content-type': 'application/json' } });
    assert.equal(empty.status, 400);
    const cases: Array<[unknown, string]> = [
      [[1, 2], 'body'],
      [{ users: ['ann'] }, 'platform'],
      [{ platform: 5, users: ['ann'] }, 'platform'],
      [{ platform: 'mars', users: ['ann'] }, 'platform'],
      [{ platform: 'sandbox' }, 'users'],
      [{ platform: 'sandbox', users: 'all' }, 'users'],
      [{ platform: 'sandbox', users: [] }, 'users'],
      [{ platform: 'sandbox', users: ['ann', true] }, 'users[1]'],
      [{ platform: 'sandbox', users: [''] }, 'users[0]'],
      [{ platform: 'sandbox', users: [1.5] }, 'users[0]'],
      [{ platform: 'sandbox', users: [{ subscriberId: 'x' }] }, 'users[0].subscriberId'],
      [{ platform: 'sandbox', users: [{ id: 1 }] }, 'users[0]'],
      [{ platform: 'sandbox', users: ['subscriber:abc'] }, 'users[0]'],
      [{ platform: 'sandbox', users: ['ann'], data: [1] }, 'data'],
      [{ platform: 'sandbox', users: ['ann'], data: 'text' }, 'data'],
      [{ platform: 'sandbox', users: ['ann'], extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const r = await call(event.url, body);
      assert.equal(r.status, 400, `${JSON.stringify(body)} → ${r.text}`);
      assert.equal(r.body.error.details.field, field, JSON.stringify(body));
      assert.ok(r.body.error.message.startsWith(field), `${r.body.error.message} names ${field}`);
    }
    const badKey = await call(event.url, { platform: 'sandbox', users: ['ann'] }, { 'idempotency-key': 'k'.repeat(300) });
    assert.equal(badKey.status, 400);
    assert.equal(badKey.body.error.details.field, 'Idempotency-Key');
    assert.equal(await count('SELECT count(*) AS n FROM sends'), sends);
  });

  test('a wrong secret answers 404 and leaves nothing but a counter', async () => {
    const event = await createEvent();
    const before = {
      sends: await count('SELECT count(*) AS n FROM sends'),
      events: await count('SELECT count(*) AS n FROM events'),
      misses: await count('SELECT coalesce(sum(misses), 0) AS n FROM external_event_misses'),
    };
    const wrong = event.url.replace(/.{6}$/, 'AAAAAA');
    const r = await call(wrong, { platform: 'sandbox', users: ['ann'] });
    assert.equal(r.status, 404);
    assert.equal(r.body.error.code, 'not_found');
    const garbage = await t.request('POST', '/hooks/events/not-a-secret', {
      raw: '{oops',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(garbage.status, 404, 'the secret is checked before the body');
    assert.equal(await count('SELECT count(*) AS n FROM sends'), before.sends);
    assert.equal(await count('SELECT count(*) AS n FROM events'), before.events);
    assert.equal(await count('SELECT coalesce(sum(misses), 0) AS n FROM external_event_misses'), before.misses + 2);
  });

  test('Idempotency-Key: a retried call returns the first call’s result and sends nothing again', async () => {
    const event = await createEvent({ content: { type: 'text', text: 'Paid {{order}}' } });
    const first = await call(
      event.url,
      { platform: 'sandbox', users: ['bob'], data: { order: 'B-1' } },
      { 'idempotency-key': 'crm-order-B-1' },
    );
    assert.equal(first.status, 202, first.text);
    assert.equal(first.headers['idempotency-replayed'], undefined);
    const retry = await call(
      event.url,
      { platform: 'sandbox', users: ['bob'], data: { order: 'B-1' } },
      { 'idempotency-key': 'crm-order-B-1' },
    );
    assert.equal(retry.status, 202);
    assert.equal(retry.headers['idempotency-replayed'], 'true');
    assert.deepEqual(retry.body, first.body);
    await waitForSend(t, w, first.body.sendId);
    assert.equal(await count('SELECT count(*) AS n FROM sends WHERE source_id = $1 AND kind = $2', [event.id, 'external']), 1);
    assert.equal((await inbox('bob')).filter((m: Json) => m.body[0].text === 'Paid B-1').length, 1);
    const other = await call(
      event.url,
      { platform: 'sandbox', users: ['bob'], data: { order: 'B-2' } },
      { 'idempotency-key': 'crm-order-B-2' },
    );
    assert.notEqual(other.body.sendId, first.body.sendId);
    await waitForSend(t, w, other.body.sendId);
    const again = await call(event.url, { platform: 'sandbox', users: ['bob'], data: { order: 'B-2' } });
    assert.notEqual(again.body.sendId, other.body.sendId, 'without a key every call is a new send');
    await waitForSend(t, w, again.body.sendId);
  });

  test('Idempotency-Key reused with another body is refused with 422 idempotency_key_reused; the same body, reformatted, replays', async () => {
    const event = await createEvent({ content: { type: 'text', text: 'Refund {{order}}' } });
    const body = { platform: 'sandbox', users: ['cid'], data: { order: 'C-1', amount: 5 } };
    const first = await call(event.url, body, { 'idempotency-key': 'crm-refund-C-1' });
    assert.equal(first.status, 202, first.text);
    const sends = await count('SELECT count(*) AS n FROM sends WHERE source_id = $1', [event.id]);
    for (const changed of [
      { ...body, data: { order: 'C-2', amount: 5 } },
      { ...body, users: ['cid', 'dan'] },
      { platform: 'sandbox', users: ['cid'] },
    ]) {
      const reused = await call(event.url, changed, { 'idempotency-key': 'crm-refund-C-1' });
      assert.equal(reused.status, 422, reused.text);
      assert.equal(reused.body.error.code, 'idempotency_key_reused');
      assert.equal(reused.headers['idempotency-replayed'], undefined);
    }
    assert.equal(await count('SELECT count(*) AS n FROM sends WHERE source_id = $1', [event.id]), sends, 'nothing sent for them');
    // The same request written differently (key order, spaces) is the same request.
    const reordered = await t.request('POST', pathOf(event.url), {
      raw: '{ "data": {"amount": 5, "order": "C-1"}, "users": ["cid"], "platform": "sandbox" }',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'crm-refund-C-1' },
    });
    assert.equal(reordered.status, 202, reordered.text);
    assert.equal(reordered.headers['idempotency-replayed'], 'true');
    assert.deepEqual(reordered.body, first.body);
    // The same key on another event is another key.
    const other = await createEvent();
    const elsewhere = await call(other.url, { platform: 'sandbox', users: ['cid'] }, { 'idempotency-key': 'crm-refund-C-1' });
    assert.equal(elsewhere.status, 202, elsewhere.text);
    assert.equal(elsewhere.headers['idempotency-replayed'], undefined);
    await waitForSend(t, w, first.body.sendId);
    await waitForSend(t, w, elsewhere.body.sendId);
  });
});
