// The fake platform server (test/fakes/server.ts, request bodies off) as its own process, plus a
// second small control port that summarises what the server accepted without shipping every
// record over HTTP (a 1M run would be a 150 MB JSON answer):
//
//   node --import tsx bench/fake.ts      prints {"url":"http://127.0.0.1:N","control":"http://127.0.0.1:M"}
//
//   GET  /count?channel=T                  {sends, delivered}               (cheap: incremental)
//   GET  /summary?channel=T&expect=N       {sends, delivered, distinct, duplicates, outOfRange, missing,
//                                           firstT, lastT, maxPerSecond}     (recipients 1..N expected)
//   GET  /first?channel=T&recipient=R      {t}  first delivery to R (null if none)
//   GET  /window?channel=T&from=MS&ms=D    {count}  deliveries with from <= t < from + D
//   GET  /recipients?channel=T             {recipients: [[r, count], ...]}
//   POST /reset                            forgets everything
//
// Records are drained from the server's live array into compact per-channel tallies whenever a
// control request arrives, so the process stays small over a 1M run.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeServer, type FakeRecord } from '../test/fakes/server.ts';

interface Tally {
  sends: number;
  delivered: number;
  /** Delivery times (ms), arrival order. */
  times: number[];
  /** Deliveries per recipient. */
  perRecipient: Map<string, number>;
  /** First delivery time per recipient. */
  firstAt: Map<string, number>;
}

const fake = await startFakeServer({ port: 0, recordBodies: false, control: true });
const tallies = new Map<string, Tally>();

function tally(channel: string): Tally {
  let t = tallies.get(channel);
  if (!t) tallies.set(channel, (t = { sends: 0, delivered: 0, times: [], perRecipient: new Map(), firstAt: new Map() }));
  return t;
}

function drain() {
  const records: FakeRecord[] = fake.records;
  for (const r of records) {
    if (!r.send) continue;
    const t = tally(r.channel);
    t.sends += 1;
    if (!r.delivered) continue;
    t.delivered += 1;
    t.times.push(r.t);
    const key = r.recipient ?? '';
    const n = t.perRecipient.get(key) ?? 0;
    t.perRecipient.set(key, n + 1);
    if (n === 0) t.firstAt.set(key, r.t);
  }
  records.length = 0;
}

function maxPerSecond(times: number[]): number {
  const sorted = Float64Array.from(times).sort();
  let max = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end] - sorted[start] >= 1000) start++;
    if (end - start + 1 > max) max = end - start + 1;
  }
  return max;
}

function summary(t: Tally | undefined, expect: number) {
  if (!t)
    return {
      sends: 0,
      delivered: 0,
      distinct: 0,
      duplicates: 0,
      outOfRange: 0,
      missing: expect,
      firstT: null,
      lastT: null,
      maxPerSecond: 0,
    };
  let duplicates = 0;
  let outOfRange = 0;
  for (const [recipient, n] of t.perRecipient) {
    if (n > 1) duplicates += n - 1;
    const id = Number(recipient);
    if (expect > 0 && !(Number.isInteger(id) && id >= 1 && id <= expect)) outOfRange += 1;
  }
  let firstT = Infinity;
  let lastT = -Infinity;
  for (const x of t.times) {
    if (x < firstT) firstT = x;
    if (x > lastT) lastT = x;
  }
  const distinct = t.perRecipient.size;
  return {
    sends: t.sends,
    delivered: t.delivered,
    distinct,
    duplicates,
    outOfRange,
    missing: expect > 0 ? expect - (distinct - outOfRange) : 0,
    firstT: t.times.length ? firstT : null,
    lastT: t.times.length ? lastT : null,
    maxPerSecond: maxPerSecond(t.times),
  };
}

const control = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const q = url.searchParams;
  const reply = (body: unknown, status = 200) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  drain();
  const channel = q.get('channel') ?? '';
  switch (url.pathname) {
    case '/count': {
      const t = tallies.get(channel);
      return reply({ sends: t?.sends ?? 0, delivered: t?.delivered ?? 0 });
    }
    case '/summary':
      return reply(summary(tallies.get(channel), Number(q.get('expect') ?? 0)));
    case '/first':
      return reply({ t: tallies.get(channel)?.firstAt.get(q.get('recipient') ?? '') ?? null });
    case '/window': {
      const from = Number(q.get('from'));
      const to = from + Number(q.get('ms'));
      let count = 0;
      for (const x of tallies.get(channel)?.times ?? []) if (x >= from && x < to) count++;
      return reply({ count });
    }
    case '/recipients':
      return reply({ recipients: [...(tallies.get(channel)?.perRecipient ?? new Map<string, number>())] });
    case '/forget':
      tallies.delete(channel);
      return reply({ ok: true });
    case '/reset':
      fake.reset();
      tallies.clear();
      return reply({ ok: true });
    default:
      return reply({ error: 'unknown' }, 404);
  }
});
// Clients keep connections alive across polls: never close one under them.
control.keepAliveTimeout = 600_000;
await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', () => resolve()));
process.stdout.write(`${JSON.stringify({ url: fake.url, control: `http://127.0.0.1:${(control.address() as AddressInfo).port}` })}\n`);

const stop = async () => {
  control.close();
  await fake.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
