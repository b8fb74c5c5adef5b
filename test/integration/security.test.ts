// Security: platform base URLs cannot point at this machine or link-local addresses (SSRF) unless
// allowed; property-based fuzzing of the CSV import endpoint — no input gives a 5xx or a partial write.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addChannel, makeWorld, seedSubscribers, type World } from '../helpers/world.ts';
import type { CountRow } from '../../src/storage/db.ts';

let t: TestApp;
let w: World;
let tg: number;

before(async () => {
  t = await startTestApp({ config: { allowPrivateBaseUrls: false, csvMaxBytes: 4096, csvMaxRows: 50 } });
  w = await makeWorld(t);
  tg = await addChannel(t, w, 'tg', { credentials: { token: '1:x' } });
  await seedSubscribers(t.app.ctx.db, { workspaceId: w.workspaceId, botId: w.botId, channelId: tg, platform: 'tg', count: 30, startAt: 1 });
});
after(() => t.close());

describe('SSRF', () => {
  for (const url of [
    'http://127.0.0.1:3000',
    'http://localhost:8080',
    'http://169.254.169.254/latest',
    'http://[::1]:80',
    'http://10.0.0.5',
    'http://192.168.1.1',
    'http://user:pw@example.com',
    'file:///etc/passwd',
    'http://[::ffff:127.0.0.1]',
  ]) {
    test(`a channel base URL ${url} is refused`, async () => {
      const r = await t.request('PATCH', `/api/channels/${tg}`, { key: w.key, body: { apiBaseUrl: url } });
      assert.equal(r.status, 400, r.text);
      assert.equal(r.body.error.code, 'invalid_base_url');
    });
  }

  test('a public base URL is accepted', async () => {
    const r = await t.request('PATCH', `/api/channels/${tg}`, {
      key: w.key,
      body: { apiBaseUrl: 'https://tg-proxy.example.com', credentials: { token: '1:x' } },
    });
    assert.equal(r.status, 200, r.text);
    await t.request('PATCH', `/api/channels/${tg}`, { key: w.key, body: { apiBaseUrl: null } });
  });
});

describe('fuzzing', () => {
  test('the external-event endpoint never answers 5xx, and a refused call writes nothing', async () => {
    const ev = await t.request('POST', `/api/bots/${w.botId}/external-events`, {
      key: w.key,
      body: { name: 'fuzz', content: { type: 'text', text: 'Order {{order.id}}' } },
    });
    assert.equal(ev.status, 201, ev.text);
    const path = new URL(ev.body.url).pathname;
    const count = async () =>
      (
        await t.app.ctx.db.query<CountRow>(
          'SELECT (SELECT count(*) FROM sends) + (SELECT count(*) FROM send_recipients) + (SELECT count(*) FROM external_event_calls) AS n',
        )
      )[0].n;
    const json = fc.jsonValue({ maxDepth: 3 });
    const shaped = fc
      .record(
        {
          platform: fc.oneof(fc.constantFrom('tg', 'any', 'sandbox', 'xx', ''), json),
          users: fc.oneof(
            fc.constant('everyone'),
            fc.array(fc.oneof(fc.constantFrom('1', '2', '99999', 'subscriber:1'), fc.string(), fc.integer(), json), { maxLength: 5 }),
            json,
          ),
          data: json,
        },
        { requiredKeys: [] },
      )
      .map((o) => JSON.stringify(o));
    const raw = fc.oneof(
      shaped,
      json.map((v) => JSON.stringify(v)),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(raw, async (body) => {
        const before = await count();
        const r = await t.request('POST', path, { raw: body, headers: { 'content-type': 'application/json' } });
        assert.ok(r.status < 500, `${r.status} for ${body}: ${r.text}`);
        if (r.status >= 400) assert.equal(await count(), before, `a refused call wrote something: ${body}`);
      }),
      { numRuns: 80 },
    );
  });

  test('the CSV import never answers 5xx, and a rejected file writes nothing', async () => {
    const count = async () =>
      (
        await t.app.ctx.db.query<CountRow>(
          'SELECT (SELECT count(*) FROM selected_imports) + (SELECT count(*) FROM selected_import_problems) AS n',
        )
      )[0].n;
    const text = fc
      .array(
        fc.oneof(fc.constantFrom('1', '2', '29', '"3"', ' 4 ', 'id', ',', ';', '\t', '\r\n', '\n', '"', '\uFEFF', 'é', 'x'), fc.string()),
        { maxLength: 60 },
      )
      .map((parts) => Buffer.from(parts.join('')));
    const bytes = fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a));
    await fc.assert(
      fc.asyncProperty(fc.oneof(text, bytes), async (body) => {
        const before = await count();
        const r = await t.request('POST', `/api/channels/${tg}/selected-users/import`, {
          key: w.key,
          raw: body,
          headers: { 'content-type': 'text/csv' },
        });
        assert.ok(r.status < 500, `${r.status} ${r.text}`);
        if (r.status >= 400) {
          assert.equal(await count(), before, 'a rejected file wrote something');
          assert.equal(typeof r.body.error.message, 'string');
        } else {
          assert.equal(r.status, 201);
        }
      }),
      { numRuns: 60 },
    );
  });
});
