// Memory: peak RSS of a Botcast worker process on PostgreSQL, from the throughput runs at
// --size, and from extra runs at 100k when --size is larger (flat in the size, or not).
import { median } from './lib.ts';
import { fmt, fmtRange, log, type Bench } from './rounds.ts';
import { runContender, type Contender, type Samples, type ThroughputSettings } from './throughput-rounds.ts';

export async function memoryReport(bench: Bench, settings: ThroughputSettings, tp: Samples, runSize: number, reps: number) {
  const { failures, out, results } = bench;
  const { contenders } = settings;
  // Worker processes of the throughput runs at --size; at 100k too when --size is larger.
  const peaks = (c: Contender) => (tp.get(c) ?? []).flatMap((s) => s.extra?.peakRssMb ?? []);
  const idles = (c: Contender) => (tp.get(c) ?? []).flatMap((s) => s.extra?.idleRssMb ?? []);
  const small = new Map<Contender, { peak: number[]; idle: number[] }>();
  if (runSize !== 100_000) {
    for (let rep = 0; rep < reps; rep++) {
      for (const c of ['botcast-pg-1w', 'botcast-pg-2w'] as const) {
        if (!contenders.includes(c)) continue;
        log(`memory ${c} at 100,000 (rep ${rep + 1}/${reps})`);
        try {
          const s = await runContender(bench, settings, c, 100_000);
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
    const at100k = runSize === 100_000 ? peaks(c) : (small.get(c)?.peak ?? []);
    const rows: Array<[number, number[], number[]]> =
      runSize === 100_000
        ? [[runSize, peaks(c), idles(c)]]
        : [
            [100_000, at100k, small.get(c)?.idle ?? []],
            [runSize, peaks(c), idles(c)],
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
