// Rate exactness: a channel limited to 30 msg/s for 20 s, on PostgreSQL (2 workers) and PGlite:
// the achieved rate and the fullest 1-second window at the fake server.
import { rateExactness, type RateResult } from './botcast.ts';
import { onPglite, pgHost } from './hosts.ts';
import { median } from './lib.ts';
import { fmt, fmtRange, log, rotate, type Bench } from './rounds.ts';

export async function rateRounds(bench: Bench, reps: number) {
  const { fake, failures, results, out } = bench;
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
