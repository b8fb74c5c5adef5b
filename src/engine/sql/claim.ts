// The claim path. One short transaction per batch:
//  1. pick the channel's lane that was served longest ago (round-robin between runs: a trigger's
//     single message is not starved behind a 1M broadcast) and stamp it;
//  2. take up to k of its queued deliveries in id order with FOR UPDATE SKIP LOCKED (workers never
//     wait on each other's rows) and mark them in_flight for this worker — committed before any
//     request leaves;
//  3. reserve k send slots on the channel's pacing row, spaced 1/rate apart, starting no earlier
//     than the end of a pause. The slot times come from the database clock, shared by all workers.
import type { Queryable } from '../../storage/db.ts';
import type { MessagingWindow } from '../../platforms/types.ts';
import { leftOutColumns, type ClaimTemplate } from './claim-window.ts';
import { PAUSE_TOPIC_PREFIX, WAKE_CHANNEL } from '../../storage/queries/wake.ts';

export type LeftOutReason = 'outside_window' | 'no_permission' | 'marketing_stopped' | 'opted_out';

export interface ClaimedDelivery {
  id: number;
  subscriberId: number;
  recipient: string;
  attempts: number;
  /** The subscriber's profile: only for content with {{variables}} (ClaimOptions.withProfile). */
  name?: string | null;
  username?: string | null;
  language?: string | null;
  /** Why this person is ruled out right now (platform's window, marketing stopped, or opted out since queued): never sent. */
  leftOut?: LeftOutReason | null;
  /** Gets the send's template rather than the free-form message (ClaimOptions.template). */
  viaTemplate?: boolean | null;
}

export interface Claim {
  /** What its rows carry in `claimed_by` (sql/claim-marks.ts). */
  tag: string;
  laneId: number;
  runId: number;
  deliveries: ClaimedDelivery[];
  /** Claimed, but ruled out by the platform's messaging window: settled without a request. */
  leftOut: ClaimedDelivery[];
  /** Slot of the first delivery, ms since epoch on the database clock; the rest follow 1000/rate ms apart. */
  firstSlotMs: number;
}

export async function pickLane(tx: Queryable, channelId: number): Promise<{ id: number; run_id: number } | null> {
  const rows = await tx.query<{ id: number; run_id: number }>(
    `SELECT l.id, l.run_id FROM run_lanes l JOIN runs r ON r.id = l.run_id
     WHERE l.channel_id = $1 AND l.queued > 0 AND r.state IN ('materialising', 'delivering') AND r.paused_at IS NULL
     ORDER BY l.last_claimed_at, l.id LIMIT 1`,
    [channelId],
  );
  return rows[0] ?? null;
}

export interface ClaimOptions {
  limit: number;
  workerId: string;
  /** Also return the subscriber's name, username and language (content with {{variables}}). */
  withProfile: boolean;
  /** When nothing is found above the cursor but the lane counts queued rows, look below it too. */
  rescan: boolean;
  /** The platform's messaging window, judged now: a window that closed after the preview still counts. */
  window?: MessagingWindow;
  /** The send's template for people outside the window (sql/claim-window.ts). */
  template?: ClaimTemplate;
  /** The run honours opt-outs (broadcasts, triggers): a subscriber who opted out since it was queued is left out. */
  optOut?: boolean;
}

const PROFILE = `,
       (SELECT s.name FROM subscribers s WHERE s.id = d.subscriber_id) AS name,
       (SELECT s.username FROM subscribers s WHERE s.id = d.subscriber_id) AS username,
       (SELECT s.language FROM subscribers s WHERE s.id = d.subscriber_id) AS language`;

/**
 * The lane's run is paused (runs.paused_at, 0021): nothing of it is claimed. Checked again here,
 * although pickLane skips paused runs, because this statement starts after the lane's lock is
 * taken: pausing waits for that lock (storage/queries/runs.ts), so a claim that picked the lane
 * just before the pause committed finds it here and takes nothing. One probe per statement.
 */
const LANE_PAUSED = `SELECT 1 FROM run_lanes pl JOIN runs pr ON pr.id = pl.run_id WHERE pl.id = $1 AND pr.paused_at IS NOT NULL`;

