// SSRF through a channel's API base URL, with private addresses NOT allowed: the address Botcast
// connects to is judged after DNS, at connect time, for the credential check and for every
// delivery — so a name that leads to this machine is refused even when its text looks public, even
// when it changed after the save-time check (DNS rebinding), and the fake Telegram on 127.0.0.1
// never receives a request (the token never leaves). Host names resolve through a table the test
// controls (AppOptions.resolveHost), as /etc/hosts cannot be edited here.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isIP } from 'node:net';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startFakeServer, type FakeServer } from '../fakes/server.ts';
import { FAST_ENGINE, makeWorld, seedSubscribers, waitForSend, type World } from '../helpers/world.ts';
import { ADDRESS_REFUSED, configureOutboundPolicy, type HostResolver } from '../../src/security/outbound-policy.ts';
import { telegram } from '../../src/platforms/tg/index.ts';

/** name → its answers in turn; the last one repeats. */
const dns = new Map<string, string[]>();
const lookups: string[] = [];
const resolveHost: HostResolver = async (hostname) => {
  lookups.push(hostname);
  const answers = dns.get(hostname);
  if (!answers) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  const address = answers.length > 1 ? answers.shift()! : answers[0];
  return [{ address, family: isIP(address) }];
};

let t: TestApp;
let fake: FakeServer;
let w: World;
let tokens = 0;

before(async () => {
  fake = await startFakeServer({ seed: 3 });
  t = await startTestApp({ config: { allowPrivateBaseUrls: false, graceSeconds: 0 }, worker: true, engine: FAST_ENGINE, resolveHost });
});
// A bot has one channel per platform: each test connects a bot of its own.
beforeEach(async () => {
  w = await makeWorld(t);
});
after(async () => {
  await t.close();
  await fake.close();
});

const newToken = () => `${700000 + ++tokens}:AAsecret-${Math.random().toString(36).slice(2)}`;
const fakeUrlAt = (name: string) => `http://${name}:${fake.port}`;
const requestsWith = (token: string) => fake.records.filter((r) => r.channel === token);

async function connect(body: Record<string, unknown>) {
  return t.request('POST', `/api/bots/${w.botId}/channels`, { key: w.key, body: { platform: 'tg', ...body } });
}

async function broadcastTo(channelId: number) {
  await seedSubscribers(t.app.ctx.db, { workspaceId: w.workspaceId, botId: w.botId, channelId, platform: 'tg', count: 3, startAt: 1 });
  const res = await t.request('POST', `/api/bots/${w.botId}/sends`, {
    key: w.key,
    body: { content: { type: 'text', text: 'Hello' }, channelIds: [channelId], audience: { type: 'all' } },
  });
  assert.equal(res.status, 201, res.text);
  return waitForSend(t, w, res.body.id);
}

async function deliveryErrors(channelId: number) {
  return t.app.ctx.db.query<{ state: string; error_code: string; error_text: string; attempts: number }>(
    'SELECT state, error_code, error_text, attempts FROM deliveries WHERE channel_id = $1 ORDER BY id',
    [channelId],
  );
}

