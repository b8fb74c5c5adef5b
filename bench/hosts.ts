// Where a Botcast scenario runs: on PostgreSQL, a fresh database with worker processes
// (`node bin/botcast.js worker`); on PGlite, one process with the engine inside (bench/pglite-child.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Host, Workers } from './botcast.ts';
import { createDatabase, FakeControl, SECRET_KEY, startChild, tempDirs, type Child } from './lib.ts';

export interface PgHostOptions {
  /** Extra environment of the worker processes. */
  env?: Record<string, string>;
  /** Write a V8 CPU profile of every worker into this folder. */
  cpuProfDir?: string;
}

class ProcessWorkers implements Workers {
  private children: Child[] = [];
  constructor(
    private readonly env: Record<string, string>,
    private readonly options: PgHostOptions,
  ) {}

  async start(count: number, env: Record<string, string> = {}) {
    const prof = this.options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${this.options.cpuProfDir}`] : [];
    const started = await Promise.all(
      Array.from({ length: count }, () =>
        startChild([...prof, 'bin/botcast.js', 'worker'], {
          env: { ...this.env, ...this.options.env, ...env },
          ready: (m) => m.botcast === 'ready',
          label: 'botcast worker',
        }),
      ),
    );
    this.children.push(...started);
  }

  pids() {
    return this.children.map((c) => c.pid);
  }

  async crash(i: number) {
    const [child] = this.children.splice(i, 1);
    await child.kill('SIGKILL');
  }

  async stop() {
    const all = this.children;
    this.children = [];
    await Promise.all(all.map((c) => c.kill('SIGTERM')));
  }
}

export async function pgHost(
  fake: FakeControl,
  options: PgHostOptions = {},
): Promise<Host & { close(): Promise<void>; databaseUrl: string }> {
  const database = await createDatabase('botcast_bench');
  const env = { DATABASE_URL: database.url, BOTCAST_SECRET_KEY: SECRET_KEY, BOTCAST_ALLOW_PRIVATE_BASE_URLS: 'true', LOG_LEVEL: 'warn' };
  const config = loadConfig(env, { graceSeconds: 0, logLevel: 'warn' });
  const app = await createApp(config, { api: false, worker: false });
  const workers = new ProcessWorkers(env, options);
  return {
    engine: 'postgres',
    app,
    fake,
    workers,
    databaseUrl: database.url,
    async close() {
      await workers.stop();
      await app.close();
      await database.drop();
    },
  };
}

/** Runs one scenario on PGlite in a child process and returns its result. */
export async function onPglite<T>(
  fake: FakeControl,
  scenario: string,
  args: Record<string, unknown>,
  cpuProfDir?: string,
): Promise<T & { processPeakRssMb: number }> {
  const prof = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
  // The data folder is made and removed here, so an interrupted child leaves nothing behind.
  const dir = mkdtempSync(join(tmpdir(), 'botcast-bench-'));
  tempDirs.add(dir);
  try {
    const child = await startChild(
      [
        ...prof,
        '--import',
        'tsx',
        'bench/pglite-child.ts',
        JSON.stringify({ scenario, dir, url: fake.url, control: fake.control, fakePid: fake.pid, ...args }),
      ],
      {
        ready: (m) => 'result' in m || 'error' in m,
        timeoutMs: 3_600_000,
        label: `pglite ${scenario}`,
      },
    );
    await child.exited;
    if (child.hello.error) throw new Error(`pglite ${scenario}: ${child.hello.error}`);
    return child.hello.result as T & { processPeakRssMb: number };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
  }
}
