// Inbound webhooks through the HTTP route, for every platform: a valid request creates or updates
// the subscriber; a missing, wrong or replayed-with-changed-body signature gets 401/403 and stores
// nothing; handshakes (Meta hub.challenge, VK confirmation) answer exactly; blocked signals mark.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addChannel, makeWorld, waitFor, type World } from '../helpers/world.ts';

let t: TestApp;
let w: World;
const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const hmac = (key: string, body: string) => createHmac('sha256', key).update(body).digest('hex');

before(async () => {
  t = await startTestApp();
  w = await makeWorld(t);
});
after(() => t.close());

/** The channel's webhook secret, as Botcast registers it with the platform (stored sealed). */
const secretOf = async (channelId: number) =>
  t.app.ctx.sealer.open(
    (await t.app.ctx.db.query<{ webhook_secret_enc: string }>('SELECT webhook_secret_enc FROM channels WHERE id = $1', [channelId]))[0]
      .webhook_secret_enc,
  );
const subscribers = async (channelId: number) =>
  (await t.app.ctx.db.query<{ platform_user_id: string; status: string }>(
    'SELECT platform_user_id, status FROM subscribers WHERE channel_id = $1 ORDER BY id',
    [channelId],
  )) as Array<{ platform_user_id: string; status: string }>;
const hook = (platform: string, channelId: number, raw: string, headers: Record<string, string> = {}, query = '') =>
  t.request('POST', `/hooks/${platform}/${channelId}${query}`, { raw, headers: { 'content-type': 'application/json', ...headers } });

describe('webhooks', () => {
  test('Telegram: X-Telegram-Bot-Api-Secret-Token', async () => {
    const channelId = await addChannel(t, w, 'tg', { credentials: { token: '1:abc' } });
    const secret = await secretOf(channelId);
    const body = fixture('tg/update-message.json');
    assert.equal((await hook('tg', channelId, body)).status, 401, 'missing');
    assert.equal((await hook('tg', channelId, body, { 'x-telegram-bot-api-secret-token': 'wrong' })).status, 403, 'wrong');
    assert.deepEqual(await subscribers(channelId), [], 'nothing stored');
    assert.equal((await hook('tg', channelId, body, { 'x-telegram-bot-api-secret-token': secret })).status, 200);
    assert.equal((await subscribers(channelId)).length, 1);
    const kicked = fixture('tg/update-my-chat-member-kicked.json');
    assert.equal((await hook('tg', channelId, kicked, { 'x-telegram-bot-api-secret-token': secret })).status, 200);
    const after = await subscribers(channelId);
    assert.ok(
      after.some((s) => s.status === 'blocked'),
      'my_chat_member kicked marks blocked',
    );
  });

  test('Viber: X-Viber-Content-Signature over the raw body', async () => {
    const token = 'viber-auth-token';
    const channelId = await addChannel(t, w, 'viber', { credentials: { token } });
    const body = fixture('viber/event-message.json');
    assert.equal((await hook('viber', channelId, body)).status, 401);
    assert.equal((await hook('viber', channelId, body, { 'x-viber-content-signature': hmac('other', body) })).status, 403);
    const changed = body.replace('"message"', '"message" ');
    assert.equal(
      (await hook('viber', channelId, changed, { 'x-viber-content-signature': hmac(token, body) })).status,
      403,
      'body changed after signing',
    );
    assert.deepEqual(await subscribers(channelId), []);
    assert.equal((await hook('viber', channelId, body, { 'x-viber-content-signature': hmac(token, body) })).status, 200);
    assert.equal((await subscribers(channelId)).length, 1);
    const unsub = fixture('viber/event-unsubscribed.json');
    await hook('viber', channelId, unsub, { 'x-viber-content-signature': hmac(token, unsub) });
    const list = await subscribers(channelId);
    if (list.length === 1 && JSON.parse(unsub).user_id === JSON.parse(body).sender?.id) assert.equal(list[0].status, 'blocked');
  });

  for (const [platform, file] of [
    ['wa', 'wa/webhook-text.json'],
    ['fb', 'fb/webhook-text.json'],
    ['instagram', 'instagram/webhook-text.json'],
  ] as const) {
    test(`${platform}: X-Hub-Signature-256 and the GET hub.challenge handshake`, async () => {
      const credentials =
        platform === 'wa'
          ? { accessToken: 'a', phoneNumberId: '1', appSecret: 'app-secret', verifyToken: 'verify-me' }
          : { pageAccessToken: 'a', appSecret: 'app-secret', verifyToken: 'verify-me' };
      const bot = await t.request('POST', '/api/bots', { key: w.key, body: { name: `${platform} bot` } });
      const ch = await t.request('POST', `/api/bots/${bot.body.id}/channels`, {
        key: w.key,
        body: { platform, verify: false, credentials },
      });
      assert.equal(ch.status, 201, ch.text);
      const channelId = ch.body.id;
      const challenge = await t.request(
        'GET',
        `/hooks/${platform}/${channelId}?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=12345`,
      );
      assert.equal(challenge.status, 200);
      assert.equal(challenge.text, '12345');
      assert.equal(
        (await t.request('GET', `/hooks/${platform}/${channelId}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`)).status,
        403,
      );
      const body = fixture(file);
      assert.equal((await hook(platform, channelId, body)).status, 401);
      assert.equal((await hook(platform, channelId, body, { 'x-hub-signature-256': `sha256=${hmac('wrong', body)}` })).status, 403);
      assert.equal(
        (await hook(platform, channelId, body + ' ', { 'x-hub-signature-256': `sha256=${hmac('app-secret', body)}` })).status,
        403,
      );
      assert.deepEqual(await subscribers(channelId), []);
      assert.equal((await hook(platform, channelId, body, { 'x-hub-signature-256': `sha256=${hmac('app-secret', body)}` })).status, 200);
      assert.equal((await subscribers(channelId)).length, 1);
    });
  }

  test('VK: confirmation handshake, and the secret in the body', async () => {
    const channelId = await addChannel(t, w, 'vk', { credentials: { accessToken: 'a', groupId: '214167102', confirmation: 'abc123' } });
    const secret = await secretOf(channelId);
    const confirm = await hook('vk', channelId, fixture('vk/confirmation.json'));
    assert.equal(confirm.status, 200);
    assert.equal(confirm.text, 'abc123');
    const message = JSON.parse(fixture('vk/message-new.json'));
    const wrong = await hook('vk', channelId, JSON.stringify({ ...message, secret: 'nope' }));
    assert.ok([401, 403].includes(wrong.status));
    assert.deepEqual(await subscribers(channelId), []);
    const ok = await hook('vk', channelId, JSON.stringify({ ...message, secret }));
    assert.equal(ok.status, 200);
    assert.equal(ok.text, 'ok');
    assert.equal((await subscribers(channelId)).length, 1);
    const deny = JSON.parse(fixture('vk/message-deny.json'));
    await hook('vk', channelId, JSON.stringify({ ...deny, secret }));
  });

  test('OK: the secret in the webhook URL', async () => {
    const channelId = await addChannel(t, w, 'ok', { credentials: { accessToken: 'a' } });
    const channel = await t.request('GET', `/api/channels/${channelId}`, { key: w.key });
    const url = new URL(channel.body.webhookUrl);
    const body = fixture('ok/webhook-text.json');
    assert.ok([401, 403].includes((await hook('ok', channelId, body)).status));
    assert.ok([401, 403].includes((await hook('ok', channelId, body, {}, '?secret=wrong')).status));
    assert.deepEqual(await subscribers(channelId), []);
    assert.equal((await hook('ok', channelId, body, {}, url.search)).status, 200);
    assert.equal((await subscribers(channelId)).length, 1);
  });

  test('an unknown channel or platform is a 404', async () => {
    assert.equal((await hook('tg', 999999, '{}')).status, 404);
    assert.equal((await hook('icq', 1, '{}')).status, 404);
  });

  test('health and readiness (metrics: test/integration/metrics.test.ts)', async () => {
    assert.equal((await t.request('GET', '/healthz')).status, 200);
    assert.equal((await t.request('GET', '/readyz')).status, 200);
  });
});

