// npm run bench [-- --size 100000] [--only a,b] [--reps 3] [--json file] [--cpu-prof dir]
//
// Botcast's delivery engine against a pg-boss baseline and the raw HTTP ceiling, on a fake
// Telegram server running in its own process (bench/fake.ts). Every figure is also given as a
// ratio to a baseline measured in the same run; contenders run interleaved (the order rotates
// every repetition), `--reps` times each, and the table shows the median and the range.
//
// Measurements (names for --only; throughput contenders can be named one by one too):
//   throughput   ceiling-pool, autocannon, botcast-pg-1w, botcast-pg-2w, botcast-pglite,
//                pgboss-tuned, pgboss-typical   (rate limits off, `--size` recipients)
//   materialise  run created → all deliveries inserted, PostgreSQL and PGlite (100k and --size)
//   rate         a 30 msg/s channel for 20 s: achieved rate, fullest 1-second window
//   fairness     delay of a one-recipient send enqueued behind a 200k broadcast (1000 msg/s)
//   memory       peak RSS of a worker process (PostgreSQL; at 100k and at --size)
//   kill         kill -9 of the worker mid-run, restart: `unknown` deliveries vs the in-flight window
//   retention    throughput while the retention job deletes 1M old deliveries (--retention-old), vs without
//   receipts     100k WhatsApp delivery receipts posted in a burst, recorded/s vs a bare batched insert (bench/receipts.ts)
//   latency      end of grace window / external event call → first request, wake-ups off and on (bench/latency.ts)
//   embedded     idle and peak RSS of `botcast start` and `botcast start --demo` (new and existing folder)
//                against a bare PGlite; with botcast-pglite, its peak while sending (bench/embedded-rounds.ts)
//
// --reps (3) applies to throughput and materialisation; rate and fairness run --reps-extra (1)
// times per engine, kill and embedded max(2, --reps-extra) times. The default run takes about 10 minutes.
//
// Needs PostgreSQL at postgres://postgres@127.0.0.1:5432 (BOTCAST_BENCH_PG_URL), which may
// create and drop databases.
//
// This file reads the options and runs the families in turn; each family's rounds and table are in
// bench/<family>-rounds.ts (latency: bench/latency.ts), and what they share in bench/rounds.ts.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { latencyRounds } from './latency.ts';
import { dropDatabases, FakeControl, liveChildren, liveDatabases, PG_ADMIN_URL, refuseNewWork, ROOT, startChild, tempDirs } from './lib.ts';
import { fairnessRounds } from './fairness-rounds.ts';
import { killRounds } from './kill-rounds.ts';
import { materialiseRounds } from './materialise-rounds.ts';
import { memoryReport } from './memory-rounds.ts';
import { rateRounds } from './rate-rounds.ts';
import { retentionRounds } from './retention-rounds.ts';
import { receiptsRounds } from './receipts-rounds.ts';
import { embeddedRounds } from './embedded-rounds.ts';
import { fmt, log, type Bench } from './rounds.ts';
import { CONTENDERS, printThroughput, throughputRounds, type Samples, type ThroughputSettings } from './throughput-rounds.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    only: { type: 'string' },
    reps: { type: 'string', default: '3' },
    json: { type: 'string' },
    'cpu-prof': { type: 'string' },
    'reps-extra': { type: 'string', default: '1' },
    'typical-size': { type: 'string', default: '384' },
    'kill-size': { type: 'string', default: '20000' },
    'retention-old': { type: 'string', default: '1000000' },
  },
});
/** A numeric flag, or a message naming it and exiting before anything starts. */
function count(name: keyof typeof values): number {
  const raw = values[name];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`--${name}: expected a positive whole number, got '${String(raw)}'\n`);
    process.exit(2);
  }
  return n;
}
const SIZE = count('size');
const REPS = count('reps');
/** Repetitions of the slow, single-contender measurements (rate, fairness; kill runs at least 2). */
const REPS_EXTRA = count('reps-extra');
const TYPICAL_SIZE = count('typical-size');
const KILL_SIZE = count('kill-size');
const RETENTION_OLD = count('retention-old');
const PROF = values['cpu-prof'];

const MEASUREMENTS = [
  'throughput',
  'materialise',
  'rate',
  'fairness',
  'memory',
  'kill',
  'retention',
  'receipts',
  'latency',
  'embedded',
] as const;
const only = values.only
  ? values.only
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  : null;
for (const name of only ?? []) {
  if (!(MEASUREMENTS as readonly string[]).includes(name) && !(CONTENDERS as readonly string[]).includes(name)) {
    throw new Error(`--only ${name}: not one of ${[...MEASUREMENTS, ...CONTENDERS].join(', ')}`);
  }
}
const wants = (m: string) => !only || only.includes(m);
const contenders = CONTENDERS.filter(
  (c) => !only || only.includes('throughput') || only.includes(c) || (only.includes('memory') && c.startsWith('botcast-pg-')),
);

