// Issue 16 point 4: a VK channel's Callback API can be set up by hand. The channel page (and
// GET /api/channels/:id/webhook-setup, admins only) shows the URL and the secret key to paste into
// VK; the confirmation string VK shows, and a secret already typed into VK, are set with PATCH;
// the confirmation event answers the stored string, and message_new / message_allow /
// message_deny are accepted with the secret VK was told and refused with any other.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addChannel, makeWorld, type World } from '../helpers/world.ts';
import { keyWithRole } from '../helpers/accounts.ts';
import { startFakeServer, type FakeServer } from '../fakes/server.ts';

let t: TestApp;
let w: World;
let fake: FakeServer;
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/vk/${name}`, import.meta.url), 'utf8'));
const hook = (channelId: number, body: unknown) =>
  t.request('POST', `/hooks/vk/${channelId}`, { raw: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const statusOf = async (channelId: number) =>
  (await t.app.ctx.db.query<{ status: string }>('SELECT status FROM subscribers WHERE channel_id = $1', [channelId]))[0]?.status;

before(async () => {
  t = await startTestApp({ config: { allowPrivateBaseUrls: true } });
  w = await makeWorld(t);
  fake = await startFakeServer({ seed: 1 });
});
after(async () => {
  await t.close();
  await fake.close();
});

describe('VK Callback API set up by hand', () => {
  test('the secret shown is the one checked; the confirmation string set through the API is answered', async () => {
    // Connected without a confirmation string: VK shows it only while the server is being added.
    const channelId = await addChannel(t, w, 'vk', { credentials: { accessToken: 'a', groupId: '214167102' } });
    assert.equal((await hook(channelId, fixture('confirmation.json'))).status, 403, 'no confirmation string yet');

    const setup = await t.request('GET', `/api/channels/${channelId}/webhook-setup`, { key: w.key });
    assert.equal(setup.status, 200, setup.text);
    assert.equal(setup.body.manual, true);
    assert.match(setup.body.webhookUrl, new RegExp(`/hooks/vk/${channelId}$`));
    assert.match(setup.body.secret, /^[A-Za-z0-9]{1,50}$/, 'a secret VK accepts');
    assert.equal(setup.body.confirmationSet, false);
    assert.ok(setup.body.steps.length >= 3);

    const patched = await t.request('PATCH', `/api/channels/${channelId}`, { key: w.key, body: { webhookConfirmation: 'a1b2c3d4' } });
    assert.equal(patched.status, 200, patched.text);
    assert.ok(patched.body.credentialsSet.includes('accessToken'), 'the other credentials are kept');
    const confirm = await hook(channelId, fixture('confirmation.json'));
    assert.equal(confirm.status, 200);
    assert.equal(confirm.text, 'a1b2c3d4');

    const secret = setup.body.secret as string;
    assert.equal((await hook(channelId, { ...fixture('message-new.json'), secret: 'other' })).status, 403);
    const message = await hook(channelId, { ...fixture('message-new.json'), secret });
    assert.equal(message.status, 200);
    assert.equal(message.text, 'ok');
    assert.equal(await statusOf(channelId), 'active');
    assert.equal((await hook(channelId, { ...fixture('message-deny.json'), secret })).text, 'ok');
    assert.equal(await statusOf(channelId), 'blocked');
    assert.equal((await hook(channelId, { ...fixture('message-allow.json'), secret })).text, 'ok');
    assert.equal(await statusOf(channelId), 'active');

    // A secret already typed into VK can be kept: set it on the channel instead.
    const own = 'MyVkSecret2026';
    assert.equal((await t.request('PATCH', `/api/channels/${channelId}`, { key: w.key, body: { webhookSecret: own } })).status, 200);
    assert.equal((await t.request('GET', `/api/channels/${channelId}/webhook-setup`, { key: w.key })).body.secret, own);
    assert.equal((await hook(channelId, { ...fixture('message-new.json'), secret })).status, 403, 'the old secret no longer works');
    assert.equal((await hook(channelId, { ...fixture('message-new.json'), secret: own })).status, 200);
  });

  test('bad values are a 400 naming the field, and change nothing', async () => {
    const bot = await t.request('POST', '/api/bots', { key: w.key, body: { name: 'vk bad values' } });
    const channelId = await addChannel(t, { ...w, botId: bot.body.id }, 'vk', { credentials: { accessToken: 'a', groupId: '1' } });
    const before = (await t.request('GET', `/api/channels/${channelId}/webhook-setup`, { key: w.key })).body.secret;
    for (const [body, field] of [
      [{ webhookSecret: 'has spaces in it' }, 'webhookSecret'],
      [{ webhookSecret: 'x'.repeat(51) }, 'webhookSecret'],
      [{ webhookConfirmation: 'no way' }, 'webhookConfirmation'],
    ] as const) {
      const res = await t.request('PATCH', `/api/channels/${channelId}`, { key: w.key, body });
      assert.equal(res.status, 400, res.text);
      assert.equal(res.body.error.details.field, field);
    }
    assert.equal((await t.request('GET', `/api/channels/${channelId}/webhook-setup`, { key: w.key })).body.secret, before);
    const tg = await addChannel(t, { ...w, botId: bot.body.id }, 'tg', { credentials: { token: '1:abc' } });
    const refused = await t.request('PATCH', `/api/channels/${tg}`, { key: w.key, body: { webhookSecret: 'abcdef123' } });
    assert.equal(refused.status, 400, 'Telegram gets its secret from Botcast through setWebhook');
    const tgSetup = await t.request('GET', `/api/channels/${tg}/webhook-setup`, { key: w.key });
    assert.deepEqual([tgSetup.body.manual, tgSetup.body.secret], [false, null]);
  });

  test('the secret is for admins of the workspace only', async () => {
    const bot = await t.request('POST', '/api/bots', { key: w.key, body: { name: 'vk roles' } });
    const channelId = await addChannel(t, { ...w, botId: bot.body.id }, 'vk', { credentials: { accessToken: 'a', groupId: '2' } });
    const viewer = await keyWithRole(t, w.key, 'viewer');
    assert.equal((await t.request('GET', `/api/channels/${channelId}/webhook-setup`, { key: viewer })).status, 403);
    const other = await makeWorld(t);
    assert.equal((await t.request('GET', `/api/channels/${channelId}/webhook-setup`, { key: other.key })).status, 404);
    assert.equal((await t.request('GET', `/api/channels/${channelId}/webhook-setup`)).status, 401);
  });

  test('registered through the VK API: confirmation code stored, server added with the secret, events subscribed', async () => {
    const bot = await t.request('POST', '/api/bots', { key: w.key, body: { name: 'vk registered' } });
    const created = await t.request('POST', `/api/bots/${bot.body.id}/channels`, {
      key: w.key,
      body: { platform: 'vk', apiBaseUrl: fake.url, credentials: { accessToken: 'vk-manage-token', groupId: '214167102' } },
    });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.status, 'active');
    assert.ok(created.body.credentialsSet.includes('confirmation'), 'the code VK gave is stored');
    const channelId = created.body.id;
    const calls = fake.records
      .filter((r) => r.channel === 'vk-manage-token')
      .map((r) => ({ method: r.method, body: r.body as Record<string, string> }));
    const methods = calls.map((c) => c.method);
    assert.deepEqual(methods.slice(-3), ['groups.getCallbackConfirmationCode', 'groups.addCallbackServer', 'groups.setCallbackSettings']);
    const added = calls.find((c) => c.method === 'groups.addCallbackServer')!.body;
    assert.match(added.url, new RegExp(`/hooks/vk/${channelId}$`));
    const settings = calls.find((c) => c.method === 'groups.setCallbackSettings')!.body;
    assert.deepEqual([settings.message_new, settings.message_allow, settings.message_deny], ['1', '1', '1']);

    // VK's side: the confirmation request, then events signed with the secret key it was told.
    const confirm = await hook(channelId, fixture('confirmation.json'));
    assert.equal(confirm.text, 'c0nf214167102');
    const secret = added.secret_key;
    assert.equal((await t.request('GET', `/api/channels/${channelId}/webhook-setup`, { key: w.key })).body.secret, secret);
    assert.equal((await hook(channelId, { ...fixture('message-new.json'), secret })).text, 'ok');
    assert.equal(await statusOf(channelId), 'active');
    assert.equal((await hook(channelId, { ...fixture('message-deny.json'), secret })).text, 'ok');
    assert.equal(await statusOf(channelId), 'blocked');
    assert.equal((await hook(channelId, { ...fixture('message-allow.json'), secret })).text, 'ok');
    assert.equal(await statusOf(channelId), 'active');
  });

  test('a token VK does not let register the server: the channel says to follow the steps, not an error', async () => {
    const bot = await t.request('POST', '/api/bots', { key: w.key, body: { name: 'vk no manage' } });
    const created = await t.request('POST', `/api/bots/${bot.body.id}/channels`, {
      key: w.key,
      body: { platform: 'vk', apiBaseUrl: fake.url, credentials: { accessToken: 'vk-nomanage-token', groupId: '214167102' } },
    });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.status, 'active');
    assert.match(created.body.statusMessage, /Register the webhook by hand/);
    assert.ok(!created.body.statusMessage.includes('vk-nomanage-token'));
  });
});
