// The foundation's contract: accounts and keys, bots, channels, tags, screens, subscribers,
// operator chats, the sandbox — and bad input answered with a 4xx naming the problem.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { migrate } from '../../src/storage/migrate.ts';
import type { CountRow } from '../../src/storage/db.ts';
import type { Json } from '../helpers/json.ts';

let t: TestApp;
let key: string;
let botId: number;
let channelId: number;

before(async () => {
  t = await startTestApp();
  ({ key } = await t.workspace('Acme'));
  const bot = await t.request('POST', '/api/bots', { key, body: { name: 'Shop bot', timeZone: 'Europe/Berlin' } });
  botId = bot.body.id;
  const ch = await t.request('POST', `/api/bots/${botId}/channels`, { key, body: { platform: 'sandbox' } });
  channelId = ch.body.id;
});
after(() => t.close());

describe('storage', () => {
  test('migrations are idempotent: a second run applies nothing', async () => {
    assert.deepEqual(await migrate(t.app.ctx.db), []);
  });
});

describe('accounts and API keys', () => {
  test('API keys are stored hashed, never in plain text', async () => {
    const created = await t.request('POST', '/api/api-keys', { key, body: { name: 'ci' } });
    assert.equal(created.status, 201);
    assert.match(created.body.key, /^bc_/);
    const rows = await t.app.ctx.db.query<{
      id: number;
      workspace_id: number;
      name: string;
      prefix: string;
      key_hash: string;
      created_at: Date;
      last_used_at: Date | null;
      revoked_at: Date | null;
    }>('SELECT * FROM api_keys');
    for (const row of rows) assert.ok(!JSON.stringify(row).includes(created.body.key));
    const listed = await t.request('GET', '/api/api-keys', { key });
    assert.ok(!listed.text.includes(created.body.key), 'a listed key must not show the key');
    const me = await t.request('GET', '/api/me', { key: created.body.key });
    assert.equal(me.status, 200);
  });

  test('a revoked key is refused', async () => {
    const created = await t.request('POST', '/api/api-keys', { key, body: { name: 'temp' } });
    assert.equal((await t.request('DELETE', `/api/api-keys/${created.body.id}`, { key })).status, 204);
    const me = await t.request('GET', '/api/me', { key: created.body.key });
    assert.equal(me.status, 401);
    assert.equal(me.body.error.code, 'unauthorized');
  });

  test('passwords are stored with scrypt, and a member can log in with a session cookie', async () => {
    const ws = await t.workspace('Login test');
    const [row] = await t.app.ctx.db.query<{ password_hash: string }>('SELECT password_hash FROM members WHERE email = $1', [ws.email]);
    assert.match(row.password_hash, /^scrypt\$/);
    assert.ok(!row.password_hash.includes('correct horse'));
    const login = await t.request('POST', '/api/auth/login', { body: { email: ws.email, password: 'correct horse battery' } });
    assert.equal(login.status, 200);
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const me = await t.request('GET', '/api/me', { headers: { cookie } });
    assert.equal(me.status, 200);
    assert.equal(me.body.workspace.id, ws.workspaceId);
  });

  test('login is rate-limited against guessing', async () => {
    const ws = await t.workspace('Guess');
    for (let i = 0; i < 10; i++) {
      const r = await t.request('POST', '/api/auth/login', { body: { email: ws.email, password: `wrong-${i}` } });
      assert.equal(r.status, 401);
    }
    const blocked = await t.request('POST', '/api/auth/login', { body: { email: ws.email, password: 'correct horse battery' } });
    assert.equal(blocked.status, 429);
    assert.equal(blocked.body.error.code, 'too_many_attempts');
  });

  test('requests without a key get 401 in the one error shape', async () => {
    const r = await t.request('GET', '/api/bots');
    assert.equal(r.status, 401);
    assert.equal(typeof r.body.error.message, 'string');
  });
});

