// Delivery receipts under a burst (issue 18): a broadcast run of `size` WhatsApp messages (its
// deliveries marked sent), then one receipt per message (delivered or read, shuffled) is posted to a
// Botcast API process as fast as the poster can — WhatsApp statuses, signed, `perRequest` to a
// webhook body as Meta groups them — and the rate at which they are recorded (every answer waits
// for its batch's commit) is compared with a bare batched INSERT of as many rows into the same
// table, `deliveries`, measured just before on the same database.
import pg from 'pg';
import { createBot } from '../src/services/bots.ts';
import { createChannel } from '../src/services/channels.ts';
import { createBroadcast } from '../src/services/sends/create.ts';
import { RECEIPT_BATCH } from '../src/services/receipts/buffer.ts';
import { seedSubscribers } from '../test/helpers/world.ts';
import { httpPoster, planReceipts, postReceipts } from '../test/fakes/receipts.ts';
import type { FakeRecord } from '../test/fakes/types.ts';
import pino from 'pino';
import { startDueSends } from '../src/engine/scheduler.ts';
import { materialiseNextRun } from '../src/engine/materialise.ts';
import { DEFAULT_ENGINE_SETTINGS } from '../src/engine/types.ts';
import type { Host } from './botcast.ts';
import { SECRET_KEY, startChild, TEXT } from './lib.ts';

const PHONE_NUMBER_ID = '106540352242922';
const APP_SECRET = 'bench-app-secret';
/** Webhook requests in flight at once: "as fast as possible" from one poster. */
export const POSTERS = 256;

export interface ReceiptsRep {
  size: number;
  insertRate: number;
  receiptRate: number;
  requests: number;
  perRequest: number;
  verified: string | null;
}

/** `size` rows into deliveries in statements of RECEIPT_BATCH rows (the receipt batch size): rows/s. */
async function bareInsert(databaseUrl: string, size: number, channelId: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const t0 = performance.now();
    for (let start = 0; start < size; start += RECEIPT_BATCH) {
      const ids = Array.from({ length: Math.min(RECEIPT_BATCH, size - start) }, (_, i) => start + i + 1);
      await client.query(
        `INSERT INTO deliveries (run_id, lane_id, channel_id, subscriber_id, recipient, state, outcome, platform_message_id, delivered_at)
         SELECT -1, -1, $1, u.n, u.n::text, 'sent', 'sent', 'wamid.' || u.n, now() FROM unnest($2::bigint[]) AS u(n)`,
        [channelId, ids],
      );
    }
    const seconds = (performance.now() - t0) / 1000;
    await client.query('DELETE FROM deliveries WHERE run_id = -1');
    return size / seconds;
  } finally {
    await client.end();
  }
}

export async function receiptsBurst(host: Host & { databaseUrl: string }, size: number, perRequest: number): Promise<ReceiptsRep> {
  const { ctx } = host.app;
  const [ws] = await ctx.db.query<{ id: number }>('INSERT INTO workspaces (name) VALUES ($1) RETURNING id', ['bench receipts']);
  const bot = await createBot(ctx, ws.id, { name: 'bench receipts' });
  const channel = await createChannel(ctx, ws.id, bot.id, {
    platform: 'wa',
    credentials: { accessToken: 'bench-wa', phoneNumberId: PHONE_NUMBER_ID, appSecret: APP_SECRET, verifyToken: 'v' },
    ratePerSecond: 1_000_000,
    apiBaseUrl: host.fake.url,
    verify: false,
  });
  await seedSubscribers(ctx.db, {
    workspaceId: ws.id,
    botId: bot.id,
    channelId: channel.id,
    platform: 'wa',
    count: size,
    prefix: '1650',
    startAt: 1_000_000,
  });
  await ctx.db.exec('ANALYZE subscribers');
  const send = await createBroadcast(
    ctx,
    ws.id,
    bot.id,
    { content: { type: 'text', text: TEXT }, channelIds: [channel.id], audience: { type: 'all' }, timing: { type: 'instant' } },
    'bench',
  );
  void send;
  // The run is materialised by the engine's own code and its deliveries then marked sent as the
  // outcome would (the counter trigger follows): what is measured is the receipts, not the sending
  // (the throughput family measures that).
  const engineCtx = {
    db: ctx.db,
    platforms: ctx.platforms,
    sealer: ctx.sealer,
    logger: pino({ level: 'silent' }),
    settings: DEFAULT_ENGINE_SETTINGS,
  };
  await startDueSends(engineCtx);
  const runId = await materialiseNextRun(engineCtx);
  if (runId === null) throw new Error('no run to materialise');
  const run = { id: runId };
  await ctx.db.query(
    `UPDATE deliveries SET state = 'sent', outcome = 'sent', attempts = 1, platform_message_id = 'wamid.HBgL' || id || 'AA==', updated_at = now()
     WHERE run_id = $1`,
    [runId],
  );
  await ctx.db.exec('VACUUM ANALYZE deliveries');

  // The fake's view of what it accepted, from the deliveries themselves (the bench fake keeps no bodies).
  const rows = await ctx.db.query<{ id: number; pmid: string; recipient: string }>(
    `SELECT id, platform_message_id AS pmid, recipient FROM deliveries WHERE run_id = $1 AND state = 'sent'`,
    [run.id],
  );
  const records: FakeRecord[] = rows.map((r) => ({
    t: Date.now(),
    platform: 'wa',
    channel: PHONE_NUMBER_ID,
    method: 'messages',
    recipient: r.recipient,
    send: true,
    body: { biz_opaque_callback_data: `botcast-delivery:${r.id}` },
    status: 200,
    delivered: true,
    fault: undefined,
    duplicate: false,
    messageId: r.pmid,
  }));
  // One receipt per message: delivered, or read without its delivered (the read counts both).
  const plan = planReceipts(records, [{ platform: 'wa', fakeChannel: PHONE_NUMBER_ID, channelId: channel.id, secret: APP_SECRET }], {
    seed: 11,
    delivered: 1,
    read: 0.5,
    lostDelivered: 1,
    duplicates: 0,
  });

  const insertRate = await bareInsert(host.databaseUrl, size, channel.id);

  const api = await startChild(['bin/botcast.js', 'api', '--port', '0'], {
    env: { DATABASE_URL: host.databaseUrl, BOTCAST_SECRET_KEY: SECRET_KEY, LOG_LEVEL: 'warn', HOST: '127.0.0.1' },
    ready: (m) => (m as { botcast?: string }).botcast === 'ready',
    label: 'botcast api',
  });
  try {
    const port = (api.hello as { port: number }).port;
    const posted = await postReceipts(httpPoster(`http://127.0.0.1:${port}`), plan, { concurrency: POSTERS, perRequest });
    const report = plan.report.get(channel.id)!;
    const [lane] = await ctx.db.query<{ delivered: number; read: number }>(
      'SELECT sum(delivered)::int AS delivered, sum(read)::int AS read FROM run_lanes WHERE run_id = $1',
      [run.id],
    );
    let verified: string | null = null;
    if (posted.refused > 0) verified = `${posted.refused} webhook requests not answered 200`;
    else if (lane.delivered !== report.delivered || lane.read !== report.read)
      verified = `recorded ${lane.delivered} delivered / ${lane.read} read, the fake reported ${report.delivered} / ${report.read}`;
    return {
      size: posted.receipts,
      insertRate,
      receiptRate: posted.receipts / (posted.ms / 1000),
      requests: posted.requests,
      perRequest,
      verified,
    };
  } finally {
    await api.kill('SIGTERM');
  }
}
