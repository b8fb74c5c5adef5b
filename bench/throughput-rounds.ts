// Throughput: every contender delivers `--size` messages to the fake server, rate limits off —
// the raw HTTP ceiling (an undici Pool, autocannon), Botcast on PostgreSQL with 1 and 2 worker
// processes and on PGlite, pg-boss tuned and typical — interleaved, with CPU per delivery and,
// for Botcast, end-to-end rate, materialisation time and worker memory.
import { onPglite, pgHost } from './hosts.ts';
import { exactlyOnce, median, pgCpuSeconds, serverRate, startChild, token, type CpuUse } from './lib.ts';
import { PGBOSS_TUNED, PGBOSS_TYPICAL, pgBossRun } from './pgboss.ts';
import { throughput, type ThroughputResult } from './botcast.ts';
import { CONCURRENCY, fmt, fmtRange, log, rotate, type Bench } from './rounds.ts';

export const CONTENDERS = [
  'ceiling-pool',
  'autocannon',
  'botcast-pg-1w',
  'botcast-pg-2w',
  'botcast-pglite',
  'pgboss-tuned',
  'pgboss-typical',
] as const;
export type Contender = (typeof CONTENDERS)[number];

export interface ThroughputSettings {
  /** The contenders this run measures (--only), in their table order. */
  contenders: readonly Contender[];
  /** --cpu-prof: a folder for the Botcast processes' CPU profiles. */
  cpuProfDir?: string;
  /** --typical-size: the recipients of pgboss-typical, which is slow. */
  typicalSize: number;
}

export interface TpSample {
  rate: number;
  verified: string | null;
  delivered: number;
  cpu?: CpuUse;
  extra?: ThroughputResult;
}

/** The samples of each contender, one a repetition. */
export type Samples = Map<Contender, TpSample[]>;

export async function runContender(bench: Bench, settings: ThroughputSettings, c: Contender, size: number): Promise<TpSample> {
  const { fake } = bench;
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
      const host = await pgHost(fake, { cpuProfDir: settings.cpuProfDir });
      try {
        const r = await throughput(host, size, c === 'botcast-pg-1w' ? 1 : 2);
        return { rate: r.rate, verified: r.verified, delivered: r.summary.delivered, cpu: r.cpu, extra: r };
      } finally {
        await host.close();
      }
    }
    case 'botcast-pglite': {
      const r = await onPglite<ThroughputResult>(fake, 'throughput', { size }, settings.cpuProfDir);
      return { rate: r.rate, verified: r.verified, delivered: r.summary.delivered, cpu: r.cpu, extra: r };
    }
    case 'pgboss-tuned': {
      const r = await pgBossRun(fake, size, PGBOSS_TUNED);
      return { rate: r.rate, verified: r.verified, delivered: r.summary.delivered, cpu: r.cpu };
    }
    case 'pgboss-typical': {
      const r = await pgBossRun(fake, Math.min(size, settings.typicalSize), PGBOSS_TYPICAL);
      return { rate: r.rate, verified: r.verified, delivered: r.summary.delivered, cpu: r.cpu };
    }
  }
}

export async function throughputRounds(bench: Bench, settings: ThroughputSettings, tp: Samples, size: number, reps: number) {
  const { failures, results } = bench;
  const { contenders } = settings;
  for (let rep = 0; rep < reps; rep++) {
    for (const c of rotate(contenders, rep)) {
      log(`throughput ${c} ${size.toLocaleString('en-US')} (rep ${rep + 1}/${reps})`);
      try {
        const s = await runContender(bench, settings, c, size);
        if (s.verified) failures.push(`throughput ${c} rep ${rep + 1}: ${s.verified}`);
        log(
          `  ${fmt(s.rate)} deliveries/s${s.verified ? `  FAILED: ${s.verified}` : ''}${s.extra ? `; worker peak RSS ${s.extra.peakRssMb.map((m) => fmt(m)).join(', ')} MB` : ''}`,
        );
        (tp.get(c) ?? tp.set(c, []).get(c)!).push(s);
        results.throughput = Object.fromEntries(tp);
        bench.saveResults();
      } catch (error) {
        failures.push(`throughput ${c} rep ${rep + 1}: ${String((error as Error).message).slice(0, 2000)}`);
        log(`  ERROR ${String((error as Error).message).slice(0, 2000)}`);
        (tp.get(c) ?? tp.set(c, []).get(c)!).push({ rate: NaN, verified: 'error', delivered: 0 });
      }
    }
  }
}

/** Per repetition ratio a/b (same round), as median and range. */
function ratioOf(tp: Samples, a: Contender, b: Contender): number[] {
  const xs = tp.get(a) ?? [];
  const ys = tp.get(b) ?? [];
  return xs.map((x, i) => x.rate / (ys[i]?.rate ?? NaN));
}

export function printThroughput(bench: Bench, settings: ThroughputSettings, tp: Samples, size: number) {
  const { out, results } = bench;
  const { contenders } = settings;
  out(`### Throughput — ${size.toLocaleString('en-US')} recipients, rate limits off, ${CONCURRENCY} requests in flight per process`);
  out();
  out('| contender | deliveries/s (median) | range | × ceiling (undici Pool) | × pg-boss tuned | exactly once |');
  out('|---|---:|---:|---:|---:|---|');
  const best = (c: Contender) => median((tp.get(c) ?? []).map((s) => s.rate));
  for (const c of contenders) {
    const samples = tp.get(c) ?? [];
    const rates = samples.map((s) => s.rate);
    const vsCeiling = tp.has('ceiling-pool') ? ratioOf(tp, c, 'ceiling-pool') : [];
    const vsBoss = tp.has('pgboss-tuned') ? ratioOf(tp, c, 'pgboss-tuned') : [];
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
        ? target(`${pgBestName} / pg-boss tuned`, ratioOf(tp, pgBestName as Contender, 'pgboss-tuned'), 5)
        : null,
      Number.isFinite(pgBest) ? target(`${pgBestName} / ceiling`, ratioOf(tp, pgBestName as Contender, 'ceiling-pool'), 0.6) : null,
      tp.has('botcast-pglite') ? target('botcast-pglite / ceiling', ratioOf(tp, 'botcast-pglite', 'ceiling-pool'), 0.3) : null,
    ].filter((r): r is string => !!r);
    if (rows.length) {
      out('| throughput target | median ratio | target | |');
      out('|---|---:|---:|---|');
      rows.forEach((r) => out(r));
      out();
    }
  }
}
