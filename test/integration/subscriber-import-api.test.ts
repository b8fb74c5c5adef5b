// The subscriber import through the API (issue 21 point 2): a streamed CSV body, a report of what
// was written, all or nothing (a bad row → 400 naming its line, nothing imported), editor and up,
// and another workspace's bot answers 404.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addChannel, makeWorld, seedSubscribers, type World } from '../helpers/world.ts';
import { keyWithRole } from '../helpers/accounts.ts';
import type { CountRow } from '../../src/storage/db.ts';
import { ANALYZE_AFTER_ROWS } from '../../src/storage/queries/statistics.ts';

// Limits small enough to test, large enough for a bulk import that refreshes the statistics.
const MAX_ROWS = ANALYZE_AFTER_ROWS + 1000;
const MAX_BYTES = 128 * 1024;

let t: TestApp;
let w: World;
let other: World;

before(async () => {
  t = await startTestApp({ config: { csvMaxBytes: MAX_BYTES, csvMaxRows: MAX_ROWS } });
  w = await makeWorld(t);
  other = await makeWorld(t);
  const tg = await addChannel(t, w, 'tg', { credentials: { token: '1:x' } });
  await seedSubscribers(t.app.ctx.db, {
    workspaceId: w.workspaceId,
    botId: w.botId,
    channelId: tg,
    platform: 'tg',
    count: 2,
    startAt: 100,
  });
});
after(() => t.close());

function upload(body: string | Buffer, opts: { key?: string; botId?: number; platform?: string; type?: string } = {}) {
  return t.request('POST', `/api/bots/${opts.botId ?? w.botId}/subscribers/import?platform=${opts.platform ?? 'tg'}&fileName=people.csv`, {
    key: opts.key ?? w.key,
    raw: body,
    headers: { 'content-type': opts.type ?? 'text/csv' },
  });
}

const count = async (sql: string, params: unknown[] = []) => (await t.app.ctx.db.query<CountRow>(sql, params))[0].n;
const subscribers = () => count('SELECT count(*)::int AS n FROM subscribers WHERE bot_id = $1', [w.botId]);

