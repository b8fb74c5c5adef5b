// Cross-site request forgery. The browser attaches the panel's session cookie to requests other
// sites make it send, so a write the cookie authenticates must come from this Botcast's own origin
// (Sec-Fetch-Site, else Origin, else Referer) or it answers 403 `csrf` and changes nothing. An API
// key is never attached by a browser: API clients may send any Origin. And a route takes only the
// content types it declares: text/plain — what a cross-site form can post — is a 415 on JSON routes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addChannel, makeWorld, type World } from '../helpers/world.ts';
import type { CountRow } from '../../src/storage/db.ts';

const PUBLIC_URL = 'https://botcast.example';
const ATTACKER = 'https://attacker.example';
// app.inject() sends Host: localhost:80.
const OWN_ORIGIN = 'http://localhost';

let t: TestApp;
let w: World;
let cookie: string;
let channel: number;
let trigger: number;
let event: number;

before(async () => {
  t = await startTestApp({ config: { publicUrl: PUBLIC_URL } });
  w = await makeWorld(t);
  const [{ email }] = await t.app.ctx.db.query<{ email: string }>('SELECT email FROM members WHERE workspace_id = $1', [w.workspaceId]);
  const login = await t.request('POST', '/api/auth/login', { body: { email, password: 'correct horse battery' } });
  assert.equal(login.status, 200, login.text);
  cookie = String(login.headers['set-cookie']).split(';')[0];
  channel = await addChannel(t, w, 'sandbox');
  const tag = await t.request('POST', `/api/bots/${w.botId}/tags`, { key: w.key, body: { name: 'vip' } });
  assert.equal(tag.status, 201, tag.text);
  const created = await t.request('POST', `/api/bots/${w.botId}/triggers`, {
    key: w.key,
    body: { name: 't', tag: 'vip', content: { type: 'text', text: 'x' }, delay: { amount: 1, unit: 'days' } },
  });
  assert.equal(created.status, 201, created.text);
  trigger = created.body.id;
  const ev = await t.request('POST', `/api/bots/${w.botId}/external-events`, {
    key: w.key,
    body: { name: 'e', content: { type: 'text', text: 'x' } },
  });
  assert.equal(ev.status, 201, ev.text);
  event = ev.body.id;
});
after(() => t.close());

/** Everything a forged write could change, as one comparable string. */
async function state() {
  const [row] = await t.app.ctx.db.query<{ s: string }>(
    `SELECT concat_ws(' ',
       (SELECT count(*) FROM bots), (SELECT string_agg(name, ',' ORDER BY id) FROM bots),
       (SELECT count(*) FROM channels), (SELECT count(*) FROM api_keys WHERE revoked_at IS NULL), (SELECT count(*) FROM members),
       (SELECT count(*) FROM selected_imports), (SELECT count(*) FROM sends), (SELECT count(*) FROM drafts), (SELECT count(*) FROM screens),
       (SELECT count(*) FROM tags), (SELECT string_agg(enabled::text, ',' ORDER BY id) FROM triggers),
       (SELECT string_agg(coalesce(secret_rotated_at::text, '-'), ',' ORDER BY id) FROM external_events)) AS s`,
  );
  return row.s;
}

const withCookie = (headers: Record<string, string>) => ({ headers: { cookie, ...headers } });

