// /metrics (issue 15.7d): the counts of every workspace are for the operator only. They need the
// token of BOTCAST_METRICS_TOKEN as "Authorization: Bearer <token>"; without a configured token the
// route does not exist (404).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';

const TOKEN = 'metrics-token-for-the-scraper-0123';
let t: TestApp;

before(async () => {
  t = await startTestApp({ config: { metricsToken: TOKEN } });
});
after(() => t.close());

test('without the token, or with a wrong one, /metrics answers 401 and shows nothing', async () => {
  const workspace = await t.workspace();
  for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, TOKEN, `Bearer ${workspace.key}`]) {
    const r = await t.request('GET', '/metrics', { headers: authorization ? { authorization } : {} });
    assert.equal(r.status, 401, `${authorization}: ${r.status}`);
    assert.equal(r.headers['www-authenticate'], 'Bearer');
    assert.doesNotMatch(r.text, /botcast_/);
  }
});

test('with the token, /metrics answers the Prometheus text', async () => {
  const r = await t.request('GET', '/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(r.status, 200);
  assert.match(String(r.headers['content-type']), /^text\/plain/);
  assert.match(r.text, /botcast_deliveries\{state="sent"\} \d+/);
  assert.match(r.text, /botcast_channels_paused \d+/);
});

test('without BOTCAST_METRICS_TOKEN, /metrics does not exist', async () => {
  const bare = await startTestApp();
  try {
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }] as Array<Record<string, string>>) {
      const r = await bare.request('GET', '/metrics', { headers });
      assert.equal(r.status, 404);
      assert.doesNotMatch(r.text, /botcast_/);
    }
    assert.equal((await bare.request('GET', '/healthz')).status, 200, 'liveness and readiness stay open');
    assert.equal((await bare.request('GET', '/readyz')).status, 200);
  } finally {
    await bare.close();
  }
});
