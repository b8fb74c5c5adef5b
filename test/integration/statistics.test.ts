// Planner statistics after bulk writes (issue 21 point 2): a subscriber import, a selected-users
// CSV and the materialisation of a run that write thousands of rows analyse the tables they wrote,
// so that no plan waits for autovacuum (turned off here for those tables, as it may be on a server
// and always is on PGlite). A small write leaves the statistics alone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addChannel, makeWorld, seedSubscribers, type World } from '../helpers/world.ts';
import { importSubscribers } from '../../src/services/subscriber-import.ts';
import { startDueSends } from '../../src/engine/scheduler.ts';
import { materialiseNextRun } from '../../src/engine/materialise.ts';
import { DEFAULT_ENGINE_SETTINGS } from '../../src/engine/types.ts';
import { ANALYZE_AFTER_ROWS } from '../../src/storage/queries/statistics.ts';
import type { CountRow } from '../../src/storage/db.ts';

const TABLES = ['subscribers', 'subscriber_tags', 'selected_import_problems', 'deliveries'];
const N = ANALYZE_AFTER_ROWS + 500;

let t: TestApp;
let w: World;
let tg: number;

before(async () => {
  t = await startTestApp({ config: { graceSeconds: 0 } });
  for (const table of TABLES) await t.app.ctx.db.exec(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
  w = await makeWorld(t);
  tg = await addChannel(t, w, 'tg', { credentials: { token: '1:AAstatistics' } });
});
after(() => t.close());

/** The planner's row count of a table: -1 (or 0) until it is analysed or vacuumed, then exact at this size. */
async function plannerRows(table: string): Promise<number> {
  const [row] = await t.app.ctx.db.query<{ n: number }>(`SELECT reltuples::bigint AS n FROM pg_class WHERE oid = $1::regclass`, [table]);
  return row.n;
}
const rows = async (table: string) => (await t.app.ctx.db.query<CountRow>(`SELECT count(*) AS n FROM ${table}`))[0].n;

const csv = (from: number, count: number, tags = '') =>
  Buffer.from(
    'platform_user_id,name,tags\n' + Array.from({ length: count }, (_, i) => `${from + i},User ${from + i},${tags}`).join('\n') + '\n',
  );

describe('planner statistics after bulk writes', () => {
  test('a small subscriber import leaves them alone', async () => {
    const before = await plannerRows('subscribers');
    const r = await importSubscribers(t.app.ctx, w.workspaceId, w.botId, 'tg', csv(1, 20, 'vip'), 'small.csv');
    assert.equal(r.created, 20);
    assert.equal(await plannerRows('subscribers'), before);
  });

  test('a subscriber import of thousands analyses subscribers and subscriber_tags', async () => {
    const r = await importSubscribers(t.app.ctx, w.workspaceId, w.botId, 'tg', csv(1000, N, 'vip|new'), 'people.csv');
    assert.equal(r.created, N);
    assert.equal(await plannerRows('subscribers'), await rows('subscribers'));
    assert.equal(await plannerRows('subscriber_tags'), await rows('subscriber_tags'));
  });

  test('a selected-users CSV with thousands of report rows analyses selected_import_problems', async () => {
    const ids = Array.from({ length: N }, (_, i) => String(900_000 + i)).join('\n');
    const r = await t.request('POST', `/api/channels/${tg}/selected-users/import?fileName=unknown.csv`, {
      key: w.key,
      raw: `id\n${ids}\n`,
      headers: { 'content-type': 'text/csv' },
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.unknown.count, N);
    assert.equal(await plannerRows('selected_import_problems'), await rows('selected_import_problems'));
  });

  test('materialising a run of thousands analyses deliveries', async () => {
    const v = await makeWorld(t);
    const channelId = await addChannel(t, v, 'tg', { credentials: { token: '1:AAstatistics2' } });
    await seedSubscribers(t.app.ctx.db, { workspaceId: v.workspaceId, botId: v.botId, channelId, platform: 'tg', count: N });
    const res = await t.request('POST', `/api/bots/${v.botId}/sends`, {
      key: v.key,
      body: { content: { type: 'text', text: 'Hi' }, channelIds: [channelId], audience: { type: 'all' } },
    });
    assert.equal(res.status, 201, res.text);
    const ctx = { ...t.app.ctx, logger: pino({ level: 'silent' }), settings: { ...DEFAULT_ENGINE_SETTINGS, materialiseChunk: 2_000 } };
    await startDueSends(ctx);
    while ((await materialiseNextRun(ctx)) !== null);
    assert.equal(await rows('deliveries'), N);
    assert.equal(await plannerRows('deliveries'), N);
  });
});
