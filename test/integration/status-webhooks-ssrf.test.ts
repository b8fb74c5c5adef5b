// Status webhook endpoints with private addresses NOT allowed (the default): the URL must be https
// and lead to a public address when saved, and the address actually connected to is judged again
// at every connection, after DNS — a name that resolved to a public address when it was saved and
// to 127.0.0.1 later (DNS rebinding) is refused before a byte leaves, for the test event and for the
// dispatcher's batches alike. Names resolve through a table the test controls (AppOptions.resolveHost).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { isIP } from 'node:net';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { makeWorld, waitFor } from '../helpers/world.ts';
import { startReceiver, type Receiver } from '../helpers/webhook-receiver.ts';
import type { HostResolver } from '../../src/security/outbound-policy.ts';
import { appendStatusEvents } from '../../src/storage/queries/status-events.ts';

const dns = new Map<string, string[]>();
const resolveHost: HostResolver = async (hostname) => {
  const answers = dns.get(hostname);
  if (!answers) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  const address = answers.length > 1 ? answers.shift()! : answers[0];
  return [{ address, family: isIP(address) }];
};

let t: TestApp;
let receiver: Receiver;

before(async () => {
  receiver = await startReceiver();
  t = await startTestApp({
    config: { allowPrivateBaseUrls: false },
    worker: true,
    resolveHost,
    statusWebhooks: { pollMs: 20, retryBaseMs: 60_000, maxRetryMs: 60_000 },
  });
});
after(async () => {
  await t.close();
  await receiver.close();
});

test('http, an address literal or a name resolving to a private address is refused when saved', async () => {
  const w = await makeWorld(t);
  dns.set('hooks.private.test', ['10.1.2.3']);
  for (const [url, message] of [
    [`http://hooks.example.com/x`, /must start with https/],
    [`https://127.0.0.1:${receiver.port}/x`, /loopback address \(127\.0\.0\.1\)/],
    ['https://169.254.169.254/latest', /link-local address/],
    ['https://hooks.private.test/x', /resolves to a private address \(10\.1\.2\.3\)/],
    ['https://localhost/x', /this machine/],
  ] as const) {
    const res = await t.request('POST', '/api/status-webhooks', { key: w.key, body: { url } });
    assert.equal(res.status, 400, `${url}: ${res.text}`);
    assert.equal(res.body.error.code, 'invalid_url');
    assert.match(res.body.error.message, message);
  }
  assert.equal((await t.request('GET', '/api/status-webhooks', { key: w.key })).body.length, 0);
});

test('a name that resolves to 127.0.0.1 after it was saved is refused at connect time, and nothing arrives', async () => {
  const w = await makeWorld(t);
  // Public when saved (TEST-NET-3 counts as public here), this machine at every later lookup.
  dns.set('hooks.rebind.test', ['203.0.113.10', '127.0.0.1']);
  const created = await t.request('POST', '/api/status-webhooks', {
    key: w.key,
    body: { url: `https://hooks.rebind.test:${receiver.port}/hooks/botcast` },
  });
  assert.equal(created.status, 201, created.text);
  const id = created.body.id;

  const res = await t.request('POST', `/api/status-webhooks/${id}/test`, { key: w.key });
  assert.equal(res.body.ok, false);
  assert.equal(res.body.statusCode, null);
  assert.match(res.body.error, /the endpoint URL host hooks\.rebind\.test resolves to a loopback address \(127\.0\.0\.1\)/);

  // The dispatcher's own POSTs go through the same check.
  await appendStatusEvents(t.app.ctx.db, w.workspaceId, 'run.started', [{ runId: 1 }]);
  const log = await waitFor('the dispatcher to try', async () => {
    const r = await t.request('GET', `/api/status-webhooks/${id}/attempts`, { key: w.key });
    return r.body.find((a: { test: boolean }) => !a.test);
  });
  assert.equal(log.ok, false);
  assert.match(log.error, /resolves to a loopback address/);
  const [row] = (await t.request('GET', '/api/status-webhooks', { key: w.key })).body;
  assert.equal(row.status, 'retrying');
  assert.equal(receiver.posts.length, 0, 'nothing reached the receiver on 127.0.0.1');
});
