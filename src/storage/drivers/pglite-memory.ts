// What keeps the embedded database small in memory (issue 21 point 1; figures in BENCHMARKS.md).
//
// PGlite runs PostgreSQL in a WebAssembly memory that only grows: every page PostgreSQL touches
// stays resident for the life of the process. Two things dominated:
//
// - shared_buffers. PGlite's default (128 MB) is allocated and touched when the database starts, so
//   it was resident even when idle. The data folder's files are read through the operating
//   system's page cache anyway (shared with other processes, given back under pressure), so a
//   small pool costs a copy per page read, not a disk read.
// - initdb. A new folder is made by a second PGlite instance plus the initdb module, and its
//   tarball is unpacked into the folder: about 450 MB more at the first start, never given back.
//   A short-lived child process does it instead, into a temporary folder renamed into place, so
//   the server's process never holds it and an interrupted first start leaves no half-made folder.
import { execFile } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';

const run = promisify(execFile);

/** PostgreSQL settings of the embedded engine, after PGlite's own start parameters. */
export const PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: '16MB',
  // Bounds what CREATE INDEX (migrations) and VACUUM may add to the never-shrinking memory.
  maintenance_work_mem: '16MB',
};

export const PGLITE_START_PARAMS: readonly string[] = [
  ...(PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams,
  ...Object.entries(PGLITE_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
];

// The child: create the cluster, checkpoint it, close.
// PGlite throws plain objects ({ name: 'ErrnoError', errno: 51 }): the child prints what it threw as
// one JSON line, so the parent can say the real reason (a full disk, above all).
const CHILD = `try {
  const { PGlite } = await import(process.argv[1]);
  const pg = await PGlite.create({ dataDir: process.argv[2] });
  await pg.exec('CHECKPOINT');
  await pg.close();
} catch (e) {
  process.stderr.write('\\nBOTCAST_INIT_ERROR ' + JSON.stringify({ name: e?.name, message: e?.message, code: e?.code, errno: e?.errno }) + '\\n');
  process.exit(1);
}`;

/** WASI's errno of a full disk (PGlite runs on WASI), and Node's code for it. */
const WASI_ENOSPC = 51;

function childReason(error: unknown): string {
  const stderr = String((error as { stderr?: unknown }).stderr ?? '');
  const line = /BOTCAST_INIT_ERROR (.*)/.exec(stderr)?.[1];
  if (!line) return String((error as Error).message).slice(0, 2000);
  let thrown: { name?: string; message?: string; code?: string; errno?: number } = {};
  try {
    thrown = JSON.parse(line) as typeof thrown;
  } catch {
    return line.slice(0, 2000);
  }
  if (thrown.errno === WASI_ENOSPC || thrown.code === 'ENOSPC') {
    return 'ENOSPC: no space left on device; the disk of the data folder (BOTCAST_DATA_DIR) or of the database is full: free some space and start again';
  }
  return [thrown.name, thrown.message, thrown.code && `code ${thrown.code}`, thrown.errno !== undefined && `errno ${thrown.errno}`]
    .filter(Boolean)
    .join(': ');
}

/** Makes the PostgreSQL cluster in `dataDir` if there is none yet (PG_VERSION is missing). */
export async function initPgliteFolder(dataDir: string): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  // A folder without PG_VERSION is from an older Botcast's interrupted first start, or empty: PGlite made it.
  const temp = join(dirname(dataDir), `.pgdata-init-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  try {
    await run(process.execPath, ['--input-type=module', '-e', CHILD, import.meta.resolve('@electric-sql/pglite'), temp], {
      maxBuffer: 16 * 1024 * 1024,
    });
    rmSync(dataDir, { recursive: true, force: true });
    renameSync(temp, dataDir);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw new Error(`could not create the embedded database in ${dataDir}: ${childReason(error)}`);
  }
}
