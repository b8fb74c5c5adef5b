// Issue 18 points 1 and 3: delivery receipts from every platform that reports them, posted by the
// fake platforms after a broadcast — in bursts, with duplicates and out of order — give a funnel
// (sent → delivered → read per platform) equal to the fake's own record; a WhatsApp message that
// fails after its 200 turns `failed` with its code and is not sent again; platforms without
// receipts show "not reported" (null); receipts for deliveries deleted by retention are ignored.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startFakeServer, type FakeServer } from '../fakes/server.ts';
import { planReceipts, postReceipts, type ReceiptChannel, type ReceiptPlan, type WebhookPoster } from '../fakes/receipts.ts';
import { FAST_ENGINE, addChannel, makeWorld, seedSubscribers, waitForSend, type World } from '../helpers/world.ts';
import { applyRetention } from '../../src/engine/retention.ts';

let t: TestApp;
let fake: FakeServer;
before(async () => {
  fake = await startFakeServer({ seed: 7 });
  t = await startTestApp({ worker: true, config: { graceSeconds: 0 }, engine: FAST_ENGINE });
});
after(async () => {
  await t.close();
  await fake.close();
});

const poster: WebhookPoster = async (path, headers, raw) => (await t.request('POST', path, { raw, headers })).status;

interface Setup {
  w: World;
  sendId: number;
  runId: number;
  channels: ReceiptChannel[];
  tgChannelId: number;
}

/** One broadcast to 40 people on each of WhatsApp, Viber, Messenger, Instagram and Telegram. */
async function broadcast(): Promise<Setup> {
  fake.reset();
  const w = await makeWorld(t);
  const meta = { pageAccessToken: 'fb-token', appSecret: 'fb-secret', verifyToken: 'v' };
  const specs = [
    {
      platform: 'wa',
      credentials: { accessToken: 'wa-token', phoneNumberId: '106540352242922', appSecret: 'wa-secret', verifyToken: 'v' },
      prefix: '1650555',
      fake: '106540352242922',
      secret: 'wa-secret',
      base: fake.url,
    },
    {
      platform: 'viber',
      credentials: { token: 'viber-token-1' },
      prefix: 'vb',
      fake: 'viber-token-1',
      secret: 'viber-token-1',
      base: fake.url,
    },
    { platform: 'fb', credentials: meta, prefix: '7100', fake: 'fb-token', secret: 'fb-secret', base: fake.url },
    {
      platform: 'instagram',
      credentials: { ...meta, pageAccessToken: 'ig-token', appSecret: 'ig-secret' },
      prefix: '7200',
      fake: 'ig-token',
      secret: 'ig-secret',
      base: `${fake.url}/instagram`,
    },
  ] as const;
  const channels: ReceiptChannel[] = [];
  for (const s of specs) {
    const channelId = await addChannel(t, w, s.platform, { credentials: s.credentials, apiBaseUrl: s.base, ratePerSecond: 1000 });
    await seedSubscribers(t.app.ctx.db, {
      workspaceId: w.workspaceId,
      botId: w.botId,
      channelId,
      platform: s.platform,
      count: 40,
      prefix: s.prefix,
      startAt: 100,
    });
    channels.push({ platform: s.platform, fakeChannel: s.fake, channelId, secret: s.secret });
  }
  const tgChannelId = await addChannel(t, w, 'tg', { credentials: { token: '1:tg' }, apiBaseUrl: fake.url, ratePerSecond: 1000 });
  await seedSubscribers(t.app.ctx.db, {
    workspaceId: w.workspaceId,
    botId: w.botId,
    channelId: tgChannelId,
    platform: 'tg',
    count: 40,
    startAt: 100,
  });
  const res = await t.request('POST', `/api/bots/${w.botId}/sends`, {
    key: w.key,
    body: {
      content: { type: 'text', text: 'Hello' },
      channelIds: [...channels.map((c) => c.channelId), tgChannelId],
      audience: { type: 'all' },
    },
  });
  assert.equal(res.status, 201, res.text);
  const send = await waitForSend(t, w, res.body.id);
  return { w, sendId: res.body.id, runId: send.runs[0].id, channels, tgChannelId };
}

async function funnelOf(s: Setup) {
  const res = await t.request('GET', `/api/sends/${s.sendId}/progress`, { key: s.w.key });
  assert.equal(res.status, 200, res.text);
  return res.body.funnel as Array<{ platform: string; sent: number; delivered: number | null; read: number | null; clicked: null }>;
}

/** What the funnel must say, from the fake's own records: failed later ones are no longer sent. */
function expectedFunnel(plan: ReceiptPlan) {
  // clicked: null — this send does not count clicks (test/integration/clicks.test.ts).
  const rows: Array<{ platform: string; sent: number; delivered: number | null; read: number | null; clicked: null }> = [
    ...plan.report.values(),
  ].map((r) => ({
    platform: r.platform,
    sent: r.accepted - r.failed,
    delivered: r.platform === 'instagram' ? null : r.delivered,
    read: r.read,
    clicked: null,
  }));
  rows.push({ platform: 'tg', sent: 40, delivered: null, read: null, clicked: null });
  return rows.sort((a, b) => a.platform.localeCompare(b.platform));
}

