// Live progress of a send (counts and current rate) and its delivery rate over time, from the
// lane counters and the per-10-second run_rate buckets — never a scan of deliveries.
import type { ServiceContext } from '../context.ts';
import { getSend } from '../sends/view.ts';
import { funnelOf, sumFunnels } from '../receipts/funnel.ts';
import { buttonClicks } from '../clicks.ts';

export async function getProgress(ctx: ServiceContext, workspaceId: number, sendId: number) {
  const send = await getSend(ctx, workspaceId, sendId);
  const runIds = send.runs.map((r) => r.id);
  const [recent] = await ctx.db.query<{ sent: number; failed: number }>(
    `SELECT coalesce(sum(sent), 0)::int AS sent, coalesce(sum(failed), 0)::int AS failed FROM run_rate
     WHERE run_id = ANY($1::bigint[]) AND bucket >= date_bin('10 seconds', now(), TIMESTAMPTZ '2000-01-01') - interval '10 seconds'`,
    [runIds],
  );
  // The previous full bucket and the current partial one: about the last 10–20 seconds.
  const elapsed = 10 + ((Date.now() / 1000) % 10);
  const funnel = sumFunnels((await funnelOf(ctx.db, ctx.platforms, runIds)).values());
  const clicks = await buttonClicks(ctx.db, send.content, runIds);
  return {
    id: send.id,
    status: send.status,
    counts: send.counts,
    ratePerSecond: Math.round((recent.sent / elapsed) * 10) / 10,
    failedPerSecond: Math.round((recent.failed / elapsed) * 10) / 10,
    done: ['completed', 'stopped', 'deleted'].includes(send.status),
    // sent → delivered → read → clicked per platform; null where the platform does not report it.
    funnel,
    // Per tracked link button: unique and total clicks; null when the send does not track clicks.
    clicks,
  };
}

export async function getRateSeries(ctx: ServiceContext, workspaceId: number, sendId: number, runId?: number) {
  const send = await getSend(ctx, workspaceId, sendId);
  const runIds = runId !== undefined ? send.runs.filter((r) => r.id === runId).map((r) => r.id) : send.runs.map((r) => r.id);
  const rows = await ctx.db.query<{ bucket: Date; sent: number; failed: number }>(
    `SELECT bucket, sum(sent)::int AS sent, sum(failed)::int AS failed FROM run_rate WHERE run_id = ANY($1::bigint[]) GROUP BY bucket ORDER BY bucket`,
    [runIds],
  );
  return { id: send.id, bucketSeconds: 10, points: rows.map((r) => ({ at: r.bucket, sent: r.sent, failed: r.failed })) };
}
