// A channel's credentials go only where they were given: a token cannot choose the request's path,
// a new API base URL needs the credentials again (each change written to the audit log), and a
// failed credential check shows the platform's short reason, never the body a server answered.
// Private addresses are allowed here (the fakes listen on 127.0.0.1); ssrf.test.ts has the policy.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startFakeServer, type FakeServer } from '../fakes/server.ts';
import { makeWorld, type World } from '../helpers/world.ts';
import type { AuditRow } from '../../src/services/audit.ts';

let t: TestApp;
let fake: FakeServer;
let w: World;

before(async () => {
  fake = await startFakeServer();
  t = await startTestApp();
});
after(async () => {
  await t.close();
  await fake.close();
});
beforeEach(async () => {
  w = await makeWorld(t);
});

const connect = (body: Record<string, unknown>) =>
  t.request('POST', `/api/bots/${w.botId}/channels`, { key: w.key, body: { platform: 'tg', apiBaseUrl: fake.url, ...body } });

async function auditLog(workspaceId: number) {
  return t.app.ctx.db.query<Pick<AuditRow, 'actor' | 'action' | 'target' | 'detail'>>(
    'SELECT actor, action, target, detail FROM audit_log WHERE workspace_id = $1 ORDER BY id',
    [workspaceId],
  );
}

describe('credential values', () => {
  for (const token of ['1:abc/../../setWebhook', '1:abc/getMe?', '1:abc#', '1:abc%2F..', '1:a..b', '1:abc def', '1:abc\n', '1:a\u0007b']) {
    test(`a token ${JSON.stringify(token)} is refused, naming the field, before anything is sent`, async () => {
      fake.reset();
      const res = await connect({ credentials: { token } });
      assert.equal(res.status, 400, res.text);
      assert.equal(res.body.error.code, 'invalid_credentials');
      assert.equal(res.body.error.details.field, 'credentials.token');
      assert.match(res.body.error.message, /^credentials\.token must not contain/);
      assert.equal(fake.records.length, 0);
      const list = await t.request('GET', `/api/bots/${w.botId}/channels`, { key: w.key });
      assert.deepEqual(list.body, []);
    });
  }

  test('an id that becomes a path segment is a token too (WhatsApp phoneNumberId)', async () => {
    const res = await connect({
      platform: 'wa',
      verify: false,
      credentials: { accessToken: 'EAAG123', phoneNumberId: '../me', appSecret: 's', verifyToken: 'any words, spaces allowed' },
    });
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.error.details.field, 'credentials.phoneNumberId');
  });

  test('new credentials are checked the same way, and the stored ones stay', async () => {
    const created = await connect({ credentials: { token: '1:good' }, verify: false });
    assert.equal(created.status, 201, created.text);
    const res = await t.request('PATCH', `/api/channels/${created.body.id}`, { key: w.key, body: { credentials: { token: '1:x/../y' } } });
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.error.details.field, 'credentials.token');
    const [row] = await t.app.ctx.db.query<{ credentials_enc: string }>('SELECT credentials_enc FROM channels WHERE id = $1', [
      created.body.id,
    ]);
    assert.deepEqual(JSON.parse(t.app.ctx.sealer.open(row.credentials_enc)), { token: '1:good' });
  });
});

