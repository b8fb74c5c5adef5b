// Selected users from a CSV file, through the API (SPEC section 3): every rule, and a file that
// breaks one imports nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addChannel, makeWorld, seedSubscribers, type World } from '../helpers/world.ts';
import type { CountRow } from '../../src/storage/db.ts';

let t: TestApp;
let w: World;
let tg: number;

before(async () => {
  t = await startTestApp({ config: { csvMaxBytes: 64 * 1024, csvMaxRows: 1000 } });
  w = await makeWorld(t);
  tg = await addChannel(t, w, 'tg', { credentials: { token: '1:x' } });
  await seedSubscribers(t.app.ctx.db, {
    workspaceId: w.workspaceId,
    botId: w.botId,
    channelId: tg,
    platform: 'tg',
    count: 20,
    startAt: 100,
  });
  await t.app.ctx.db.query(`UPDATE subscribers SET status = 'blocked' WHERE platform_user_id = '119'`);
});
after(() => t.close());

async function upload(body: string | Buffer, fileName = 'users.csv') {
  return t.request('POST', `/api/channels/${tg}/selected-users/import?fileName=${fileName}`, {
    key: w.key,
    raw: body,
    headers: { 'content-type': 'text/csv' },
  });
}

const importsCount = async () => (await t.app.ctx.db.query<CountRow>('SELECT count(*) AS n FROM selected_imports'))[0].n;

describe('selected users from CSV', () => {
  test('a title row of any kind, quoted and unquoted ids, CRLF, blank lines and spaces', async () => {
    const r = await upload('User ID\r\n"100"\r\n 101 \r\n\r\n"102"\r\n');
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.matched, 3);
    assert.equal(r.body.firstRow.treatedAs, 'title');
  });

  test('a BOM is accepted and ignored; ; and tab separators with one non-empty column', async () => {
    const r = await upload(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id;\n103;\n\t104\n')]));
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.matched, 2);
  });

  test('a first row that is a known subscriber id counts as data', async () => {
    const r = await upload('105\n106\n');
    assert.equal(r.body.matched, 2);
    assert.equal(r.body.firstRow.treatedAs, 'id');
  });

  test('unknown, blocked, malformed and duplicate ids are listed, and downloadable', async () => {
    const r = await upload('id\n100\n999\n119\nabc\n100\n');
    assert.equal(r.status, 201);
    assert.equal(r.body.matched, 1);
    assert.equal(r.body.unknown.count, 1);
    assert.equal(r.body.unknown.sample[0].value, '999');
    assert.equal(r.body.blocked.count, 1);
    assert.equal(r.body.malformed.count, 1);
    assert.equal(r.body.duplicates.count, 1);
    assert.equal(r.body.duplicates.sample[0].line, 6);
    const report = await t.request('GET', r.body.reportUrl, { key: w.key });
    assert.equal(report.status, 200);
    assert.ok(report.text.startsWith('\uFEFF'), 'UTF-8 with BOM');
    assert.match(report.text, /999,unknown,3/);
    const s = await t.request('POST', `/api/bots/${w.botId}/sends`, {
      key: w.key,
      body: {
        content: { type: 'text', text: 'x' },
        channelIds: [tg],
        audience: { type: 'selected', importId: r.body.importId },
        timing: { type: 'delayed', at: '2099-01-01T00:00' },
      },
    });
    assert.equal(s.status, 201, s.text);
    const recipients = await t.app.ctx.db.query<CountRow>('SELECT count(*) AS n FROM send_recipients WHERE send_id = $1', [s.body.id]);
    assert.equal(recipients[0].n, 1);
  });

  test('not UTF-8: rejected naming the problem and the line; nothing is imported', async () => {
    const before = await importsCount();
    const r = await upload(Buffer.concat([Buffer.from('id\n100\n101\n'), Buffer.from([0x31, 0xff, 0x0a])]));
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'csv_not_utf8');
    assert.match(r.body.error.message, /not UTF-8/);
    assert.match(r.body.error.message, /line 4/);
    assert.match(r.body.error.message, /nothing was imported/);
    assert.equal(await importsCount(), before);
  });

  test('more than one non-empty column is rejected', async () => {
    const r = await upload('id,name\n100,Ann\n');
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'csv_too_many_columns');
    assert.match(r.body.error.message, /line 2/);
  });

  test('size and row limits are stated in the error', async () => {
    const big = await upload('id\n' + ('100' + ' '.repeat(100) + '\n').repeat(700));
    assert.equal(big.status, 413);
    assert.match(big.body.error.message, /64 KB|65,536|65536/);
    const rows = await upload('id\n' + Array.from({ length: 1001 }, (_, i) => String(i + 1000)).join('\n'));
    assert.equal(rows.status, 400);
    assert.match(rows.body.error.message, /1,000|1000/);
  });

  test('a CSV for a channel of another workspace is a 404', async () => {
    const other = await t.workspace();
    const r = await t.request('POST', `/api/channels/${tg}/selected-users/import`, {
      key: other.key,
      raw: 'id\n100\n',
      headers: { 'content-type': 'text/csv' },
    });
    assert.equal(r.status, 404);
  });
});