describe('bots and channels', () => {
  test('an unknown time zone is refused naming the field, and nothing is created', async () => {
    const before = await t.request('GET', '/api/bots', { key });
    const r = await t.request('POST', '/api/bots', { key, body: { name: 'x', timeZone: 'Mars/Olympus' } });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'invalid_time_zone');
    assert.match(r.body.error.message, /timeZone/);
    const after = await t.request('GET', '/api/bots', { key });
    assert.equal(after.body.length, before.body.length);
  });

  test('bots default to UTC', async () => {
    const r = await t.request('POST', '/api/bots', { key, body: { name: 'utc bot' } });
    assert.equal(r.body.timeZone, 'UTC');
  });

  test('an unknown platform is refused', async () => {
    const r = await t.request('POST', `/api/bots/${botId}/channels`, { key, body: { platform: 'myspace' } });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'unknown_platform');
  });

  test('a second channel of the same platform on one bot is a conflict', async () => {
    const r = await t.request('POST', `/api/bots/${botId}/channels`, { key, body: { platform: 'sandbox' } });
    assert.equal(r.status, 409);
  });

  test('channel credentials are encrypted at rest and never returned', async () => {
    const bot = await t.request('POST', '/api/bots', { key, body: { name: 'cred bot' } });
    const secret = 'super-secret-credential-123456';
    // The sandbox takes no credentials, but any channel seals what it is given.
    const r = await t.request('POST', `/api/bots/${bot.body.id}/channels`, {
      key,
      body: { platform: 'sandbox', credentials: { token: secret } },
    });
    assert.equal(r.status, 201);
    assert.deepEqual(r.body.credentialsSet, ['token']);
    assert.ok(!r.text.includes(secret));
    const [row] = await t.app.ctx.db.query<{ credentials_enc: string }>('SELECT credentials_enc FROM channels WHERE id = $1', [r.body.id]);
    assert.ok(row.credentials_enc.startsWith('v1:'));
    assert.ok(!row.credentials_enc.includes(secret));
    assert.equal(JSON.parse(t.app.ctx.sealer.open(row.credentials_enc)).token, secret);
  });

  test('the rate limit is the platform default until overridden', async () => {
    const c = await t.request('GET', `/api/channels/${channelId}`, { key });
    assert.equal(c.body.rateIsDefault, true);
    const p = await t.request('PATCH', `/api/channels/${channelId}`, { key, body: { ratePerSecond: 5 } });
    assert.equal(p.body.ratePerSecond, 5);
    const bad = await t.request('PATCH', `/api/channels/${channelId}`, { key, body: { ratePerSecond: -1 } });
    assert.equal(bad.status, 400);
    await t.request('PATCH', `/api/channels/${channelId}`, { key, body: { ratePerSecond: null } });
  });
});

