// Deleting a send (unsent, or a periodic one), stopping, pausing or resuming a delivering one, and what to do with the
// recipients a run still holds for open operator chats. Log lines name people, not actor ids.
import { conflict, invalid, notFound } from '../../domain/errors.ts';
import type { Queryable } from '../../storage/db.ts';
import { logRun, pauseRun, resumeRun, stopRun } from '../../storage/queries/runs.ts';
import { notifyWake } from '../../storage/queries/wake.ts';
import { withOutcomeEvents } from '../../storage/queries/status-events.ts';
import { actorName } from '../actor-names.ts';
import type { ServiceContext } from '../context.ts';

/** A periodic broadcast deleted while a run of it delivers: that run goes on (and stays in Active) or is stopped. */
export type RunningRunChoice = 'continue' | 'stop';

const LIVE = `state IN ('pending', 'materialising', 'delivering')`;

/**
 * Deletes a send that has not started: an instant one in its grace window, a delayed one before its
 * time (then nothing is sent), or a periodic one (future runs stop; finished runs and their logs stay
 * as they are). A periodic one with a delivering run needs `running`: the caller chose.
 */
export async function deleteSend(
  ctx: ServiceContext,
  workspaceId: number,
  sendId: number,
  by: string,
  options: { running?: RunningRunChoice } = {},
) {
  return ctx.db.transaction(async (tx) => {
    // Lock the send first: the scheduler holds this lock while it turns a due send into a run.
    const rows = await tx.query<{ id: number; timing: { type: string }; deleted_at: Date | null }>(
      'SELECT id, timing, deleted_at FROM sends WHERE id = $1 AND workspace_id = $2 FOR UPDATE',
      [sendId, workspaceId],
    );
    if (rows.length === 0) throw notFound('send', sendId);
    const send = rows[0];
    if (send.deleted_at) throw conflict('already_deleted', `Send #${sendId} is already deleted.`);
    const runs = await tx.query<{ id: number; live: boolean }>(`SELECT id, ${LIVE} AS live FROM runs WHERE send_id = $1 ORDER BY id`, [
      sendId,
    ]);
    if (send.timing.type !== 'periodic' && runs.length > 0) {
      throw conflict('already_started', `Send #${sendId} has already started, so it can no longer be deleted. Stop it instead.`);
    }
    const live = runs.filter((r) => r.live);
    if (live.length > 0 && !options.running) {
      throw invalid(
        'choice_needed',
        `A run of send #${sendId} is delivering right now: choose whether it goes on (running=continue) or stops (running=stop).`,
        { field: 'running' },
      );
    }
    const name = await actorName(tx, workspaceId, by);
    await tx.query('UPDATE sends SET deleted_at = now(), deleted_by = $2, next_run_at = NULL WHERE id = $1', [sendId, by]);
    let stoppedRuns = 0;
    for (const run of live) {
      if (options.running === 'stop') {
        if (await stopRun(tx, run.id, name)) stoppedRuns += 1;
      } else {
        await logRun(tx, run.id, 'deleted', `Periodic broadcast deleted by ${name}: this run goes on, no further runs`, { by });
      }
    }
    return { id: sendId, deleted: true, stoppedRuns, continuingRuns: options.running === 'stop' ? 0 : live.length };
  });
}

/** Stops every delivering run of a send: what was not sent yet is cancelled and counted. */
export async function stopSend(ctx: ServiceContext, workspaceId: number, sendId: number, by: string) {
  return ctx.db.transaction(async (tx) => {
    const rows = await tx.query<{ id: number }>('SELECT id FROM sends WHERE id = $1 AND workspace_id = $2', [sendId, workspaceId]);
    if (rows.length === 0) throw notFound('send', sendId);
    const runs = await tx.query<{ id: number }>(`SELECT id FROM runs WHERE send_id = $1 AND ${LIVE} ORDER BY id`, [sendId]);
    if (runs.length === 0) throw conflict('not_delivering', `Send #${sendId} is not delivering, so there is nothing to stop.`);
    const name = await actorName(tx, workspaceId, by);
    let cancelled = 0;
    for (const run of runs) cancelled += (await stopRun(tx, run.id, name))?.cancelled ?? 0;
    return { id: sendId, stoppedRuns: runs.length, cancelled };
  });
}