describe('a write authenticated by the session cookie', () => {
  for (const [what, headers] of [
    ['a foreign Origin', { origin: ATTACKER }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site', origin: ATTACKER }],
    ['Sec-Fetch-Site: same-site (a sibling subdomain), whatever the Origin says', { 'sec-fetch-site': 'same-site', origin: OWN_ORIGIN }],
    ['Origin: null (a sandboxed frame, a redirect)', { origin: 'null' }],
    ['a foreign Referer and no Origin', { referer: `${ATTACKER}/page` }],
    ['no Origin, Referer or Sec-Fetch-Site at all', {}],
  ] as const) {
    test(`is refused with 403 csrf from ${what}, before its body is read`, async () => {
      const before = await state();
      const forged = [
        // A form with enctype="text/plain" posting a CSV file, and two writes without a body.
        t.request('POST', `/api/channels/${channel}/selected-users/import`, {
          raw: 'id\nu1\n',
          headers: { cookie, ...headers, 'content-type': 'text/plain' },
        }),
        t.request('POST', `/api/triggers/${trigger}/disable`, withCookie(headers)),
        t.request('POST', `/api/external-events/${event}/rotate-secret`, withCookie(headers)),
        t.request('PATCH', `/api/bots/${w.botId}`, { body: { name: 'forged' }, ...withCookie(headers) }),
        t.request('POST', '/api/api-keys', { body: { name: 'forged' }, ...withCookie(headers) }),
      ];
      for (const r of await Promise.all(forged)) {
        assert.equal(r.status, 403, r.text);
        assert.equal(r.body.error.code, 'csrf');
        assert.match(r.body.error.message, /origin|site/i);
      }
      assert.equal(await state(), before);
    });
  }

  test('every write operation of the OpenAPI document refuses a forged request and changes nothing', async () => {
    const doc = (await t.request('GET', '/api/openapi.json')).body;
    const ids: Record<string, number> = { bots: w.botId, channels: channel, triggers: trigger, 'external-events': event };
    const before = await state();
    let probed = 0;
    for (const [template, item] of Object.entries<Record<string, { security?: unknown[] }>>(doc.paths)) {
      const resource = template.split('/')[2];
      const path = template
        .replace('{botId}', String(w.botId))
        .replace('{id}', String(ids[resource] ?? 1))
        .replace('{userId}', 'u1');
      for (const [method, op] of Object.entries(item)) {
        if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
        if (Array.isArray(op.security) && op.security.length === 0) continue; // needs no principal: sign-up, log-in, hooks
        for (const headers of [{ origin: ATTACKER }, { 'sec-fetch-site': 'cross-site' }, { referer: `${ATTACKER}/` }] as Record<
          string,
          string
        >[]) {
          const r = await t.request(method.toUpperCase(), path, {
            raw: '{}',
            headers: { cookie, ...headers, 'content-type': 'text/plain' },
          });
          assert.equal(
            r.status,
            403,
            `${method.toUpperCase()} ${template} ${JSON.stringify(headers)}: ${r.status} ${r.text.slice(0, 200)}`,
          );
          assert.equal(r.body.error.code, 'csrf');
          probed += 1;
        }
      }
    }
    assert.ok(probed > 100, `probed only ${probed} writes`);
    assert.equal(await state(), before);
  });

  for (const [what, headers] of [
    ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin', origin: OWN_ORIGIN }],
    ['the Origin of its own Host', { origin: OWN_ORIGIN }],
    ['the Origin of BOTCAST_PUBLIC_URL (behind a proxy that rewrites Host)', { origin: PUBLIC_URL }],
    ['a Referer on its own origin and no Origin', { referer: `${OWN_ORIGIN}/bots/1/settings` }],
  ] as const) {
    test(`works from ${what}`, async () => {
      const name = `renamed via ${what}`.slice(0, 100);
      const r = await t.request('PATCH', `/api/bots/${w.botId}`, { body: { name }, ...withCookie(headers) });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.name, name);
    });
  }

  test('the panel can import a CSV file, disable a trigger and rotate a secret from its own origin', async () => {
    const same = { 'sec-fetch-site': 'same-origin', origin: OWN_ORIGIN };
    const imported = await t.request('POST', `/api/channels/${channel}/selected-users/import`, {
      raw: 'id\nu1\n',
      headers: { cookie, ...same, 'content-type': 'text/csv' },
    });
    assert.equal(imported.status, 201, imported.text);
    const disabled = await t.request('POST', `/api/triggers/${trigger}/disable`, { body: {}, ...withCookie(same) });
    assert.equal(disabled.status, 200, disabled.text);
    assert.equal(disabled.body.enabled, false);
    const rotated = await t.request('POST', `/api/external-events/${event}/rotate-secret`, { body: {}, ...withCookie(same) });
    assert.equal(rotated.status, 200, rotated.text);
    await t.request('POST', `/api/triggers/${trigger}/enable`, { key: w.key });
  });
});

test('a read with the session cookie is not a forgery, whatever its Origin', async () => {
  const r = await t.request('GET', `/api/bots/${w.botId}`, withCookie({ origin: ATTACKER, 'sec-fetch-site': 'cross-site' }));
  assert.equal(r.status, 200, r.text);
});

test('an API key works from any Origin: API clients are not browsers, and a browser never sends the key on its own', async () => {
  const r = await t.request('POST', '/api/bots', { key: w.key, body: { name: 'from a script' }, headers: { origin: ATTACKER } });
  assert.equal(r.status, 201, r.text);
  const rotated = await t.request('POST', `/api/external-events/${event}/rotate-secret`, {
    key: w.key,
    headers: { origin: ATTACKER, 'sec-fetch-site': 'cross-site' },
  });
  assert.equal(rotated.status, 200, rotated.text);
});

describe('content types', () => {
  const count = async (table: string) => (await t.app.ctx.db.query<CountRow>(`SELECT count(*) AS n FROM ${table}`))[0].n;

  test('text/plain to a JSON route is a 415 and writes nothing, even when the text is JSON', async () => {
    const before = await state();
    const bots = await count('bots');
    for (const auth of [{ key: w.key }, withCookie({ 'sec-fetch-site': 'same-origin' })]) {
      const r = await t.request('POST', '/api/bots', {
        ...auth,
        raw: '{"name":"from a form"}',
        headers: { ...('headers' in auth ? auth.headers : {}), 'content-type': 'text/plain' },
      });
      assert.equal(r.status, 415, r.text);
      assert.equal(r.body.error.code, 'unsupported_media_type');
    }
    assert.equal(await count('bots'), bots);
    assert.equal(await state(), before);
  });

  test('text/plain to a route without a body is a 415 too, and the trigger stays enabled', async () => {
    for (const raw of ['', 'x']) {
      const r = await t.request('POST', `/api/triggers/${trigger}/disable`, { key: w.key, raw, headers: { 'content-type': 'text/plain' } });
      assert.equal(r.status, 415, r.text);
    }
    assert.equal((await t.request('GET', `/api/triggers/${trigger}`, { key: w.key })).body.enabled, true);
  });

  test('a cross-site form cannot log in: text/plain and form-encoded bodies are 415 on /api/auth/login', async () => {
    for (const [type, raw] of [
      ['text/plain', '{"email":"a@b.c","password":"correct horse battery"}'],
      ['application/x-www-form-urlencoded', 'email=a%40b.c&password=x'],
    ]) {
      const r = await t.request('POST', '/api/auth/login', { raw, headers: { 'content-type': type } });
      assert.equal(r.status, 415, r.text);
    }
  });

  test('the CSV import still takes the file as text/plain, the type browsers give a .csv on some systems', async () => {
    const r = await t.request('POST', `/api/channels/${channel}/selected-users/import`, {
      key: w.key,
      raw: 'id\nu1\n',
      headers: { 'content-type': 'text/plain' },
    });
    assert.equal(r.status, 201, r.text);
  });
});