describe('sandbox, subscribers, tags and operator chats', () => {
  test('a sandbox user writing to the bot becomes a subscriber, once', async () => {
    const first = await t.request('POST', `/api/channels/${channelId}/sandbox/messages`, {
      key,
      body: { userId: 'ann', name: 'Ann', text: 'hello' },
    });
    assert.equal(first.status, 201);
    const again = await t.request('POST', `/api/channels/${channelId}/sandbox/messages`, {
      key,
      body: { userId: 'ann', text: 'hello again' },
    });
    assert.equal(again.body.subscriberId, first.body.subscriberId);
    const sub = await t.request('GET', `/api/subscribers/${first.body.subscriberId}`, { key });
    assert.equal(sub.body.name, 'Ann');
    assert.equal(sub.body.platform, 'sandbox');
    assert.equal(sub.body.status, 'active');
    const inbox = await t.request('GET', `/api/channels/${channelId}/sandbox/inbox?userId=ann`, { key });
    assert.equal(inbox.body.length, 2);
    // The behaviours set are kept and listed (the sandbox page shows them after a reload).
    await t.request('PUT', `/api/channels/${channelId}/sandbox/users/ann`, { key, body: { behaviour: 'flaky' } });
    const users = await t.request('GET', `/api/channels/${channelId}/sandbox/users`, { key });
    assert.equal(users.status, 200);
    assert.deepEqual(users.body, [{ userId: 'ann', behaviour: 'flaky' }]);
    await t.request('PUT', `/api/channels/${channelId}/sandbox/users/ann`, { key, body: { behaviour: 'normal' } });
  });

  test('tags: assigned, "in use" counted, names validated', async () => {
    const w = await t.request('POST', `/api/channels/${channelId}/sandbox/messages`, { key, body: { userId: 'bob', text: 'hi' } });
    const id = w.body.subscriberId;
    const tagged = await t.request('POST', `/api/subscribers/${id}/tags`, { key, body: { tags: ['vip', ' newsletter '] } });
    assert.deepEqual(tagged.body.tags, ['newsletter', 'vip']);
    await t.request('POST', `/api/bots/${botId}/tags`, { key, body: { name: 'unused' } });
    const tags = await t.request('GET', `/api/bots/${botId}/tags`, { key });
    const byName = Object.fromEntries(tags.body.map((x: Json) => [x.name, x]));
    assert.equal(byName.vip.inUse, true);
    assert.equal(byName.unused.inUse, false);
    const empty = await t.request('POST', `/api/subscribers/${id}/tags`, { key, body: { tags: ['  '] } });
    assert.equal(empty.status, 400);
    assert.match(empty.body.error.message, /tags\[0\]/);
    const long = await t.request('POST', `/api/bots/${botId}/tags`, { key, body: { name: 'x'.repeat(65) } });
    assert.equal(long.status, 400);
    const events = await t.app.ctx.db.query<CountRow>(
      `SELECT count(*) AS n FROM events WHERE type = 'tag_assigned' AND (payload->>'subscriberId')::bigint = $1`,
      [id],
    );
    assert.equal(events[0].n, 2);
  });

  test('an operator chat opens once, and STOP from the subscriber closes it with an event', async () => {
    const w = await t.request('POST', `/api/channels/${channelId}/sandbox/messages`, { key, body: { userId: 'carl', text: 'help' } });
    const id = w.body.subscriberId;
    assert.equal((await t.request('POST', `/api/subscribers/${id}/chat`, { key })).status, 201);
    assert.equal((await t.request('POST', `/api/subscribers/${id}/chat`, { key })).status, 409);
    const stop = await t.request('POST', `/api/channels/${channelId}/sandbox/messages`, { key, body: { userId: 'carl', text: 'STOP' } });
    assert.equal(stop.body.chatsClosed, 1);
    const chats = await t.request('GET', `/api/bots/${botId}/chats?subscriberId=${id}`, { key });
    assert.equal(chats.body[0].closedBy, 'subscriber');
    const events = await t.app.ctx.db.query<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM events WHERE type = 'chat_closed' AND (payload->>'subscriberId')::bigint = $1`,
      [id],
    );
    assert.equal(events.length, 1);
  });

  test('closing a chat by the operator records who and why', async () => {
    const w = await t.request('POST', `/api/channels/${channelId}/sandbox/messages`, { key, body: { userId: 'dora', text: 'help' } });
    const id = w.body.subscriberId;
    await t.request('POST', `/api/subscribers/${id}/chat`, { key });
    const closed = await t.request('POST', `/api/subscribers/${id}/chat/close`, { key, body: { reason: 'resolved' } });
    assert.equal(closed.status, 200);
    assert.equal(closed.body.closeReason, 'resolved');
    assert.match(closed.body.closedBy, /^api_key:/);
  });

  test('subscribers list paginates by keyset', async () => {
    for (const u of ['p1', 'p2', 'p3'])
      await t.request('POST', `/api/channels/${channelId}/sandbox/messages`, { key, body: { userId: u, text: 'x' } });
    const page1 = await t.request('GET', `/api/bots/${botId}/subscribers?limit=2`, { key });
    assert.equal(page1.body.items.length, 2);
    assert.ok(page1.body.nextCursor);
    const page2 = await t.request('GET', `/api/bots/${botId}/subscribers?limit=2&cursor=${page1.body.nextCursor}`, { key });
    assert.ok(page2.body.items[0].id < page1.body.items[1].id);
    const bad = await t.request('GET', `/api/bots/${botId}/subscribers?cursor=garbage`, { key });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /cursor/);
  });

  test('screens validate their buttons', async () => {
    const ok = await t.request('POST', `/api/bots/${botId}/screens`, {
      key,
      body: {
        name: 'Welcome',
        text: 'Hi {{name}}',
        buttons: [
          { kind: 'url', text: 'Shop', url: 'https://example.com' },
          { kind: 'reply', text: 'Later' },
        ],
      },
    });
    assert.equal(ok.status, 201);
    const bad = await t.request('POST', `/api/bots/${botId}/screens`, {
      key,
      body: { name: 'Bad', text: 'x', buttons: [{ kind: 'url', text: 'Go', url: 'javascript:alert(1)' }] },
    });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /buttons\[0\]\.url/);
  });
});

describe('bad input', () => {
  test('malformed JSON is a 400', async () => {
    const r = await t.request('POST', '/api/bots', { key, raw: '{"name":', headers: { 'content-type': 'application/json' } });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'malformed_json');
  });

  test('a wrong content type is a 415', async () => {
    const r = await t.request('POST', '/api/bots', {
      key,
      raw: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(r.status, 415);
    assert.equal(r.body.error.code, 'unsupported_media_type');
  });

  test('an oversized body is a 413', async () => {
    const r = await t.request('POST', '/api/bots', { key, body: { name: 'x'.repeat(2 * 1024 * 1024) } });
    assert.equal(r.status, 413);
    assert.equal(r.body.error.code, 'body_too_large');
  });

  test('a missing field is named', async () => {
    const r = await t.request('POST', '/api/bots', { key, body: {} });
    assert.equal(r.status, 400);
    assert.match(r.body.error.message, /body\.name is required/);
  });

  test('an unknown field is named', async () => {
    const r = await t.request('POST', '/api/bots', { key, body: { name: 'x', colour: 'red' } });
    assert.equal(r.status, 400);
    assert.match(r.body.error.message, /colour/);
  });

  test('a non-numeric id is a 400, an unknown one a 404', async () => {
    assert.equal((await t.request('GET', '/api/bots/abc', { key })).status, 400);
    assert.equal((await t.request('GET', '/api/bots/999999', { key })).status, 404);
  });
});

describe('workspace isolation', () => {
  test("another workspace's key gets 404 for every object, and changes nothing", async () => {
    const other = await t.workspace('Other');
    const w = await t.request('POST', `/api/channels/${channelId}/sandbox/messages`, { key, body: { userId: 'iso', text: 'x' } });
    const subId = w.body.subscriberId;
    const screen = await t.request('POST', `/api/bots/${botId}/screens`, { key, body: { name: 'S', text: 'x' } });
    const tag = await t.request('POST', `/api/bots/${botId}/tags`, { key, body: { name: 'iso-tag' } });
    const k = other.key;
    const probes: Array<[string, string, unknown?]> = [
      ['GET', `/api/bots/${botId}`],
      ['PATCH', `/api/bots/${botId}`, { name: 'stolen' }],
      ['DELETE', `/api/bots/${botId}`],
      ['GET', `/api/bots/${botId}/channels`],
      ['POST', `/api/bots/${botId}/channels`, { platform: 'tg', credentials: { token: 'x' } }],
      ['GET', `/api/channels/${channelId}`],
      ['PATCH', `/api/channels/${channelId}`, { name: 'stolen' }],
      ['DELETE', `/api/channels/${channelId}`],
      ['GET', `/api/bots/${botId}/subscribers`],
      ['GET', `/api/subscribers/${subId}`],
      ['POST', `/api/subscribers/${subId}/tags`, { tags: ['x'] }],
      ['DELETE', `/api/subscribers/${subId}/tags`, { tags: ['x'] }],
      ['POST', `/api/bots/${botId}/subscribers/tag`, { tag: 'x', subscriberIds: [subId] }],
      ['POST', `/api/subscribers/${subId}/chat`],
      ['POST', `/api/subscribers/${subId}/chat/close`],
      ['GET', `/api/bots/${botId}/chats`],
      ['POST', `/api/bots/${botId}/chats/close-all`],
      ['GET', `/api/bots/${botId}/tags`],
      ['POST', `/api/bots/${botId}/tags`, { name: 'x' }],
      ['PATCH', `/api/tags/${tag.body.id}`, { name: 'y' }],
      ['DELETE', `/api/tags/${tag.body.id}`],
      ['GET', `/api/bots/${botId}/screens`],
      ['POST', `/api/bots/${botId}/screens`, { name: 'x', text: 'x' }],
      ['GET', `/api/screens/${screen.body.id}`],
      ['PATCH', `/api/screens/${screen.body.id}`, { name: 'x' }],
      ['DELETE', `/api/screens/${screen.body.id}`],
      ['POST', `/api/channels/${channelId}/sandbox/messages`, { userId: 'x', text: 'x' }],
      ['GET', `/api/channels/${channelId}/sandbox/inbox`],
      ['GET', `/api/channels/${channelId}/sandbox/users`],
      ['PUT', `/api/channels/${channelId}/sandbox/users/x`, { behaviour: 'blocked' }],
    ];
    const snapshot = async () =>
      JSON.stringify(
        await t.app.ctx.db.query<{
          b: number;
          c: number;
          s: number;
          st: number;
          t: number;
          sc: number;
          oc: number;
          sm: number;
          bn: string | null;
        }>(`SELECT (SELECT count(*) FROM bots) b, (SELECT count(*) FROM channels) c, (SELECT count(*) FROM subscribers) s,
        (SELECT count(*) FROM subscriber_tags) st, (SELECT count(*) FROM tags) t, (SELECT count(*) FROM screens) sc, (SELECT count(*) FROM operator_chats) oc,
        (SELECT count(*) FROM sandbox_messages) sm, (SELECT string_agg(name, ',' ORDER BY id) FROM bots) bn`),
      );
    const before = await snapshot();
    for (const [method, url, body] of probes) {
      const r = await t.request(method, url, { key: k, body });
      assert.equal(r.status, 404, `${method} ${url} answered ${r.status} ${r.text}`);
    }
    assert.equal(await snapshot(), before);
  });
});

describe('validation messages', () => {
  test('a union field names what is wrong in the variant the caller meant', async () => {
    const r = await t.request('POST', `/api/bots/${botId}/sends`, {
      key,
      body: { content: { type: 'text', text: 'x' }, channelIds: [channelId], audience: { type: 'tags', include: [] } },
    });
    assert.equal(r.status, 400);
    assert.match(r.body.error.message, /audience\.include/);
    assert.doesNotMatch(r.body.error.message, /not a known field/);
  });
});
