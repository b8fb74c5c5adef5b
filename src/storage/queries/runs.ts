// Runs, as both sides see them: the services create one (an external call) or stop one (the Stop
// button), the engine creates them when a send is due; everyone writes to the run's log.
import type { Queryable } from '../db.ts';
import { appendRunStatusEvent, withOutcomeEvents } from './status-events.ts';

/** One line of a run's log; `data`: its details, stored as JSON (a row interface will do). */
export async function logRun(q: Queryable, runId: number, type: string, message: string, data?: object) {
  await q.query('INSERT INTO run_events (run_id, type, message, data) VALUES ($1, $2, $3, $4)', [
    runId,
    type,
    message,
    data ? JSON.stringify(data) : null,
  ]);
  // Started, paused, resumed, finished and stopped are also status webhook events (same transaction).
  await appendRunStatusEvent(q, runId, type, message, data);
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
  // With a delivery.outcome event per cancelled recipient, when the workspace has an endpoint taking them.
  const cancelled = await q.query<{ id: number }>(
    withOutcomeEvents(
      `UPDATE deliveries d SET state = 'cancelled', outcome = 'stopped', error_text = 'the send was stopped',
       hold_expires_at = NULL, not_before = '-infinity', updated_at = now()
     WHERE d.run_id = $1 AND d.state IN ('queued', 'held')`,
      '$2',
    ),
    [runId, null],
  );
  await logRun(q, runId, 'stopped', `Stopped by ${by}: ${cancelled.length} not yet sent were cancelled`, {
    by,
    cancelled: cancelled.length,
  });
  return { cancelled: cancelled.length };
}

/**
 * Pauses a live run: the claim takes none of its deliveries (src/engine/sql/claim.ts) — queued
 * ones stay queued, those in flight finish. Locks the run's lanes after marking it, so a claim of
 * one of them that is under way commits first: once this returns, no new claim of the run starts,
 * and what is in flight is on the lanes' counters. `name`: who, as the log shows them. The log
 * line is `run_paused`: `paused` is a platform's "slow down" (engine/channel-pauses.ts).
 * `reason`: a pause that was not a person's choice (the circuit breaker, engine/breaker.ts) says
 * why, in the log and on the run (runs.pause_reason).
 */
export async function pauseRun(q: Queryable, runId: number, by: string, name: string, reason: string | null = null): Promise<boolean> {
  const rows = await q.query<{ id: number }>(
    `UPDATE runs SET paused_at = now(), paused_by = $2, pause_reason = $3
     WHERE id = $1 AND state IN ('pending', 'materialising', 'delivering') AND paused_at IS NULL RETURNING id`,
    [runId, by, reason],
  );
  if (rows.length === 0) return false;
  await q.query('SELECT id FROM run_lanes WHERE run_id = $1 ORDER BY id FOR UPDATE', [runId]);
  const [left] = await q.query<{ queued: number; in_flight: number }>(
    'SELECT coalesce(sum(queued), 0) AS queued, coalesce(sum(in_flight), 0) AS in_flight FROM run_lanes WHERE run_id = $1',
    [runId],
  );
  await logRun(
    q,
    runId,
    'run_paused',
    `${reason ?? `Paused by ${name}`}: ${left.queued} not yet sent wait, ${left.in_flight} being sent finish`,
    {
      by,
      queued: left.queued,
      inFlight: left.in_flight,
      ...(reason ? { reason } : {}),
    },
  );
  return true;
}

/** Resumes a paused run: the workers claim its deliveries again from where they stopped. */
export async function resumeRun(q: Queryable, runId: number, by: string, name: string): Promise<boolean> {
  const rows = await q.query<{ paused_at: Date }>(
    `SELECT paused_at FROM runs WHERE id = $1 AND state IN ('pending', 'materialising', 'delivering') AND paused_at IS NOT NULL FOR UPDATE`,
    [runId],
  );
  if (rows.length > 0) await q.query('UPDATE runs SET paused_at = NULL, paused_by = NULL, pause_reason = NULL WHERE id = $1', [runId]);
  if (rows.length === 0) return false;
  await resetBreakers(q, runId);
  const [left] = await q.query<{ queued: number }>('SELECT coalesce(sum(queued), 0) AS queued FROM run_lanes WHERE run_id = $1', [runId]);
  await logRun(q, runId, 'run_resumed', `Resumed by ${name}: ${left.queued} not yet sent go on`, {
    by,
    queued: left.queued,
    pausedAt: rows[0].paused_at,
  });
  return true;
}

/**
 * A person resumed the run: the circuit breaker's windows of its lanes, and of the channels they
 * send on, count afresh (0027, engine/breaker.ts) — it trips again only after a whole new window.
 */
async function resetBreakers(q: Queryable, runId: number) {
  await q.query(
    `UPDATE breaker_windows SET cur_n = 0, cur_r = 0, prev_n = 0, prev_r = 0, epoch = epoch + 1
     WHERE lane_id IN (SELECT id FROM run_lanes WHERE run_id = $1) OR channel_id IN (SELECT channel_id FROM run_lanes WHERE run_id = $1)`,
    [runId],
  );
}
