// A pg-boss 10 worker process for the baseline: one job per message, each job one Telegram
// sendMessage through the same HTTP client Botcast uses (src/platforms/http.ts), at most
// `concurrency` requests in flight. v10 has no teamSize: parallelism comes from `loops` work()
// registrations fetching `batchSize` jobs each. Prints {"ready":true} once polling.
import PgBoss from 'pg-boss';
import { httpCall } from '../src/platforms/http.ts';
import { Semaphore } from '../src/engine/semaphore.ts';
import { TEXT } from './lib.ts';
import { configureOutboundPolicy } from '../src/security/outbound-policy.ts';

// The fake platform listens on 127.0.0.1, which the outbound policy refuses unless allowed (a Botcast
// process allows it with BOTCAST_ALLOW_PRIVATE_BASE_URLS=true; this worker runs without an app).
configureOutboundPolicy({ allowPrivate: true });

const spec = JSON.parse(process.argv[2]) as {
  db: string;
  target: string;
  loops: number;
  batchSize: number;
  pollingIntervalSeconds: number;
  concurrency: number;
  poolMax: number;
};
const boss = new PgBoss({ connectionString: spec.db, max: spec.poolMax, supervise: false, schedule: false, migrate: false });
boss.on('error', (error) => process.stderr.write(`pg-boss: ${String(error)}\n`));
await boss.start();
const semaphore = new Semaphore(spec.concurrency);

async function send(chatId: number) {
  await semaphore.acquire();
  try {
    const result = await httpCall(spec.target, { json: { chat_id: chatId, text: TEXT }, timeoutMs: 15_000 });
    if (result.kind !== 'response' || result.status !== 200)
      throw new Error(result.kind === 'response' ? `HTTP ${result.status}` : result.message);
  } finally {
    semaphore.release();
  }
}

for (let i = 0; i < spec.loops; i++) {
  await boss.work<{ c: number }>(
    'send',
    { batchSize: spec.batchSize, pollingIntervalSeconds: spec.pollingIntervalSeconds },
    async (jobs) => {
      await Promise.all(jobs.map((job) => send(job.data.c)));
    },
  );
}
process.stdout.write(JSON.stringify({ ready: true }) + '\n');

process.on('SIGTERM', () => {
  void boss.stop({ graceful: false, wait: false }).finally(() => process.exit(0));
});