const started = Date.now();
const results: Record<string, unknown> = { size: SIZE, reps: REPS, startedAt: new Date().toISOString() };
const failures: string[] = [];
const lines: string[] = [];
const out = (s = '') => {
  lines.push(s);
  process.stdout.write(s + '\n');
};
const resultsFile = values.json ?? join(tmpdir(), `botcast-bench-${Date.now()}.json`);
function saveResults() {
  results.failures = failures;
  results.table = lines.join('\n');
  writeFileSync(resultsFile, JSON.stringify(results, null, 2));
}
// Interrupted (Ctrl-C, a supervisor's time limit): keep what was measured, stop every child.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping; partial results in ${resultsFile}`);
    results.interrupted = signal;
    refuseNewWork();
    try {
      saveResults();
    } catch {}
    for (const child of liveChildren) child.kill('SIGKILL');
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
    void dropDatabases([...liveDatabases])
      .catch(() => {})
      .finally(() => process.exit(130));
  });
}

const fakeProc = await startChild(['--import', 'tsx', 'bench/fake.ts'], { ready: (m) => typeof m.url === 'string', label: 'fake server' });
const fake = new FakeControl(fakeProc.hello.url, fakeProc.hello.control, fakeProc.pid);
const bench: Bench = { fake, out, log, failures, results, saveResults };
const throughputSettings: ThroughputSettings = { contenders, cpuProfDir: PROF, typicalSize: TYPICAL_SIZE };
const tp: Samples = new Map();

/** The code under test: the git commit (and whether the tree differs from it), or BOTCAST_BENCH_COMMIT for a copy without .git. */
function codeVersion(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'db', 'bin'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return dirty ? `${head} + local changes in src/db/bin` : head;
  } catch {
    return process.env.BOTCAST_BENCH_COMMIT ?? 'unknown';
  }
}

async function pgVersion(): Promise<string> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  const v = (await c.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  await c.end();
  return v;
}

try {
  const cpu = cpus();
  out(`## Botcast delivery benchmark — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  out();
  out(
    `Code: ${codeVersion()}. Machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM; Node ${process.version}; PostgreSQL ${await pgVersion()}; size ${SIZE.toLocaleString('en-US')}; ${REPS} repetitions, interleaved.`,
  );
  out();
  if (contenders.length && (wants('throughput') || wants('memory') || contenders.some((c) => only?.includes(c)))) {
    await throughputRounds(bench, throughputSettings, tp, SIZE, REPS);
    printThroughput(bench, throughputSettings, tp, SIZE);
  }
  if (wants('materialise')) await materialiseRounds(bench, [...new Set([100_000, SIZE])], REPS);
  saveResults();
  if (wants('rate')) await rateRounds(bench, REPS_EXTRA);
  saveResults();
  if (wants('fairness')) await fairnessRounds(bench, REPS_EXTRA);
  saveResults();
  if (wants('memory') && (tp.has('botcast-pg-1w') || tp.has('botcast-pg-2w')))
    await memoryReport(bench, throughputSettings, tp, SIZE, REPS);
  saveResults();
  if (wants('embedded')) {
    const sending = (tp.get('botcast-pglite') ?? []).flatMap((x) => x.extra?.peakRssMb ?? []);
    await embeddedRounds(bench, Math.max(2, REPS_EXTRA), sending);
  }
  saveResults();
  if (wants('kill')) await killRounds(bench, Math.min(SIZE, KILL_SIZE), Math.max(2, REPS_EXTRA));
  saveResults();
  if (wants('retention')) await retentionRounds(bench, RETENTION_OLD, Math.max(2, REPS_EXTRA));
  saveResults();
  if (wants('receipts')) await receiptsRounds(bench, 100_000, Math.max(2, REPS_EXTRA));
  saveResults();
  if (wants('latency')) results.latency = await latencyRounds(fake, Math.max(5, REPS), bench);
  out(`Total bench time: ${fmt((Date.now() - started) / 1000)} s.`);
  if (failures.length) {
    out();
    out('FAILED checks:');
    for (const f of failures) out(`  - ${f}`);
  }
} finally {
  saveResults();
  log(`results written to ${resultsFile}`);
  await fakeProc.kill('SIGTERM');
}
process.exit(failures.length ? 1 : 0);
