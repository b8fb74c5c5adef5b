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
//   latency      end of grace window / external event call → first request, wake-ups off and on (bench/latency.ts)
//
// --reps (3) applies to throughput and materialisation; rate and fairness run --reps-extra (1)
// times per engine, kill max(2, --reps-extra) times. The default run takes about 10 minutes.
//
// Needs PostgreSQL at postgres://postgres@127.0.0.1:5432 (BOTCAST_BENCH_PG_URL), which may
// create and drop databases.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  crash,
  fairness,
  materialise,
  rateExactness,
  throughput,
  type CrashResult,
  type FairnessResult,
  type MaterialiseResult,
  type RateResult,
  type ThroughputResult,
} from './botcast.ts';
import { onPglite, pgHost } from './hosts.ts';
import { retentionImpact, type RetentionRep } from './retention.ts';
import { latencyRounds } from './latency.ts';
import { inFlightWindow } from '../src/engine/worker.ts';
import {
  dropDatabases,
  exactlyOnce,
  FakeControl,
  liveChildren,
  liveDatabases,
  refuseNewWork,
  tempDirs,
  median,
  PG_ADMIN_URL,
  pgCpuSeconds,
  range,
  ROOT,
  serverRate,
  startChild,
  token,
  type CpuUse,
} from './lib.ts';
import { PGBOSS_TUNED, PGBOSS_TYPICAL, pgBossRun } from './pgboss.ts';

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
const CONCURRENCY = 64;
const BATCH = 500;
const PROF = values['cpu-prof'];

const MEASUREMENTS = ['throughput', 'materialise', 'rate', 'fairness', 'memory', 'kill', 'retention', 'latency'] as const;
const CONTENDERS = [
  'ceiling-pool',
  'autocannon',
  'botcast-pg-1w',
  'botcast-pg-2w',
  'botcast-pglite',
  'pgboss-tuned',
  'pgboss-typical',
] as const;
type Contender = (typeof CONTENDERS)[number];
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

