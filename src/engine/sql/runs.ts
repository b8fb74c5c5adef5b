// Runs in the engine: materialised set-based (INSERT … SELECT in chunks, resumable after a crash
// from each lane's cursor) and completed when nothing is left to deliver. Every step writes to the
// run's log. Creating, logging and stopping a run are shared with the services:
// storage/queries/runs.ts.
import type { SendTargeting } from '../../domain/send/targeting.ts';
import type { Queryable } from '../../storage/db.ts';
import { audiencePredicate } from '../../storage/queries/audience.ts';
import { logRun } from '../../storage/queries/runs.ts';
import { frequencyCap, optedOutPredicate } from '../../storage/queries/audience-consent.ts';

/** Takes one pending (or crashed mid-materialisation) run to materialise, locked against other workers. */
export async function takeRunToMaterialise(
  tx: Queryable,
  leaseSeconds: number,
): Promise<{ id: number; send_id: number; state: string } | null> {
  const rows = await tx.query<{ id: number; send_id: number; state: string }>(
    `SELECT id, send_id, state FROM runs
     WHERE state IN ('pending', 'materialising') AND planned_at <= now()
       AND (state = 'pending' OR EXISTS (SELECT 1 FROM run_lanes l WHERE l.run_id = runs.id AND NOT l.materialised))
       AND (materialise_lease_until IS NULL OR materialise_lease_until < now())
     ORDER BY planned_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
  );
  if (rows[0]) await renewMaterialiseLease(tx, rows[0].id, leaseSeconds);
  return rows[0] ?? null;
}

/** Holds the run for this worker's materialisation for another `leaseSeconds`. */
export async function renewMaterialiseLease(tx: Queryable, runId: number, leaseSeconds: number) {
  await tx.query(`UPDATE runs SET materialise_lease_until = now() + $2 * interval '1 second' WHERE id = $1`, [runId, leaseSeconds]);
}

/**
 * The operator-chat rule of a send, as SQL for a statement that inserts deliveries. `ctes`: with
 * End open chats, `closed` (the open chats of `subscribers`, a subquery, are closed) and
 * `closed_events` (their chat_closed events). `heldState(subscriberId)`: a new delivery's state,
 * held while its subscriber has an open chat that the send does not end — IN, not EXISTS, so the
 * open chats are one hashed set per statement rather than a probe per row. Parameters are given
 * as references: `endOpenChats` a boolean, `sendId` the send id as text, `workspaceId` a bigint.
 */
export function operatorChatRules(p: { endOpenChats: string; sendId: string; workspaceId: string; subscribers: string; reason: string }) {
  return {
    ctes: `closed AS (
       UPDATE operator_chats c SET closed_at = now(), closed_by = 'send:' || ${p.sendId}::text, close_reason = '${p.reason}'
       WHERE ${p.endOpenChats} AND c.closed_at IS NULL AND c.subscriber_id IN (${p.subscribers})
       RETURNING c.id, c.subscriber_id, c.bot_id
     ),
     closed_events AS (
       INSERT INTO events (workspace_id, type, payload)
       SELECT ${p.workspaceId}, 'chat_closed', jsonb_build_object('chatId', id, 'subscriberId', subscriber_id, 'botId', bot_id, 'reason', 'End open chats', 'sendId', ${p.sendId}::bigint)
       FROM closed
     )`,
    heldState: (subscriberId: string) =>
      `CASE WHEN NOT ${p.endOpenChats} AND ${subscriberId} IN (SELECT o.subscriber_id FROM operator_chats o WHERE o.closed_at IS NULL) THEN 'held' ELSE 'queued' END`,
  };
}

export interface ChunkResult {
  lastId: number | null;
  candidates: number;
  held: number;
  chatsClosed: number;
  capped: number;
}

interface ChunkRow {
  last_id: number | null;
  candidates: number;
  held: number;
  closed: number;
  capped: number;
}

/**
 * Inserts the next chunk of a lane's recipients (active subscribers of the channel that match the
 * audience, after the lane's cursor). With End open chats, their open operator chats are closed
 * in the same statement (with the chat_closed events); without it, they are held. No ON CONFLICT:
 * the chunk and the lane's cursor commit together under the lane's lock, and a subscriber belongs
 * to one channel, so a duplicate would be a bug — the unique key refuses it loudly (the speculative
 * insertion cost 15 % of the time).
 * Opted-out subscribers are skipped when `skipOptedOut` (not counted as candidates); those over the
 * bot's frequency cap (`cap`, broadcasts only) are candidates the cursor passes but gets no delivery.
 */
export async function materialiseChunk(
  q: Queryable,
  args: {
    runId: number;
    laneId: number;
    channelId: number;
    cursor: number;
    chunk: number;
    sendId: number;
    targeting: SendTargeting;
    endOpenChats: boolean;
    holdExpirySeconds: number;
    workspaceId: number;
    botId: number;
    skipOptedOut: boolean;
    cap: { count: number; days: number } | null;
  },
): Promise<ChunkResult> {
  const cap = frequencyCap({ count: '$14', days: '$15', botId: '$16', runId: '$1' });
  const chats = operatorChatRules({
    endOpenChats: '$9',
    sendId: '$11',
    workspaceId: '$12',
    subscribers: 'SELECT id FROM sendable',
    reason: 'End open chats of a broadcast',
  });
  const [row] = await q.query<ChunkRow>(
    `WITH cand AS (
       SELECT s.id, s.platform_user_id, s.bot_id FROM subscribers s
       WHERE s.channel_id = $3 AND s.status = 'active' AND s.id > $4 AND ${audiencePredicate(args.targeting.audience, { include: 6, exclude: 7, send: 8 })}
         AND NOT ($13::boolean AND ${optedOutPredicate()})
       ORDER BY s.id LIMIT $5
     ),
     capped AS (${cap.cappedIds('SELECT id FROM cand')}),
     sendable AS (SELECT * FROM cand WHERE id NOT IN (SELECT subscriber_id FROM capped)),
     ${chats.ctes},
     ins AS (
       INSERT INTO deliveries (run_id, lane_id, channel_id, subscriber_id, recipient, state, hold_expires_at)
       SELECT $1, $2, $3, c.id, c.platform_user_id, h.state, CASE WHEN h.state = 'held' THEN now() + make_interval(secs => $10) END
       FROM sendable c
       CROSS JOIN LATERAL (SELECT ${chats.heldState('c.id')} AS state) h
       RETURNING state
     )
     SELECT (SELECT max(id) FROM cand) AS last_id, (SELECT count(*) FROM cand) AS candidates,
            (SELECT count(*) FROM ins WHERE state = 'held') AS held, (SELECT count(*) FROM closed) AS closed,
            (SELECT count(*) FROM capped) AS capped`,
    [
      args.runId,
      args.laneId,
      args.channelId,
      args.cursor,
      args.chunk,
      args.targeting.includeTagIds ?? [],
      args.targeting.excludeTagIds ?? [],
      args.sendId,
      args.endOpenChats,
      args.holdExpirySeconds,
      String(args.sendId),
      args.workspaceId,
      args.skipOptedOut,
      args.cap?.count ?? null,
      args.cap?.days ?? null,
      args.botId,
    ],
  );
  return { lastId: row.last_id, candidates: row.candidates, held: row.held, chatsClosed: row.closed, capped: row.capped };
}

/** A run's counters, summed over its lanes (sum() of bigint is numeric: a number, see storage/db.ts). */
interface RunTotals {
  recipients: number;
  sent: number;
  failed: number;
  cancelled: number;
  unknown: number;
}

/** Marks runs completed when every lane is materialised and nothing is queued, held or in flight. */
export async function completeRuns(q: Queryable): Promise<Array<{ id: number; send_id: number }>> {
  const done = await q.query<{ id: number; send_id: number }>(
    `UPDATE runs r SET state = 'completed', finished_at = now()
     WHERE r.state = 'delivering' AND (r.open_until IS NULL OR r.open_until <= now())
       AND NOT EXISTS (SELECT 1 FROM run_lanes l WHERE l.run_id = r.id AND (NOT l.materialised OR l.queued + l.held + l.in_flight > 0))
     RETURNING r.id, r.send_id`,
  );
  for (const run of done) {
    const [t] = await q.query<RunTotals>(
      `SELECT coalesce(sum(recipients),0) AS recipients, coalesce(sum(sent),0) AS sent, coalesce(sum(failed),0) AS failed,
              coalesce(sum(cancelled),0) AS cancelled, coalesce(sum(unknown),0) AS unknown FROM run_lanes WHERE run_id = $1`,
      [run.id],
    );
    await logRun(
      q,
      run.id,
      'finished',
      `Finished: ${t.sent} sent, ${t.failed} failed, ${t.unknown} unknown, ${t.cancelled} cancelled of ${t.recipients}`,
      t,
    );
    await logLeftOut(q, run.id);
  }
  return done;
}

const LEFT_OUT_WORDS: Record<string, string> = {
  outside_window: 'outside the messaging window (no message from them within 24 hours)',
  no_permission: 'without permission to message them',
  marketing_stopped: 'stopped marketing messages (left out of the marketing template)',
  '131050': 'stopped marketing messages from this business (WhatsApp 131050)',
  '131049': 'not delivered by Meta’s per-person marketing limit (WhatsApp 131049)',
  opted_out: 'opted out of broadcasts after the send was queued',
};

/**
 * How many the platforms' messaging windows left out, and why (counted in `cancelled`, never as
 * errors): deliveries ended `outside_window`, by code — the claim's reasons, or the platform's own
 * refusal (WhatsApp 131047, Messenger 10/2018278) — the WhatsApp marketing refusals (131050 stopped,
 * 131049 per-person limit), final but not errors, and those ended `opted_out` at claim time. Read
 * through the errors index (they carry a code).
 */
async function logLeftOut(q: Queryable, runId: number) {
  const rows = await q.query<{ code: string; n: number }>(
    `SELECT error_code AS code, count(*)::int AS n FROM deliveries
     WHERE run_id = $1 AND error_code IS NOT NULL AND outcome IN ('outside_window', 'marketing_stopped', 'marketing_limit', 'opted_out')
     GROUP BY error_code ORDER BY error_code`,
    [runId],
  );
  if (rows.length === 0) return;
  const total = rows.reduce((a, r) => a + r.n, 0);
  const parts = rows.map((r) => `${r.n} ${LEFT_OUT_WORDS[r.code] ?? `refused by the platform as outside its window (${r.code})`}`);
  await logRun(q, runId, 'left_out', `Left out: ${total} — ${parts.join('; ')}`, {
    total,
    byCode: Object.fromEntries(rows.map((r) => [r.code, r.n])),
  });
}