/** What to do with recipients held by open operator chats: send to them now, or cancel them. */
export type HoldsAction = 'release' | 'cancel';

/**
 * Releases (queued now, although their operator chat is still open) or cancels the held deliveries of
 * a send's live runs. Cancelled ones count as cancelled; the run then completes as usual.
 */
export async function settleHolds(ctx: ServiceContext, workspaceId: number, sendId: number, action: HoldsAction, by: string) {
  return ctx.db.transaction(async (tx) => {
    const rows = await tx.query<{ id: number }>('SELECT id FROM sends WHERE id = $1 AND workspace_id = $2', [sendId, workspaceId]);
    if (rows.length === 0) throw notFound('send', sendId);
    const name = await actorName(tx, workspaceId, by);
    const changed = await settle(tx, sendId, action);
    if (changed.length === 0) throw conflict('nothing_held', `Send #${sendId} holds nobody for an operator chat right now.`);
    if (action === 'release') await notifyWake(tx, 'work');
    for (const [runId, count] of countBy(changed.map((r) => r.run_id))) {
      const message =
        action === 'release'
          ? `${name} released ${count} held recipient(s): sent now, although their operator chat is open`
          : `${name} cancelled ${count} held recipient(s): they will not get this send`;
      await logRun(tx, runId, action === 'release' ? 'holds_released' : 'holds_cancelled', message, { by, count });
    }
    return { id: sendId, action, deliveries: changed.length };
  });
}

function settle(tx: Queryable, sendId: number, action: HoldsAction) {
  const set =
    action === 'release'
      ? `state = 'queued', not_before = '-infinity'`
      : `state = 'cancelled', outcome = 'hold_cancelled', error_text = 'held for an open operator chat, then cancelled', not_before = '-infinity'`;
  // Cancelled ones (final) get their status webhook outcome events in the same statement.
  return tx.query<{ run_id: number }>(
    withOutcomeEvents(
      `UPDATE deliveries d SET ${set}, hold_expires_at = NULL, updated_at = now()
     WHERE d.run_id IN (SELECT id FROM runs WHERE send_id = $1 AND state = 'delivering') AND d.hold_expires_at IS NOT NULL AND d.state = 'held'`,
      '$2',
      'run_id',
    ),
    [sendId, null],
  );
}

function countBy(values: number[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

/**
 * Pauses (or resumes) every live run of a send. Paused: queued deliveries stay queued, those in
 * flight finish; resumed: delivery goes on from where it stopped (storage/queries/runs.ts).
 */
export async function pauseSend(ctx: ServiceContext, workspaceId: number, sendId: number, action: 'pause' | 'resume', by: string) {
  const runIds = await ctx.db.transaction(async (tx) => {
    const rows = await tx.query<{ id: number }>('SELECT id FROM sends WHERE id = $1 AND workspace_id = $2', [sendId, workspaceId]);
    if (rows.length === 0) throw notFound('send', sendId);
    const runs = await tx.query<{ id: number; paused: boolean }>(
      `SELECT id, paused_at IS NOT NULL AS paused FROM runs WHERE send_id = $1 AND ${LIVE} ORDER BY id`,
      [sendId],
    );
    if (runs.length === 0) throw conflict('not_delivering', `Send #${sendId} is not delivering, so there is nothing to ${action}.`);
    const name = await actorName(tx, workspaceId, by);
    const changed: number[] = [];
    for (const run of runs) {
      const done = action === 'pause' ? await pauseRun(tx, run.id, by, name) : await resumeRun(tx, run.id, by, name);
      if (done) changed.push(run.id);
    }
    if (changed.length === 0)
      throw conflict(
        action === 'pause' ? 'already_paused' : 'not_paused',
        action === 'pause' ? `Send #${sendId} is already paused.` : `Send #${sendId} is not paused, so there is nothing to resume.`,
      );
    if (action === 'resume') await notifyWake(tx, 'work');
    return changed;
  });
  return { id: sendId, action, runs: runIds.length, paused: action === 'pause' };
}
