// The circuit breaker's windows (0027, domain/send/breaker.ts): counters added to in one statement
// per flush of outcomes, a trip that only one worker wins, and the runs a tripped channel pauses.
import type { Queryable } from '../../storage/db.ts';
import type { BreakerCounters } from '../../domain/send/breaker.ts';

/** `l<lane id>` or `c<channel id>`. */
export type WindowKey = string;
export const laneKey = (laneId: number): WindowKey => `l${laneId}`;
export const channelKey = (channelId: number): WindowKey => `c${channelId}`;

export interface WindowAdd {
  key: WindowKey;
  laneId: number | null;
  channelId: number | null;
  /** Outcomes counted, and the refused among them. */
  n: number;
  r: number;
  /** The window, in outcomes: a block ends once it holds this many. */
  size: number;
}

export interface WindowRow extends BreakerCounters {
  key: WindowKey;
  epoch: number;
}

/** Creates the rows not there yet (a lane's first outcomes); the caller remembers which it created. */
export async function ensureWindows(q: Queryable, adds: WindowAdd[]): Promise<void> {
  if (adds.length === 0) return;
  await q.query(
    `INSERT INTO breaker_windows (key, lane_id, channel_id)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[]) ON CONFLICT (key) DO NOTHING`,
    [adds.map((a) => a.key), adds.map((a) => a.laneId), adds.map((a) => a.channelId)],
  );
}

/**
 * Adds a flush's counts. A block that reaches the window's size becomes the previous block and a
 * new one starts (SET expressions read the row as it was, so this is one atomic step per row).
 * Returns the rows as they are now; a row missing (its lane deleted) is simply not returned.
 */
export async function addToWindows(q: Queryable, adds: WindowAdd[]): Promise<WindowRow[]> {
  if (adds.length === 0) return [];
  const full = 'b.cur_n + u.n >= u.size';
  return q.query<WindowRow>(
    `UPDATE breaker_windows b SET
       prev_n = CASE WHEN ${full} THEN b.cur_n + u.n ELSE b.prev_n END,
       prev_r = CASE WHEN ${full} THEN b.cur_r + u.r ELSE b.prev_r END,
       cur_n = CASE WHEN ${full} THEN 0 ELSE b.cur_n + u.n END,
       cur_r = CASE WHEN ${full} THEN 0 ELSE b.cur_r + u.r END
     FROM unnest($1::text[], $2::int[], $3::int[], $4::int[]) AS u(key, n, r, size)
     WHERE b.key = u.key
     RETURNING b.key, b.cur_n AS "curN", b.cur_r AS "curR", b.prev_n AS "prevN", b.prev_r AS "prevR", b.epoch`,
    [adds.map((a) => a.key), adds.map((a) => a.n), adds.map((a) => a.r), adds.map((a) => a.size)],
  );
}

/**
 * Trips a window read at `epoch`: it starts afresh and its epoch moves on. False when another
 * worker tripped it first, or a person reset it meanwhile.
 */
export async function tripWindow(q: Queryable, key: WindowKey, epoch: number): Promise<boolean> {
  const rows = await q.query<{ key: string }>(
    `UPDATE breaker_windows SET cur_n = 0, cur_r = 0, prev_n = 0, prev_r = 0, epoch = epoch + 1, tripped_at = now()
     WHERE key = $1 AND epoch = $2 RETURNING key`,
    [key, epoch],
  );
  return rows.length > 0;
}

/** The live runs with a lane on a channel, not paused yet (a tripped channel pauses them all). */
export async function liveRunsOnChannel(q: Queryable, channelId: number): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `SELECT DISTINCT r.id FROM run_lanes l JOIN runs r ON r.id = l.run_id
     WHERE l.channel_id = $1 AND r.state IN ('pending', 'materialising', 'delivering') AND r.paused_at IS NULL ORDER BY r.id`,
    [channelId],
  );
  return rows.map((r) => Number(r.id));
}