// "Check connection" on the channel page (issue 16 point 4): a person sends a test event from the
// platform's settings, then reads whether it got through, or why it was refused.
describe('the channel says how its webhook’s last requests went', () => {
  test('a Meta test event refused for its signature, then one that checks out', async () => {
    const bot = await t.request('POST', '/api/bots', { key: w.key, body: { name: 'check bot' } });
    const ch = await t.request('POST', `/api/bots/${bot.body.id}/channels`, {
      key: w.key,
      body: { platform: 'fb', verify: false, credentials: { pageAccessToken: 'a', appSecret: 'app-secret', verifyToken: 'verify-me' } },
    });
    const channelId = ch.body.id as number;
    const lastWebhook = async () => (await t.request('GET', `/api/channels/${channelId}`, { key: w.key })).body.lastWebhook;
    assert.deepEqual(await lastWebhook(), { signedAt: null, refusedAt: null, refusedReason: null }, 'nothing yet');

    const body = fixture('fb/webhook-text.json');
    // Signed with another app's secret, as when the secret typed into Botcast is not the app's.
    assert.equal((await hook('fb', channelId, body, { 'x-hub-signature-256': `sha256=${hmac('another-secret', body)}` })).status, 403);
    const refused = await waitFor('the refusal noted', async () => ((await lastWebhook()).refusedAt ? lastWebhook() : null));
    assert.equal(refused.signedAt, null);
    assert.match(refused.refusedReason, /signature/i);

    assert.equal((await hook('fb', channelId, body, { 'x-hub-signature-256': `sha256=${hmac('app-secret', body)}` })).status, 200);
    const signed = await waitFor('the signed request noted', async () => ((await lastWebhook()).signedAt ? lastWebhook() : null));
    assert.ok(new Date(signed.signedAt).getTime() >= new Date(refused.refusedAt).getTime());
    // What the request said is never repeated there: only the platform module's own words.
    assert.ok(!JSON.stringify(signed).includes('another-secret'));
  });

  test('a VK callback for another community is refused without repeating what it claimed', async () => {
    const other = await makeWorld(t);
    const channelId = await addChannel(t, other, 'vk', { credentials: { accessToken: 'a', groupId: '214167102' } });
    const res = await hook('vk', channelId, JSON.stringify({ type: 'message_new', group_id: '<b>1</b>', secret: 'x', object: {} }));
    assert.equal(res.status, 403);
    assert.ok(!res.text.includes('<b>'), res.text);
    const refused = await waitFor('the refusal noted', async () => {
      const last = (await t.request('GET', `/api/channels/${channelId}`, { key: other.key })).body.lastWebhook;
      return last.refusedAt ? last : null;
    });
    assert.equal(refused.refusedReason, 'callback for another community than this channel’s (214167102)');
  });
});
