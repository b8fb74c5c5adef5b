// Recall and edit jobs (0028): items claimed in small batches, results written per item, a job
// finished once nothing of it is left. An item in flight longer than STALE_CLAIM is taken again
// (its worker died): deleting or editing twice is harmless.
import type { Queryable } from '../../storage/db.ts';
import { logRun } from '../../storage/queries/runs.ts';

export const STALE_CLAIM_SECONDS = 60;

export interface RecallJob {
  id: number;
  send_id: number;
  action: 'delete' | 'edit';
  text: string | null;
}

export interface RecallItem {
  id: number;
  channel_id: number;
  recipient: string;
  message_id: string;
  attempts: number;
}

export async function runningRecalls(q: Queryable): Promise<RecallJob[]> {
  return q.query<RecallJob>(`SELECT id, send_id, action, text FROM recalls WHERE state = 'running' ORDER BY id LIMIT 20`);
}

/**
 * Claims up to `limit` items of a job for `workerId`: queued ones that are due, and in-flight ones
 * whose worker is gone (recovery removed its row: it was killed) or that have been in flight for
 * STALE_CLAIM_SECONDS. A request of such an item may have left: doing it again is harmless, the
 * platform says the message is already deleted or already shows the text, which counts as done.
 */
export async function claimRecallItems(q: Queryable, recallId: number, limit: number, workerId: string): Promise<RecallItem[]> {
  return q.query<RecallItem>(
    `UPDATE recall_items SET state = 'in_flight', claimed_at = now(), claimed_by = $3, attempts = attempts + 1
     WHERE id IN (
       SELECT i.id FROM recall_items i
       WHERE i.recall_id = $1 AND ((i.state = 'queued' AND i.not_before <= now())
                                   OR (i.state = 'in_flight' AND (i.claimed_at < now() - make_interval(secs => ${STALE_CLAIM_SECONDS})
                                                                  OR NOT EXISTS (SELECT 1 FROM workers w WHERE w.id = i.claimed_by))))
       ORDER BY i.id LIMIT $2 FOR UPDATE SKIP LOCKED)
     RETURNING id, channel_id, recipient, message_id, attempts`,
    [recallId, limit, workerId],
  );
}

export interface ItemResult {
  id: number;
  state: 'done' | 'failed' | 'queued';
  notBefore: Date | null;
  errorText: string | null;
}

export async function writeRecallResults(q: Queryable, results: ItemResult[]): Promise<void> {
  if (results.length === 0) return;
  await q.query(
    `UPDATE recall_items i SET state = u.state, not_before = coalesce(u.not_before, i.not_before), error_text = u.text, claimed_at = NULL
     FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::text[]) AS u(id, state, not_before, text)
     WHERE i.id = u.id AND i.state = 'in_flight'`,
    [
      results.map((r) => r.id),
      results.map((r) => r.state),
      results.map((r) => r.notBefore?.toISOString() ?? null),
      results.map((r) => r.errorText),
    ],
  );
}

/** Closes a job with nothing left to do, and says so in the send's log (every run it touched). */
export async function finishRecallIfDone(q: Queryable, job: RecallJob): Promise<boolean> {
  const [left] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM recall_items WHERE recall_id = $1 AND state IN ('queued', 'in_flight')`,
    [job.id],
  );
  if (left.n > 0) return false;
  const closed = await q.query<{ id: number }>(
    `UPDATE recalls SET state = 'completed', finished_at = now() WHERE id = $1 AND state = 'running' RETURNING id`,
    [job.id],
  );
  if (closed.length === 0) return false;
  const runs = await q.query<{ run_id: number; done: number; failed: number; reason: string | null }>(
    `SELECT run_id, count(*) FILTER (WHERE state = 'done')::int AS done, count(*) FILTER (WHERE state = 'failed')::int AS failed,
            min(error_text) FILTER (WHERE state = 'failed') AS reason
     FROM recall_items WHERE recall_id = $1 GROUP BY run_id`,
    [job.id],
  );
  const verb = job.action === 'delete' ? 'deleted from their chats' : 'edited';
  for (const r of runs) {
    const failed = r.failed > 0 ? `; ${r.failed} could not be (${r.reason})` : '';
    await logRun(
      q,
      r.run_id,
      `recall_finished`,
      `${job.action === 'delete' ? 'Recall' : 'Edit'} #${job.id} finished: ${r.done} ${verb}${failed}`,
      {
        recallId: job.id,
        done: r.done,
        failed: r.failed,
      },
    );
  }
  return true;
}
