// Audience preview and CSV import of selected users on 1M subscribers (issue 6), on PostgreSQL and
// PGlite. Each figure is printed with a baseline measured in the same run on the same data: a bare
// count of the channel's subscribers (preview), and parsing the file without the database (import).
//   node --import tsx bench/audience.ts [--size 1000000] [--engines postgres,pglite]
import { Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { createTestDatabase } from '../test/helpers/engine.ts';
import { openStorage } from '../src/storage/open.ts';
import { buildRegistry } from '../src/platforms/registry.ts';
import { signup } from '../src/services/workspaces.ts';
import { createBot } from '../src/services/bots.ts';
import { createChannel } from '../src/services/channels.ts';
import { previewAudience } from '../src/services/sends/preview.ts';
import { importSelectedUsers } from '../src/services/sends/selected-import.ts';
import { parseSelectedUsersCsv } from '../src/imports/selected-users-csv.ts';
import type { CountRow } from '../src/storage/db.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const size = Number(arg('size', '1000000'));
const engines = arg('engines', 'postgres,pglite').split(',') as Array<'postgres' | 'pglite'>;

async function time<T>(fn: () => Promise<T>, reps = 3): Promise<{ median: number; min: number; max: number; value: T }> {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    value = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1], value };
}

function csvOf(n: number): Buffer {
  const lines = ['user_id'];
  for (let i = 1; i <= n; i++) lines.push(String(1_000_000_000 + i));
  return Buffer.from(lines.join('\r\n') + '\r\n');
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

for (const engine of engines) {
  const db = await createTestDatabase(engine);
  const storage = await openStorage(db.config({ csvMaxRows: size + 10, csvMaxBytes: 200 * 1024 * 1024 }));
  const config = db.config({ csvMaxRows: size + 10, csvMaxBytes: 200 * 1024 * 1024 });
  const ctx = { db: storage.db, sealer: storage.sealer, clock: { now: () => new Date() }, config, platforms: buildRegistry(storage.db) };
  try {
    const account = await signup(ctx, { workspaceName: 'bench', email: `bench-${engine}@example.com`, password: 'correct horse battery' });
    const bot = await createBot(ctx, account.workspaceId, { name: 'bench' });
    const channel = await createChannel(ctx, account.workspaceId, bot.id, { platform: 'tg', verify: false, credentials: { token: '1:x' } });
    const seed = performance.now();
    await storage.db.query(
      `INSERT INTO subscribers (workspace_id, bot_id, channel_id, platform, platform_user_id, name, status)
       SELECT $1, $2, $3, 'tg', (1000000000 + g)::text, 'U' || g, CASE WHEN g % 50 = 0 THEN 'blocked' ELSE 'active' END FROM generate_series(1, $4) g`,
      [account.workspaceId, bot.id, channel.id, size],
    );
    await storage.db.query(`INSERT INTO tags (workspace_id, bot_id, name) VALUES ($1, $2, 'vip'), ($1, $2, 'churned')`, [
      account.workspaceId,
      bot.id,
    ]);
    await storage.db.query(
      `INSERT INTO subscriber_tags (subscriber_id, tag_id)
       SELECT s.id, t.id FROM subscribers s JOIN tags t ON t.bot_id = s.bot_id
       WHERE s.bot_id = $1 AND ((t.name = 'vip' AND s.id % 3 = 0) OR (t.name = 'churned' AND s.id % 10 = 0))`,
      [bot.id],
    );
    await storage.db.query(
      `INSERT INTO operator_chats (workspace_id, bot_id, subscriber_id, opened_by) SELECT $1, $2, id, 'bench' FROM subscribers WHERE bot_id = $2 ORDER BY id LIMIT 100`,
      [account.workspaceId, bot.id],
    );
    await storage.db.exec('ANALYZE');
    console.log(`\n== ${engine}: ${size.toLocaleString()} subscribers seeded in ${fmt(performance.now() - seed)}`);

    const baseline = await time(() =>
      storage.db.query<CountRow>('SELECT count(*) AS n FROM subscribers WHERE channel_id = $1', [channel.id]),
    );
    const all = await time(() =>
      previewAudience(ctx, account.workspaceId, bot.id, { channelIds: [channel.id], audience: { type: 'all', exclude: ['churned'] } }),
    );
    const tags = await time(() =>
      previewAudience(ctx, account.workspaceId, bot.id, {
        channelIds: [channel.id],
        audience: { type: 'tags', include: ['vip'], exclude: ['churned'] },
      }),
    );
    console.log(`baseline count(*) of the channel      ${fmt(baseline.median)} (range ${fmt(baseline.min)}–${fmt(baseline.max)})`);
    console.log(
      `preview all minus exclusion tag       ${fmt(all.median)} (range ${fmt(all.min)}–${fmt(all.max)}) = ${(all.median / baseline.median).toFixed(1)}× baseline; recipients ${all.value.recipients}`,
    );
    console.log(
      `preview tags minus exclusion tag      ${fmt(tags.median)} (range ${fmt(tags.min)}–${fmt(tags.max)}) = ${(tags.median / baseline.median).toFixed(1)}× baseline; recipients ${tags.value.recipients}`,
    );

    const file = csvOf(size);
    const chunks = (b: Buffer) =>
      Readable.from(
        (function* () {
          for (let i = 0; i < b.length; i += 65536) yield b.subarray(i, i + 65536);
        })(),
      );
    const parse = await time(async () => {
      let n = 0;
      for await (const batch of parseSelectedUsersCsv(chunks(file), { maxRows: size + 10, maxBytes: 200 * 1024 * 1024 }))
        n += batch.ids.length;
      return n;
    }, 1);
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const imported = await time(() => importSelectedUsers(ctx, account.workspaceId, channel.id, chunks(file), 'bench.csv'), 1);
    clearInterval(sampler);
    console.log(`baseline: parse ${size.toLocaleString()} ids, no database  ${fmt(parse.median)}`);
    console.log(
      `CSV import of ${size.toLocaleString()} ids              ${fmt(imported.median)} = ${(imported.median / parse.median).toFixed(1)}× baseline; matched ${imported.value.matched}, blocked ${imported.value.blocked.count}; RSS +${Math.round((peak - rssBefore) / 1e6)} MB`,
    );
  } finally {
    await storage.close();
    await db.drop();
  }
}