const log = (msg: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
const fmt = (x: number, digits = 0) =>
  Number.isFinite(x) ? x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—';
const fmtRange = (xs: number[], digits = 0) => {
  const [lo, hi] = range(xs);
  return `${fmt(lo, digits)}–${fmt(hi, digits)}`;
};
/** The order of a list rotated by `i` (interleaving without a fixed first or last). */
const rotate = <T>(xs: readonly T[], i: number) => xs.map((_, k) => xs[(k + i) % xs.length]);

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

// ---------------------------------------------------------------------------------------------
// 1. Throughput (and 5. memory, measured on the same PostgreSQL worker processes)

interface TpSample {
  rate: number;
  verified: string | null;
  delivered: number;
  cpu?: CpuUse;
  extra?: ThroughputResult;
}

async function runContender(c: Contender, size: number): Promise<TpSample> {
  switch (c) {
    case 'ceiling-pool':
    case 'autocannon': {
      const tok = token(c);
      const fake0 = fake.cpuSeconds();
      const pg0 = pgCpuSeconds();
      const child = await startChild(
        [
          '--import',
          'tsx',
          'bench/ceiling.ts',
          JSON.stringify({ mode: c === 'ceiling-pool' ? 'pool' : 'autocannon', url: fake.url, token: tok, size, connections: CONCURRENCY }),
        ],
        {
          ready: (m) => 'result' in m,
          timeoutMs: 600_000,
          label: c,
        },
      );
      await child.exited;
      const s = await fake.summary(tok, c === 'autocannon' ? 0 : size);
      await fake.forget(tok);
      const cpu = { client: Number(child.hello.result.cpuSeconds), postgres: pgCpuSeconds() - pg0, fake: fake.cpuSeconds() - fake0 };
      const verified =
        c === 'autocannon' ? (s.delivered === size ? null : `${s.delivered} of ${size} requests accepted`) : exactlyOnce(s, size);
      return { rate: serverRate(s), verified, delivered: s.delivered, cpu };
    }
    case 'botcast-pg-1w':
    case 'botcast-pg-2w': {
      const host = await pgHost(fake, { cpuProfDir: PROF });
      try {
        const r = await throughput(host, size, c === 'botcast-pg-1w' ? 1 : 2);
        return { rate: r.rate, verified: r.verified, delivered: r.summary.delivered, cpu: r.cpu, extra: r };
      } finally {
        await host.close();
      }
    }
    case 'botcast-pglite': {
      const r = await onPglite<ThroughputResult>(fake, 'throughput', { size }, PROF);
      return { rate: r.rate, verified: r.verified, delivered: r.summary.delivered, cpu: r.cpu, extra: r };
    }
    case 'pgboss-tuned': {
      const r = await pgBossRun(fake, size, PGBOSS_TUNED);
      return { rate: r.rate, verified: r.verified, delivered: r.summary.delivered, cpu: r.cpu };
    }
    case 'pgboss-typical': {
      const r = await pgBossRun(fake, Math.min(size, TYPICAL_SIZE), PGBOSS_TYPICAL);
      return { rate: r.rate, verified: r.verified, delivered: r.summary.delivered, cpu: r.cpu };
    }
  }
}

const tp = new Map<Contender, TpSample[]>();
async function throughputRounds(size: number, reps: number) {
  for (let rep = 0; rep < reps; rep++) {
    for (const c of rotate(contenders, rep)) {
      log(`throughput ${c} ${size.toLocaleString('en-US')} (rep ${rep + 1}/${reps})`);
      try {
        const s = await runContender(c, size);
        if (s.verified) failures.push(`throughput ${c} rep ${rep + 1}: ${s.verified}`);
        log(
          `  ${fmt(s.rate)} deliveries/s${s.verified ? `  FAILED: ${s.verified}` : ''}${s.extra ? `; worker peak RSS ${s.extra.peakRssMb.map((m) => fmt(m)).join(', ')} MB` : ''}`,
        );
        (tp.get(c) ?? tp.set(c, []).get(c)!).push(s);
        results.throughput = Object.fromEntries(tp);
        saveResults();
      } catch (error) {
        failures.push(`throughput ${c} rep ${rep + 1}: ${String((error as Error).message).slice(0, 2000)}`);
        log(`  ERROR ${String((error as Error).message).slice(0, 2000)}`);
        (tp.get(c) ?? tp.set(c, []).get(c)!).push({ rate: NaN, verified: 'error', delivered: 0 });
      }
    }
  }
}

/** Per repetition ratio a/b (same round), as median and range. */
function ratioOf(a: Contender, b: Contender): number[] {
  const xs = tp.get(a) ?? [];
  const ys = tp.get(b) ?? [];
  return xs.map((x, i) => x.rate / (ys[i]?.rate ?? NaN));
}

function printThroughput(size: number) {
  out(`### Throughput — ${size.toLocaleString('en-US')} recipients, rate limits off, ${CONCURRENCY} requests in flight per process`);
  out();
  out('| contender | deliveries/s (median) | range | × ceiling (undici Pool) | × pg-boss tuned | exactly once |');
  out('|---|---:|---:|---:|---:|---|');
  const best = (c: Contender) => median((tp.get(c) ?? []).map((s) => s.rate));
  for (const c of contenders) {
    const samples = tp.get(c) ?? [];
    const rates = samples.map((s) => s.rate);
    const vsCeiling = tp.has('ceiling-pool') ? ratioOf(c, 'ceiling-pool') : [];
    const vsBoss = tp.has('pgboss-tuned') ? ratioOf(c, 'pgboss-tuned') : [];
    const ok = samples.every((s) => !s.verified)
      ? `yes (${samples.length}/${samples.length})`
      : `NO: ${samples.filter((s) => s.verified).length} failed`;
    out(
      `| ${c} | ${fmt(median(rates))} | ${fmtRange(rates)} | ${vsCeiling.length ? `${fmt(median(vsCeiling), 2)} (${fmtRange(vsCeiling, 2)})` : '—'} | ${vsBoss.length ? `${fmt(median(vsBoss), 2)} (${fmtRange(vsBoss, 2)})` : '—'} | ${ok} |`,
    );
  }
  out();
  const extras = contenders.filter((c) => (tp.get(c) ?? []).some((s) => s.extra));
  if (extras.length) {
    out(
      '| Botcast contender | end to end (send created → run completed), deliveries/s | materialised after (s, while delivering) | run seconds | peak RSS per process, MB |',
    );
    out('|---|---:|---:|---:|---:|');
    for (const c of extras) {
      const ex = (tp.get(c) ?? []).map((s) => s.extra).filter((x): x is ThroughputResult => !!x);
      const peak = ex.flatMap((e) => e.peakRssMb);
      out(
        `| ${c} | ${fmt(median(ex.map((e) => e.endToEndRate)))} (${fmtRange(ex.map((e) => e.endToEndRate))}) | ${fmt(median(ex.map((e) => e.materialiseSeconds ?? NaN)), 2)} | ${fmt(median(ex.map((e) => e.seconds)), 1)} | ${fmt(median(peak))} (${fmtRange(peak)}) |`,
      );
    }
    out();
  }
  const withCpu = contenders.filter((c) => (tp.get(c) ?? []).some((s) => s.cpu));
  if (withCpu.length) {
    out('| contender | CPU µs per delivery: sender process(es) | PostgreSQL (all backends) | fake server | total |');
    out('|---|---:|---:|---:|---:|');
    const us = (c: Contender, pick: (u: CpuUse) => number) =>
      median((tp.get(c) ?? []).filter((s) => s.cpu && s.delivered > 0).map((s) => (pick(s.cpu!) / s.delivered) * 1e6));
    for (const c of withCpu) {
      out(
        `| ${c} | ${fmt(us(c, (u) => u.client))} | ${fmt(us(c, (u) => u.postgres))} | ${fmt(us(c, (u) => u.fake))} | ${fmt(us(c, (u) => u.client + u.postgres + u.fake))} |`,
      );
    }
    out();
  }
  results.throughput = Object.fromEntries([...tp].map(([c, s]) => [c, s]));
  if (tp.has('ceiling-pool')) {
    const pgBest = Math.max(best('botcast-pg-1w'), best('botcast-pg-2w'));
    const pgBestName = best('botcast-pg-2w') > best('botcast-pg-1w') ? 'botcast-pg-2w' : 'botcast-pg-1w';
    const target = (name: string, ratio: number[], goal: number) =>
      ratio.length && Number.isFinite(median(ratio))
        ? `| ${name} | ${fmt(median(ratio), 2)} | ≥ ${goal} | ${median(ratio) >= goal ? 'met' : 'MISSED'} |`
        : null;
    const rows = [
      tp.has('pgboss-tuned') && tp.has(pgBestName as Contender)
        ? target(`${pgBestName} / pg-boss tuned`, ratioOf(pgBestName as Contender, 'pgboss-tuned'), 5)
        : null,
      Number.isFinite(pgBest) ? target(`${pgBestName} / ceiling`, ratioOf(pgBestName as Contender, 'ceiling-pool'), 0.6) : null,
      tp.has('botcast-pglite') ? target('botcast-pglite / ceiling', ratioOf('botcast-pglite', 'ceiling-pool'), 0.3) : null,
    ].filter((r): r is string => !!r);
    if (rows.length) {
      out('| throughput target | median ratio | target | |');
      out('|---|---:|---:|---|');
      rows.forEach((r) => out(r));
      out();
    }
  }
}

// ---------------------------------------------------------------------------------------------

async function materialiseRounds(sizes: number[], reps: number) {
  const res: Record<string, MaterialiseResult[]> = {};
  for (const size of sizes) {
    const r = size >= 1_000_000 ? 1 : reps;
    for (let rep = 0; rep < r; rep++) {
      for (const engine of rotate(['postgres', 'pglite'] as const, rep)) {
        log(`materialise ${engine} ${size.toLocaleString('en-US')} (rep ${rep + 1}/${r})`);
        try {
          let m: MaterialiseResult;
          if (engine === 'postgres') {
            const host = await pgHost(fake);
            try {
              m = await materialise(host, size);
            } finally {
              await host.close();
            }
          } else m = await onPglite<MaterialiseResult>(fake, 'materialise', { size });
          log(`  ${fmt(m.seconds, 2)} s (bare INSERT … SELECT ${fmt(m.rawSeconds, 2)} s)`);
          (res[`${engine} ${size}`] ??= []).push(m);
        } catch (error) {
          failures.push(`materialise ${engine} ${size}: ${String((error as Error).message).slice(0, 2000)}`);
          log(`  ERROR ${String((error as Error).message).slice(0, 2000)}`);
        }
      }
    }
  }
  results.materialise = res;
  out('### Materialisation — run created → every delivery row inserted (no worker competing)');
  out();
  out('| engine | recipients | seconds (median) | range | bare INSERT … SELECT, s | × bare insert | target ≤ 5 s at 1M |');
  out('|---|---:|---:|---:|---:|---:|---|');
  for (const [key, ms] of Object.entries(res)) {
    const [engine, size] = key.split(' ');
    const secs = ms.map((m) => m.seconds);
    const ratios = ms.map((m) => m.seconds / m.rawSeconds);
    const goal =
      Number(size) >= 1_000_000
        ? median(secs) <= 5
          ? 'met'
          : 'MISSED'
        : `(${fmt((median(secs) * 1_000_000) / Number(size), 1)} s per 1M, linear)`;
    out(
      `| ${engine} | ${Number(size).toLocaleString('en-US')} | ${fmt(median(secs), 2)} | ${fmtRange(secs, 2)} | ${fmt(median(ms.map((m) => m.rawSeconds)), 2)} | ${fmt(median(ratios), 2)} (${fmtRange(ratios, 2)}) | ${goal} |`,
    );
  }
  out();
}

// ---------------------------------------------------------------------------------------------

async function rateRounds(reps: number) {
  const res: Record<string, RateResult[]> = {};
  for (let rep = 0; rep < reps; rep++) {
    for (const engine of rotate(['postgres-2w', 'pglite'] as const, rep)) {
      log(`rate exactness ${engine} 30/s × 20 s (rep ${rep + 1}/${reps})`);
      try {
        let r: RateResult;
        if (engine === 'postgres-2w') {
          const host = await pgHost(fake);
          try {
            r = await rateExactness(host, 30, 20, 2);
          } finally {
            await host.close();
          }
        } else r = await onPglite<RateResult>(fake, 'rate', { rate: 30, seconds: 20 });
        log(`  achieved ${fmt(r.achieved, 2)}/s, fullest 1-s window ${r.maxPerSecond}`);
        if (r.duplicates) failures.push(`rate ${engine}: ${r.duplicates} duplicates`);
        (res[engine] ??= []).push(r);
      } catch (error) {
        failures.push(`rate ${engine}: ${String((error as Error).message).slice(0, 2000)}`);
        log(`  ERROR ${String((error as Error).message).slice(0, 2000)}`);
      }
    }
  }
  results.rate = res;
  out('### Rate exactness — channel limited to 30 msg/s, measured over 20 s from the first delivery');
  out();
  out('| engine | achieved msg/s (median) | range | × nominal | fullest 1-s window (max) | target ≥ 29.5/s, no window > 30 |');
  out('|---|---:|---:|---:|---:|---|');
  for (const [engine, rs] of Object.entries(res)) {
    const a = rs.map((r) => r.achieved);
    const worst = Math.max(...rs.map((r) => r.maxPerSecond));
    out(
      `| ${engine} | ${fmt(median(a), 2)} | ${fmtRange(a, 2)} | ${fmt(median(a) / 30, 3)} | ${worst} | ${Math.min(...a) >= 29.5 && worst <= 30 ? 'met' : median(a) >= 29.5 && worst <= 30 ? 'met (median)' : 'MISSED'} |`,
    );
  }
  out();
}

// ---------------------------------------------------------------------------------------------

async function fairnessRounds(reps: number) {
  const res: Record<string, FairnessResult[]> = {};
  const size = 200_000;
  for (let rep = 0; rep < reps; rep++) {
    for (const engine of rotate(['postgres-2w', 'pglite'] as const, rep)) {
      log(`fairness ${engine}: 1 recipient behind ${size.toLocaleString('en-US')} at 1000/s (rep ${rep + 1}/${reps})`);
      try {
        let r: FairnessResult;
        if (engine === 'postgres-2w') {
          const host = await pgHost(fake);
          try {
            r = await fairness(host, size, 1000, 2);
          } finally {
            await host.close();
          }
        } else r = await onPglite<FairnessResult>(fake, 'fairness', { size, rate: 1000 });
        log(`  idle ${fmt(r.idleDelayMs)} ms, behind the broadcast ${fmt(r.loadedDelayMs)} ms (broadcast at ${fmt(r.broadcastRate)}/s)`);
        (res[engine] ??= []).push(r);
      } catch (error) {
        failures.push(`fairness ${engine}: ${String((error as Error).message).slice(0, 2000)}`);
        log(`  ERROR ${String((error as Error).message).slice(0, 2000)}`);
      }
    }
  }
  results.fairness = res;
  out(
    `### Fairness — one single-recipient send enqueued while a ${size.toLocaleString('en-US')}-recipient broadcast runs on the same channel (1000 msg/s)`,
  );
  out();
  out('| engine | delay behind the broadcast, ms (median) | range | idle-channel delay, ms | × idle | target ≤ 2 s |');
  out('|---|---:|---:|---:|---:|---|');
  for (const [engine, rs] of Object.entries(res)) {
    const d = rs.map((r) => r.loadedDelayMs);
    const ratios = rs.map((r) => r.loadedDelayMs / r.idleDelayMs);
    out(
      `| ${engine} | ${fmt(median(d))} | ${fmtRange(d)} | ${fmt(median(rs.map((r) => r.idleDelayMs)))} | ${fmt(median(ratios), 1)} (${fmtRange(ratios, 1)}) | ${Math.max(...d) <= 2000 ? 'met' : median(d) <= 2000 ? 'met (median)' : 'MISSED'} |`,
    );
  }
  out();
}

// ---------------------------------------------------------------------------------------------

async function memoryReport() {
  // Worker processes of the throughput runs at --size; at 100k too when --size is larger.
  const peaks = (c: Contender) => (tp.get(c) ?? []).flatMap((s) => s.extra?.peakRssMb ?? []);
  const idles = (c: Contender) => (tp.get(c) ?? []).flatMap((s) => s.extra?.idleRssMb ?? []);
  const small = new Map<Contender, { peak: number[]; idle: number[] }>();
  if (SIZE !== 100_000) {
    for (let rep = 0; rep < REPS; rep++) {
      for (const c of ['botcast-pg-1w', 'botcast-pg-2w'] as const) {
        if (!contenders.includes(c)) continue;
        log(`memory ${c} at 100,000 (rep ${rep + 1}/${REPS})`);
        try {
          const s = await runContender(c, 100_000);
          if (s.verified) failures.push(`memory ${c} 100k: ${s.verified}`);
          const e = small.get(c) ?? { peak: [], idle: [] };
          e.peak.push(...(s.extra?.peakRssMb ?? []));
          e.idle.push(...(s.extra?.idleRssMb ?? []));
          small.set(c, e);
        } catch (error) {
          failures.push(`memory ${c} 100k: ${String((error as Error).message).slice(0, 2000)}`);
        }
      }
    }
  }
  out('### Memory — peak RSS (VmHWM) of a Botcast worker process, PostgreSQL mode');
  out();
  out('| workers | recipients | peak RSS, MB (median) | range | idle RSS after start, MB | × idle | × at 100k | target ≤ 200 MB, flat |');
  out('|---|---:|---:|---:|---:|---:|---:|---|');
  const mem: Record<string, unknown> = {};
  for (const c of ['botcast-pg-1w', 'botcast-pg-2w'] as const) {
    if (!tp.has(c)) continue;
    const at100k = SIZE === 100_000 ? peaks(c) : (small.get(c)?.peak ?? []);
    const rows: Array<[number, number[], number[]]> =
      SIZE === 100_000
        ? [[SIZE, peaks(c), idles(c)]]
        : [
            [100_000, at100k, small.get(c)?.idle ?? []],
            [SIZE, peaks(c), idles(c)],
          ];
    for (const [size, p, idle] of rows) {
      const flat = median(p) / median(at100k);
      out(
        `| ${c.slice(-2)} | ${size.toLocaleString('en-US')} | ${fmt(median(p))} | ${fmtRange(p)} | ${fmt(median(idle))} | ${fmt(median(p) / median(idle), 2)} | ${fmt(flat, 2)} | ${Math.max(...p) <= 200 && (size === 100_000 || flat <= 1.25) ? 'met' : 'MISSED'} |`,
      );
      mem[`${c} ${size}`] = { peak: p, idle };
    }
  }
  out();
  results.memory = mem;
}

// ---------------------------------------------------------------------------------------------

async function killRounds(reps: number) {
  const size = Math.min(SIZE, KILL_SIZE);
  const window = inFlightWindow({ batchSize: BATCH, concurrency: CONCURRENCY });
  const res: CrashResult[] = [];
  const at = [0.3, 0.5, 0.7];
  for (let rep = 0; rep < reps; rep++) {
    log(`kill -9 of the worker at ${at[rep % 3] * 100}% of ${size.toLocaleString('en-US')} (rep ${rep + 1}/${reps})`);
    const host = await pgHost(fake, { env: { BOTCAST_WORKER_STALE_MS: '3000' } });
    try {
      const r = await crash(host, size, at[rep % 3], window);
      log(
        `  ${r.unknown} unknown (${r.unknownReached} reached the server, ${r.unknownNeverSent} never sent); duplicates ${r.duplicates}; sent but not received ${r.sentNotReceived}`,
      );
      if (r.duplicates || r.sentNotReceived)
        failures.push(`kill rep ${rep + 1}: ${r.duplicates} duplicates, ${r.sentNotReceived} sent but not received`);
      res.push(r);
    } catch (error) {
      failures.push(`kill rep ${rep + 1}: ${String((error as Error).message).slice(0, 2000)}`);
      log(`  ERROR ${String((error as Error).message).slice(0, 2000)}`);
    } finally {
      await host.close();
    }
  }
  results.kill = res;
  out(`### kill -9 of the only worker mid-run (PostgreSQL, ${size.toLocaleString('en-US')} recipients), then a new worker`);
  out();
  out(
    `In-flight window of a worker on one channel = 2 pumps × BOTCAST_WORKER_BATCH + BOTCAST_WORKER_CONCURRENCY + 256 answers waiting to be written = 2 × ${BATCH} + ${CONCURRENCY} + 256 = ${window} (src/engine/worker.ts, inFlightWindow).`,
  );
  out();
  out(
    '| killed after (delivered) | unknown | of which reached the server | of which never sent | × window | sent twice | counted sent, not received | target ≤ window |',
  );
  out('|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of res) {
    out(
      `| ${r.killedAfter.toLocaleString('en-US')} | ${r.unknown} | ${r.unknownReached} | ${r.unknownNeverSent} | ${fmt(r.unknown / window, 2)} | ${r.duplicates} | ${r.sentNotReceived} | ${r.unknown <= window ? 'met' : 'MISSED'} |`,
    );
  }
  out();
}

// ---------------------------------------------------------------------------------------------

async function retentionRounds(reps: number) {
  const old = RETENTION_OLD;
  const size = 200_000;
  const res: RetentionRep[] = [];
  for (let rep = 0; rep < reps; rep++) {
    log(
      `retention: ${size.toLocaleString('en-US')} deliveries alone, then while ${old.toLocaleString('en-US')} old deliveries are deleted (rep ${rep + 1}/${reps})`,
    );
    const host = await pgHost(fake);
    try {
      const r = await retentionImpact(host, size, old);
      log(
        `  baseline ${fmt(r.baselineRate)}/s, during retention ${fmt(r.duringRate)}/s (${fmt(r.overlapSeconds, 1)} s overlap); retention ${fmt(r.retentionSeconds, 1)} s for ${r.deleted}${r.verified ? `  FAILED: ${r.verified}` : ''}`,
      );
      if (r.verified) failures.push(`retention rep ${rep + 1}: ${r.verified}`);
      res.push(r);
    } catch (error) {
      failures.push(`retention rep ${rep + 1}: ${String((error as Error).message).slice(0, 2000)}`);
      log(`  ERROR ${String((error as Error).message).slice(0, 2000)}`);
    } finally {
      await host.close();
    }
  }
  results.retention = res;
  out(
    `### Retention under load — PostgreSQL, 1 worker, ${size.toLocaleString('en-US')}-recipient broadcast alone, then while retention deletes ${old.toLocaleString('en-US')} old deliveries`,
  );
  out();
  out(
    '| rep | baseline deliveries/s | during retention, deliveries/s | × baseline | overlap, s | retention, s | deleted | deleted rows/s | target drop < 20 % |',
  );
  out('|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  res.forEach((r, i) => {
    const ratio = r.duringRate / r.baselineRate;
    out(
      `| ${i + 1} | ${fmt(r.baselineRate)} | ${fmt(r.duringRate)} | ${fmt(ratio, 2)} | ${fmt(r.overlapSeconds, 1)} | ${fmt(r.retentionSeconds, 1)} | ${r.deleted.toLocaleString('en-US')} | ${fmt(r.deleted / r.retentionSeconds)} | ${ratio > 0.8 ? 'met' : 'MISSED'} |`,
    );
  });
  const ratios = res.map((r) => r.duringRate / r.baselineRate);
  if (res.length) out(`\nMedian × baseline ${fmt(median(ratios), 2)} (${fmtRange(ratios, 2)}).`);
  out();
}