describe('a base URL whose name leads to this machine', () => {
  test('is refused when the channel is saved, naming the address, and nothing is sent', async () => {
    dns.set('tg.loopback.test', ['127.0.0.1']);
    const token = newToken();
    const res = await connect({ credentials: { token }, apiBaseUrl: fakeUrlAt('tg.loopback.test') });
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.error.code, 'invalid_base_url');
    assert.equal(res.body.error.details.field, 'apiBaseUrl');
    assert.match(res.body.error.message, /^apiBaseUrl resolves to a loopback address \(127\.0\.0\.1\)/);
    assert.deepEqual(requestsWith(token), []);
  });

  test('a private, link-local or mapped answer is refused the same way', async () => {
    for (const [name, address, words] of [
      ['tg.private.test', '10.0.0.1', 'a private address (10.0.0.1)'],
      ['tg.metadata.test', '169.254.169.254', 'a link-local address (169.254.169.254)'],
      ['tg.mapped.test', '::ffff:127.0.0.1', 'a loopback address (::ffff:127.0.0.1'],
    ]) {
      dns.set(name, [address]);
      const res = await connect({ credentials: { token: newToken() }, apiBaseUrl: fakeUrlAt(name), verify: false });
      assert.equal(res.status, 400, res.text);
      assert.ok(res.body.error.message.includes(words), res.body.error.message);
    }
  });

  test('whose answer changes after the save-time check (DNS rebinding) is refused at connect time', async () => {
    // Public when the URL is checked, this machine when the credential check connects.
    dns.set('tg.rebind.test', ['203.0.113.10', '127.0.0.1']);
    lookups.length = 0;
    const token = newToken();
    const res = await connect({ credentials: { token }, apiBaseUrl: fakeUrlAt('tg.rebind.test') });
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.error.code, 'platform_unreachable');
    assert.match(res.body.error.message, /the API base URL host tg\.rebind\.test resolves to a loopback address \(127\.0\.0\.1\)/);
    assert.ok(!res.body.error.message.includes(token.split(':')[1]), 'the token is not in the message');
    assert.deepEqual(lookups, ['tg.rebind.test', 'tg.rebind.test'], 'looked up at save time, then again to connect');
    assert.deepEqual(requestsWith(token), []);
  });

  test('for a saved channel, every delivery is refused for good with the reason, and the platform hears nothing', async () => {
    dns.set('tg.later.test', ['203.0.113.11']);
    const token = newToken();
    const created = await connect({ credentials: { token }, apiBaseUrl: fakeUrlAt('tg.later.test'), verify: false });
    assert.equal(created.status, 201, created.text);
    dns.set('tg.later.test', ['127.0.0.1']);

    const done = await broadcastTo(created.body.id);
    assert.equal(done.counts.failed, 3, JSON.stringify(done.counts));
    const rows = await deliveryErrors(created.body.id);
    assert.equal(rows.length, 3);
    for (const row of rows) {
      assert.equal(row.state, 'failed');
      assert.equal(row.error_code, ADDRESS_REFUSED);
      assert.match(row.error_text, /resolves to a loopback address \(127\.0\.0\.1\)/);
      assert.equal(row.attempts, 1, 'not retried: a retry would be refused again');
    }
    assert.deepEqual(requestsWith(token), []);
  });

  test('an IP address saved in the URL before (when private addresses were allowed) is refused at connect time', async () => {
    dns.set('tg.public.test', ['203.0.113.12']);
    const token = newToken();
    const created = await connect({ credentials: { token }, apiBaseUrl: fakeUrlAt('tg.public.test'), verify: false });
    assert.equal(created.status, 201, created.text);
    await t.app.ctx.db.query('UPDATE channels SET api_base_url = $2 WHERE id = $1', [created.body.id, fake.url]);

    const done = await broadcastTo(created.body.id);
    assert.equal(done.counts.failed, 3, JSON.stringify(done.counts));
    for (const row of await deliveryErrors(created.body.id)) assert.match(row.error_text, /is a loopback address \(127\.0\.0\.1\)/);
    assert.deepEqual(requestsWith(token), []);
  });

  test('changing the base URL: without the credentials nothing is even looked up; with them the address is judged', async () => {
    dns.set('tg.start.test', ['203.0.113.13']);
    const created = await connect({ credentials: { token: newToken() }, apiBaseUrl: fakeUrlAt('tg.start.test'), verify: false });
    assert.equal(created.status, 201, created.text);
    dns.set('tg.patch.test', ['127.0.0.1']);
    lookups.length = 0;
    const path = `/api/channels/${created.body.id}`;

    const bare = await t.request('PATCH', path, { key: w.key, body: { apiBaseUrl: fakeUrlAt('tg.patch.test') } });
    assert.equal(bare.status, 400, bare.text);
    assert.equal(bare.body.error.code, 'credentials_required');
    assert.deepEqual(lookups, [], 'no DNS answer is revealed to a caller without the credentials');

    const withToken = await t.request('PATCH', path, {
      key: w.key,
      body: { apiBaseUrl: fakeUrlAt('tg.patch.test'), credentials: { token: newToken() } },
    });
    assert.equal(withToken.status, 400, withToken.text);
    assert.equal(withToken.body.error.code, 'invalid_base_url');
    assert.match(withToken.body.error.message, /resolves to a loopback address \(127\.0\.0\.1\)/);
  });

  // Last, as it changes this process's policy for a moment: proves that the silence above is the
  // policy's doing — the very same name and client reach the fake once private addresses are allowed.
  test('with private addresses allowed, the same name reaches the fake platform', async () => {
    const token = newToken();
    configureOutboundPolicy({ allowPrivate: true, resolve: resolveHost });
    try {
      const check = await telegram.checkCredentials({
        channelId: 0,
        baseUrl: fakeUrlAt('tg.later.test'),
        credentials: { token },
        webhookSecret: 'x',
      });
      assert.equal(check.ok, true, check.error);
      assert.equal(requestsWith(token).length, 1);
    } finally {
      configureOutboundPolicy({ allowPrivate: false, resolve: resolveHost });
    }
  });
});
