// Issue 16 points 3, 5 and 6. Telegram paid broadcasts: a channel option sends every message with
// `allow_paid_broadcast` and raises the channel's default rate to 1000/s; the fake Telegram server
// answers 429 to a bot sending over 30/s without the flag (and over 1000/s with it). The preview
// estimates the cost in Stars. Messenger and Instagram: outside the 24-hour window Meta allows no
// broadcast (the update tags were retired on 27 April 2026), so Botcast leaves those people out —
// the fakes refuse a message outside the window as the platforms do, and nothing refused is sent;
// the preview's counts are what is then sent.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startFakeServer, type FakeServer } from '../fakes/server.ts';
import { fakeTelegram } from '../fakes/platforms/tg.ts';
import { fakeMessenger } from '../fakes/platforms/fb.ts';
import { fakeInstagram } from '../fakes/platforms/instagram.ts';
import { FAST_ENGINE, addChannel, makeWorld, seedSubscribers, waitForSend, type World } from '../helpers/world.ts';
import type { Json } from '../helpers/json.ts';

let t: TestApp;
let fake: FakeServer;
const HOUR = 3600_000;

before(async () => {
  fake = await startFakeServer({ seed: 25, platforms: [() => fakeTelegram({ broadcastLimits: true }), fakeMessenger, fakeInstagram] });
  t = await startTestApp({ worker: true, config: { graceSeconds: 0 }, engine: FAST_ENGINE });
});
after(async () => {
  await t.close();
  await fake.close();
});

const text = { type: 'text', text: 'Your order has shipped' };
const body = (channelId: number) => ({ content: text, channelIds: [channelId], audience: { type: 'all' } });

async function preview(w: World, channelId: number): Promise<Json> {
  const res = await t.request('POST', `/api/bots/${w.botId}/sends/preview`, { key: w.key, body: body(channelId) });
  assert.equal(res.status, 200, res.text);
  return res.body.platforms[0];
}

async function send(w: World, channelId: number) {
  const created = await t.request('POST', `/api/bots/${w.botId}/sends`, { key: w.key, body: body(channelId) });
  assert.equal(created.status, 201, created.text);
  return waitForSend(t, w, created.body.id);
}

async function tgChannel(w: World, count: number, extra: Record<string, unknown> = {}) {
  const token = `${Math.floor(Math.random() * 1e9)}:AApaid${Math.random().toString(36).slice(2)}`;
  const channelId = await addChannel(t, w, 'tg', { credentials: { token }, apiBaseUrl: fake.url, ...extra });
  await seedSubscribers(t.app.ctx.db, { workspaceId: w.workspaceId, botId: w.botId, channelId, platform: 'tg', count, startAt: 7001 });
  return { token, channelId };
}

describe('Telegram paid broadcasts', () => {
  test('the option sends with allow_paid_broadcast at up to 1000/s; the preview counts the Stars', async () => {
    const w = await makeWorld(t);
    const { token, channelId } = await tgChannel(w, 300);
    const before = await t.request('GET', `/api/channels/${channelId}`, { key: w.key });
    assert.deepEqual([before.body.allowPaidBroadcast, before.body.ratePerSecond], [false, 30]);
    assert.equal((await preview(w, channelId)).reach.cost, null, 'free without the option');

    const patched = await t.request('PATCH', `/api/channels/${channelId}`, { key: w.key, body: { allowPaidBroadcast: true } });
    assert.equal(patched.status, 200, patched.text);
    assert.deepEqual([patched.body.allowPaidBroadcast, patched.body.ratePerSecond, patched.body.rateIsDefault], [true, 1000, true]);

    const p = await preview(w, channelId);
    assert.equal(p.recipients, 300);
    assert.deepEqual(p.reach.cost, {
      currency: 'XTR',
      amount: 30,
      messages: 300,
      messagesPerRecipient: 1,
      pricePerMessage: 0.1,
      priceAsOf: '2026-12-04',
      source: 'https://core.telegram.org/bots/api#sendmessage',
    });

    await send(w, channelId);
    const requests = fake.records.filter((r) => r.send && r.channel === token);
    assert.equal(requests.filter((r) => r.status === 429).length, 0, 'within the paid limit');
    assert.equal(fake.deliveries({ channel: token, sendsOnly: true }).length, p.recipients, 'the preview counted what was sent');
    assert.ok(
      requests.every((r) => (r.body as Json).allow_paid_broadcast === true),
      'every message is a paid one',
    );
    // Faster than the free limit allows: the rate was raised (300 at 1000/s take about 0.3 s).
    assert.ok(fake.maxPerSecondWindow({ channel: token, sendsOnly: true }) > 30);
  });

  test('without the option: the free limit (30/s), no flag, nothing refused', async () => {
    const w = await makeWorld(t);
    const { token, channelId } = await tgChannel(w, 45);
    await send(w, channelId);
    const requests = fake.records.filter((r) => r.send && r.channel === token);
    // Paced within what the fake allows a free bot — unless the fake's own event loop stalled and
    // stamped requests that left a second apart as one burst (the rate tests judge it the same way).
    if (fake.stalls.length === 0) assert.equal(requests.filter((r) => r.status === 429).length, 0, 'nothing refused');
    assert.ok(requests.every((r) => (r.body as Json).allow_paid_broadcast === undefined));
    assert.equal(fake.deliveries({ channel: token, sendsOnly: true }).length, 45);
  });

  test('only Telegram has the option', async () => {
    const w = await makeWorld(t);
    const channelId = await addChannel(t, w, 'fb', {
      credentials: { pageAccessToken: 'page-token', appSecret: 's', verifyToken: 'v' },
      apiBaseUrl: fake.url,
    });
    const res = await t.request('PATCH', `/api/channels/${channelId}`, { key: w.key, body: { allowPaidBroadcast: true } });
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.error.code, 'paid_broadcast_unsupported');
  });
});

