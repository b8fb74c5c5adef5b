// Security settings are validated at start like every other (src/config.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config.ts';

test('BOTCAST_TRUST_PROXY: off by default; true, or the proxies’ addresses and ranges', () => {
  assert.equal(loadConfig({}).trustProxy, false);
  assert.equal(loadConfig({ BOTCAST_TRUST_PROXY: 'true' }).trustProxy, true);
  assert.equal(loadConfig({ BOTCAST_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1,loopback' }).trustProxy, '10.0.0.0/8,127.0.0.1,::1,loopback');
  // A hop count is refused: Fastify 5 ignores it (it cannot tell a proxy from a client).
  for (const bad of ['2', 'proxy.example.com', '10.0.0.0/33', '10.0.0.1/8/1']) {
    assert.throws(() => loadConfig({ BOTCAST_TRUST_PROXY: bad }), /BOTCAST_TRUST_PROXY/, bad);
  }
});

test('BOTCAST_METRICS_TOKEN: unset by default; at least 16 characters without spaces', () => {
  assert.equal(loadConfig({}).metricsToken, null);
  assert.equal(loadConfig({ BOTCAST_METRICS_TOKEN: 'a'.repeat(16) }).metricsToken, 'a'.repeat(16));
  for (const bad of ['short', 'sixteen chars with spaces']) {
    assert.throws(() => loadConfig({ BOTCAST_METRICS_TOKEN: bad }), /BOTCAST_METRICS_TOKEN/, bad);
  }
});

test('progress streams: re-checked every 30 s, 10 per key, by default', () => {
  const config = loadConfig({});
  assert.equal(config.streamRecheckMs, 30_000);
  assert.equal(config.streamsPerKey, 10);
});
