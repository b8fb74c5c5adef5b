// The small delivery sparkline of each run in the Completed list (issue 19 point 4): messages sent
// over the run's time, in SPARK_POINTS points from its first to its last 10-second bucket of
// run_rate (the table the send page's chart reads). One statement for the page, whatever the runs'
// length: run_rate holds a row per run and 10 seconds, never a row per delivery.
import type { Queryable } from '../../storage/db.ts';

export const SPARK_POINTS = 24;

/** Per run id, SPARK_POINTS counts of messages sent; runs that sent nothing are absent. */
export async function sparklinesOf(q: Queryable, runIds: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (runIds.length === 0) return out;
  const rows = await q.query<{ run_id: number; slice: number; sent: number }>(
    // A bucket's slice: where its start lies between the run's first and last bucket, so that the
    // first bucket is the first slice and the last the last.
    `WITH span AS (
       SELECT run_id, min(bucket) AS lo, greatest(extract(epoch FROM max(bucket) - min(bucket)), 1) AS seconds
       FROM run_rate WHERE run_id = ANY($1::bigint[]) GROUP BY run_id)
     SELECT r.run_id, least($2 - 1, round(extract(epoch FROM r.bucket - s.lo) / s.seconds * ($2 - 1)))::int AS slice, sum(r.sent)::int AS sent
     FROM run_rate r JOIN span s ON s.run_id = r.run_id
     WHERE r.run_id = ANY($1::bigint[])
     GROUP BY 1, 2`,
    [runIds, SPARK_POINTS],
  );
  for (const row of rows) {
    const id = Number(row.run_id);
    const points = out.get(id) ?? new Array<number>(SPARK_POINTS).fill(0);
    points[row.slice] += row.sent;
    out.set(id, points);
  }
  for (const [id, points] of out) if (points.every((n) => n === 0)) out.delete(id);
  return out;
}
