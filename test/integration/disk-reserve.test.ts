// Embedded mode on a nearly full disk (issue 20, point 5): below the reserve, writes are refused
// with 507 insufficient_storage naming the folder and the space left, /readyz is not ready, the
// scheduler and the workers start nothing new, a migration import is rolled back with a clear
// error, and all of it resumes once space is back. The free space is simulated through the
// storage's statfs port (test/integration/disk-full.test.ts uses a real small tmpfs).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINE, createTestDatabase } from '../helpers/engine.ts';
import { FAST_ENGINE, aSchedulerPass, addChannel, makeWorld, waitFor, waitForSend, type World } from '../helpers/world.ts';
import { AppError } from '../../src/domain/errors.ts';
import { DEFAULT_ENGINE_SETTINGS } from '../../src/engine/types.ts';
import { startDueSends } from '../../src/engine/scheduler.ts';
import { materialiseNextRun } from '../../src/engine/materialise.ts';
import { openStorage } from '../../src/storage/open.ts';
import { importSubscribers } from '../../src/services/subscriber-import.ts';
import type { CountRow } from '../../src/storage/db.ts';
import type { DiskSpace } from '../../src/storage/disk-reserve.ts';

const MB = 1024 * 1024;
const skip = ENGINE !== 'pglite' ? 'embedded mode only (PGlite): with DATABASE_URL there is no data folder to watch' : false;

/** A disk of 10 GB whose free space the test sets; the default reserve on it is 256 MB. */
function simulatedDisk(freeMb: number) {
  const space: DiskSpace = { freeBytes: freeMb * MB, totalBytes: 10_000 * MB };
  return {
    read: async () => ({ ...space }),
    set(mb: number) {
      space.freeBytes = mb * MB;
    },
  };
}

