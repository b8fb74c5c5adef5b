import { test } from 'node:test';
import assert from 'node:assert/strict';
import { httpCall, splitUrl } from '../../src/platforms/http.ts';

test('splitUrl gives the origin and the path with its query, as undici expects them', () => {
  assert.deepEqual(splitUrl('https://api.telegram.org/bot1:AA/sendMessage'), { origin: 'https://api.telegram.org', path: '/bot1:AA/sendMessage' });
  assert.deepEqual(splitUrl('http://127.0.0.1:8080/method/messages.send?v=5.199'), { origin: 'http://127.0.0.1:8080', path: '/method/messages.send?v=5.199' });
  assert.deepEqual(splitUrl('http://127.0.0.1:8080?x=1'), { origin: 'http://127.0.0.1:8080', path: '/?x=1' });
  assert.deepEqual(splitUrl('http://example.com'), { origin: 'http://example.com', path: '/' });
  assert.deepEqual(splitUrl('http://[::1]:9/a/b'), { origin: 'http://[::1]:9', path: '/a/b' });
});

test('a URL that is not absolute is a request that never left', async () => {
  const result = await httpCall('not a url', { json: {} });
  assert.equal(result.kind, 'network');
  assert.equal(result.kind === 'network' && result.neverLeft, true);
});