// ---------------------------------------------------------------------------------------------

try {
  const cpu = cpus();
  out(`## Botcast delivery benchmark — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  out();
  out(
    `Code: ${codeVersion()}. Machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM; Node ${process.version}; PostgreSQL ${await pgVersion()}; size ${SIZE.toLocaleString('en-US')}; ${REPS} repetitions, interleaved.`,
  );
  out();
  if (contenders.length && (wants('throughput') || wants('memory') || contenders.some((c) => only?.includes(c)))) {
    await throughputRounds(SIZE, REPS);
    printThroughput(SIZE);
  }
  if (wants('materialise')) await materialiseRounds([...new Set([100_000, SIZE])], REPS);
  saveResults();
  if (wants('rate')) await rateRounds(REPS_EXTRA);
  saveResults();
  if (wants('fairness')) await fairnessRounds(REPS_EXTRA);
  saveResults();
  if (wants('memory') && (tp.has('botcast-pg-1w') || tp.has('botcast-pg-2w'))) await memoryReport();
  saveResults();
  if (wants('kill')) await killRounds(Math.max(2, REPS_EXTRA));
  saveResults();
  if (wants('retention')) await retentionRounds(Math.max(2, REPS_EXTRA));
  saveResults();
  if (wants('latency')) results.latency = await latencyRounds(fake, Math.max(5, REPS), { out, log, failures });
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
