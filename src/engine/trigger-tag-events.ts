// Triggers, step 1 (triggers.ts): the outbox's tag events, consumed in order under the engine's
// own cursor. An assignment schedules a firing per enabled trigger of that tag, due at
// triggerDueAt(delay, bot time zone, assignment time), unless the trigger fires once per subscriber
// and already fired (or is about to) for them; a removal cancels pending firings not yet due.
import { triggerDueAt, type TriggerDelay } from '../domain/schedule/index.ts';
import type { Queryable } from '../storage/db.ts';
import { consumeEvents, type StoredEvent, type TagEventPayload } from '../storage/queries/outbox.ts';
import type { EngineContext } from './types.ts';
import type { TriggerTickResult } from './triggers.ts';

export const TRIGGER_CONSUMER = 'engine.triggers';
const EVENT_BATCH = 2000;
const EVENT_ROUNDS = 10;

type TagEvent = StoredEvent<TagEventPayload>;

/** A trigger an assignment fires, with what its due time is computed from. */
interface TagCandidate {
  sub: number;
  at: Date;
  trigger_id: number;
  workspace_id: number;
  delay: TriggerDelay;
  time_zone: string;
}

export async function consumeTagEvents(ctx: EngineContext, result: TriggerTickResult) {
  // A new cursor starts after the events older than every trigger: they can fire nothing.
  await ctx.db.query(
    `INSERT INTO event_cursors (consumer, last_id, last_txid)
     SELECT $1, coalesce(max(e.id), 0), coalesce(max(e.txid), '0') FROM events e WHERE e.created_at < (SELECT coalesce(min(created_at), 'infinity') FROM triggers)
     HAVING NOT EXISTS (SELECT 1 FROM event_cursors WHERE consumer = $1)
     ON CONFLICT (consumer) DO NOTHING`,
    [TRIGGER_CONSUMER],
  );
  for (let i = 0; i < EVENT_ROUNDS; i++) {
    const n = await consumeEvents<TagEventPayload>(
      ctx.db,
      TRIGGER_CONSUMER,
      ['tag_assigned', 'tag_removed'],
      (tx, events) => handleTagEvents(ctx, tx, events, result),
      EVENT_BATCH,
    );
    if (n < EVENT_BATCH) break;
  }
}

async function handleTagEvents(ctx: EngineContext, tx: Queryable, events: TagEvent[], result: TriggerTickResult) {
  // Consecutive events of one type are handled set-based; the order between types is kept.
  let start = 0;
  for (let i = 1; i <= events.length; i++) {
    if (i < events.length && events[i].type === events[start].type) continue;
    const segment = events.slice(start, i);
    if (segment[0].type === 'tag_assigned') result.scheduled += await scheduleFirings(ctx, tx, segment);
    else result.cancelled += await cancelOnRemoval(tx, segment);
    start = i;
  }
}

function eventRecords(events: TagEvent[]) {
  return JSON.stringify(
    events.map((e, ord) => ({
      ord,
      sub: Number(e.payload.subscriberId),
      tag: Number(e.payload.tagId),
      at: e.payload.assignedAt ?? e.created_at,
      created: e.created_at,
    })),
  );
}

async function scheduleFirings(ctx: EngineContext, tx: Queryable, events: TagEvent[]): Promise<number> {
  const candidates = await tx.query<TagCandidate>(
    `SELECT e.sub, e.at, t.id AS trigger_id, t.workspace_id, t.delay, b.time_zone
     FROM jsonb_to_recordset($1::jsonb) AS e(ord int, sub bigint, tag bigint, at timestamptz, created timestamptz)
     JOIN triggers t ON t.tag_id = e.tag AND t.enabled AND t.created_at <= e.created
     JOIN subscribers s ON s.id = e.sub AND s.bot_id = t.bot_id
     JOIN bots b ON b.id = t.bot_id
     WHERE t.fire_again
        OR NOT EXISTS (SELECT 1 FROM trigger_firings f WHERE f.subscriber_id = e.sub AND f.trigger_id = t.id AND f.state IN ('pending', 'fired'))
     ORDER BY e.ord, t.position, t.id`,
    [eventRecords(events)],
  );
  const rows: Array<[number, number, number, string, string]> = [];
  for (const c of candidates) {
    try {
      const due = triggerDueAt(c.delay, c.time_zone, new Date(c.at));
      rows.push([c.workspace_id, c.trigger_id, c.sub, new Date(c.at).toISOString(), due.toISOString()]);
    } catch (error) {
      ctx.logger.error({ err: error, triggerId: c.trigger_id }, 'could not compute the due time of a trigger firing');
    }
  }
  if (rows.length === 0) return 0;
  const inserted = await tx.query<{ id: number }>(
    `INSERT INTO trigger_firings (workspace_id, trigger_id, subscriber_id, assigned_at, due_at)
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::timestamptz[], $5::timestamptz[])
     ON CONFLICT DO NOTHING RETURNING id`,
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3]), rows.map((r) => r[4])],
  );
  return inserted.length;
}

async function cancelOnRemoval(tx: Queryable, events: TagEvent[]): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `UPDATE trigger_firings f SET state = 'cancelled', reason = 'the tag was removed before the due time'
     FROM jsonb_to_recordset($1::jsonb) AS e(ord int, sub bigint, tag bigint, at timestamptz, created timestamptz), triggers t
     WHERE t.tag_id = e.tag AND f.trigger_id = t.id AND f.subscriber_id = e.sub AND f.state = 'pending' AND f.due_at > e.created
     RETURNING f.id`,
    [eventRecords(events)],
  );
  return rows.length;
}