describe('subscriber import through the API', () => {
  test('creates new people, keeps known ones and tags both; the report counts each', async () => {
    const before = await subscribers();
    const r = await upload('platform_user_id;name;username;language;tags\n100;Known;;;vip\n500;Ann;@ann;pt_BR;vip|new\n\n501;Bo;;;\n');
    assert.equal(r.status, 201, r.text);
    assert.deepEqual(r.body, {
      botId: w.botId,
      platform: 'tg',
      fileName: 'people.csv',
      format: 'csv',
      rows: 3,
      created: 2,
      updated: 1,
      tagged: 3,
      errors: [],
    });
    assert.equal(await subscribers(), before + 2);
    const [ann] = await t.app.ctx.db.query<{ name: string; username: string; language: string }>(
      "SELECT name, username, language FROM subscribers WHERE bot_id = $1 AND platform_user_id = '500'",
      [w.botId],
    );
    assert.deepEqual(ann, { name: 'Ann', username: 'ann', language: 'pt-BR' });
    // Again: nobody new, no tag added twice.
    const again = await upload('platform_user_id,tags\n500,vip\n');
    assert.equal(again.status, 201, again.text);
    assert.equal(again.body.created, 0);
    assert.equal(again.body.updated, 1);
    assert.equal(again.body.tagged, 0);
  });

  test('a bad line answers 400 naming file:line, lists every bad line, and imports nothing', async () => {
    const before = await subscribers();
    const tags = await count('SELECT count(*)::int AS n FROM tags WHERE bot_id = $1', [w.botId]);
    const r = await upload('platform_user_id,name,language,tags\n600,Cy,,brand-new\n601,Di,not a language,\n602,Ed,,\n602,Ed,,\n');
    assert.equal(r.status, 400, r.text);
    assert.equal(r.body.error.code, 'import_bad_rows');
    assert.match(r.body.error.message, /^people\.csv:3: language .* \(and 1 more bad rows\); nothing was imported$/);
    assert.equal(r.body.error.details.line, 3);
    assert.deepEqual(
      r.body.error.details.errors.map((e: { line: number }) => e.line),
      [3, 5],
    );
    assert.equal(await subscribers(), before);
    assert.equal(await count('SELECT count(*)::int AS n FROM tags WHERE bot_id = $1', [w.botId]), tags, 'no tag was created');
  });

  test('a fatal file error names its line too: a missing id column, bytes that are not UTF-8', async () => {
    const header = await upload('name,tags\nAnn,vip\n');
    assert.equal(header.status, 400);
    assert.equal(header.body.error.code, 'import_bad_header');
    assert.match(header.body.error.message, /^people\.csv:1: missing platform_user_id column/);
    const latin1 = await upload(
      Buffer.concat([Buffer.from('platform_user_id,name\n700,Ann\n701,'), Buffer.from([0xe9]), Buffer.from('\n')]),
    );
    assert.equal(latin1.status, 400);
    assert.match(latin1.body.error.message, /^people\.csv:3: /);
    assert.equal(await count("SELECT count(*)::int AS n FROM subscribers WHERE platform_user_id = '700'"), 0);
  });

  test('the size and row limits of the CSV uploads apply', async () => {
    const rows = Array.from({ length: MAX_ROWS + 500 }, (_, i) => String(10_000 + i));
    const many = await upload('platform_user_id\n' + rows.join('\n'));
    assert.equal(many.status, 400, many.text);
    assert.equal(many.body.error.code, 'import_too_many_rows');
    assert.match(many.body.error.message, new RegExp(`^people\\.csv:${MAX_ROWS + 2}: `));
    const big = await upload(
      'platform_user_id,name\n' +
        rows
          .slice(0, 1300)
          .map((id) => `${id},${'n'.repeat(100)}`)
          .join('\n'),
    );
    assert.equal(big.status, 413, big.text);
    assert.equal(await count("SELECT count(*)::int AS n FROM subscribers WHERE platform_user_id = '10000'"), 0);
  });

  test('a channel the bot lacks, and a JSON content type, are refused naming the field', async () => {
    const vk = await upload('platform_user_id\n1\n', { platform: 'vk' });
    assert.equal(vk.status, 400);
    assert.equal(vk.body.error.code, 'unknown_channel');
    const json = await upload('{"platform_user_id":"1"}', { type: 'application/json' });
    assert.equal(json.status, 400);
  });

  test('a bulk import refreshes the planner’s statistics itself (no wait for autovacuum, which PGlite lacks)', async () => {
    const file = 'platform_user_id,tags\n' + Array.from({ length: ANALYZE_AFTER_ROWS }, (_, i) => `${20_000 + i},bulk`).join('\n');
    const r = await upload(file);
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.created, ANALYZE_AFTER_ROWS);
    const [stats] = await t.app.ctx.db.query<{ subscribers: number; tags: number }>(
      `SELECT (SELECT reltuples FROM pg_class WHERE oid = 'subscribers'::regclass)::int AS subscribers,
              (SELECT reltuples FROM pg_class WHERE oid = 'subscriber_tags'::regclass)::int AS tags`,
    );
    assert.equal(stats.subscribers, await count('SELECT count(*)::int AS n FROM subscribers'));
    assert.equal(stats.tags, await count('SELECT count(*)::int AS n FROM subscriber_tags'));
  });

  test('another workspace’s bot answers 404 and nothing is imported', async () => {
    const r = await upload('platform_user_id\n800\n', { key: other.key });
    assert.equal(r.status, 404, r.text);
    assert.equal(await count("SELECT count(*)::int AS n FROM subscribers WHERE platform_user_id = '800'"), 0);
  });

  test('a viewer may not import; an editor may', async () => {
    const viewer = await keyWithRole(t, w.key, 'viewer');
    assert.equal((await upload('platform_user_id\n801\n', { key: viewer })).status, 403);
    const editor = await keyWithRole(t, w.key, 'editor');
    const r = await upload('platform_user_id\n801\n', { key: editor });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.created, 1);
  });
});
