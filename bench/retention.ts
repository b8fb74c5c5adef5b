// Retention under load: delivery throughput while the retention job deletes old deliveries.
//
// One database, one worker process. Old history is laid down directly in SQL (completed runs of
// one broadcast that finished four months ago, `oldDeliveries` rows in all — history, not work,
// so it is seeded rather than delivered). Then, interleaved: a broadcast to every subscriber
// alone (baseline), and the same broadcast while the retention job (src/engine/retention.ts, with
// the scheduler's own settings: small batches, a duty cycle) deletes that history from this process — as the scheduler of any
// api or worker process would. The figure is the delivery rate at the fake server during the
// deletion, as a ratio to the baseline rate.
import { applyRetention } from '../src/engine/retention.ts';
import { broadcast, makeWorld, waitRunDone, type Host } from './botcast.ts';
import { exactlyOnce, serverRate, sleep, waitFor } from './lib.ts';

export interface RetentionRep {
  baselineRate: number;
  /** Deliveries per second at the server while retention ran (clipped to the delivery span). */
  duringRate: number;
  retentionSeconds: number;
  /** Seconds retention and delivery overlapped. */
  overlapSeconds: number;
  deleted: number;
  seedSeconds: number;
  verified: string | null;
}

/** Lays down `total` old sent deliveries in completed runs of `perRun` recipients each. */
async function seedHistory(
  host: Host,
  w: { workspaceId: number; botId: number; channelId: number },
  total: number,
  perRun: number,
): Promise<number> {
  const db = host.app.ctx.db;
  const t = performance.now();
  const [send] = await db.query<{ id: number }>(
    `INSERT INTO sends (workspace_id, bot_id, kind, content, targeting, created_at)
     VALUES ($1, $2, 'broadcast', '{"type":"text","text":"old news"}', $3, now() - interval '5 months') RETURNING id`,
    [w.workspaceId, w.botId, JSON.stringify({ audience: 'all', channelIds: [w.channelId], includeTagIds: [], excludeTagIds: [] })],
  );
  for (let done = 0, k = 0; done < total; done += perRun, k++) {
    const [run] = await db.query<{ id: number }>(
      `INSERT INTO runs (workspace_id, send_id, planned_at, state, started_at, finished_at)
       VALUES ($1, $2, now() - interval '4 months' - make_interval(hours => $3), 'completed',
               now() - interval '4 months' - make_interval(hours => $3), now() - interval '4 months' - make_interval(hours => $3))
       RETURNING id`,
      [w.workspaceId, send.id, k],
    );
    const [lane] = await db.query<{ id: number }>(
      'INSERT INTO run_lanes (run_id, channel_id, materialised) VALUES ($1, $2, true) RETURNING id',
      [run.id, w.channelId],
    );
    await db.query(
      `INSERT INTO deliveries (run_id, lane_id, channel_id, subscriber_id, recipient, state, outcome, attempts, platform_message_id)
       SELECT $1, $2, s.channel_id, s.id, s.platform_user_id, 'sent', 'sent', 1, s.id::text
       FROM subscribers s WHERE s.channel_id = $3 ORDER BY s.id LIMIT $4`,
      [run.id, lane.id, w.channelId, Math.min(perRun, total - done)],
    );
  }
  await db.exec('ANALYZE deliveries');
  return (performance.now() - t) / 1000;
}

/** One broadcast to all `size` subscribers; with `retention`, the job runs from the first delivery on. */
async function deliverOnce(host: Host, w: Awaited<ReturnType<typeof makeWorld>>, size: number, retention: boolean) {
  const sendId = await broadcast(host, w, { type: 'all' });
  let job: Promise<{ deleted: number; startMs: number; endMs: number }> | null = null;
  if (retention) {
    await waitFor('the first delivery', async () => (await host.fake.count(w.token)).delivered > 0, 60_000, 20);
    job = (async () => {
      const startMs = Date.now();
      const r = await applyRetention(host.app.ctx.db, 3);
      return { deleted: r.deliveries, startMs, endMs: Date.now() };
    })();
  }
  await waitRunDone(host, sendId, 120_000 + size * 5);
  const jobResult = job ? await job : null;
  const summary = await host.fake.summary(w.token, size);
  const verified = exactlyOnce(summary, size);
  let duringRate = NaN;
  let overlapSeconds = 0;
  if (jobResult && summary.firstT !== null && summary.lastT !== null) {
    const from = Math.max(jobResult.startMs, summary.firstT);
    const to = Math.min(jobResult.endMs, summary.lastT);
    overlapSeconds = Math.max(0, (to - from) / 1000);
    if (to - from >= 1000) duringRate = (await host.fake.window(w.token, from, to - from)) / ((to - from) / 1000);
  }
  await host.fake.forget(w.token);
  return { rate: serverRate(summary), duringRate, overlapSeconds, verified, job: jobResult };
}

/**
 * `size` subscribers; history of `oldDeliveries` in runs of `size`. Returns one rep: a baseline
 * broadcast, then a broadcast with retention deleting the whole history.
 */
export async function retentionImpact(host: Host, size: number, oldDeliveries: number): Promise<RetentionRep> {
  const w = await makeWorld(host, { size, rate: 1_000_000, label: `ret-${host.engine}` });
  // The workers' own daily retention job must not take the history first.
  await host.app.ctx.db.query(
    `INSERT INTO maintenance (job, last_run) VALUES ('retention', now()) ON CONFLICT (job) DO UPDATE SET last_run = now()`,
  );
  await host.workers.start(1);
  await sleep(300);
  const seedSeconds = await seedHistory(host, w, oldDeliveries, size);
  const baseline = await deliverOnce(host, w, size, false);
  const during = await deliverOnce(host, w, size, true);
  const [{ left }] = await host.app.ctx.db.query<{ left: number }>(
    `SELECT count(*)::int AS left FROM deliveries d JOIN runs r ON r.id = d.run_id WHERE r.finished_at <= now() - interval '3 months'`,
  );
  const problems = [
    baseline.verified,
    during.verified,
    left > 0 ? `${left} old deliveries left` : null,
    during.job && during.job.deleted !== oldDeliveries ? `deleted ${during.job.deleted} of ${oldDeliveries}` : null,
  ].filter(Boolean);
  return {
    baselineRate: baseline.rate,
    duringRate: during.duringRate,
    retentionSeconds: during.job ? (during.job.endMs - during.job.startMs) / 1000 : NaN,
    overlapSeconds: during.overlapSeconds,
    deleted: during.job?.deleted ?? 0,
    seedSeconds,
    verified: problems.length ? problems.join('; ') : null,
  };
}
