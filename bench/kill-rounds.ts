// kill -9 of the only worker mid-run on PostgreSQL, then a new worker: how many deliveries end
// `unknown`, against the worker's in-flight window; none sent twice, none counted but not received.
import { inFlightWindow } from '../src/engine/worker-sizing.ts';
import { crash, type CrashResult } from './botcast.ts';
import { pgHost } from './hosts.ts';
import { BATCH, CONCURRENCY, fmt, log, type Bench } from './rounds.ts';

export async function killRounds(bench: Bench, size: number, reps: number) {
  const { fake, failures, results, out } = bench;
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
    `In-flight window of a worker on one channel = 2 pumps × BOTCAST_WORKER_BATCH + BOTCAST_WORKER_CONCURRENCY + 256 answers waiting to be written = 2 × ${BATCH} + ${CONCURRENCY} + 256 = ${window} (src/engine/worker-sizing.ts, inFlightWindow).`,
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
