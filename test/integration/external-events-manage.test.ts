// Managing external events (SPEC 2.2): create, list, edit, delete, names unique per bot, another
// workspace sees 404; rotating the secret invalidates the old URL at once. The calls themselves:
// external-events.test.ts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { FAST_ENGINE, addChannel, makeWorld, waitForSend, type World } from '../helpers/world.ts';
import type { Json } from '../helpers/json.ts';
import { createEventVia, sandboxInbox, writeIn } from './external-event-steps.ts';

let t: TestApp;
let w: World;
let sandbox: number;

const call = (url: string, body: unknown) => t.request('POST', new URL(url).pathname, { body });

const write = (userId: string) => writeIn(t, w, sandbox, userId);
const inbox = (userId: string) => sandboxInbox(t, w, sandbox, userId);
const createEvent = (body: Record<string, unknown> = {}) => createEventVia(t, w, body);

before(async () => {
  t = await startTestApp({ worker: true, config: { graceSeconds: 0 }, engine: FAST_ENGINE });
  w = await makeWorld(t);
  sandbox = await addChannel(t, w, 'sandbox');
  for (const u of ['ann', 'cid']) await write(u);
});
after(async () => {
  await t.close();
});

describe('managing events', () => {
  test('rotating the secret invalidates the old URL at once; the new one works and is shown again', async () => {
    const event = await createEvent();
    const rotated = await t.request('POST', `/api/external-events/${event.id}/rotate-secret`, { key: w.key });
    assert.equal(rotated.status, 200, rotated.text);
    assert.notEqual(rotated.body.url, event.url);
    assert.ok(rotated.body.secretRotatedAt);
    assert.equal((await call(event.url, { platform: 'sandbox', users: ['ann'] })).status, 404);
    const shown = await t.request('GET', `/api/external-events/${event.id}`, { key: w.key });
    assert.equal(shown.body.url, rotated.body.url);
    const r = await call(rotated.body.url, { platform: 'sandbox', users: ['ann'] });
    assert.equal(r.status, 202, r.text);
    await waitForSend(t, w, r.body.sendId);
    assert.equal((await t.request('GET', `/api/external-events/${event.id}`, { key: w.key })).body.calls, 1);
  });

  test('create, list, edit, delete; names are unique per bot; another workspace sees 404', async () => {
    const screen = await t.request('POST', `/api/bots/${w.botId}/screens`, {
      key: w.key,
      body: { name: 'Receipt', text: 'Receipt {{order.id}}' },
    });
    const event = await createEvent({ name: 'Order paid', content: { type: 'screen', screenId: screen.body.id }, endOpenChats: true });
    assert.deepEqual((event as Json).content, { type: 'screen', screenId: screen.body.id });
    const dup = await t.request('POST', `/api/bots/${w.botId}/external-events`, {
      key: w.key,
      body: { name: 'Order paid', content: { type: 'text', text: 'x' } },
    });
    assert.equal(dup.status, 409);
    const badScreen = await t.request('POST', `/api/bots/${w.botId}/external-events`, {
      key: w.key,
      body: { name: 'bad', content: { type: 'screen', screenId: 9_999_999 } },
    });
    assert.equal(badScreen.status, 400);
    assert.equal(badScreen.body.error.code, 'unknown_screen');
    const list = await t.request('GET', `/api/bots/${w.botId}/external-events`, { key: w.key });
    assert.ok(list.body.some((e: Json) => e.id === event.id && e.url === event.url));
    const patched = await t.request('PATCH', `/api/external-events/${event.id}`, {
      key: w.key,
      body: { name: 'Order paid!', endOpenChats: false },
    });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.body.name, 'Order paid!');
    assert.equal(patched.body.endOpenChats, false);
    assert.equal(patched.body.url, event.url, 'editing keeps the URL');
    const r = await call(event.url, { platform: 'sandbox', users: ['cid'], data: { order: { id: 42 } } });
    assert.equal(r.status, 202, r.text);
    await waitForSend(t, w, r.body.sendId);
    assert.equal((await inbox('cid'))[0].body[0].text, 'Receipt 42');

    const other = await t.workspace('other');
    for (const [method, url] of [
      ['GET', `/api/external-events/${event.id}`],
      ['PATCH', `/api/external-events/${event.id}`],
      ['DELETE', `/api/external-events/${event.id}`],
      ['POST', `/api/external-events/${event.id}/rotate-secret`],
      ['GET', `/api/bots/${w.botId}/external-events`],
    ] as const) {
      const res = await t.request(method, url, { key: other.key, body: method === 'PATCH' ? { name: 'stolen' } : undefined });
      assert.equal(res.status, 404, `${method} ${url}`);
    }
    assert.equal((await t.request('DELETE', `/api/external-events/${event.id}`, { key: w.key })).status, 204);
    assert.equal((await call(event.url, { platform: 'sandbox', users: ['cid'] })).status, 404);
    assert.equal((await t.request('GET', `/api/sends/${r.body.sendId}`, { key: w.key })).status, 200, 'its sends stay in history');
  });
});
