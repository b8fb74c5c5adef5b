// Deleting an unsent send and stopping a delivering one.
import { conflict, notFound } from '../../domain/errors.ts';
import { logRun, stopRun } from '../../storage/queries/runs.ts';
import type { ServiceContext } from '../context.ts';

/**
 * Deletes a send that has not started: an instant one in its grace window, a delayed one before its
 * time (then nothing is sent), or a periodic one (future runs stop; finished runs stay in history).
 */
export async function deleteSend(ctx: ServiceContext, workspaceId: number, sendId: number, by: string) {
  return ctx.db.transaction(async (tx) => {
    // Lock the send first: the scheduler holds this lock while it turns a due send into a run.
    const rows = await tx.query<{ id: number; timing: { type: string }; deleted_at: Date | null }>(
      'SELECT id, timing, deleted_at FROM sends WHERE id = $1 AND workspace_id = $2 FOR UPDATE',
      [sendId, workspaceId],
    );
    if (rows.length === 0) throw notFound('send', sendId);
    const send = rows[0];
    if (send.deleted_at) throw conflict('already_deleted', `send ${sendId} is already deleted`);
    const runs = await tx.query<{ id: number }>('SELECT id FROM runs WHERE send_id = $1', [sendId]);
    if (send.timing.type !== 'periodic' && runs.length > 0) {
      throw conflict('already_started', `send ${sendId} has already started; stop it instead (POST /api/sends/${sendId}/stop)`);
    }
    await tx.query('UPDATE sends SET deleted_at = now(), next_run_at = NULL WHERE id = $1', [sendId]);
    for (const run of runs) await logRun(tx, run.id, 'deleted', `Periodic broadcast deleted by ${by}: no further runs`, { by });
    return { id: sendId, deleted: true };
  });
}

/** Stops every delivering run of a send: what was not sent yet is cancelled and counted. */
export async function stopSend(ctx: ServiceContext, workspaceId: number, sendId: number, by: string) {
  return ctx.db.transaction(async (tx) => {
    const rows = await tx.query<{ id: number }>('SELECT id FROM sends WHERE id = $1 AND workspace_id = $2', [sendId, workspaceId]);
    if (rows.length === 0) throw notFound('send', sendId);
    const runs = await tx.query<{ id: number }>(
      `SELECT id FROM runs WHERE send_id = $1 AND state IN ('pending','materialising','delivering') ORDER BY id`,
      [sendId],
    );
    if (runs.length === 0) throw conflict('not_delivering', `send ${sendId} is not delivering`);
    let cancelled = 0;
    for (const run of runs) cancelled += (await stopRun(tx, run.id, by))?.cancelled ?? 0;
    return { id: sendId, stoppedRuns: runs.length, cancelled };
  });
}
