// Receipts under a burst: the rounds of bench/receipts.ts and their table (target: receipts
// recorded at ≥ 0.5× the rate of a bare batched insert into deliveries, measured in the same rep).
import { pgHost } from './hosts.ts';
import { median } from './lib.ts';
import { POSTERS, receiptsBurst, type ReceiptsRep } from './receipts.ts';
import { fmt, fmtRange, log, type Bench } from './rounds.ts';

export async function receiptsRounds(bench: Bench, size: number, reps: number, perRequest = 100) {
  const { fake, failures, results, out } = bench;
  const res: ReceiptsRep[] = [];
  for (let rep = 0; rep < reps; rep++) {
    log(
      `receipts: ${size.toLocaleString('en-US')} WhatsApp receipts, ${perRequest} per webhook, vs a bare batched insert (rep ${rep + 1}/${reps})`,
    );
    const host = await pgHost(fake);
    try {
      const r = await receiptsBurst(host, size, perRequest);
      log(
        `  bare insert ${fmt(r.insertRate)} rows/s, receipts ${fmt(r.receiptRate)}/s (${r.requests} requests)${r.verified ? `  FAILED: ${r.verified}` : ''}`,
      );
      if (r.verified) failures.push(`receipts rep ${rep + 1}: ${r.verified}`);
      res.push(r);
    } catch (error) {
      failures.push(`receipts rep ${rep + 1}: ${String((error as Error).message).slice(0, 2000)}`);
      log(`  ERROR ${String((error as Error).message).slice(0, 2000)}`);
    } finally {
      await host.close();
    }
  }
  results.receipts = res;
  out(
    `### Delivery receipts — PostgreSQL, ${size.toLocaleString('en-US')} WhatsApp statuses posted by ${POSTERS} connections, ${perRequest} per webhook`,
  );
  out();
  out('| rep | bare batched insert, rows/s | receipts recorded/s | × insert | requests | target ≥ 0.5× |');
  out('|---:|---:|---:|---:|---:|---|');
  res.forEach((r, i) => {
    const ratio = r.receiptRate / r.insertRate;
    out(
      `| ${i + 1} | ${fmt(r.insertRate)} | ${fmt(r.receiptRate)} | ${fmt(ratio, 2)} | ${r.requests.toLocaleString('en-US')} | ${ratio >= 0.5 ? 'met' : 'MISSED'} |`,
    );
  });
  const ratios = res.map((r) => r.receiptRate / r.insertRate);
  if (res.length) out(`\nMedian × insert ${fmt(median(ratios), 2)} (${fmtRange(ratios, 2)}).`);
  out();
}
