// The embedded database's memory (issue 21 point 1): a new data folder is made by a child process,
// so the server's own process never holds PGlite's initdb (about 450 MB more at the first start,
// never given back), and the database runs with a small buffer pool.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openPglite } from '../../src/storage/drivers/pglite.ts';

const run = promisify(execFile);

function tempDir(t: { after(fn: () => void): void }) {
  const dir = mkdtempSync(join(tmpdir(), 'botcast-pglite-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('a new folder: made whole, no temporary folder left, opened with the small buffer pool', async (t) => {
  const dir = tempDir(t);
  // An older Botcast's interrupted first start could leave a folder without PG_VERSION.
  mkdirSync(join(dir, 'pgdata'));
  writeFileSync(join(dir, 'pgdata', 'leftover'), 'x');
  const db = await openPglite(join(dir, 'pgdata'));
  try {
    const [row] = await db.query<{ shared_buffers: string }>('SHOW shared_buffers');
    assert.equal(row.shared_buffers, '16MB');
    await db.exec('CREATE TABLE t (id int)');
  } finally {
    await db.close();
  }
  assert.ok(existsSync(join(dir, 'pgdata', 'PG_VERSION')));
  assert.ok(!existsSync(join(dir, 'pgdata', 'leftover')));
  assert.deepEqual(readdirSync(dir), ['pgdata']);
  // And it opens again with what was written.
  const again = await openPglite(join(dir, 'pgdata'));
  try {
    assert.deepEqual(await again.query('SELECT count(*)::int AS n FROM t'), [{ n: 0 }]);
  } finally {
    await again.close();
  }
});

test("opening a new folder keeps the process's peak memory low", { skip: process.platform !== 'linux' && 'reads /proc' }, async (t) => {
  const dir = tempDir(t);
  const script = `import { readFileSync } from 'node:fs';
const { openPglite } = await import(${JSON.stringify(new URL('../../src/storage/drivers/pglite.ts', import.meta.url).href)});
const db = await openPglite(process.argv[1]);
await db.close();
process.stdout.write(/VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]);`;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, join(dir, 'pgdata')]);
  const peakMb = Number(stdout) / 1024;
  // About 250 MB now; 850 MB when initdb ran in this process with a 160 MB buffer pool.
  assert.ok(peakMb < 450, `peak ${Math.round(peakMb)} MB`);
});
