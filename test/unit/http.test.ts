import { test } from 'node:test';
import assert from 'node:assert/strict';
import { httpCall, splitUrl } from '../../src/platforms/http.ts';
import { configureOutboundPolicy } from '../../src/security/outbound-policy.ts';

// The servers here listen on 127.0.0.1, which the outbound policy refuses unless allowed (an app
// allows it with BOTCAST_ALLOW_PRIVATE_BASE_URLS=true; these tests call the clients without one).
configureOutboundPolicy({ allowPrivate: true });

test('splitUrl gives the origin and the path with its query, as undici expects them', () => {
  assert.deepEqual(splitUrl('https://api.telegram.org/bot1:AA/sendMessage'), {
    origin: 'https://api.telegram.org',
    path: '/bot1:AA/sendMessage',
  });
  assert.deepEqual(splitUrl('http://127.0.0.1:8080/method/messages.send?v=5.199'), {
    origin: 'http://127.0.0.1:8080',
    path: '/method/messages.send?v=5.199',
  });
  assert.deepEqual(splitUrl('http://127.0.0.1:8080?x=1'), { origin: 'http://127.0.0.1:8080', path: '/?x=1' });
  assert.deepEqual(splitUrl('http://example.com'), { origin: 'http://example.com', path: '/' });
  assert.deepEqual(splitUrl('http://[::1]:9/a/b'), { origin: 'http://[::1]:9', path: '/a/b' });
});

test('a URL that is not absolute is a request that never left', async () => {
  const result = await httpCall('not a url', { json: {} });
  assert.equal(result.kind, 'network');
  assert.equal(result.kind === 'network' && result.neverLeft, true);
});

test('an answer: status, JSON body, text, and headers with lower-case names (a repeated one as a list)', async () => {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      res.writeHead(429, [
        ['Retry-After', '3'],
        ['X-Seen', 'a'],
        ['X-Seen', 'b'],
        ['Content-Type', 'application/json'],
      ]);
      res.end(JSON.stringify({ echo: JSON.parse(body), text: 'привет' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    const result = await httpCall(`http://127.0.0.1:${port}/x?y=1`, { json: { n: 1 } });
    assert.equal(result.kind, 'response');
    if (result.kind !== 'response') return;
    assert.equal(result.status, 429);
    assert.deepEqual(result.body, { echo: { n: 1 }, text: 'привет' });
    assert.equal(result.text, JSON.stringify({ echo: { n: 1 }, text: 'привет' }));
    assert.equal(result.headers['retry-after'], '3');
    assert.deepEqual(result.headers['x-seen'], ['a', 'b']);
  } finally {
    server.close();
  }
});

test('a connection refused is a request that never left', async () => {
  const result = await httpCall('http://127.0.0.1:1/x', { json: {} });
  assert.equal(result.kind, 'network');
  assert.equal(result.kind === 'network' && result.neverLeft, true);
});