/**
 * Marks up to `limit` queued rows of the lane matching `where` in_flight for the worker, in
 * `order`. `where` may compare with $4, the lane's cursor, when one is given.
 */
function take(tx: Queryable, o: ClaimOptions, laneId: number, limit: number, pick: { where: string; order: string; cursor?: number }) {
  const params: unknown[] = [laneId, limit, o.workerId];
  if (pick.cursor !== undefined) params.push(pick.cursor);
  return tx.query<ClaimedDelivery>(
    `WITH picked AS (
       SELECT id FROM deliveries WHERE lane_id = $1 AND state = 'queued' AND ${pick.where} AND NOT EXISTS (${LANE_PAUSED})
       ORDER BY ${pick.order} LIMIT $2
       FOR UPDATE SKIP LOCKED
     )
     UPDATE deliveries d SET state = 'in_flight', claimed_by = $3, attempts = d.attempts + 1, not_before = '-infinity', updated_at = now()
     FROM picked WHERE d.id = picked.id
     RETURNING d.id, d.subscriber_id AS "subscriberId", d.recipient, d.attempts${o.withProfile ? PROFILE : ''}${leftOutColumns(o.window, o.template, o.optOut === true)}`,
    params,
  );
}

/**
 * Takes up to `limit` deliveries of a lane: retries that are due first (their own small index),
 * then first attempts in id order from the lane's claim cursor (see db/migrations/0009).
 */
