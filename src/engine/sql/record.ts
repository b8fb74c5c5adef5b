// Outcomes are written in batches: one UPDATE per lane for everything a worker learned since the
// last flush, guarded by `state = 'in_flight' AND claimed_by = <the claim it was sent in>` so that
// a worker presumed dead (and recovered) can never overwrite what recovery decided, nor touch a row
// that recovery returned to the queue and a later claim took. Subscribers who blocked the bot are
// marked in the same transaction.
import type { Db, Queryable } from '../../storage/db.ts';
import type { Transition } from '../outcomes.ts';
import { appendEvents } from '../../storage/queries/outbox.ts';
import { withOutcomeEvents } from '../../storage/queries/status-events.ts';

export interface RecordedOutcome {
  deliveryId: number;
  subscriberId: number;
  /** The claim the delivery was sent in (its `claimed_by`, sql/claim-marks.ts). */
  claimTag: string;
  transition: Transition;
}

/**
 * Writes one lane's batch. The common case, everything sent, is one statement, atomic on its own:
 * sent without BEGIN and COMMIT (two round trips fewer per batch). Anything else goes through
 * recordOutcomes in a transaction.
 */
export async function writeOutcomes(db: Db, workspaceId: number | null, outcomes: RecordedOutcome[]): Promise<number> {
  if (outcomes.length === 0) return 0;
  if (outcomes.every((o) => o.transition.state === 'sent' && o.transition.attemptsDelta === 0))
    return recordSent(db, workspaceId, outcomes);
  return db.transaction((tx) => recordOutcomes(tx, workspaceId, outcomes));
}

/** Writes a batch in the caller's transaction (several statements when subscribers are blocked). */
export async function recordOutcomes(tx: Queryable, workspaceId: number | null, outcomes: RecordedOutcome[]): Promise<number> {
  if (outcomes.length === 0) return 0;
  const t = outcomes.map((o) => o.transition);
  // The same statement appends the status webhooks' delivery.outcome events of the rows made final.
  const updated = await tx.query<{ id: number }>(
    withOutcomeEvents(
      `UPDATE deliveries d SET
       state = u.state,
       outcome = coalesce(u.outcome, d.outcome),
       error_code = CASE WHEN u.outcome IS NULL THEN d.error_code ELSE u.code END,
       error_text = CASE WHEN u.outcome IS NULL THEN d.error_text ELSE u.text END,
       platform_message_id = u.mid,
       not_before = coalesce(u.not_before, d.not_before),
       attempts = d.attempts + u.delta,
       claimed_by = NULL,
       updated_at = now()
     FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::int[], $9::text[])
       AS u(id, state, outcome, code, text, mid, not_before, delta, tag)
     WHERE d.id = u.id AND d.state = 'in_flight' AND d.claimed_by = u.tag`,
      '$10',
    ),
    [
      outcomes.map((o) => o.deliveryId),
      t.map((x) => x.state),
      t.map((x) => x.outcome),
      t.map((x) => x.code),
      t.map((x) => (x.text === null ? null : x.text.slice(0, 2000))),
      t.map((x) => x.messageId),
      t.map((x) => (x.notBefore ? x.notBefore.toISOString() : null)),
      t.map((x) => x.attemptsDelta),
      outcomes.map((o) => o.claimTag),
      workspaceId,
    ],
  );
  const blocked = outcomes.filter((o) => o.transition.blockSubscriber).map((o) => o.subscriberId);
  if (blocked.length > 0) {
    const rows = await tx.query<{ id: number; workspace_id: number }>(
      `UPDATE subscribers SET status = 'blocked' WHERE id = ANY($1::bigint[]) AND status <> 'blocked' RETURNING id, workspace_id`,
      [blocked],
    );
    if (rows.length > 0) {
      await appendEvents(
        tx,
        workspaceId ?? rows[0].workspace_id,
        'subscriber_blocked',
        rows.map((r) => ({ subscriberId: r.id, source: 'delivery' })),
      );
    }
  }
  const stopped = outcomes.filter((o) => o.transition.stopMarketing).map((o) => o.subscriberId);
  if (stopped.length > 0)
    await tx.query('UPDATE subscribers SET marketing_stopped_at = now() WHERE id = ANY($1::bigint[]) AND marketing_stopped_at IS NULL', [
      stopped,
    ]);
  return updated.length;
}

/** A batch where everything was sent: two arrays to encode instead of eight. */
async function recordSent(tx: Queryable, workspaceId: number | null, outcomes: RecordedOutcome[]): Promise<number> {
  const updated = await tx.query<{ id: number }>(
    withOutcomeEvents(
      `UPDATE deliveries d SET state = 'sent', outcome = 'sent', error_code = NULL, error_text = NULL, platform_message_id = u.mid, claimed_by = NULL, updated_at = now()
     FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, mid, tag)
     WHERE d.id = u.id AND d.state = 'in_flight' AND d.claimed_by = u.tag`,
      '$4',
    ),
    [outcomes.map((o) => o.deliveryId), outcomes.map((o) => o.transition.messageId), outcomes.map((o) => o.claimTag), workspaceId],
  );
  return updated.length;
}
