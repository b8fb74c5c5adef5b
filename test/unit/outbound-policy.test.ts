// The outbound address policy (src/security/outbound-policy.ts): which addresses Botcast refuses to
// connect to, range by range; that the shared HTTP client applies it to IP addresses in the URL and
// to every address a name resolves to, before any byte leaves; and the save-time checks built on it.
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import {
  ADDRESS_REFUSED,
  configureOutboundPolicy,
  refusedAddressReason,
  refusedHostReason,
  type HostResolver,
} from '../../src/security/outbound-policy.ts';
import { checkBaseUrl, checkBaseUrlAddresses } from '../../src/security/base-url.ts';
import { tokenValueProblem } from '../../src/security/credential-values.ts';
import { httpCall, networkOutcome, platformReason } from '../../src/platforms/http.ts';

// [address, the words of its reason] — one or more per range, at both ends where it matters.
const REFUSED: Array<[string, string]> = [
  ['0.0.0.0', 'unspecified'],
  ['0.255.255.255', 'unspecified'],
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['10.0.0.1', 'private'],
  ['10.255.255.255', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.0.1', 'private'],
  ['192.168.255.255', 'private'],
  ['100.64.0.1', 'CGNAT'],
  ['100.127.255.255', 'CGNAT'],
  ['169.254.169.254', 'link-local'],
  ['169.254.0.1', 'link-local'],
  ['198.18.0.1', 'benchmarking'],
  ['198.19.255.255', 'benchmarking'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['255.255.255.255', 'broadcast'],
  ['240.0.0.1', 'reserved'],
  ['::', 'unspecified'],
  ['::1', 'loopback'],
  ['fe80::1', 'link-local'],
  ['febf:ffff::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['fec0::1', 'site-local'],
  ['fc00::1', 'unique local'],
  ['fd12:3456:789a::1', 'unique local'],
  ['ff02::1', 'multicast'],
  ['ff05::2', 'multicast'],
  ['64:ff9b::808:808', 'NAT64'],
  ['64:ff9b::10.0.0.1', 'NAT64'],
  ['64:ff9b:1::1', 'NAT64'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::ffff:10.1.2.3', 'private'],
  ['::ffff:169.254.169.254', 'link-local'],
  ['::ffff:0:0', 'unspecified'],
  ['::127.0.0.1', 'loopback'],
  ['::a9fe:a9fe', 'link-local'],
  ['::192.168.1.1', 'private'],
  ['0:0:0:0:0:ffff:c0a8:0101', 'private'],
];

const ALLOWED = [
  '8.8.8.8',
  '1.1.1.1',
  '149.154.167.220', // api.telegram.org
  '9.255.255.255',
  '11.0.0.0',
  '100.63.255.255',
  '100.128.0.0',
  '126.255.255.255',
  '128.0.0.0',
  '169.253.255.255',
  '169.255.0.0',
  '172.15.255.255',
  '172.32.0.0',
  '192.167.255.255',
  '192.169.0.0',
  '198.17.255.255',
  '198.20.0.0',
  '223.255.255.255',
  '2001:4860:4860::8888',
  '2a00:1450:4001:80b::200e',
  '::ffff:8.8.8.8',
  '::8.8.8.8',
  '64:ff9a::1',
  'fbff::1',
  'fe7f::1',
];

describe('the address policy', () => {
  for (const [address, words] of REFUSED) {
    test(`${address} is refused as ${words}`, () => {
      const reason = refusedAddressReason(address);
      assert.ok(reason, `${address} was allowed`);
      assert.match(reason, new RegExp(words));
      assert.ok(reason.includes(address), reason);
    });
  }

  for (const address of ALLOWED) {
    test(`${address} is allowed`, () => assert.equal(refusedAddressReason(address), null));
  }

  test('a host name is not an address: it is judged by what it resolves to', () => {
    assert.equal(refusedAddressReason('localhost'), null);
    assert.equal(refusedAddressReason('api.telegram.org'), null);
  });
});

describe("a base URL's text (save time)", () => {
  const literals = REFUSED.filter(([a]) => !a.includes('%')).map(([a]) => (a.includes(':') ? `http://[${a}]:8080/x` : `http://${a}/x`));
  for (const url of [
    ...literals,
    'http://localhost:1',
    'http://localhost.:1',
    'http://LOCALHOST',
    'http://api.localhost',
    'http://2130706433/',
  ]) {
    test(`${url} is refused`, () => assert.match(checkBaseUrl(url, false) ?? '', /points at/));
  }

  test('with private addresses allowed, only the scheme and credentials in the URL are judged', () => {
    assert.equal(checkBaseUrl('http://127.0.0.1:1', true), null);
    assert.equal(checkBaseUrl('ftp://example.com', true), 'must be http or https');
    assert.equal(checkBaseUrl('http://u:p@example.com', true), 'must not contain credentials');
  });

  test('a public address or name is accepted', () => {
    assert.equal(checkBaseUrl('https://api.telegram.org', false), null);
    assert.equal(checkBaseUrl('http://[2001:4860:4860::8888]/', false), null);
  });
});

// Each test below sets the policy it needs; it is per process.
let server: Server;
let port: number;
let connections = 0;

beforeEach(async () => {
  connections = 0;
  server = createServer((_req, res) => res.end('{}'));
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterEach(async () => {
  configureOutboundPolicy({ allowPrivate: false });
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const answers =
  (table: Record<string, string[]>): HostResolver =>
  async (hostname) => {
    const found = table[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

describe('the shared HTTP client', () => {
  test('an IP address in the URL is refused before connecting: nothing reaches the server', async () => {
    configureOutboundPolicy({ allowPrivate: false });
    for (const host of ['127.0.0.1', '[::ffff:127.0.0.1]', '0x7f000001', '2130706433']) {
      const result = await httpCall(`http://${host}:${port}/bot1:secret/getMe`, { json: {} });
      assert.equal(result.kind, 'network', host);
      if (result.kind !== 'network') continue;
      assert.equal(result.code, ADDRESS_REFUSED, `${host}: ${result.message}`);
      assert.equal(result.neverLeft, true);
      assert.match(result.message, /is a loopback address/);
    }
    assert.equal(connections, 0);
  });

  test('a name is judged by every address it resolves to, at connect time', async () => {
    configureOutboundPolicy({
      allowPrivate: false,
      resolve: answers({ 'private.example.test': ['10.0.0.1'], 'mixed.example.test': ['203.0.113.9', '127.0.0.1'] }),
    });
    const first = await httpCall(`http://private.example.test:${port}/x`, { json: {} });
    assert.equal(
      first.kind === 'network' && first.message.split(';')[0],
      'the API base URL host private.example.test resolves to a private address (10.0.0.1)',
    );
    const mixed = await httpCall(`http://mixed.example.test:${port}/x`, { json: {} });
    assert.equal(mixed.kind === 'network' && mixed.code, ADDRESS_REFUSED);
    assert.equal(connections, 0);
  });

  test("the system's own resolver is policed too (localhost from /etc/hosts)", async () => {
    configureOutboundPolicy({ allowPrivate: false });
    const result = await httpCall(`http://localhost:${port}/x`, { json: {} });
    assert.equal(result.kind === 'network' && result.code, ADDRESS_REFUSED);
    assert.equal(connections, 0);
  });

  test('with private addresses allowed, the same requests connect', async () => {
    configureOutboundPolicy({ allowPrivate: true, resolve: answers({ 'fake.example.test': ['127.0.0.1'] }) });
    for (const url of [`http://127.0.0.1:${port}/x`, `http://fake.example.test:${port}/x`]) {
      const result = await httpCall(url, { json: {} });
      assert.equal(result.kind, 'response', JSON.stringify(result));
    }
    assert.equal(connections, 2);
  });

  test('a refused address is a permanent outcome for a delivery: a retry would be refused again', async () => {
    configureOutboundPolicy({ allowPrivate: false });
    const result = await httpCall(`http://127.0.0.1:${port}/x`, { json: {} });
    assert.equal(result.kind, 'network');
    if (result.kind !== 'network') return;
    assert.deepEqual(networkOutcome(result), { class: 'permanent', code: ADDRESS_REFUSED, text: result.message });
  });
});

describe('the save-time look at a name', () => {
  test('names the refused address a host resolves to', async () => {
    configureOutboundPolicy({ allowPrivate: false, resolve: answers({ 'meta.example.test': ['169.254.169.254'] }) });
    assert.equal(await refusedHostReason('meta.example.test'), 'a link-local address (169.254.169.254)');
    assert.match((await checkBaseUrlAddresses('https://meta.example.test/v1', false)) ?? '', /^resolves to a link-local address/);
    assert.equal(await checkBaseUrlAddresses('https://meta.example.test/v1', true), null);
  });

  test('a name that does not resolve, or not in time, is left to the connect-time check', async () => {
    configureOutboundPolicy({ allowPrivate: false, resolve: () => new Promise(() => {}) });
    assert.equal(await refusedHostReason('slow.example.test', 20), null);
    configureOutboundPolicy({ allowPrivate: false, resolve: answers({}) });
    assert.equal(await refusedHostReason('nowhere.example.test'), null);
  });
});

describe('credential values that go into requests', () => {
  for (const bad of [
    '1:abc/../getMe',
    '1:a/b',
    '1:a\\b',
    '1:abc?x=1',
    '1:abc#x',
    '1:a%2fb',
    '1:a..b',
    '1:a b',
    '1:a\tb',
    '1:abc\n',
    '1:a\u0000b',
    '1:a\u202eb',
  ]) {
    test(`${JSON.stringify(bad)} is refused`, () => assert.ok(tokenValueProblem(bad)));
  }
  for (const good of ['123456789:AAHsecret-Token_value', 'vk1.a.AbCdEf-123_x', 'EAAG1234abcd', '106540352242922', '-123456']) {
    test(`${JSON.stringify(good)} is a token`, () => assert.equal(tokenValueProblem(good), null));
  }
});

describe("a platform's words about a failure", () => {
  test('are cut short, without markup, control characters or the credentials', () => {
    const token = '123456789:AAHsecret-Token_value';
    const text = platformReason(`<html><b>Unauthorized</b>\u0000\u001b[31m for ${token}</html> ${'x'.repeat(5000)}`, 'HTTP 401', [token]);
    assert.ok(text.length <= 200, `${text.length}`);
    assert.ok(!['<', '>', '\u0000', '\u001b'].some((c) => text.includes(c)), text);
    assert.ok(!text.includes('AAHsecret'), text);
    assert.match(text, /^Unauthorized \[31m for \[redacted\]/);
  });

  test('a missing or empty field gives the fallback', () => {
    assert.equal(platformReason(undefined, 'HTTP 502'), 'HTTP 502');
    assert.equal(platformReason({ nested: true }, 'HTTP 502'), 'HTTP 502');
    assert.equal(platformReason(' \n ', 'HTTP 502'), 'HTTP 502');
  });
});
