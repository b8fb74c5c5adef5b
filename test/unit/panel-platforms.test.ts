// One list of platforms: the registry (src/platforms/registry.ts). GET /api/platforms answers its
// descriptors, the panel (web/app/platforms.js) reads them from there, the fake platform server
// finds a fake for each, and no other list of platform codes is written down anywhere.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLATFORM_CODES, PLATFORM_DESCRIPTORS, buildRegistry } from '../../src/platforms/registry.ts';
import { FAKE_PLATFORMS } from '../fakes/platforms/index.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import type { Queryable } from '../../src/storage/db.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
let t: TestApp;
let key: string;

before(async () => {
  t = await startTestApp();
  key = (await t.workspace()).key;
});
after(() => t.close());

test('the registry: one descriptor and one client per platform, and they agree', () => {
  const registry = buildRegistry({} as Queryable);
  assert.deepEqual([...registry.keys()], [...PLATFORM_CODES]);
  assert.equal(new Set(PLATFORM_CODES).size, PLATFORM_CODES.length);
  for (const d of PLATFORM_DESCRIPTORS) {
    const client = registry.get(d.code)!;
    assert.equal(client.code, d.code);
    assert.equal(client.displayName, d.displayName, `${d.code} name`);
    assert.equal(client.defaultRatePerSecond, d.defaultRatePerSecond, `${d.code} default rate`);
    assert.deepEqual(
      [...client.credentialFields],
      d.credentials.filter((c) => !c.optional).map((c) => c.key),
      `${d.code} credential fields`,
    );
    for (const c of d.credentials) assert.ok(c.label, `${d.code}.${c.key} has a label`);
    assert.match(d.color, /^#[0-9a-f]{6}$/, `${d.code} colour`);
    assert.ok(d.webhookHint, `${d.code} webhook hint`);
    // The folder is named by the code (src/platforms/<code>/index.ts).
    assert.ok(existsSync(join(root, 'src/platforms', d.code, 'index.ts')), `src/platforms/${d.code}/index.ts`);
  }
});

test('GET /api/platforms answers the registry’s descriptors, to signed-in callers only', async () => {
  assert.equal((await t.request('GET', '/api/platforms')).status, 401);
  const res = await t.request('GET', '/api/platforms', { key });
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, JSON.parse(JSON.stringify(PLATFORM_DESCRIPTORS)));
  // The OpenAPI document's platform enum is the same list.
  const doc = (await t.request('GET', '/api/openapi.json')).body;
  const item = doc.paths['/api/platforms'].get.responses['200'].content['application/json'].schema.items;
  assert.deepEqual(
    item.properties.code.anyOf.map((s: { const?: string; enum?: string[] }) => s.const ?? s.enum?.[0]),
    [...PLATFORM_CODES],
  );
});

test('the panel reads its platforms from the API: same codes, names, rates and credential fields', async () => {
  const realFetch = globalThis.fetch;
  // The panel's fetch('/api/platforms'), answered by the app (in the browser: same origin, session cookie).
  globalThis.fetch = (async (path: string) => {
    const res = await t.request('GET', path, { key });
    return new Response(res.text, { status: res.status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  try {
    const panel = await import(new URL('../../web/app/platforms.js', import.meta.url).href);
    assert.equal(panel.PLATFORMS.length, 0, 'nothing before the load');
    await panel.loadPlatforms();
    const list: Array<{ code: string; name: string; color: string; defaultRate: number; credentials: Array<{ key: string }> }> =
      panel.PLATFORMS;
    assert.deepEqual(list.map((p) => p.code).sort(), [...PLATFORM_CODES].sort());
    assert.equal(list[0].code, 'sandbox', 'platforms without an account first');
    for (const p of list) {
      const d = PLATFORM_DESCRIPTORS.find((x) => x.code === p.code)!;
      assert.equal(p.name, d.displayName);
      assert.equal(p.color, d.color);
      assert.equal(p.defaultRate, d.defaultRatePerSecond);
      assert.deepEqual(p.credentials, JSON.parse(JSON.stringify(d.credentials)));
      assert.equal(panel.platformName(p.code), d.displayName);
    }
  } finally {
    globalThis.fetch = realFetch;
  }
});

test('the fake platform server has a fake for every platform but the sandbox, named by its code', () => {
  const fakes = FAKE_PLATFORMS.map((make) => make().code);
  assert.deepEqual(
    fakes,
    PLATFORM_CODES.filter((c) => c !== 'sandbox'),
  );
  const files = readdirSync(join(root, 'test/fakes/platforms'))
    .filter((f) => f !== 'index.ts')
    .map((f) => f.replace(/\.ts$/, ''));
  assert.deepEqual(files.sort(), [...fakes].sort());
});

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(join(root, dir))) {
    const rel = join(dir, entry);
    if (statSync(join(root, rel)).isDirectory()) yield* files(rel);
    else yield rel;
  }
}

test('no list of platform codes outside the registry', () => {
  // A list: three or more codes quoted on one line ('tg', 'wa', …) or written one after another
  // ("tg, wa, viber" / "vk or ok"). Migrations before 0013 are history, never edited; 0013 dropped
  // the CHECK of 0001.
  const quoted = (code: string) => new RegExp(`['"\`]${code}['"\`]`);
  const listed = (code: string) => new RegExp(`(^|[\\s,|(])${code}(?=,\\s|\\s+or\\s|\\|)`);
  const found: string[] = [];
  for (const dir of ['src', 'web', 'test/fakes', 'db', 'bin', 'bench']) {
    for (const file of files(dir)) {
      if (file === join('src/platforms/registry.ts')) continue;
      // Generated from openapi.json, itself generated from the registry (npm run snapshots; CI checks drift).
      if (file === join('src/client/schema.d.ts') || file === join('db/schema.sql')) continue;
      const migration = /^db\/migrations\/(\d+)_/.exec(file);
      if (migration && Number(migration[1]) < 13) continue;
      if (!/\.(ts|js|mjs|sql|css|html|json)$/.test(file)) continue;
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const codes = PLATFORM_CODES.filter((c) => quoted(c).test(line) || listed(c).test(line));
          if (codes.length >= 3) found.push(`${relative(root, join(root, file))}:${i + 1}: ${codes.join(', ')}`);
        });
    }
  }
  assert.deepEqual(found, []);
});
