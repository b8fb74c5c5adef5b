// PGlite has no data-directory lock: two processes opening the same folder corrupt it. Botcast
// takes its own, and it must die with its holder: a lock file naming a pid is not enough, since
// pids wrap within minutes on a busy machine and a stale file may name an unrelated live process.
//
// On Linux the lock is an abstract Unix socket whose name is derived from the folder's real path:
// the kernel grants a name to one listener at a time and frees it the moment the process exits,
// SIGKILL included, with no file to clean up and no window between "is it stale?" and "take it".
// Elsewhere (no abstract namespace) a socket file in the folder plays the same part: a connect()
// that is refused proves its listener is gone, and only then is the file replaced.
// A small JSON file beside it names the owner's pid for the error message; it is informational.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number | undefined) {
    super(
      `The data folder ${dir} is in use by another Botcast process${pid ? ` (pid ${pid})` : ''}. ` +
        'Embedded mode allows one process per folder; to run several API and worker processes, set DATABASE_URL to a PostgreSQL server.',
    );
  }
}

function socketAddress(dir: string): string {
  if (process.platform === 'linux') {
    const digest = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 40);
    return `\0botcast-data-dir-${digest}`;
  }
  return join(dir, 'botcast.lock.sock');
}

function listen(address: string): Promise<Server | null> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve(null) : reject(error)));
    server.listen(address, () => {
      // The lock must not keep a process alive that has nothing else to do.
      server.unref();
      resolve(server);
    });
  });
}

/** Whether a socket file's listener is still there (only for the non-Linux fallback). */
function answered(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(address);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function ownerPid(file: string): number | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown };
    return typeof owner.pid === 'number' ? owner.pid : undefined;
  } catch {
    return undefined;
  }
}

/** Locks the folder for this process; the returned function releases it (exiting does too). */
export async function lockDataDir(dir: string): Promise<() => void> {
  mkdirSync(dir, { recursive: true });
  const address = socketAddress(dir);
  const ownerFile = join(dir, 'botcast.lock');
  let server = await listen(address);
  if (!server && !address.startsWith('\0') && !(await answered(address))) {
    rmSync(address, { force: true });
    server = await listen(address);
  }
  if (!server) throw new DataDirLockedError(dir, ownerPid(ownerFile));
  writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, host: hostname() }));
  let released = false;
  return () => {
    if (released) return;
    released = true;
    rmSync(ownerFile, { force: true });
    server.close();
  };
}
