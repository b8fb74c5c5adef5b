// Runs, as both sides see them: the services create one (an external call) or stop one (the Stop
// button), the engine creates them when a send is due; everyone writes to the run's log.
import type { Queryable } from '../db.ts';

/** One line of a run's log; `data`: its details, stored as JSON (a row interface will do). */
export async function logRun(q: Queryable, runId: number, type: string, message: string, data?: object) {
  await q.query('INSERT INTO run_events (run_id, type, message, data) VALUES ($1, $2, $3, $4)', [
    runId,
    type,
    message,
    data ? JSON.stringify(data) : null,
  ]);
}

/** Creates the run of a send for an occurrence; idempotent per (send, planned_at). */
export async function createRun(q: Queryable, sendId: number, plannedAt: Date, openUntil: Date | null = null): Promise<number | null> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO runs (workspace_id, send_id, planned_at, open_until)
     SELECT workspace_id, id, $2, $3 FROM sends WHERE id = $1
     ON CONFLICT (send_id, planned_at) DO NOTHING RETURNING id`,
    [sendId, plannedAt.toISOString(), openUntil?.toISOString() ?? null],
  );
  return rows[0]?.id ?? null;
}

/** Stops a delivering run: what was not sent yet is cancelled and counted as such. */
export async function stopRun(q: Queryable, runId: number, by: string): Promise<{ cancelled: number } | null> {
  const runs = await q.query<{ id: number }>(
    `UPDATE runs SET state = 'stopped', finished_at = now(), started_at = coalesce(started_at, now())
     WHERE id = $1 AND state IN ('pending', 'materialising', 'delivering') RETURNING id`,
    [runId],
  );
  if (runs.length === 0) return null;
  // Lanes no longer materialise; queued and held deliveries are cancelled (in-flight ones finish).
  await q.query('UPDATE run_lanes SET materialised = true WHERE run_id = $1', [runId]);
  const cancelled = await q.query<{ id: number }>(
    `UPDATE deliveries SET state = 'cancelled', outcome = 'stopped', error_text = 'the send was stopped',
       hold_expires_at = NULL, not_before = '-infinity', updated_at = now()
     WHERE run_id = $1 AND state IN ('queued', 'held') RETURNING id`,
    [runId],
  );
  await logRun(q, runId, 'stopped', `Stopped by ${by}: ${cancelled.length} not yet sent were cancelled`, {
    by,
    cancelled: cancelled.length,
  });
  return { cancelled: cancelled.length };
}
