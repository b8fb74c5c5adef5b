// The data-folder lock dies with its holder: a stale owner file, even one naming a live process,
// never keeps Botcast out, and a second holder is refused while the first lives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLockedError, lockDataDir } from '../../src/storage/data-dir-lock.ts';

function tempDir(t: { after(fn: () => void): void }) {
  const dir = mkdtempSync(join(tmpdir(), 'botcast-lock-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('a stale lock file naming an unrelated live process does not keep Botcast out', async (t) => {
  const dir = tempDir(t);
  // pid 1 is always alive: the old pid-file lock refused here.
  writeFileSync(join(dir, 'botcast.lock'), JSON.stringify({ pid: 1, host: hostname() }));
  const release = await lockDataDir(dir);
  release();
});

test('a second holder is refused while the first holds the folder, and admitted once it releases', async (t) => {
  const dir = tempDir(t);
  const release = await lockDataDir(dir);
  await assert.rejects(lockDataDir(dir), (error: unknown) => {
    assert.ok(error instanceof DataDirLockedError);
    assert.match(error.message, new RegExp(`pid ${process.pid}`));
    return true;
  });
  release();
  (await lockDataDir(dir))();
});

test('a holder killed with SIGKILL leaves the folder free at once', async (t) => {
  const dir = tempDir(t);
  const moduleUrl = new URL('../../src/storage/data-dir-lock.ts', import.meta.url).href;
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      `const m = await import(${JSON.stringify(moduleUrl)}); await m.lockDataDir(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
    child.once('exit', (code) => reject(new Error(`child exited early with ${code}`)));
  });
  await assert.rejects(lockDataDir(dir), DataDirLockedError);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  (await lockDataDir(dir))();
});
