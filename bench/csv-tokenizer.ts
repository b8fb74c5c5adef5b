// The hand-written CSV tokenizer (src/imports/csv-tokenizer.ts) against csv-parse on the same input:
// 1,000,000 Telegram-like ids (9–10 digits, CRLF, a title row, every 10th one quoted) in memory, fed
// in 64 KB chunks like a file stream. Both split on `,` `;` and tab, trim values and accept any
// number of fields per record; each is given every record and counts its fields. Runs alternate
// (tokenizer, csv-parse, tokenizer, …) and the medians are compared. Not run by the tests.
//
//   node --import tsx bench/csv-tokenizer.ts [count] [repetitions]   (defaults 1000000 and 3)
import { parse } from 'csv-parse';
import { CsvTokenizer } from '../src/imports/csv-tokenizer.ts';

const count = Number(process.argv[2] ?? 1_000_000);
const repetitions = Number(process.argv[3] ?? 3);
const CHUNK = 64 * 1024;

function generate(n: number): Buffer {
  const out = Buffer.allocUnsafe(32 + n * 16);
  let at = out.write('telegram user id\r\n');
  let id = 100_000_000;
  for (let i = 0; i < n; i++) {
    id += 1 + ((i * 7919) % 997);
    at += out.write(i % 10 === 0 ? `"${id}"\r\n` : `${id}\r\n`, at);
  }
  return out.subarray(0, at);
}

const input = generate(count);

interface Result {
  records: number;
  fields: number;
  wallMs: number;
  cpuMs: number;
}

function timed(run: () => Promise<{ records: number; fields: number }>): Promise<Result> {
  return (async () => {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const r = await run();
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpu = process.cpuUsage(cpu0);
    return { ...r, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
  })();
}

async function tokenizer() {
  let records = 0;
  let fields = 0;
  const t = new CsvTokenizer({
    separators: 'any',
    keepEmpty: false,
    maxFieldBytes: 4096,
    maxFields: 2,
    onRecord(record) {
      records++;
      fields += record.fields.length;
    },
  });
  for (let i = 0; i < input.length; i += CHUNK) {
    t.write(input.subarray(i, i + CHUNK));
    if ((i / CHUNK) % 16 === 15) await new Promise<void>((resolve) => setImmediate(resolve)); // a stream yields between chunks
  }
  t.end();
  return { records, fields };
}

function csvParse() {
  return new Promise<{ records: number; fields: number }>((resolve, reject) => {
    let records = 0;
    let fields = 0;
    const parser = parse({
      delimiter: [',', ';', '\t'],
      trim: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
    });
    parser.on('readable', () => {
      let record: string[] | null;
      while ((record = parser.read() as string[] | null) !== null) {
        records++;
        fields += record.length;
      }
    });
    parser.on('error', reject);
    parser.on('end', () => resolve({ records, fields }));
    let i = 0;
    const writeMore = () => {
      while (i < input.length) {
        const ok = parser.write(input.subarray(i, i + CHUNK));
        i += CHUNK;
        if (!ok) return void parser.once('drain', writeMore);
      }
      parser.end();
    };
    writeMore();
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ours: Result[] = [];
const theirs: Result[] = [];
for (let r = 0; r < repetitions; r++) {
  ours.push(await timed(tokenizer));
  theirs.push(await timed(csvParse));
}
const [o, t] = [ours[0], theirs[0]];
if (o.records !== t.records || o.fields !== t.fields) {
  console.error(`results differ: tokenizer ${o.records} records/${o.fields} fields, csv-parse ${t.records}/${t.fields}`);
  process.exit(1);
}
const fmt = (rs: Result[]) =>
  `${median(rs.map((x) => x.wallMs)).toFixed(0)} ms wall (${rs.map((x) => x.wallMs.toFixed(0)).join(', ')}), ${median(rs.map((x) => x.cpuMs)).toFixed(0)} ms CPU`;
console.log(
  `input: ${count.toLocaleString('en')} ids + a title row, ${(input.length / 1024 / 1024).toFixed(1)} MB; ${o.records.toLocaleString('en')} records each; node ${process.version}`,
);
console.log(`tokenizer  ${fmt(ours)}`);
console.log(`csv-parse  ${fmt(theirs)}`);
const wall = median(theirs.map((x) => x.wallMs)) / median(ours.map((x) => x.wallMs));
const cpu = median(theirs.map((x) => x.cpuMs)) / median(ours.map((x) => x.cpuMs));
console.log(`csv-parse / tokenizer: ${wall.toFixed(1)}× wall, ${cpu.toFixed(1)}× CPU (medians of ${repetitions})`);
