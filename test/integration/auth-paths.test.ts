// Authentication is decided by the route that matched, never by the text of the request target.
// Every operation of the OpenAPI document that needs a key is called without one, through a real
// socket, under every spelling of its path a router or a proxy may read differently: percent-encoded
// letters, an absolute-form target, a doubled or trailing slash, upper case. Each answers 401 when
// the spelling still reaches the route, or 404 when it reaches no route — never 2xx, never 5xx
// (a handler that ran without a caller).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import type { CountRow } from '../../src/storage/db.ts';

let t: TestApp;
let port: number;

before(async () => {
  t = await startTestApp();
  await t.workspace('Victim');
  await t.app.server!.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server!.server.address() as { port: number }).port;
});
after(() => t.close());

interface RawAnswer {
  status: number;
  body: string;
}

/** One request with the target written byte for byte as given: no client normalises it on the way. */
function rawRequest(method: string, target: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const lines = [`${method} ${target} HTTP/1.1`, 'Host: localhost', 'Connection: close', 'Content-Length: 0'];
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
    socket.on('connect', () => socket.write(lines.join('\r\n') + '\r\n\r\n'));
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (data += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const [head, ...rest] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), body: rest.join('\r\n\r\n') });
    });
  });
}

const encodeChar = (c: string) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0');
const mapSegments = (path: string, f: (segment: string, i: number) => string) =>
  path
    .split('/')
    .map((s, i) => (i === 0 || s === '' ? s : f(s, i)))
    .join('/');

/** Spellings of a path that the router decodes back to the same route. */
function encodedSpellings(path: string): string[] {
  const segments = path.split('/').length - 1;
  const spellings = [
    mapSegments(path, (s, i) => (i === 1 ? encodeChar(s[0]) + s.slice(1) : s)), // /%61pi/bots
    mapSegments(path, (s) => encodeChar(s[0]) + s.slice(1)), // every segment's first letter
    mapSegments(path, (s) => [...s].map(encodeChar).join('')), // every letter
    mapSegments(path, (s) => encodeChar(s[0]).toUpperCase() + s.slice(1)), // upper-case hex digits
  ];
  for (let i = 2; i <= segments; i += 1) spellings.push(mapSegments(path, (s, j) => (j === i ? encodeChar(s[0]) + s.slice(1) : s)));
  return [...new Set(spellings)];
}

/** Spellings a router may match or not: either way no handler may run without a caller. */
function otherSpellings(path: string): string[] {
  return [
    `http://localhost${path}`, // absolute-form request target (RFC 9112 §3.2.2)
    `http://attacker.example${path}`,
    `/${path}`, // //api/bots
    `${path}/`, // trailing slash
    path.replace('/api/', '/API/'),
    path.toUpperCase(),
    `${path}?x=1`,
    encodedSpellings(path)[0] + '/',
    `http://localhost${encodedSpellings(path)[1]}`,
  ];
}

interface Operation {
  method: string;
  path: string;
}

async function operations(): Promise<{ protectedOps: Operation[]; publicOps: Operation[] }> {
  const doc = (await t.request('GET', '/api/openapi.json')).body;
  const protectedOps: Operation[] = [];
  const publicOps: Operation[] = [];
  for (const [template, item] of Object.entries<Record<string, { security?: unknown[] }>>(doc.paths)) {
    const path = template.replace(/\{userId\}/g, 'u1').replace(/\{[^}]+\}/g, '1');
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      // An operation needs a key unless it says it needs none (security: []) over the document's default.
      const open = Array.isArray(op.security) && op.security.length === 0;
      (open ? publicOps : protectedOps).push({ method: method.toUpperCase(), path });
    }
  }
  return { protectedOps, publicOps };
}

async function rowCounts() {
  const [row] = await t.app.ctx.db.query<CountRow>(
    `SELECT (SELECT count(*) FROM bots) + (SELECT count(*) FROM api_keys) + (SELECT count(*) FROM members)
          + (SELECT count(*) FROM channels) + (SELECT count(*) FROM sends) AS n`,
  );
  return row.n;
}

test('the operations that need no key are exactly sign-up, log-in, log-out and the external-event hook', async () => {
  const { publicOps } = await operations();
  assert.deepEqual(publicOps.map((o) => `${o.method} ${o.path}`).sort(), [
    'POST /api/auth/login',
    'POST /api/auth/logout',
    'POST /api/signup',
    'POST /hooks/events/1',
  ]);
});

test('every operation that needs a key answers 401 without one, however its path is spelled', async () => {
  const { protectedOps } = await operations();
  assert.ok(protectedOps.length > 60, `only ${protectedOps.length} operations in the document`);
  const before = await rowCounts();
  const wrong: string[] = [];
  for (const { method, path } of protectedOps) {
    for (const target of [path, ...encodedSpellings(path)]) {
      const r = await rawRequest(method, target);
      if (r.status !== 401) wrong.push(`${method} ${target} → ${r.status} (the route matches: 401 expected) ${r.body.slice(0, 120)}`);
      else assert.equal(JSON.parse(r.body).error.code, 'unauthorized');
    }
    for (const target of otherSpellings(path)) {
      const r = await rawRequest(method, target);
      if (r.status !== 401 && r.status !== 404) wrong.push(`${method} ${target} → ${r.status} ${r.body.slice(0, 120)}`);
    }
  }
  assert.deepEqual(wrong, []);
  assert.equal(await rowCounts(), before, 'a request without a key wrote something');
});

test('an API path the router does not know answers 404 under any spelling, with or without a browser asking for HTML', async () => {
  for (const target of [
    '/api/nothing',
    '/%61pi/nothing',
    '/API/nothing',
    '//api/nothing',
    '/api/./bots',
    '/api/bots%2F1',
    '/hooks/nothing',
  ]) {
    for (const accept of ['application/json', 'text/html']) {
      const r = await rawRequest('GET', target, { accept });
      assert.equal(r.status, 404, `GET ${target} (accept ${accept}) → ${r.status}`);
    }
  }
});

test('the API documentation and the OpenAPI document are public by their route, under any spelling', async () => {
  for (const target of [
    '/api/openapi.json',
    '/%61pi/openapi.json',
    'http://localhost/api/openapi.json',
    '/api/docs/json',
    '/api/%64ocs/json',
  ]) {
    const r = await rawRequest('GET', target);
    assert.equal(r.status, 200, `GET ${target} → ${r.status}`);
    assert.ok(JSON.parse(r.body).paths['/api/bots'], target);
  }
  assert.equal((await rawRequest('GET', '/api/docs/')).status, 200);
});

test('a valid key still works under an encoded spelling: the route decides, not the text', async () => {
  const { key } = await t.workspace('Caller');
  const r = await rawRequest('GET', '/%61pi/%62ots', { authorization: `Bearer ${key}` });
  assert.equal(r.status, 200, r.body);
  assert.deepEqual(JSON.parse(r.body), []);
});
