// Fairness: the delay of a one-recipient send enqueued behind a 200k broadcast on the same
// channel (1000 msg/s), against the same send on an idle channel.
import { fairness, type FairnessResult } from './botcast.ts';
import { onPglite, pgHost } from './hosts.ts';
import { median } from './lib.ts';
import { fmt, fmtRange, log, rotate, type Bench } from './rounds.ts';

export async function fairnessRounds(bench: Bench, reps: number) {
  const { fake, failures, results, out } = bench;
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
