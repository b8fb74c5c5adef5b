// Retention: completed runs that finished BOTCAST_RETENTION_MONTHS ago or earlier are deleted
// with their deliveries and logs, once a day, in small batches (short transactions that never hold
// locks long enough to slow sending). Sends left without runs go too, unless they still have
// future runs (periodic).
import type { Db } from '../storage/db.ts';

const BATCH = 5_000;

/** Claims today's retention job for this process; false when another process ran it within a day. */
export async function claimDailyJob(db: Db, job: string): Promise<boolean> {
  const rows = await db.query(
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

export async function applyRetention(db: Db, months: number, options: { pauseMs?: number; shouldStop?: () => boolean } = {}): Promise<RetentionResult> {
  const result: RetentionResult = { runs: 0, deliveries: 0, sends: 0 };
  while (!options.shouldStop?.()) {
    const runs = await db.query<{ id: number; send_id: number }>(
      `SELECT id, send_id FROM runs WHERE state IN ('completed', 'stopped') AND finished_at <= now() - make_interval(months => $1)
       ORDER BY id LIMIT 100`,
      [months],
    );
    if (runs.length === 0) break;
    for (const run of runs) {
      for (;;) {
        const deleted = await db.query(
          `DELETE FROM deliveries WHERE id IN (SELECT id FROM deliveries WHERE run_id = $1 LIMIT ${BATCH}) RETURNING 1`,
          [run.id],
        );
        result.deliveries += deleted.length;
        if (deleted.length < BATCH || options.shouldStop?.()) break;
        if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
      }
      if (options.shouldStop?.()) return result;
      await db.query('DELETE FROM runs WHERE id = $1', [run.id]);
      result.runs += 1;
    }
    const sends = await db.query(
      `DELETE FROM sends s WHERE s.id = ANY($1::bigint[]) AND s.next_run_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.send_id = s.id) RETURNING id`,
      [[...new Set(runs.map((r) => r.send_id))]],
    );
    result.sends += sends.length;
  }
  return result;
}
