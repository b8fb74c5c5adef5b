// The ceiling: the fake server hammered directly, with no database at all.
//   pool:        an undici Pool loop (Botcast's client stack), `connections` requests in flight,
//                one sendMessage per recipient 1..size, JSON in and out;
//   autocannon:  autocannon with `connections` connections, `size` requests.
// Prints {"result": {...}} and exits.
import { createRequire } from 'node:module';
import { Pool } from 'undici';
import { TEXT } from './lib.ts';

const spec = JSON.parse(process.argv[2]) as { mode: 'pool' | 'autocannon'; url: string; token: string; size: number; connections: number };
const path = `/bot${spec.token}/sendMessage`;
let result: unknown;
const u0 = process.cpuUsage();
if (spec.mode === 'pool') {
  const pool = new Pool(spec.url, { connections: spec.connections, pipelining: 1 });
  let next = 0;
  let errors = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: spec.connections }, async () => {
      while (next < spec.size) {
        const id = ++next;
        const res = await pool.request({
          path,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ chat_id: id, text: TEXT }),
        });
        const body = (await res.body.json()) as { ok?: boolean };
        if (res.statusCode !== 200 || body.ok !== true) errors++;
      }
    }),
  );
  result = { seconds: (performance.now() - t) / 1000, errors };
  await pool.close();
} else {
  const autocannon = createRequire(import.meta.url)('autocannon') as (
    opts: object,
  ) => Promise<{ duration: number; requests: { total: number; average: number }; errors: number; non2xx: number }>;
  const r = await autocannon({
    url: spec.url + path,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ chat_id: 1, text: TEXT }),
    connections: spec.connections,
    pipelining: 1,
    amount: spec.size,
  });
  result = { seconds: r.duration, total: r.requests.total, average: r.requests.average, errors: r.errors, non2xx: r.non2xx };
}
const usage = process.cpuUsage(u0);
process.stdout.write(JSON.stringify({ result: { ...(result as object), cpuSeconds: (usage.user + usage.system) / 1e6 } }) + '\n');
process.exit(0);
