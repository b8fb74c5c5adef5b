// Worker liveness and recovery. A worker heart-beats; one that falls silent is dead, and its
// in-flight deliveries are settled: those whose request never left go back to the queue (the
// claims' progress marks tell, sql/claim-marks.ts); of the rest, on platforms that de-duplicate
// they go back to the queue too (the retry carries the same key), everywhere else they become
// `unknown` — never re-sent.
import type { Db, Queryable } from '../../storage/db.ts';
import { WORKER_OF_CLAIM_SQL, returnNeverLeft } from './claim-marks.ts';

export async function registerWorker(q: Queryable, id: string, host: string, pid: number) {
  await q.query(`INSERT INTO workers (id, host, pid) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()`, [
    id,
    host,
    pid,
  ]);
}

/** Returns false when the worker's row is gone (it was presumed dead): it must re-register. */
export async function heartbeat(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query<{ id: string }>('UPDATE workers SET heartbeat_at = now() WHERE id = $1 RETURNING id', [id]);
  return rows.length > 0;
}

export async function unregisterWorker(q: Queryable, id: string) {
  await q.query('DELETE FROM workers WHERE id = $1', [id]);
}

export interface Recovered {
  /** Claimed, never sent: back in the queue. */
  returned: number;
  /** May have been sent, on a platform that de-duplicates: back in the queue. */
  requeued: number;
  unknown: number;
}

/**
 * Settles the in-flight deliveries of workers that stopped heart-beating, except `alive`: the
 * workers of the calling process, which is evidently running (a stalled event loop delays their
 * heartbeat, not their requests). One transaction: the
 * workers' rows go with their deliveries, so a failure leaves both for the next try. Only when a
 * worker was found dead does it touch deliveries (a scan: there is no index of in-flight rows, see
 * db/migrations/0011).
 */
export async function recoverDeadWorkers(
  db: Db,
  staleMs: number,
  dedupPlatforms: readonly string[],
  alive: readonly string[] = [],
): Promise<Recovered> {
  return db.transaction(async (q) => {
    const dead = await q.query<{ id: string }>(
      `DELETE FROM workers WHERE heartbeat_at < now() - make_interval(secs => $1) AND id <> ALL($2::text[]) RETURNING id`,
      [staleMs / 1000, alive],
    );
    if (dead.length === 0) return { returned: 0, requeued: 0, unknown: 0 };
    const deadIds = dead.map((w) => w.id);
    const returned = await returnNeverLeft(q, deadIds);
    const rows = await q.query<{ state: string }>(
      `UPDATE deliveries d SET
         state = CASE WHEN c.platform = ANY($1::text[]) THEN 'queued' ELSE 'unknown' END,
         outcome = 'unknown',
         error_code = 'worker_lost',
         error_text = 'the worker sending this message stopped while the request was in flight; the platform offers no way to check whether it arrived',
         claimed_by = NULL,
         updated_at = now()
       FROM channels c
       WHERE d.state = 'in_flight' AND ${WORKER_OF_CLAIM_SQL('d.claimed_by')} = ANY($2::text[]) AND c.id = d.channel_id
       RETURNING d.state`,
      [dedupPlatforms, deadIds],
    );
    return {
      returned,
      requeued: rows.filter((r) => r.state === 'queued').length,
      unknown: rows.filter((r) => r.state === 'unknown').length,
    };
  });
}
