// Issue 18 point 2: clicks. A send with `trackClicks` sends each link button through Botcast's
// redirect — one token per delivery and button — which counts the click and leads on to the
// button's own address. Unique and total clicks per button, people who clicked per platform in the
// funnel. A token that Botcast did not make leads nowhere and counts nothing; a send that does not
// track clicks sends its links as they are.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startFakeServer, type FakeServer } from '../fakes/server.ts';
import { FAST_ENGINE, addChannel, makeWorld, seedSubscribers, waitForSend, type World } from '../helpers/world.ts';

let t: TestApp;
let fake: FakeServer;
let w: World;
let channelId: number;
before(async () => {
  fake = await startFakeServer({ seed: 18 });
  t = await startTestApp({ worker: true, config: { graceSeconds: 0, publicUrl: 'https://botcast.example.com/' }, engine: FAST_ENGINE });
  w = await makeWorld(t);
  channelId = await addChannel(t, w, 'tg', { credentials: { token: '18:clicks' }, apiBaseUrl: fake.url });
  await seedSubscribers(t.app.ctx.db, { workspaceId: w.workspaceId, botId: w.botId, channelId, platform: 'tg', count: 5 });
});
after(async () => {
  await t.close();
  await fake.close();
});

const BUTTONS = [
  { kind: 'url', text: 'Shop', url: 'https://shop.example.com/sale?utm=bc' },
  { kind: 'url', text: 'Profile', url: 'https://shop.example.com/u/{{username|guest}}' },
  { kind: 'url', text: 'Help', url: 'https://help.example.com/' },
];

async function broadcast(trackClicks: boolean) {
  fake.reset();
  const res = await t.request('POST', `/api/bots/${w.botId}/sends`, {
    key: w.key,
    body: {
      content: { type: 'text', text: 'Sale today', buttons: BUTTONS, trackClicks },
      channelIds: [channelId],
      audience: { type: 'all' },
    },
  });
  assert.equal(res.status, 201, res.text);
  await waitForSend(t, w, res.body.id);
  // Each delivery's keyboard as the platform got it: one button per row.
  const keyboards = fake.deliveries().map((r) => {
    const body = r.body as { reply_markup: { inline_keyboard: Array<Array<{ text: string; url?: string }>> } };
    return body.reply_markup.inline_keyboard.flat();
  });
  assert.equal(keyboards.length, 5);
  return { sendId: res.body.id as number, keyboards };
}

const pathOf = (url: string) => new URL(url).pathname;

test('tracked link buttons lead through the redirect, one token per delivery and button, and the clicks are counted', async () => {
  const { sendId, keyboards } = await broadcast(true);
  const shop = keyboards.map((k) => k.find((b) => b.text === 'Shop')!.url!);
  const help = keyboards.map((k) => k.find((b) => b.text === 'Help')!.url!);
  for (const url of [...shop, ...help]) assert.match(url, /^https:\/\/botcast\.example\.com\/r\/[A-Za-z0-9_-]{28}$/);
  assert.equal(new Set([...shop, ...help]).size, 10, 'a token per delivery and button');
  // A link with {{variables}} is sent as it is, filled in per person.
  for (const k of keyboards) assert.match(k.find((b) => b.text === 'Profile')!.url!, /^https:\/\/shop\.example\.com\/u\//);

  // No key: the person clicking has none.
  const first = await t.request('GET', pathOf(shop[0]));
  assert.equal(first.status, 302);
  assert.equal(first.headers.location, 'https://shop.example.com/sale?utm=bc');
  assert.equal(first.headers['cache-control'], 'no-store');
  await t.request('GET', pathOf(shop[0]));
  await t.request('GET', pathOf(shop[1]));
  const helped = await t.request('GET', pathOf(help[4]));
  assert.equal(helped.headers.location, 'https://help.example.com/');

  const progress = await t.request('GET', `/api/sends/${sendId}/progress`, { key: w.key });
  assert.equal(progress.status, 200, progress.text);
  assert.deepEqual(progress.body.clicks, [
    { button: 0, text: 'Shop', url: 'https://shop.example.com/sale?utm=bc', unique: 2, total: 3 },
    { button: 2, text: 'Help', url: 'https://help.example.com/', unique: 1, total: 1 },
  ]);
  assert.equal(progress.body.funnel[0].clicked, 3, 'three people clicked something');
});

test('a link Botcast did not make leads nowhere and counts nothing', async () => {
  const { sendId, keyboards } = await broadcast(true);
  const token = pathOf(keyboards[0].find((b) => b.text === 'Shop')!.url!).slice(3);
  const forged = [
    token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'), // the signature changed
    token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11), // another delivery
    'x'.repeat(28),
    'short',
    `${token}extra`,
  ];
  for (const f of forged) {
    const res = await t.request('GET', `/r/${encodeURIComponent(f)}`);
    assert.equal(res.status, 404, f);
    assert.equal(res.body.error.code, 'unknown_link');
    assert.equal(res.headers.location, undefined);
  }
  const progress = await t.request('GET', `/api/sends/${sendId}/progress`, { key: w.key });
  assert.ok(progress.body.clicks.every((c: { total: number }) => c.total === 0));
  assert.equal(progress.body.funnel[0].clicked, 0);
});

test('a send that does not track clicks sends its links as they are and reports no clicks', async () => {
  const { sendId, keyboards } = await broadcast(false);
  for (const k of keyboards) assert.equal(k.find((b) => b.text === 'Shop')!.url, 'https://shop.example.com/sale?utm=bc');
  const progress = await t.request('GET', `/api/sends/${sendId}/progress`, { key: w.key });
  assert.equal(progress.body.clicks, null);
  assert.equal(progress.body.funnel[0].clicked, null);
});
