// The command line: configuration errors name the variable (a bad secret key is refused, never
// replaced), a worker-only process names no port, migrate is idempotent, the migration
// import of subscribers reports bad rows as file:line and imports nothing from a broken file,
// backup and restore of the embedded database.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINE, createTestDatabase, type TestDatabase } from '../helpers/engine.ts';
import { runBotcast, startBotcast } from '../helpers/process.ts';
import { openStorage } from '../../src/storage/open.ts';
import { buildRegistry } from '../../src/platforms/registry.ts';
import { signup } from '../../src/services/workspaces.ts';
import { createBot } from '../../src/services/bots.ts';
import { createChannel } from '../../src/services/channels.ts';
import type { CountRow } from '../../src/storage/db.ts';

let db: TestDatabase;
let botId: number;
let apiKey: string;
const dir = mkdtempSync(join(tmpdir(), 'botcast-cli-'));

before(async () => {
  db = await createTestDatabase();
  const storage = await openStorage(db.config());
  const ctx = {
    db: storage.db,
    sealer: storage.sealer,
    clock: { now: () => new Date() },
    config: db.config(),
    platforms: buildRegistry(storage.db),
  };
  const account = await signup(ctx, { workspaceName: 'CLI', email: 'cli@example.com', password: 'correct horse battery' });
  apiKey = account.apiKey.key;
  botId = (await createBot(ctx, account.workspaceId, { name: 'b' })).id;
  await createChannel(ctx, account.workspaceId, botId, { platform: 'tg', verify: false, credentials: { token: '1:x' } });
  await storage.close();
});
after(async () => {
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

const count = async (sql: string) => {
  const storage = await openStorage(db.config());
  try {
    return (await storage.db.query<CountRow>(sql))[0].n;
  } finally {
    await storage.close();
  }
};

describe('command line', () => {
  test('a bad configuration names the variable and the problem', async () => {
    const r = await runBotcast(['migrate'], { ...db.env, PORT: 'eighty', BOTCAST_GRACE_SECONDS: '-5' });
    assert.equal(r.code, 1);
    assert.match(r.output, /PORT must be a whole number, got "eighty"/);
    assert.match(r.output, /BOTCAST_GRACE_SECONDS must be between 0 and 3600/);
  });

  test('an invalid BOTCAST_SECRET_KEY is refused, in embedded mode too, never replaced by a generated one', async () => {
    // One process (each start is slow on a busy machine); other bad values: test/unit/readme.test.ts.
    const fresh = join(dir, 'fresh-data');
    const bad = Buffer.alloc(16, 1).toString('base64');
    const r = await runBotcast(['migrate'], { ...db.env, BOTCAST_DATA_DIR: fresh, BOTCAST_SECRET_KEY: bad });
    assert.equal(r.code, 1, r.output);
    assert.match(r.output, /BOTCAST_SECRET_KEY must be 32 bytes written as base64 \(44 characters\) or hex \(64 characters\)/);
    assert.doesNotMatch(r.output, /is required/, 'one problem, said once');
    assert.ok(!r.output.includes(bad), 'the value is not echoed');
    assert.equal(existsSync(join(fresh, 'secret.key')), false, 'no key was generated');
  });

  test('a worker-only process names no port', async () => {
    const worker = await startBotcast(['worker'], { ...db.env, PORT: '3999' });
    try {
      assert.equal(worker.port, 0);
      assert.match(worker.output(), /\{"botcast":"ready","port":null\}/);
      assert.doesNotMatch(worker.output(), /3999|admin panel|API docs/);
      assert.match(worker.output(), /roles: worker\)/);
    } finally {
      assert.equal(await worker.kill(), 0);
    }
  });

  test('migrate applies nothing twice', async () => {
    const r = await runBotcast(['migrate'], db.env);
    assert.equal(r.code, 0, r.output);
    assert.match(r.output, /up to date/);
  });

  test('import-subscribers: good rows imported, bad rows reported as file:line', async () => {
    const file = join(dir, 'people.csv');
    writeFileSync(
      file,
      'platform_user_id,name,username,language,tags\n1001,Ann,ann,en,vip|customer\n1002,Bob,,de,\nnot-a-number,Eve,,,\n1003,"Cy, Jr",,,vip\n',
    );
    const r = await runBotcast(['import-subscribers', '--bot', String(botId), '--platform', 'tg', file], db.env);
    assert.equal(r.code, 0, r.output);
    assert.match(r.output, /3 subscribers imported/);
    assert.match(r.output, /1 rows skipped/);
    assert.match(r.output, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: `));
    assert.equal(await count(`SELECT count(*) AS n FROM subscribers WHERE platform = 'tg'`), 3);
    assert.equal(await count(`SELECT count(*) AS n FROM subscriber_tags st JOIN tags t ON t.id = st.tag_id WHERE t.name = 'vip'`), 2);
  });

  test('import-subscribers: a file that is not UTF-8 imports nothing and names the line', async () => {
    const file = join(dir, 'broken.csv');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('platform_user_id,name\n2001,Ann\n2002,'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]),
    );
    const r = await runBotcast(['import-subscribers', '--bot', String(botId), '--platform', 'tg', file], db.env);
    assert.equal(r.code, 1);
    assert.match(r.output, /broken\.csv:3: not UTF-8/);
    assert.match(r.output, /nothing was imported/);
    assert.equal(await count(`SELECT count(*) AS n FROM subscribers WHERE platform_user_id LIKE '200%'`), 0);
  });

  test(
    'import-subscribers while an embedded Botcast runs: told to use the panel, or sent to it with a key',
    {
      skip: ENGINE !== 'pglite' && 'embedded mode only',
    },
    async () => {
      const file = join(dir, 'running.csv');
      writeFileSync(file, 'platform_user_id,name,tags\n3001,Ann,vip\n3002,Bob,\n');
      const running = await startBotcast(['start'], db.env);
      try {
        const env = { ...db.env, PORT: String(running.port) };
        const told = await runBotcast(['import-subscribers', '--bot', String(botId), '--platform', 'tg', file], env);
        assert.equal(told.code, 1, told.output);
        assert.match(told.output, /in use by another Botcast process/);
        assert.match(told.output, /Subscribers → Import subscribers/);
        assert.match(told.output, /BOTCAST_API_KEY=/);
        const sent = await runBotcast(['import-subscribers', '--bot', String(botId), '--platform', 'tg', file], {
          ...env,
          BOTCAST_API_KEY: apiKey,
        });
        assert.equal(sent.code, 0, sent.output);
        assert.match(
          sent.output,
          /2 subscribers imported, 0 already known \(tags added\), 1 tags assigned, 2 rows read \(through the running Botcast/,
        );
        // Through the API a bad row refuses the file, naming its line.
        writeFileSync(file, 'platform_user_id\n3003\nnot-a-number\n');
        const bad = await runBotcast(['import-subscribers', '--bot', String(botId), '--platform', 'tg', file], {
          ...env,
          BOTCAST_API_KEY: apiKey,
        });
        assert.equal(bad.code, 1, bad.output);
        assert.match(bad.output, /running\.csv:3: .*nothing was imported/);
      } finally {
        assert.equal(await running.kill(), 0);
      }
      assert.equal(await count(`SELECT count(*) AS n FROM subscribers WHERE platform_user_id IN ('3001', '3002', '3003')`), 2);
    },
  );

  test('backup and restore of the embedded database', { skip: ENGINE !== 'pglite' && 'embedded mode only' }, async () => {
    const file = join(dir, 'backup.tar.gz');
    const b = await runBotcast(['backup', file], db.env);
    assert.equal(b.code, 0, b.output);
    const restored = join(dir, 'restored');
    const r = await runBotcast(['restore', file], { ...db.env, BOTCAST_DATA_DIR: restored });
    assert.equal(r.code, 0, r.output);
    const storage = await openStorage({ ...db.config(), dataDir: restored });
    try {
      assert.equal((await storage.db.query<CountRow>('SELECT count(*) AS n FROM bots'))[0].n, 1);
    } finally {
      await storage.close();
    }
  });
});
