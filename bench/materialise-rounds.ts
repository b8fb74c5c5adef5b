// Materialisation: a run created → every delivery row inserted, on PostgreSQL and PGlite, at
// 100k and at --size, against a bare INSERT … SELECT of the same rows.
import { materialise, type MaterialiseResult } from './botcast.ts';
import { onPglite, pgHost } from './hosts.ts';
import { median } from './lib.ts';
import { fmt, fmtRange, log, rotate, type Bench } from './rounds.ts';

export async function materialiseRounds(bench: Bench, sizes: number[], reps: number) {
  const { fake, failures, results, out } = bench;
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