describe('delivery receipts', () => {
  test('the funnel equals the fake’s record, through bursts, duplicates and out-of-order receipts', async () => {
    const s = await broadcast();
    const sentBefore = fake.records.filter((r) => r.send).length;
    const plan = planReceipts(fake.records, s.channels, { seed: 3, failed: 0.1, duplicates: 0.2, lostDelivered: 0.2 });
    assert.ok(plan.receipts.length > 100, 'a real burst');
    assert.ok(plan.report.get(s.channels[0].channelId)!.failed > 0, 'some WhatsApp messages fail later');
    const posted = await postReceipts(poster, plan, { concurrency: 64, perRequest: 5 });
    assert.equal(posted.refused, 0);
    assert.deepEqual(await funnelOf(s), expectedFunnel(plan));

    // Everything again (platforms retry webhooks): nothing changes.
    await postReceipts(poster, plan, { concurrency: 64, perRequest: 3 });
    assert.deepEqual(await funnelOf(s), expectedFunnel(plan));

    // The lane counters equal the rows (kept by the receipt statements, not counted on read).
    // (a read counts as delivered: the lost `delivered` receipts leave delivered_at empty but not the count).
    const [rows] = await t.app.ctx.db.query<{ d: number; r: number; ld: number; lr: number }>(
      `SELECT (SELECT count(*)::int FROM deliveries WHERE run_id = $1 AND (delivered_at IS NOT NULL OR read_at IS NOT NULL) AND state = 'sent') AS d,
              (SELECT count(*)::int FROM deliveries WHERE run_id = $1 AND read_at IS NOT NULL AND state = 'sent') AS r,
              (SELECT sum(delivered)::int FROM run_lanes WHERE run_id = $1) AS ld,
              (SELECT sum(read)::int FROM run_lanes WHERE run_id = $1) AS lr`,
      [s.runId],
    );
    assert.deepEqual([rows.ld, rows.lr], [rows.d, rows.r]);

    // Asynchronous WhatsApp failures: failed with Meta's code, and nothing was sent again.
    const wa = s.channels[0];
    const failed = await t.app.ctx.db.query<{ error_code: string; attempts: number }>(
      `SELECT error_code, attempts FROM deliveries WHERE channel_id = $1 AND state = 'failed'`,
      [wa.channelId],
    );
    assert.equal(failed.length, plan.report.get(wa.channelId)!.failed);
    assert.ok(failed.every((f) => f.error_code === '131026' && f.attempts === 1));
    assert.equal(fake.records.filter((r) => r.send).length, sentBefore, 'no message was sent again');

    // The log and its CSV carry the times.
    const log = await t.request('GET', `/api/sends/${s.sendId}/log?limit=500`, { key: s.w.key });
    const items = log.body.deliveries.items as Array<{ deliveredAt: string | null; readAt: string | null; platform: string }>;
    assert.equal(items.filter((d) => d.readAt !== null).length, rows.r);
    assert.ok(items.filter((d) => d.platform === 'tg').every((d) => d.deliveredAt === null && d.readAt === null));
    const csv = await t.request('GET', `/api/sends/${s.sendId}/log.csv`, { key: s.w.key });
    assert.equal(csv.status, 200, csv.text);
    const lines = csv.text.trim().split(/\r?\n/);
    assert.ok(lines[0].endsWith('delivered_at,read_at'), lines[0]);

    // The Completed list: delivered and read as % of sent where reported.
    const history = await t.request('GET', `/api/history?section=completed`, { key: s.w.key });
    const item = (
      history.body.items as Array<{ id: number; receipts: { deliveredPercent: number | null; readPercent: number | null } }>
    ).find((i) => i.id === s.sendId)!;
    const funnel = expectedFunnel(plan);
    const reporting = (step: 'delivered' | 'read') => funnel.filter((f) => f[step] !== null);
    const pct = (step: 'delivered' | 'read') =>
      Math.round((reporting(step).reduce((n, f) => n + (f[step] ?? 0), 0) / reporting(step).reduce((n, f) => n + f.sent, 0)) * 1000) / 10;
    assert.deepEqual(item.receipts, { deliveredPercent: pct('delivered'), readPercent: pct('read') });
  });

  test('receipts for deliveries deleted by retention are ignored without error', async () => {
    const s = await broadcast();
    const plan = planReceipts(fake.records, s.channels, { seed: 5, delivered: 1, read: 1 });
    await applyRetention(t.app.ctx.db, 0, { dutyCycle: 1 });
    const [left] = await t.app.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM deliveries WHERE run_id = $1', [s.runId]);
    assert.equal(left.n, 0, 'retention deleted the run');
    const posted = await postReceipts(poster, plan, { concurrency: 16, perRequest: 4 });
    assert.equal(posted.refused, 0, 'every webhook answered 200');
  });
});
