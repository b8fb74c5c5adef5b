// Retention: completed runs that finished BOTCAST_RETENTION_MONTHS ago or earlier are deleted
// with their deliveries and logs, once a day, in small batches (short transactions that never hold
// locks long enough to slow sending). Sends left without runs go too, unless they still have
// future runs (periodic).
//
// Deleting is throttled by a duty cycle: after each batch the job sleeps so that it is busy only
// a fraction of the time. A daily job has no hurry, but sending does: on a 2-core machine an
// unthrottled delete of 1M rows took 6 s and cut delivery throughput by a third while it ran.
// Busy 10 % of the time, it cost a faster engine a fifth (0.78–0.81× baseline); at 5 % the drop is
// within noise (0.97–1.15×) and 1M rows take under 3 minutes.
import type { Db } from '../storage/db.ts';

const BATCH = 2_000;
/** Default share of the time the job spends deleting. */
export const RETENTION_DUTY_CYCLE = 0.05;

/** Claims today's retention job for this process; false when another process ran it within a day. */
export async function claimDailyJob(db: Db, job: string): Promise<boolean> {
  const rows = await db.query<{ job: string }>(
    `INSERT INTO maintenance AS m (job, last_run) VALUES ($1, now())
     ON CONFLICT (job) DO UPDATE SET last_run = now() WHERE m.last_run < now() - interval '1 day'
     RETURNING job`,
    [job],
  );
  return rows.length > 0;
}

export interface RetentionResult {
  runs: number;
  deliveries: number;
  sends: number;
}

export interface RetentionOptions {
  /** Share of the time spent deleting (0 < d ≤ 1; 1 = no pauses). Default RETENTION_DUTY_CYCLE. */
  dutyCycle?: number;
  shouldStop?: () => boolean;
}

export async function applyRetention(db: Db, months: number, options: RetentionOptions = {}): Promise<RetentionResult> {
  const result: RetentionResult = { runs: 0, deliveries: 0, sends: 0 };
  const duty = Math.min(1, Math.max(0.01, options.dutyCycle ?? RETENTION_DUTY_CYCLE));
  while (!options.shouldStop?.()) {
    const runs = await db.query<{ id: number; send_id: number }>(
      `SELECT id, send_id FROM runs WHERE state IN ('completed', 'stopped') AND finished_at <= now() - make_interval(months => $1)
       ORDER BY id LIMIT 100`,
      [months],
    );
    if (runs.length === 0) break;
    for (const run of runs) {
      for (;;) {
        const t0 = performance.now();
        const deleted = await db.query<{ '?column?': number }>(
          `DELETE FROM deliveries WHERE id IN (SELECT id FROM deliveries WHERE run_id = $1 LIMIT ${BATCH}) RETURNING 1`,
          [run.id],
        );
        result.deliveries += deleted.length;
        if (deleted.length < BATCH || options.shouldStop?.()) break;
        const busyMs = performance.now() - t0;
        if (duty < 1) await new Promise((r) => setTimeout(r, (busyMs * (1 - duty)) / duty));
      }
      if (options.shouldStop?.()) return result;
      await db.query('DELETE FROM runs WHERE id = $1', [run.id]);
      result.runs += 1;
    }
    const sends = await db.query<{ id: number }>(
      `DELETE FROM sends s WHERE s.id = ANY($1::bigint[]) AND s.next_run_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.send_id = s.id) RETURNING id`,
      [[...new Set(runs.map((r) => r.send_id))]],
    );
    result.sends += sends.length;
  }
  if (!options.shouldStop?.()) {
    const deleted = await db.query<{ id: number }>(
      `DELETE FROM sends s WHERE s.deleted_at <= now() - make_interval(months => $1)
         AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.send_id = s.id) RETURNING id`,
      [months],
    );
    result.sends += deleted.length;
  }
  return result;
}