describe('disk reserve (embedded mode)', { skip }, () => {
  const disk = simulatedDisk(5_000);
  let t: TestApp;
  let w: World;
  let sandbox: number;

  const low = async () => {
    disk.set(100);
    assert.equal((await t.app.storage.disk!.check()).ok, false);
  };
  const back = async () => {
    disk.set(5_000);
    assert.equal((await t.app.storage.disk!.check()).ok, true);
  };
  const send = (body: Record<string, unknown> = {}) =>
    t.request('POST', `/api/bots/${w.botId}/sends`, {
      key: w.key,
      body: { content: { type: 'text', text: 'Hello' }, channelIds: [sandbox], audience: { type: 'all' }, ...body },
    });

  before(async () => {
    t = await startTestApp({ worker: true, config: { graceSeconds: 0 }, engine: FAST_ENGINE, readDiskSpace: disk.read });
    w = await makeWorld(t);
    sandbox = await addChannel(t, w, 'sandbox');
    for (const userId of ['ann', 'bob', 'cid']) {
      const r = await t.request('POST', `/api/channels/${sandbox}/sandbox/messages`, {
        key: w.key,
        body: { userId, name: userId, text: 'hi' },
      });
      assert.equal(r.status, 201, r.text);
    }
  });
  after(async () => {
    await t?.close();
  });

  test('below the reserve: writes answer 507 naming the folder and the space left, reads work, /readyz is not ready', async () => {
    assert.equal((await t.request('GET', '/readyz')).status, 200);
    await low();
    try {
      const refused = await send();
      assert.equal(refused.status, 507, refused.text);
      assert.equal(refused.body.error.code, 'insufficient_storage');
      assert.ok(refused.body.error.message.includes(t.app.ctx.config.dataDir), refused.body.error.message);
      assert.match(refused.body.error.message, /100 MB left/);
      assert.match(refused.body.error.message, /keeps 256 MB free/);
      assert.equal(refused.body.error.details.freeBytes, 100 * MB);
      for (const [method, url] of [
        ['POST', `/api/bots/${w.botId}/tags`],
        ['PATCH', `/api/bots/${w.botId}`],
        ['DELETE', `/api/bots/${w.botId}`],
      ]) {
        const r = await t.request(method, url, { key: w.key, body: { name: 'x' } });
        assert.equal(r.status, 507, `${method} ${url}: ${r.text}`);
      }
      assert.equal((await t.request('GET', `/api/bots/${w.botId}`, { key: w.key })).status, 200);
      // No key: 401 as ever, before the disk is mentioned.
      assert.equal((await t.request('POST', `/api/bots/${w.botId}/tags`, { body: { name: 'x' } })).status, 401);
      // A public write (a webhook) is refused too, without the server's paths.
      const hook = await t.request('POST', `/hooks/sandbox/${sandbox}`, { body: {} });
      assert.equal(hook.status, 507, hook.text);
      assert.ok(!hook.text.includes(t.app.ctx.config.dataDir));
      const ready = await t.request('GET', '/readyz');
      assert.equal(ready.status, 503);
      assert.equal(ready.body.reason, 'insufficient_storage');
      assert.equal((await t.request('GET', '/healthz')).status, 200);
      assert.equal((await t.request('GET', `/api/bots/${w.botId}/tags`, { key: w.key })).status, 200);
    } finally {
      await back();
    }
    assert.equal((await t.request('GET', '/readyz')).status, 200);
    const accepted = await t.request('POST', `/api/bots/${w.botId}/tags`, { key: w.key, body: { name: 'after' } });
    assert.equal(accepted.status, 201, accepted.text);
  });

  test('below the reserve nothing new is started or claimed; once space is back the send goes out', async () => {
    // Planned for later while space is plenty, then made due while the disk is low.
    const planned = await send({ timing: { type: 'delayed', at: '2099-07-01T10:00' } });
    assert.equal(planned.status, 201, planned.text);
    const sendId = planned.body.id as number;
    const runs = async () => (await t.app.ctx.db.query<CountRow>('SELECT count(*) AS n FROM runs WHERE send_id = $1', [sendId]))[0].n;
    const deliveries = async (state: string) =>
      (
        await t.app.ctx.db.query<CountRow>(
          'SELECT count(*) AS n FROM deliveries d JOIN runs r ON r.id = d.run_id WHERE r.send_id = $1 AND d.state = $2',
          [sendId, state],
        )
      )[0].n;
    await low();
    try {
      await t.app.ctx.db.query('UPDATE sends SET next_run_at = now() WHERE id = $1', [sendId]);
      await aSchedulerPass(t);
      await aSchedulerPass(t);
      assert.equal(await runs(), 0, 'the scheduler started a run while the disk was below its reserve');
      // Deliveries queued anyway (as by another process before the disk filled): no worker claims them.
      const engineCtx = {
        db: t.app.ctx.db,
        platforms: t.app.ctx.platforms,
        logger: pino({ level: 'silent' }),
        settings: DEFAULT_ENGINE_SETTINGS,
      };
      assert.equal(await startDueSends(engineCtx), 1);
      while ((await materialiseNextRun(engineCtx)) !== null);
      assert.equal(await deliveries('queued'), 3);
      await aSchedulerPass(t);
      await aSchedulerPass(t);
      assert.equal(await deliveries('queued'), 3, 'a worker claimed deliveries while the disk was below its reserve');
      assert.equal(t.app.engine!.worker.stats.sent, 0);
    } finally {
      await back();
    }
    const done = await waitForSend(t, w, sendId);
    assert.equal(done.status, 'completed');
    assert.equal(await deliveries('sent'), 3);
  });

  test('a migration import that reaches the reserve is rolled back whole, with a clear error', async () => {
    const before = (await t.app.ctx.db.query<CountRow>('SELECT count(*) AS n FROM subscribers'))[0].n;
    const rows = ['platform_user_id', ...Array.from({ length: 12_000 }, (_, i) => `imp${i}`)].join('\n') + '\n';
    // Plenty at the first batch, gone at the second (the file itself filling the disk).
    let reads = 0;
    const guard = {
      state: t.app.storage.disk!.state,
      check: async () => t.app.storage.disk!.state,
      assertWritable() {},
      async checkWritable() {
        reads += 1;
        if (reads > 1) throw new AppError('insufficient_storage', 'insufficient_storage', 'not enough free disk space');
      },
    };
    await assert.rejects(
      importSubscribers({ ...t.app.ctx, disk: guard }, w.workspaceId, w.botId, 'sandbox', Buffer.from(rows), 'people.csv'),
      (e: unknown) => e instanceof AppError && e.kind === 'insufficient_storage',
    );
    assert.equal(reads, 2);
    assert.equal((await t.app.ctx.db.query<CountRow>('SELECT count(*) AS n FROM subscribers'))[0].n, before);
  });
});