export async function claimDeliveries(
  tx: Queryable,
  laneId: number,
  o: ClaimOptions,
): Promise<{ deliveries: ClaimedDelivery[]; rescanned: boolean }> {
  // The lane's rows are read in id order from the cursor through deliveries_lane_idx, stopping at
  // the limit. Statistics lag behind a run just materialised (PGlite never gathers them on its own),
  // and with a tiny row estimate the planner prefers a bitmap scan: every row of the lane above the
  // cursor, then a sort — 38 ms per claim at 100k, instead of 1.
  await tx.exec('SET LOCAL enable_bitmapscan = off');
  // Stamping the lane also locks it: claims of one lane take turns, so the cursor read here stays ours.
  const [lane] = await tx.query<{ claim_cursor: number; queued: number }>(
    'UPDATE run_lanes SET last_claimed_at = clock_timestamp() WHERE id = $1 RETURNING claim_cursor, queued',
    [laneId],
  );
  const cursor = Number(lane.claim_cursor);
  const taken = await take(tx, o, laneId, o.limit, { where: `not_before > '-infinity' AND not_before <= now()`, order: 'not_before, id' });
  if (taken.length < o.limit) {
    const fresh = await take(tx, o, laneId, o.limit - taken.length, { where: `not_before = '-infinity' AND id > $4`, order: 'id', cursor });
    if (fresh.length > 0) {
      let last = 0;
      for (const d of fresh) last = Math.max(last, Number(d.id));
      await tx.query('UPDATE run_lanes SET claim_cursor = $2 WHERE id = $1', [laneId, last]);
      taken.push(...fresh);
    }
  }
  if (taken.length > 0 || !o.rescan || lane.queued <= 0 || cursor <= 0) return { deliveries: taken, rescanned: false };
  // Nothing above the cursor, yet queued rows are counted: retries not due yet, as a rule, or a
  // row left below the cursor by a transaction that failed. The scan below steps over every row
  // claimed so far, so the worker asks for it only now and then, and only when the retries waiting
  // (their own small index) do not account for every queued row.
  const [waiting] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM deliveries WHERE lane_id = $1 AND not_before > '-infinity' AND state = 'queued'`,
    [laneId],
  );
  if (waiting.n >= lane.queued) return { deliveries: [], rescanned: true };
  const below = await take(tx, o, laneId, o.limit, { where: `not_before = '-infinity' AND id <= $4`, order: 'id', cursor });
  return { deliveries: below, rescanned: true };
}

/** Reserves `count` slots at `ratePerSecond`; returns the first slot (database clock). */
export async function reserveSlots(
  tx: Queryable,
  channelId: number,
  count: number,
  ratePerSecond: number,
): Promise<{ firstSlotMs: number }> {
  const seconds = count / ratePerSecond;
  const [row] = await tx.query<{ first_slot: Date }>(
    `INSERT INTO channel_pacing AS p (channel_id, next_slot_at) VALUES ($1, clock_timestamp() + make_interval(secs => $2))
     ON CONFLICT (channel_id) DO UPDATE SET next_slot_at = greatest(p.next_slot_at, clock_timestamp(), p.paused_until) + make_interval(secs => $2)
     RETURNING next_slot_at - make_interval(secs => $2) AS first_slot`,
    [channelId, seconds],
  );
  return { firstSlotMs: row.first_slot.getTime() };
}

/**
 * Moves the channel's next free slot back by `ms` (from now at the earliest): a request left that
 * much later than its slot allowed, so the requests a second later must leave later too.
 */
export async function delaySlots(q: Queryable, channelId: number, ms: number) {
  await q.query(
    `UPDATE channel_pacing SET next_slot_at = greatest(next_slot_at, clock_timestamp()) + make_interval(secs => $2) WHERE channel_id = $1`,
    [channelId, ms / 1000],
  );
}

/**
 * delaySlots, only while the channel's next free slot is before `beforeDbMs`: the request a
 * second after a late one has no slot yet, so moving the free slots back keeps it a second away.
 */
export async function delaySlotsIfUnreserved(q: Queryable, channelId: number, ms: number, beforeDbMs: number): Promise<boolean> {
  const rows = await q.query(
    `UPDATE channel_pacing SET next_slot_at = greatest(next_slot_at, clock_timestamp()) + make_interval(secs => $2)
     WHERE channel_id = $1 AND next_slot_at < to_timestamp($3 / 1000.0) RETURNING 1`,
    [channelId, ms / 1000, beforeDbMs],
  );
  return rows.length > 0;
}

/** Channels that have claimable work now (of runs not paused), and are not paused. */
export async function channelsWithWork(q: Queryable): Promise<number[]> {
  const rows = await q.query<{ channel_id: number }>(
    `SELECT DISTINCT l.channel_id FROM run_lanes l
     JOIN runs r ON r.id = l.run_id AND r.state IN ('materialising', 'delivering') AND r.paused_at IS NULL
     LEFT JOIN channel_pacing p ON p.channel_id = l.channel_id
     WHERE l.queued > 0 AND (p.paused_until IS NULL OR p.paused_until <= now())`,
  );
  return rows.map((r) => r.channel_id);
}

/** Current pauses, for workers to stop sending on a channel the moment any worker is told to slow down. */
export async function activePauses(q: Queryable): Promise<Map<number, number>> {
  const rows = await q.query<{ channel_id: number; paused_until: Date }>(
    'SELECT channel_id, paused_until FROM channel_pacing WHERE paused_until > now()',
  );
  return new Map(rows.map((r) => [r.channel_id, r.paused_until.getTime()]));
}

/**
 * Pauses a channel for exactly `ms` from now (or longer, if a longer pause is already running), and
 * tells every listening worker in the same statement (storage/queries/wake.ts).
 */
export async function pauseChannel(q: Queryable, channelId: number, ms: number, reason: string): Promise<Date> {
  const [row] = await q.query<{ paused_until: Date }>(
    `WITH p AS (
       INSERT INTO channel_pacing AS p (channel_id, paused_until, pause_reason) VALUES ($1, clock_timestamp() + make_interval(secs => $2), $3)
       ON CONFLICT (channel_id) DO UPDATE SET paused_until = greatest(p.paused_until, clock_timestamp() + make_interval(secs => $2)), pause_reason = $3
       RETURNING paused_until
     )
     SELECT paused_until, pg_notify('${WAKE_CHANNEL}', '${PAUSE_TOPIC_PREFIX}' || $1::text || ':' || floor(extract(epoch FROM paused_until) * 1000)::bigint::text)
     FROM p`,
    [channelId, ms / 1000, reason],
  );
  return row.paused_until;
}