for (const platform of ['fb', 'instagram'] as const) {
  describe(`${platform}: the 24-hour window`, () => {
    async function metaWorld() {
      const w = await makeWorld(t);
      const token = `page-${platform}-${Math.random().toString(36).slice(2)}`;
      const channelId = await addChannel(t, w, platform, {
        credentials: { pageAccessToken: token, appSecret: 's', verifyToken: 'v' },
        apiBaseUrl: platform === 'fb' ? fake.url : `${fake.url}/instagram`,
      });
      await seedSubscribers(t.app.ctx.db, { workspaceId: w.workspaceId, botId: w.botId, channelId, platform, count: 4, startAt: 9001 });
      return { w, token, channelId };
    }
    /** The person last wrote `hoursAgo` hours ago: Botcast and the fake both know. */
    async function wrote(channelId: number, id: string, hoursAgo: number) {
      const at = Date.now() - hoursAgo * HOUR;
      await t.app.ctx.db.query('UPDATE subscribers SET last_inbound_at = $3 WHERE channel_id = $1 AND platform_user_id = $2', [
        channelId,
        id,
        new Date(at),
      ]);
      fake.userWrote(platform, id, at);
    }

    test('inside get the message; outside are left out with the reason; the preview counts what is sent', async () => {
      const { w, token, channelId } = await metaWorld();
      await wrote(channelId, '9001', 1);
      await wrote(channelId, '9002', 23);
      await wrote(channelId, '9003', 25);
      await wrote(channelId, '9004', 24 * 8);

      const p = await preview(w, channelId);
      assert.deepEqual([p.recipients, p.reach.freeForm, p.reach.cost], [2, 2, null]);
      assert.deepEqual(p.reach.leftOut, [{ reason: 'outside_window', count: 2, text: 'outside the messaging window' }]);
      assert.match(p.reach.windowNote, /retired on 27 April 2026/);

      await send(w, channelId);
      const requests = fake.records.filter((r) => r.send && r.channel === token);
      assert.deepEqual(requests.map((r) => r.recipient).sort(), ['9001', '9002'], 'nothing the platform would refuse');
      assert.equal(fake.deliveries({ channel: token, sendsOnly: true }).length, p.reach.freeForm);
      assert.ok(
        requests.every((r) => (r.body as Json).tag === undefined),
        'no message tag',
      );
      const rows = await t.app.ctx.db.query<{ recipient: string; outcome: string }>(
        'SELECT recipient, outcome FROM deliveries WHERE channel_id = $1 ORDER BY recipient',
        [channelId],
      );
      assert.deepEqual(
        rows.map((r) => [r.recipient, r.outcome]),
        [
          ['9001', 'sent'],
          ['9002', 'sent'],
          ['9003', 'outside_window'],
          ['9004', 'outside_window'],
        ],
      );
    });

    test('the platform refuses outside the window (error 10): outside_window, not retried', async () => {
      const { w, token, channelId } = await metaWorld();
      // Botcast believes all four wrote just now; the platform knows one did not.
      fake.userWrote(platform, '9003', Date.now() - 30 * HOUR);
      await send(w, channelId);
      const [row] = await t.app.ctx.db.query<{ outcome: string; error_code: string; attempts: number }>(
        `SELECT outcome, error_code, attempts FROM deliveries WHERE channel_id = $1 AND recipient = '9003'`,
        [channelId],
      );
      assert.deepEqual([row.outcome, row.error_code, row.attempts], ['outside_window', platform === 'fb' ? '10/2018278' : '10/2534022', 1]);
      assert.equal(fake.records.filter((r) => r.send && r.channel === token && r.recipient === '9003').length, 1, 'tried once');
    });
  });
}