describe('changing the API base URL', () => {
  test('needs the credentials again in the same request; refused, it changes nothing and logs nothing', async () => {
    const created = await connect({ credentials: { token: '1:stored' }, verify: false });
    const path = `/api/channels/${created.body.id}`;
    const res = await t.request('PATCH', path, { key: w.key, body: { apiBaseUrl: 'https://collector.example.test', name: 'renamed' } });
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.error.code, 'credentials_required');
    assert.equal(res.body.error.details.field, 'credentials');
    assert.deepEqual(res.body.error.details.fields, ['apiBaseUrl', 'credentials']);
    assert.deepEqual(res.body.error.details.missing, ['token']);
    assert.match(res.body.error.message, /apiBaseUrl/);

    const partial = await t.request('PATCH', path, { key: w.key, body: { apiBaseUrl: 'https://collector.example.test', credentials: {} } });
    assert.equal(partial.body.error?.code, 'credentials_required');

    const after = await t.request('GET', path, { key: w.key });
    assert.equal(after.body.apiBaseUrl, fake.url);
    assert.equal(after.body.name, 'Telegram');
    assert.deepEqual(
      (await auditLog(w.workspaceId)).map((r) => r.action),
      ['channel.created'],
    );
  });

  test('with the credentials it is done, and the audit log says who moved it from where to where', async () => {
    const created = await connect({ credentials: { token: '1:old' }, verify: false });
    const id = created.body.id as number;
    const res = await t.request('PATCH', `/api/channels/${id}`, {
      key: w.key,
      body: { apiBaseUrl: 'https://tg-proxy.example.test', credentials: { token: '1:new' } },
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.apiBaseUrl, 'https://tg-proxy.example.test');

    const log = await auditLog(w.workspaceId);
    const actor = log[0].actor;
    assert.match(actor, /^api_key:\d+$/);
    assert.deepEqual(log, [
      {
        actor,
        action: 'channel.created',
        target: `channel:${id}`,
        detail: { botId: w.botId, platform: 'tg', apiBaseUrl: fake.url, credentials: ['token'] },
      },
      { actor, action: 'channel.updated', target: `channel:${id}`, detail: { fields: ['apiBaseUrl', 'credentials'] } },
      {
        actor,
        action: 'channel.base_url_changed',
        target: `channel:${id}`,
        detail: { from: fake.url, to: 'https://tg-proxy.example.test', credentialsGiven: true },
      },
    ]);
    assert.ok(!JSON.stringify(log).includes('1:new') && !JSON.stringify(log).includes('1:old'), 'no credential in the log');
  });

  test("back to the platform's own API (null) needs no credentials: the token goes only where it belongs", async () => {
    const created = await connect({ credentials: { token: '1:t' }, verify: false });
    const id = created.body.id as number;
    const res = await t.request('PATCH', `/api/channels/${id}`, { key: w.key, body: { apiBaseUrl: null } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.apiBaseUrl, 'https://api.telegram.org');
    const log = await auditLog(w.workspaceId);
    assert.deepEqual(log.at(-1)?.detail, { from: fake.url, to: null, credentialsGiven: false });
  });

  test('the same URL again, or other fields, need no credentials; a deletion is logged too', async () => {
    const created = await connect({ credentials: { token: '1:t' }, verify: false });
    const id = created.body.id as number;
    const same = await t.request('PATCH', `/api/channels/${id}`, { key: w.key, body: { apiBaseUrl: fake.url, ratePerSecond: 5 } });
    assert.equal(same.status, 200, same.text);
    const gone = await t.request('DELETE', `/api/channels/${id}`, { key: w.key });
    assert.equal(gone.status, 204, gone.text);
    const log = await auditLog(w.workspaceId);
    assert.deepEqual(
      log.map((r) => [r.action, r.detail]),
      [
        ['channel.created', { botId: w.botId, platform: 'tg', apiBaseUrl: fake.url, credentials: ['token'] }],
        ['channel.updated', { fields: ['apiBaseUrl', 'ratePerSecond'] }],
        ['channel.deleted', { botId: w.botId, platform: 'tg' }],
      ],
    );
  });
});

describe('a failed credential check', () => {
  const token = '5550001:AAHsecret-token-value';
  const secret = 'INTERNAL-SECRET-42';
  let hostile: Server;
  let hostileUrl: string;

  // Not a platform: a server that answers with whatever it holds (an internal page, a stack trace).
  before(async () => {
    hostile = createServer((req, res) => {
      if (req.url?.startsWith('/bot')) {
        res.writeHead(401, { 'content-type': 'application/json' });
        const description = `<html><script>alert(1)</script>Unauthorized\u0000\u001b[2J ${'A'.repeat(3000)} ${secret} ${token}</html>`;
        res.end(JSON.stringify({ ok: false, error_code: 401, description }));
      } else {
        res.writeHead(500, { 'content-type': 'text/html' });
        res.end(`<html><body><h1>Internal</h1><pre>db password: ${secret}</pre>${'B'.repeat(3000)}</body></html>`);
      }
    });
    await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
    hostileUrl = `http://127.0.0.1:${(hostile.address() as { port: number }).port}`;
  });
  after(() => new Promise((resolve) => hostile.close(resolve)));

  function assertShortAndClean(message: string) {
    assert.ok(message.length <= 400, `${message.length} characters`);
    for (const leak of [secret, 'AAHsecret', '<', '>', '\u0000', '\u001b', 'A'.repeat(300), 'B'.repeat(50)]) {
      assert.ok(!message.includes(leak), `${JSON.stringify(leak)} in ${JSON.stringify(message)}`);
    }
  }

  test("keeps only the platform's reason field, cut short and cleaned", async () => {
    const res = await connect({ credentials: { token }, apiBaseUrl: hostileUrl });
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.error.code, 'credentials_rejected');
    assert.match(
      res.body.error.message,
      /^Telegram did not accept the credentials: Telegram does not accept this bot token \(alert\(1\) Unauthorized \[2J A+…\)/,
    );
    assertShortAndClean(res.body.error.message);
  });

  test('never echoes a body that has no reason field', async () => {
    const res = await connect({
      platform: 'fb',
      apiBaseUrl: hostileUrl,
      credentials: { pageAccessToken: 'EAAGpage', appSecret: 'app-secret', verifyToken: 'verify' },
    });
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.error.message, 'Facebook Messenger did not accept the credentials: Meta refused the request: HTTP 500');
    assertShortAndClean(res.body.error.message);
  });
});

describe('a platform that cannot be reached', () => {
  test('says so, and does not blame the credentials (issue 17 point 5)', async () => {
    // A port nobody listens on: the connection is refused, as when the machine is offline.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const res = await connect({ credentials: { token: '5550002:AAHright-token' }, apiBaseUrl: `http://127.0.0.1:${port}` });
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.error.code, 'platform_unreachable');
    assert.equal(res.body.error.details.field, 'apiBaseUrl');
    assert.match(res.body.error.message, /^Could not check the credentials: Could not reach Telegram at http:\/\/127\.0\.0\.1:\d+/);
    assert.doesNotMatch(res.body.error.message, /did not accept|rejected/);
    assert.ok(!res.body.error.message.includes('AAHright-token'), 'the token is not in the message');
  });
});
