// Timing of the "selected users" CSV parser: 1,000,000 distinct Telegram-like ids (9–10 digits,
// CRLF, a title row) generated in memory, fed in 64 KB chunks like a file stream, parsed with a
// platform predicate. Prints parse time (wall and CPU) and peak RSS. Not run by the tests.
//
//   node --expose-gc --import tsx bench/csv-parse.ts [count]   (count default 1000000; --expose-gc optional)
import { parseSelectedUsersCsv } from '../src/imports/selected-users-csv.ts';

const count = Number(process.argv[2] ?? 1_000_000);
const CHUNK = 64 * 1024;

function generate(n: number): Buffer {
  const out = Buffer.allocUnsafe(32 + n * 16);
  let at = out.write('telegram user id\r\n');
  let id = 100_000_000;
  for (let i = 0; i < n; i++) {
    id += 1 + ((i * 7919) % 997); // distinct, increasing, irregular
    at += out.write(i % 10 === 0 ? `"${id}"\r\n` : `${id}\r\n`, at);
  }
  return out.subarray(0, at);
}

async function* chunks(buf: Buffer): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += CHUNK) yield buf.subarray(i, i + CHUNK);
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1) + ' MB';
const input = generate(count);
(globalThis as { gc?: () => void }).gc?.();
const rssBefore = process.memoryUsage().rss;
const isValidId = (id: string) => /^[1-9]\d{0,19}$/.test(id);

const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
let ids = 0;
let batches = 0;
let peakRss = rssBefore;
for await (const batch of parseSelectedUsersCsv(chunks(input), { isValidId, maxRows: Math.max(count, 1_000_000), maxBytes: Infinity })) {
  ids += batch.ids.length;
  batches++;
  if (batches % 20 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const maxRss = process.resourceUsage().maxRSS * 1024;

console.log(`input: ${count.toLocaleString('en')} ids, ${mb(input.length)}`);
console.log(
  `parsed ${ids.toLocaleString('en')} ids in ${batches} batches: ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU ` +
    `(incl. GC threads; on a busy machine trust CPU over wall)`,
);
console.log(
  `RSS before parse ${mb(rssBefore)}, peak during parse ${mb(peakRss)} (+${mb(peakRss - rssBefore)}), process max RSS ${mb(maxRss)}`,
);
