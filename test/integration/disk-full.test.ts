// Embedded mode on a real small disk (issue 20, point 5): a tmpfs mounted for the test, so it
// needs root (and a kernel that lets us mount); elsewhere it skips and says why.
// test/integration/disk-reserve.test.ts covers the same rules with a simulated statfs everywhere.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { ENGINE, TEST_SECRET_KEY } from '../helpers/engine.ts';
import { runBotcast, startBotcast } from '../helpers/process.ts';
import { waitFor } from '../helpers/world.ts';

const MB = 1024 * 1024;
const mounts: string[] = [];

/** A fresh tmpfs of `mb` MB, or null when this machine will not let us mount one. */
function mountTmpfs(mb: number): string | null {
  if (process.getuid?.() !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'botcast-tmpfs-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${mb}m`, 'tmpfs', dir]).status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  mounts.push(dir);
  return dir;
}

const probe = ENGINE === 'pglite' ? mountTmpfs(1) : null;
const skip = ENGINE !== 'pglite' ? 'embedded mode only (PGlite)' : probe === null ? 'needs root and permission to mount a tmpfs' : false;

after(() => {
  for (const dir of mounts) {
    spawnSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

const env = (dataDir: string, extra: Record<string, string> = {}) => ({
  BOTCAST_DATA_DIR: dataDir,
  BOTCAST_SECRET_KEY: TEST_SECRET_KEY,
  BOTCAST_SCRYPT_LOG_N: '12',
  LOG_LEVEL: 'info',
  ...extra,
});

const free = (dir: string) => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};

describe('embedded mode on a small disk (tmpfs)', { skip }, () => {
  let small: string;
  before(() => {
    small = mountTmpfs(30)!;
  });

  test('start on a 30 MB folder: refused before the database opens, naming the folder and the space left', async () => {
    const r = await runBotcast(['start'], env(join(small, 'data')));
    assert.equal(r.code, 1);
    assert.match(r.output, /botcast: not enough free disk space for the data folder \S+\/data: [\d.]+ MB left, Botcast keeps 64 MB free/);
    assert.doesNotMatch(r.output, /\[object Object\]/);
  });

  test('with the check off, the database itself fails on the full disk, and the real reason is printed', async () => {
    const r = await runBotcast(['start'], env(join(small, 'unchecked'), { BOTCAST_DISK_RESERVE_MB: '0' }));
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.output, /\[object Object\]/);
    assert.match(r.output, /ENOSPC: no space left on device/);
    assert.match(r.output, /disk of the data folder \(BOTCAST_DATA_DIR\) or of the database is full/);
  });

  test('a disk that fills while running: 507 and not ready within a check, writing again once space is back', async () => {
    const disk = mountTmpfs(200)!;
    const dataDir = join(disk, 'data');
    // The run's migrated template (test/run.mjs), when there is one: no initdb on the tmpfs.
    const template = process.env.BOTCAST_TEST_PGLITE_TEMPLATE;
    if (template && existsSync(template)) {
      mkdirSync(dataDir);
      cpSync(template, join(dataDir, 'pgdata'), { recursive: true });
    }
    const proc = await startBotcast(['start'], env(dataDir, { BOTCAST_DISK_CHECK_MS: '100' }));
    try {
      const post = async (path: string, body: unknown, key?: string) => {
        const res = await request(`${proc.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
          body: JSON.stringify(body),
        });
        return {
          status: res.statusCode,
          body: (await res.body.json()) as { error?: { code: string; message: string } } & Record<string, never>,
        };
      };
      const signup = await post('/api/signup', { workspaceName: 'Disk', email: 'disk@example.com', password: 'correct horse battery' });
      assert.equal(signup.status, 201);
      const key = (signup.body as unknown as { apiKey: { key: string } }).apiKey.key;
      // Leave 50 MB: under the 64 MB reserve of a 200 MB disk, above the 32 MB floor.
      const filler = join(disk, 'filler');
      writeFileSync(filler, Buffer.alloc(Math.max(0, free(disk) - 50 * MB)));
      await waitFor('/readyz to say not ready', async () => (await request(`${proc.url}/readyz`)).statusCode === 503);
      const refused = await post('/api/bots', { name: 'b' }, key);
      assert.equal(refused.status, 507);
      assert.equal(refused.body.error?.code, 'insufficient_storage');
      assert.ok(refused.body.error?.message.includes(dataDir), refused.body.error?.message);
      assert.equal((await request(`${proc.url}/healthz`)).statusCode, 200);
      assert.match(proc.output(), /not enough free disk space for the data folder/);
      // Filling on (another program): under the 32 MB floor no commit starts, not even a login's,
      // and the process stays responsive — PGlite hangs once less than a 16 MB log segment is free.
      const more = join(disk, 'more');
      writeFileSync(more, Buffer.alloc(Math.max(0, free(disk) - 10 * MB)));
      const login = await post('/api/auth/login', { email: 'disk@example.com', password: 'correct horse battery' });
      assert.equal(login.status, 507);
      assert.ok(!JSON.stringify(login.body).includes(dataDir), 'a caller without credentials read the folder path');
      assert.equal((await request(`${proc.url}/healthz`)).statusCode, 200);
      // Reads still answer (the key's last-used bookkeeping waits for space).
      const read = await request(`${proc.url}/api/bots`, { headers: { authorization: `Bearer ${key}` } });
      assert.equal(read.statusCode, 200, await read.body.text());
      rmSync(more);
      rmSync(filler);
      await waitFor('/readyz to say ready', async () => (await request(`${proc.url}/readyz`)).statusCode === 200);
      assert.equal((await post('/api/bots', { name: 'b' }, key)).status, 201);
      assert.match(proc.output(), /disk space is back above the reserve/);
    } finally {
      // SIGTERM is honoured: the process was never stuck in a commit.
      assert.equal(await proc.kill('SIGTERM'), 0);
    }
  });
});
