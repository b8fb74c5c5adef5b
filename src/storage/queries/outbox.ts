// The outbox. Facts are written in the same transaction as the change they describe, so a reader
// in any process sees both or neither; consumers advance their own cursor (at-least-once, so
// consumers are idempotent).
import type { Queryable, Row } from '../db.ts';
import { notifyWake } from './wake.ts';

export type EventType =
  'chat_closed' | 'chat_opened' | 'tag_assigned' | 'tag_removed' | 'subscriber_blocked' | 'subscriber_opted_out' | 'subscriber_opted_in';

/** The payload of tag_assigned and tag_removed (services/tags.ts); JSON, so times are ISO strings. */
export interface TagEventPayload {
  subscriberId: number;
  tagId: number;
  /** tag_assigned only. */
  assignedAt?: string;
}

/** The payload of chat_closed (services/operator-chats.ts, and End open chats in the engine). */
export interface ChatClosedPayload {
  chatId: number;
  subscriberId: number;
  botId: number;
  reason: string;
  sendId?: number;
}

/** An event as read back; `P`: its payload as its writer wrote it (the consumer names it). */
export interface StoredEvent<P = Row> {
  id: number;
  workspace_id: number;
  type: EventType;
  payload: P;
  created_at: Date;
}

export async function appendEvents(q: Queryable, workspaceId: number, type: EventType, payloads: readonly Row[]) {
  if (payloads.length === 0) return;
  await q.query(
    `INSERT INTO events (workspace_id, type, payload)
     SELECT $1, $2, p FROM jsonb_array_elements($3::jsonb) AS p`,
    [workspaceId, type, JSON.stringify(payloads)],
  );
  // The engine consumes these (triggers, held deliveries): its schedulers look now.
  if (ENGINE_CONSUMES.includes(type)) await notifyWake(q, 'schedule');
}

const ENGINE_CONSUMES: readonly EventType[] = ['tag_assigned', 'tag_removed', 'chat_closed'];

interface EventCursor {
  last_id: number;
  /** xid8 as text: it can exceed 2^53. */
  last_txid: string;
}

/**
 * Reads the consumer's next events of the given types and hands them to `handle` inside one
 * transaction that also advances the cursor. The row lock on the cursor makes one process at a
 * time consume for a given consumer name.
 *
 * Order: events are read by (writing transaction id, event id), and only from transactions older
 * than every transaction still open — so an event committed late can never land behind the cursor
 * (see db/migrations/0007_outbox_order.sql).
 */
export async function consumeEvents<P = Row>(
  db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  consumer: string,
  types: readonly EventType[],
  handle: (tx: Queryable, events: StoredEvent<P>[]) => Promise<void>,
  limit = 500,
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('INSERT INTO event_cursors (consumer) VALUES ($1) ON CONFLICT (consumer) DO NOTHING', [consumer]);
    const [cursor] = await tx.query<EventCursor>(
      'SELECT last_id, last_txid::text AS last_txid FROM event_cursors WHERE consumer = $1 FOR UPDATE SKIP LOCKED',
      [consumer],
    );
    if (!cursor) return 0;
    const events = await tx.query<StoredEvent<P> & { txid: string }>(
      // Ordered by e.txid, the column: a bare `txid` would name the output column, the text, and
      // '1000' sorts before '999' — events out of order, and with a full batch one skipped for good.
      `SELECT e.id, e.workspace_id, e.type, e.payload, e.created_at, e.txid::text AS txid FROM events e
       WHERE (e.txid, e.id) > ($1::xid8, $2::bigint) AND e.txid < pg_snapshot_xmin(pg_current_snapshot())
         AND e.type = ANY($3::text[])
       ORDER BY e.txid, e.id LIMIT $4`,
      [cursor.last_txid, cursor.last_id, types, limit],
    );
    if (events.length === 0) return 0;
    await handle(tx, events);
    const last = events[events.length - 1];
    await tx.query('UPDATE event_cursors SET last_id = $2, last_txid = $3::xid8, updated_at = now() WHERE consumer = $1', [
      consumer,
      last.id,
      last.txid,
    ]);
    return events.length;
  });
}