describe('disk reserve between materialisation chunks (embedded mode)', { skip }, () => {
  test('a run being materialised stops at the chunk that brought the disk below the reserve, and resumes', async () => {
    // The disk "fills" as soon as a delivery row exists; read only when the scheduler asks (no timer: 60 s).
    let fill = false;
    let t: TestApp | null = null;
    const read = async (): Promise<DiskSpace> => {
      const rows = fill && t ? (await t.app.ctx.db.query<CountRow>('SELECT count(*) AS n FROM deliveries'))[0].n : 0;
      return { freeBytes: (rows > 0 ? 100 : 5_000) * MB, totalBytes: 10_000 * MB };
    };
    t = await startTestApp({
      worker: true,
      config: { graceSeconds: 0, diskCheckMs: 60_000 },
      engine: { ...FAST_ENGINE, materialiseChunk: 1 },
      readDiskSpace: read,
    });
    try {
      const w = await makeWorld(t);
      const sandbox = await addChannel(t, w, 'sandbox');
      for (const userId of ['ann', 'bob', 'cid']) {
        const r = await t.request('POST', `/api/channels/${sandbox}/sandbox/messages`, { key: w.key, body: { userId, text: 'hi' } });
        assert.equal(r.status, 201, r.text);
      }
      const planned = await t.request('POST', `/api/bots/${w.botId}/sends`, {
        key: w.key,
        body: {
          content: { type: 'text', text: 'Hello' },
          channelIds: [sandbox],
          audience: { type: 'all' },
          timing: { type: 'delayed', at: '2099-07-01T10:00' },
        },
      });
      assert.equal(planned.status, 201, planned.text);
      fill = true;
      await t.app.ctx.db.query('UPDATE sends SET next_run_at = now() WHERE id = $1', [planned.body.id]);
      await waitFor('the disk to fall below the reserve', async () => !t!.app.storage.disk!.state.ok);
      await aSchedulerPass(t);
      const count = (await t.app.ctx.db.query<CountRow>('SELECT count(*) AS n FROM deliveries'))[0].n;
      assert.equal(count, 1, 'materialisation went on after the chunk that filled the disk');
      fill = false;
      await t.app.storage.disk!.check();
      assert.equal((await waitForSend(t, w, planned.body.id)).counts.sent, 3);
    } finally {
      await t.close();
    }
  });
});

describe('disk reserve at start (embedded mode)', { skip }, () => {
  test('a data folder below the reserve is refused before the database opens, naming the folder and the space left', async () => {
    const db = await createTestDatabase('pglite');
    try {
      const disk = simulatedDisk(30);
      await assert.rejects(openStorage(db.config(), { readDiskSpace: disk.read }), (e: unknown) => {
        assert.ok(e instanceof AppError && e.kind === 'insufficient_storage');
        assert.ok(e.message.includes(db.config().dataDir), e.message);
        assert.match(e.message, /30 MB left, Botcast keeps 256 MB free \(BOTCAST_DISK_RESERVE_MB/);
        return true;
      });
      // The refusal released the data-folder lock: with space, it opens.
      disk.set(5_000);
      const storage = await openStorage(db.config(), { readDiskSpace: disk.read });
      assert.equal(storage.disk?.state.ok, true);
      await storage.close();
      // BOTCAST_DISK_RESERVE_MB=0 turns the check off.
      disk.set(1);
      const unchecked = await openStorage(db.config({ diskReserveMb: 0 }), { readDiskSpace: disk.read });
      await unchecked.close();
    } finally {
      await db.drop();
    }
  });
});

describe('disk reserve with DATABASE_URL', { skip: ENGINE !== 'postgres' ? 'PostgreSQL only' : false }, () => {
  test('no local data folder: nothing is watched, writes go to the server', async () => {
    const t = await startTestApp({ readDiskSpace: async () => ({ freeBytes: 0, totalBytes: 10_000 * MB }) });
    try {
      assert.equal(t.app.storage.disk, null);
      const w = await makeWorld(t);
      const r = await t.request('POST', `/api/bots/${w.botId}/tags`, { key: w.key, body: { name: 'x' } });
      assert.equal(r.status, 201, r.text);
      await waitFor('ready', async () => (await t.request('GET', '/readyz')).status === 200);
    } finally {
      await t.close();
    }
  });
});
