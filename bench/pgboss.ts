// The baseline without Botcast: pg-boss 10 with one job per message (jobs enqueued up front with
// insert(), then worker processes drain the queue). Same fake server, same HTTP client.
import PgBoss from 'pg-boss';
import pg from 'pg';
import {
  cpuMeter,
  createDatabase,
  exactlyOnce,
  FakeControl,
  serverRate,
  startChild,
  token,
  waitFor,
  type Child,
  type CpuUse,
  type Summary,
} from './lib.ts';

export interface PgBossSettings {
  /** Worker processes. */
  processes: number;
  /** work() registrations per process. */
  loops: number;
  batchSize: number;
  pollingIntervalSeconds: number;
  /** Requests in flight per process. */
  concurrency: number;
  /** PostgreSQL connections per process. */
  poolMax: number;
}

/** What the docs lead to: default batchSize (1) and polling interval (2 s), 64 work() registrations for 64 in flight (v10 has no teamSize). */
export const PGBOSS_TYPICAL: PgBossSettings = {
  processes: 1,
  loops: 64,
  batchSize: 1,
  pollingIntervalSeconds: 2,
  concurrency: 64,
  poolMax: 10,
};
/**
 * Best of a sweep on this machine (processes 1–2 × loops 2–8 × batchSize 64–2000, see BENCHMARKS.md):
 * four work() loops fetching 1000 jobs each, minimum polling interval, 64 requests in flight.
 */
export const PGBOSS_TUNED: PgBossSettings = {
  processes: 1,
  loops: 4,
  batchSize: 1000,
  pollingIntervalSeconds: 0.5,
  concurrency: 64,
  poolMax: 10,
};

export interface PgBossResult {
  rate: number;
  enqueueSeconds: number;
  /** From the workers being started until every job is completed in the database. */
  seconds: number;
  summary: Summary;
  verified: string | null;
  cpu: CpuUse;
}

export async function pgBossRun(fake: FakeControl, size: number, settings: PgBossSettings): Promise<PgBossResult> {
  const database = await createDatabase('pgboss_bench');
  const workers: Child[] = [];
  try {
    const boss = new PgBoss({ connectionString: database.url, max: 4, supervise: false, schedule: false });
    boss.on('error', () => {});
    await boss.start();
    await boss.createQueue('send');
    let t = performance.now();
    const chunk = 10_000;
    for (let start = 1; start <= size; start += chunk) {
      const jobs = Array.from({ length: Math.min(chunk, size - start + 1) }, (_, i) => ({ name: 'send', data: { c: start + i } }));
      await boss.insert(jobs);
    }
    const enqueueSeconds = (performance.now() - t) / 1000;
    await boss.stop({ graceful: false, wait: true });

    const tok = token('pgboss');
    t = performance.now();
    const spec = { db: database.url, target: `${fake.url}/bot${tok}/sendMessage`, ...settings };
    workers.push(
      ...(await Promise.all(
        Array.from({ length: settings.processes }, () =>
          startChild(['--import', 'tsx', 'bench/pgboss-worker.ts', JSON.stringify(spec)], {
            ready: (m) => m.ready === true,
            label: 'pg-boss worker',
          }),
        ),
      )),
    );
    const meter = cpuMeter(() => workers.map((w) => w.pid));
    const fake0 = fake.cpuSeconds();
    await waitFor('pg-boss to deliver every job', async () => (await fake.count(tok)).delivered >= size, 60_000 + size * 40, 200);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await waitFor(
      'pg-boss to complete every job',
      async () =>
        Number(
          (await client.query<{ n: string }>(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'send' AND state <> 'completed'`)).rows[0]
            .n,
        ) === 0,
      60_000,
      200,
    );
    const seconds = (performance.now() - t) / 1000;
    const cpu = { ...meter(), fake: fake.cpuSeconds() - fake0 };
    await client.end();
    const summary = await fake.summary(tok, size);
    await fake.forget(tok);
    return { rate: serverRate(summary), enqueueSeconds, seconds, summary, verified: exactlyOnce(summary, size), cpu };
  } finally {
    await Promise.all(workers.map((w) => w.kill('SIGTERM')));
    await database.drop();
  }
}
