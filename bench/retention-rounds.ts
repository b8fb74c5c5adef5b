// Retention under load: the rounds of bench/retention.ts — delivery throughput alone, then while
// the retention job deletes `old` old deliveries — and their table.
import { pgHost } from './hosts.ts';
import { median } from './lib.ts';
import { retentionImpact, type RetentionRep } from './retention.ts';
import { fmt, fmtRange, log, type Bench } from './rounds.ts';

export async function retentionRounds(bench: Bench, old: number, reps: number) {
  const { fake, failures, results, out } = bench;
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
