// The disk reserve's rules (src/storage/disk-reserve.ts) with a simulated statfs, and the CLI's
// printing of anything thrown (src/cli/describe-error.ts): issue 20, point 5.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../src/domain/errors.ts';
import { DiskReserve, reserveBytesFor, type DiskSpace, type DiskState } from '../../src/storage/disk-reserve.ts';
import { describeError } from '../../src/cli/describe-error.ts';
import { loadConfig } from '../../src/config.ts';
import { guardWrites } from '../../src/storage/guarded-db.ts';
import type { Db, Queryable } from '../../src/storage/db.ts';

const MB = 1024 * 1024;
const defaults = { reserveMb: 256, reservePercent: 10 };

function recordingLog() {
  const lines: { level: string; msg: string }[] = [];
  return {
    lines,
    info: (_o: object, msg: string) => lines.push({ level: 'info', msg }),
    error: (_o: object, msg: string) => lines.push({ level: 'error', msg }),
  };
}

function simulated(freeMb: number, totalMb = 10_000) {
  const space: DiskSpace = { freeBytes: freeMb * MB, totalBytes: totalMb * MB };
  let fail = false;
  return {
    read: async () => {
      if (fail) throw Object.assign(new Error('ESTALE: stale file handle'), { code: 'ESTALE' });
      return { ...space };
    },
    set: (mb: number) => void (space.freeBytes = mb * MB),
    failing: (f: boolean) => void (fail = f),
  };
}

test('the reserve: 10 % of the disk, at least 64 MB, at most BOTCAST_DISK_RESERVE_MB (0: off)', () => {
  assert.equal(reserveBytesFor(defaults, 10_000 * MB), 256 * MB);
  assert.equal(reserveBytesFor(defaults, 1000 * MB), 100 * MB);
  assert.equal(reserveBytesFor(defaults, 200 * MB), 64 * MB);
  assert.equal(reserveBytesFor({ reserveMb: 32, reservePercent: 10 }, 200 * MB), 32 * MB);
  assert.equal(reserveBytesFor({ reserveMb: 0, reservePercent: 10 }, 10_000 * MB), 0);
  const config = loadConfig({});
  assert.deepEqual([config.diskReserveMb, config.diskReservePercent, config.diskCheckMs], [256, 10, 2000]);
  assert.throws(() => loadConfig({ BOTCAST_DISK_RESERVE_PERCENT: '95' }), /BOTCAST_DISK_RESERVE_PERCENT must be between 0 and 90/);
});

test('crossing the reserve is logged once each way and told to listeners; below it writes are refused with 507 details', async () => {
  const disk = simulated(1000);
  const log = recordingLog();
  const reserve = new DiskReserve('/data/botcast', { ...defaults, checkMs: 60_000 }, log, disk.read);
  const changes: DiskState[] = [];
  reserve.onChange((s) => changes.push(s));
  assert.equal((await reserve.start()).ok, true);
  reserve.stop();
  reserve.assertWritable();
  disk.set(200);
  await reserve.check();
  await reserve.check();
  assert.deepEqual(
    changes.map((c) => c.ok),
    [false],
  );
  assert.equal(log.lines.length, 1);
  assert.equal(log.lines[0].level, 'error');
  assert.match(log.lines[0].msg, /\/data\/botcast: 200 MB left, Botcast keeps 256 MB free .*refusing new writes/);
  assert.throws(
    () => reserve.assertWritable(),
    (e: unknown) =>
      e instanceof AppError &&
      e.kind === 'insufficient_storage' &&
      e.code === 'insufficient_storage' &&
      /data folder \/data\/botcast: 200 MB left/.test(e.message) &&
      (e.details as { freeBytes: number }).freeBytes === 200 * MB,
  );
  await assert.rejects(reserve.checkWritable(), /200 MB left/);
  disk.set(300);
  await reserve.checkWritable();
  assert.deepEqual(
    changes.map((c) => c.ok),
    [false, true],
  );
  assert.match(log.lines[1].msg, /back above the reserve/);
});

test('a failed reading keeps the last state and is logged; with the reserve at 0 nothing is ever refused', async () => {
  const disk = simulated(1000);
  const log = recordingLog();
  const reserve = new DiskReserve('/d', { ...defaults, checkMs: 60_000 }, log, disk.read);
  await reserve.check();
  disk.failing(true);
  assert.equal((await reserve.check()).ok, true);
  assert.match(log.lines[0].msg, /could not read the free disk space/);
  const off = new DiskReserve('/d', { reserveMb: 0, reservePercent: 10, checkMs: 60_000 }, recordingLog(), simulated(0).read);
  assert.equal((await off.check()).ok, true);
});

