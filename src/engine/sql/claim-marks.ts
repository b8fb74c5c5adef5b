// A claim's progress mark (db/migrations/0017): the highest delivery id of the claim whose request
// may have left. Written before the requests leave; read only by recovery (sql/workers.ts).
import type { Queryable } from '../../storage/db.ts';

/** A claim's tag: what its rows carry in `claimed_by`. Host names never contain '#'. */
export const claimTag = (workerId: string, claimNo: number) => `${workerId}#${claimNo}`;

/** The worker id in a claim tag (or a plain worker id, as rows claimed before 0017 carry). */
export const WORKER_OF_CLAIM_SQL = (column: string) => `split_part(${column}, '#', 1)`;

/** Opens a claim's mark (nothing started yet), in the claim's own transaction; drops an earlier claim's. */
export async function openClaimMark(tx: Queryable, mark: { tag: string; laneId: number; lastId: number }, previousTag: string | null) {
  await tx.query('INSERT INTO claim_marks (claim_tag, lane_id, last_id) VALUES ($1, $2, $3)', [mark.tag, mark.laneId, mark.lastId]);
  if (previousTag) await tx.query('DELETE FROM claim_marks WHERE claim_tag = $1', [previousTag]);
}

/**
 * Raises the mark: the claim's rows up to `id` may be sent. False when the mark is gone — the
 * worker was presumed dead and its claim recovered: nothing more of it may be sent.
 */
export async function raiseClaimMark(q: Queryable, tag: string, id: number): Promise<boolean> {
  const rows = await q.query('UPDATE claim_marks SET started_upto = greatest(started_upto, $2) WHERE claim_tag = $1 RETURNING 1', [
    tag,
    id,
  ]);
  return rows.length > 0;
}

/** Drops a claim's mark once every one of its requests has started (or its rows were released). */
export async function closeClaimMark(q: Queryable, tag: string) {
  await q.query('DELETE FROM claim_marks WHERE claim_tag = $1', [tag]);
}

/**
 * Returns the rows of dead workers' claims that never left to the queue (in the recovery's
 * transaction) and drops those workers' marks. The attempt they were claimed for is given back,
 * and they wait in the retry index (not_before = now), so a claim finds them whatever its cursor.
 */
export async function returnNeverLeft(q: Queryable, deadWorkers: readonly string[]): Promise<number> {
  const rows = await q.query(
    `WITH marks AS (
       DELETE FROM claim_marks WHERE ${WORKER_OF_CLAIM_SQL('claim_tag')} = ANY($1::text[])
       RETURNING claim_tag, lane_id, last_id, started_upto
     )
     UPDATE deliveries d SET state = 'queued', claimed_by = NULL, attempts = greatest(d.attempts - 1, 0), not_before = now(), updated_at = now()
     FROM marks m
     WHERE d.lane_id = m.lane_id AND d.id > m.started_upto AND d.id <= m.last_id AND d.claimed_by = m.claim_tag AND d.state = 'in_flight'
     RETURNING d.id`,
    [deadWorkers],
  );
  return rows.length;
}
