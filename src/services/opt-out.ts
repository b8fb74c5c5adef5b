// Opt-out of broadcasts, separate from blocking: an opted-out subscriber is still active (they can
// write, be in an operator chat, receive transactional external events that ignore the opt-out),
// but broadcasts and triggers leave them out (storage/queries/audience-consent.ts). They opt out
// or back in by a bot's keywords (inbound.ts) or through the API; each change is an event.
import type { Queryable } from '../storage/db.ts';
import { appendEvents } from '../storage/queries/outbox.ts';

export type OptOutSource = 'keyword' | 'button' | 'api';

/** An opt-out this soon after a broadcast delivery is counted on that delivery's run. */
export const UNSUBSCRIBE_WINDOW_HOURS = 24;

/** Opts subscribers out (or back in), set-based; returns the ids whose state changed. */
export async function setOptedOut(
  q: Queryable,
  workspaceId: number,
  subscriberIds: readonly number[],
  optedOut: boolean,
  source: OptOutSource,
): Promise<number[]> {
  if (subscriberIds.length === 0) return [];
  const rows = await q.query<{ id: number }>(
    `UPDATE subscribers SET opted_out_at = CASE WHEN $3 THEN now() END, opt_out_source = CASE WHEN $3 THEN $4 END
     WHERE workspace_id = $1 AND id = ANY($2::bigint[]) AND (opted_out_at IS NOT NULL) <> $3
     RETURNING id`,
    [workspaceId, subscriberIds, optedOut, source],
  );
  if (optedOut)
    await countUnsubscribes(
      q,
      workspaceId,
      rows.map((r) => r.id),
    );
  await appendEvents(
    q,
    workspaceId,
    optedOut ? 'subscriber_opted_out' : 'subscriber_opted_in',
    rows.map((r) => ({ subscriberId: r.id, source })),
  );
  return rows.map((r) => r.id);
}

/**
 * Counts opt-outs on the broadcast run that last reached each subscriber within the window. The few
 * broadcast runs of the workspace started in the window are read through the deliveries'
 * (run_id, subscriber_id) key: no scan of a subscriber's whole history.
 */
async function countUnsubscribes(q: Queryable, workspaceId: number, subscriberIds: number[]) {
  if (subscriberIds.length === 0) return;
  await q.query(
    `WITH hit AS (
       SELECT DISTINCT ON (d.subscriber_id) d.run_id FROM deliveries d
       WHERE d.run_id IN (SELECT r.id FROM runs r JOIN sends se ON se.id = r.send_id
                          WHERE se.workspace_id = $1 AND se.kind = 'broadcast' AND r.started_at >= now() - make_interval(hours => $3))
         AND d.subscriber_id = ANY($2::bigint[]) AND d.state = 'sent' AND d.updated_at >= now() - make_interval(hours => $3)
       ORDER BY d.subscriber_id, d.updated_at DESC
     )
     UPDATE runs r SET unsubscribes = r.unsubscribes + h.n
     FROM (SELECT run_id, count(*)::int AS n FROM hit GROUP BY run_id) h WHERE r.id = h.run_id`,
    [workspaceId, subscriberIds, UNSUBSCRIBE_WINDOW_HOURS],
  );
}

/** The keyword a message is, if any: the whole text, trimmed and lower-cased (a leading "/" too, as in /stop). */
export function keywordOf(text: string | undefined): string | null {
  if (text === undefined) return null;
  const word = text.trim().toLowerCase().replace(/^\//, '');
  return word.length > 0 && word.length <= 64 ? word : null;
}