test('while running the free space is read every checkMs', async () => {
  const disk = simulated(1000);
  const reserve = new DiskReserve('/d', { ...defaults, checkMs: 20 }, recordingLog(), disk.read);
  await reserve.start();
  // The reserve's timer is unref'd (it must not keep a process alive): this keeps the test's alive.
  const alive = setInterval(() => {}, 1000);
  try {
    const low = new Promise<DiskState>((resolve) => reserve.onChange(resolve));
    disk.set(10);
    assert.equal((await low).ok, false);
  } finally {
    clearInterval(alive);
    reserve.stop();
  }
});

test('describeError: what PGlite throws on a full disk prints its reason, never [object Object]', () => {
  // Emscripten's file-system error, as PGlite threw it when initdb hit a full 30 MB tmpfs.
  const text = describeError({ name: 'ErrnoError', errno: 51 });
  assert.match(text, /^ErrnoError; errno 51 \(ENOSPC: no space left on device\)/);
  assert.match(text, /disk of the data folder \(BOTCAST_DATA_DIR\) or of the database is full/);
  assert.doesNotMatch(text, /object Object/);
  // A database error: its stack, code and detail.
  const pgError = Object.assign(new Error('could not extend file'), { code: '53100', detail: 'No space left on device.' });
  const pgText = describeError(pgError);
  assert.match(pgText, /^Error: could not extend file\n/);
  assert.match(pgText, /code 53100; detail: No space left on device\./);
  assert.match(pgText, /is full/);
  assert.equal(describeError({ message: 'cannot drop active portal ""', code: 'XX000' }), 'cannot drop active portal ""; code XX000');
  assert.equal(describeError('plain text'), 'plain text');
  assert.equal(describeError(null), 'an unknown error (null) was thrown');
  assert.equal(describeError({ weird: [1] }), '{"weird":[1]}');
  assert.equal(describeError({}), 'an error without a message ([object Object])');
  // Our own refusals: the message alone, no stack.
  assert.equal(describeError(new AppError('insufficient_storage', 'insufficient_storage', 'not enough'), { expected: true }), 'not enough');
});

test('guarded database: below the critical floor no write starts (reads go on); above the reserve no statfs per write', async () => {
  const disk = simulated(1000);
  let reads = 0;
  const read = async () => {
    reads += 1;
    return disk.read();
  };
  const reserve = new DiskReserve('/d', { ...defaults, checkMs: 60_000 }, recordingLog(), read);
  await reserve.check();
  const ran: string[] = [];
  const inner: Db = {
    engine: 'pglite',
    query: async <T extends object>(sql: string) => (ran.push(sql), [] as T[]),
    exec: async (sql: string) => void ran.push(sql),
    transaction: async <T>(fn: (tx: Queryable) => Promise<T>) => (ran.push('BEGIN'), fn(inner)),
    close: async () => void ran.push('close'),
  };
  const db = guardWrites(inner, reserve);
  const before = reads;
  await db.query('UPDATE workers SET heartbeat_at = now()');
  await db.transaction(async () => 1);
  assert.equal(reads, before, 'a write above the reserve read the free space');
  // Below the reserve, above the floor: in-flight work still writes, each write after a fresh reading.
  disk.set(100);
  await reserve.check();
  await db.query('UPDATE workers SET heartbeat_at = now()');
  assert.equal(reads, before + 2);
  // Under the floor (32 MB): refused before the database is asked, reads still answered.
  disk.set(20);
  ran.length = 0;
  const refused = (e: unknown) => e instanceof AppError && e.kind === 'insufficient_storage' && /20 MB left/.test(e.message);
  await assert.rejects(db.query('UPDATE workers SET heartbeat_at = now()'), refused);
  await assert.rejects(
    db.transaction(async () => 1),
    refused,
  );
  await assert.rejects(db.exec('CHECKPOINT'), refused);
  await db.query('  select 1');
  assert.deepEqual(ran, ['  select 1']);
  // Closing would checkpoint: skipped, the folder left as a kill -9 would.
  await db.close();
  assert.deepEqual(ran, ['  select 1']);
  disk.set(1000);
  await db.close();
  assert.deepEqual(ran, ['  select 1', 'close']);
});

test('the space left is rounded down: just under the reserve never reads as equal to it', async () => {
  const reserve = new DiskReserve('/d', { ...defaults, checkMs: 60_000 }, recordingLog(), async () => ({
    freeBytes: 64 * MB - 40_000,
    totalBytes: 150 * MB,
  }));
  await reserve.check();
  assert.throws(() => reserve.assertWritable(), /: 63\.9 MB left, Botcast keeps 64 MB free/);
});
