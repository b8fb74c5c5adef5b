// Trigger events in the engine (SPEC 2.3). Called from every scheduler tick, in any worker process:
//
// 1. Tag events. The outbox's tag_assigned / tag_removed events (written by tags.ts in the same
//    transaction as the change, whatever process made it) are consumed in order under this module's
//    own cursor. An assignment schedules a firing per enabled trigger of that tag — due at
//    triggerDueAt(delay, bot time zone, assignment time) — unless the trigger fires once per
//    subscriber and already fired (or is about to) for them; a removal cancels pending firings
//    that were not yet due.
// 2. Due firings. Firings whose time has come are checked (trigger still enabled, tag still
//    assigned, subscriber not blocked — else cancelled with the reason) and become deliveries,
//    inserted set-based into the day's send of their trigger: one send of kind `trigger` per
//    trigger and local day (sends.group_key `trigger:<id>:<yyyy-mm-dd>`), whose run stays open until
//    the end of that day (runs.open_until) and whose lanes are marked materialised since deliveries
//    are appended to them. The operator-chat rules apply as in materialisation: held while a chat is
//    open, or the chat closed first with the trigger's End open chats — both logged on the run.
//    Ordering: a subscriber gets at most one trigger message at a time. When several firings of one
//    subscriber are due, the earliest due goes first, ties broken by the triggers' order; the next
//    one waits (ready_at, backing off) until the previous delivery has left the queue.
//    Fairness against big broadcasts is the claim path's: lanes of one channel are served round-robin.
// Every step is a short transaction; step 2 runs in one process at a time (an advisory lock).
import { triggerDueAt, type TriggerDelay } from '../domain/schedule/index.ts';
import { addDays, formatLocalDate } from '../domain/schedule/local-date.ts';
import { localDateOf, startOfLocalDay } from '../domain/schedule/zoned.ts';
import { AppError } from '../domain/errors.ts';
import { consumeEvents, type StoredEvent } from '../services/events.ts';
import { freezeContent, type ContentInput } from '../services/sends/input.ts';
import type { Queryable, Row } from '../storage/db.ts';
import type { EngineContext } from './types.ts';
import { logRun, operatorChatRules } from './sql/runs.ts';

export const TRIGGER_CONSUMER = 'engine.triggers';
const EVENT_BATCH = 2000;
const EVENT_ROUNDS = 10;
const DUE_BATCH = 2000;
const DUE_ROUNDS = 5;
const DUE_LOCK_KEY = 7_240_312;
/** A day's run stays open this long past local midnight, so no firing of that day lands in a completed run. */
const OPEN_MARGIN_MS = 5 * 60_000;

export interface TriggerTickResult {
  scheduled: number;
  cancelled: number;
  fired: number;
}

/** One pass: tag events, then due firings. Never throws (the scheduler's other duties go on). */
export async function processTriggers(ctx: EngineContext): Promise<TriggerTickResult> {
  const result: TriggerTickResult = { scheduled: 0, cancelled: 0, fired: 0 };
  try {
    await consumeTagEvents(ctx, result);
    for (let i = 0; i < DUE_ROUNDS; i++) {
      const picked = await fireDueFirings(ctx, result);
      if (picked < DUE_BATCH) break;
    }
  } catch (error) {
    ctx.logger.error({ err: error }, 'trigger processing failed');
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// 1. Tag events

async function consumeTagEvents(ctx: EngineContext, result: TriggerTickResult) {
  // A new cursor starts after the events older than every trigger: they can fire nothing.
  await ctx.db.query(
    `INSERT INTO event_cursors (consumer, last_id, last_txid)
     SELECT $1, coalesce(max(e.id), 0), coalesce(max(e.txid), '0') FROM events e WHERE e.created_at < (SELECT coalesce(min(created_at), 'infinity') FROM triggers)
     HAVING NOT EXISTS (SELECT 1 FROM event_cursors WHERE consumer = $1)
     ON CONFLICT (consumer) DO NOTHING`,
    [TRIGGER_CONSUMER],
  );
  for (let i = 0; i < EVENT_ROUNDS; i++) {
    const n = await consumeEvents(ctx.db, TRIGGER_CONSUMER, ['tag_assigned', 'tag_removed'], (tx, events) => handleTagEvents(ctx, tx, events, result), EVENT_BATCH);
    if (n < EVENT_BATCH) break;
  }
}

async function handleTagEvents(ctx: EngineContext, tx: Queryable, events: StoredEvent[], result: TriggerTickResult) {
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

function eventRecords(events: StoredEvent[]) {
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

async function scheduleFirings(ctx: EngineContext, tx: Queryable, events: StoredEvent[]): Promise<number> {
  const candidates = await tx.query<{ sub: number; at: Date; trigger_id: number; workspace_id: number; delay: TriggerDelay; time_zone: string }>(
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
  const inserted = await tx.query(
    `INSERT INTO trigger_firings (workspace_id, trigger_id, subscriber_id, assigned_at, due_at)
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::timestamptz[], $5::timestamptz[])
     ON CONFLICT DO NOTHING RETURNING id`,
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3]), rows.map((r) => r[4])],
  );
  return inserted.length;
}

async function cancelOnRemoval(tx: Queryable, events: StoredEvent[]): Promise<number> {
  const rows = await tx.query(
    `UPDATE trigger_firings f SET state = 'cancelled', reason = 'the tag was removed before the due time'
     FROM jsonb_to_recordset($1::jsonb) AS e(ord int, sub bigint, tag bigint, at timestamptz, created timestamptz), triggers t
     WHERE t.tag_id = e.tag AND f.trigger_id = t.id AND f.subscriber_id = e.sub AND f.state = 'pending' AND f.due_at > e.created
     RETURNING f.id`,
    [eventRecords(events)],
  );
  return rows.length;
}

// ---------------------------------------------------------------------------------------------
// 2. Due firings

interface Candidate {
  id: number;
  trigger_id: number;
  subscriber_id: number;
  due_at: Date;
  enabled: boolean;
  tag_id: number | null;
  has_tag: boolean;
  subscriber_status: string;
  earlier: boolean;
  busy: boolean;
}

interface TriggerRow {
  id: number;
  workspace_id: number;
  bot_id: number;
  name: string;
  tag_name: string | null;
  content: ContentInput;
  delay: TriggerDelay;
  end_open_chats: boolean;
  revision: number;
  time_zone: string;
}

/** Handles one batch of due firings; returns how many were looked at. */
async function fireDueFirings(ctx: EngineContext, result: TriggerTickResult): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const [lock] = await tx.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [DUE_LOCK_KEY]);
    if (!lock.ok) return 0;
    const candidates = await tx.query<Candidate>(
      `WITH c AS (
         SELECT f.id, f.trigger_id, f.subscriber_id, f.due_at FROM trigger_firings f
         WHERE f.state = 'pending' AND coalesce(f.ready_at, f.due_at) <= now()
         ORDER BY coalesce(f.ready_at, f.due_at), f.id LIMIT $1
       )
       SELECT c.id, c.trigger_id, c.subscriber_id, c.due_at, t.enabled, t.tag_id, s.status AS subscriber_status,
         EXISTS (SELECT 1 FROM subscriber_tags st WHERE st.subscriber_id = c.subscriber_id AND st.tag_id = t.tag_id) AS has_tag,
         -- an earlier due firing of this subscriber (or as early, of a trigger placed before) goes first
         EXISTS (SELECT 1 FROM trigger_firings o JOIN triggers ot ON ot.id = o.trigger_id
                 WHERE o.subscriber_id = c.subscriber_id AND o.state = 'pending' AND o.due_at <= now() AND o.id <> c.id
                   AND (o.due_at, ot.position, o.id) < (c.due_at, t.position, c.id)) AS earlier,
         -- the previous trigger message to this subscriber has not left the queue yet
         EXISTS (SELECT 1 FROM trigger_firings p JOIN deliveries d ON d.run_id = p.run_id AND d.subscriber_id = p.subscriber_id
                 WHERE p.subscriber_id = c.subscriber_id AND p.state = 'fired' AND d.state IN ('queued', 'in_flight', 'held')) AS busy
       FROM c JOIN triggers t ON t.id = c.trigger_id JOIN subscribers s ON s.id = c.subscriber_id
       ORDER BY c.due_at, t.position, c.id`,
      [DUE_BATCH],
    );
    if (candidates.length === 0) return 0;

    const cancel = new Map<string, number[]>();
    const wait: number[] = [];
    const fire = new Map<number, Candidate[]>();
    for (const c of candidates) {
      const reason = !c.enabled
        ? 'the trigger was disabled at the due time'
        : c.tag_id === null
          ? 'the tag was deleted'
          : c.subscriber_status !== 'active'
            ? 'the subscriber blocked the bot'
            : !c.has_tag
              ? 'the tag was removed before the due time'
              : null;
      if (reason) cancel.set(reason, [...(cancel.get(reason) ?? []), c.id]);
      else if (c.earlier || c.busy) wait.push(c.id);
      else fire.set(c.trigger_id, [...(fire.get(c.trigger_id) ?? []), c]);
    }
    for (const [reason, ids] of cancel) {
      await tx.query(`UPDATE trigger_firings SET state = 'cancelled', reason = $2 WHERE id = ANY($1::bigint[]) AND state = 'pending'`, [ids, reason]);
      result.cancelled += ids.length;
    }
    if (wait.length > 0) {
      // Back off: checked again in 1 s, then less often the longer it waits (at most every 30 s).
      await tx.query(
        `UPDATE trigger_firings SET ready_at = now() + greatest(interval '1 second', least(interval '30 seconds', (now() - due_at) / 10))
         WHERE id = ANY($1::bigint[])`,
        [wait],
      );
    }
    if (fire.size > 0) {
      const [{ now }] = await tx.query<{ now: Date }>('SELECT now() AS now');
      const triggers = await tx.query<TriggerRow>(
        `SELECT t.id, t.workspace_id, t.bot_id, t.name, tg.name AS tag_name, t.content, t.delay, t.end_open_chats, t.revision, b.time_zone
         FROM triggers t JOIN bots b ON b.id = t.bot_id LEFT JOIN tags tg ON tg.id = t.tag_id WHERE t.id = ANY($1::bigint[])`,
        [[...fire.keys()]],
      );
      for (const trigger of triggers) {
        const firings = fire.get(trigger.id)!;
        const fired = await fireGroup(ctx, tx, trigger, firings, now);
        result.fired += fired.fired;
        result.cancelled += fired.cancelled;
      }
    }
    return candidates.length;
  });
}

function dayGroup(trigger: TriggerRow, now: Date) {
  const day = localDateOf(now, trigger.time_zone);
  const key = `trigger:${trigger.id}:${formatLocalDate(day)}${trigger.revision > 1 ? `:r${trigger.revision}` : ''}`;
  const openUntil = new Date(startOfLocalDay(addDays(day, 1), trigger.time_zone).getTime() + OPEN_MARGIN_MS);
  return { key, day: formatLocalDate(day), openUntil };
}

/** The day's send of a trigger (created on its first firing of the day), or null when its content is gone. */
async function daySend(tx: Queryable, trigger: TriggerRow, group: { key: string; day: string }, now: Date): Promise<{ id: number; end_open_chats: boolean } | null> {
  const existing = await tx.query<{ id: number; end_open_chats: boolean }>('SELECT id, end_open_chats FROM sends WHERE group_key = $1', [group.key]);
  if (existing.length > 0) return existing[0];
  let content;
  try {
    content = await freezeContent(tx, trigger.workspace_id, trigger.bot_id, trigger.content);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
  const targeting = {
    audience: 'selected',
    channelIds: [],
    platforms: [],
    includeTagIds: [],
    excludeTagIds: [],
    includeTags: [],
    excludeTags: [],
    trigger: { id: trigger.id, name: trigger.name, tag: trigger.tag_name, day: group.day },
  };
  const timing = { type: 'trigger', delay: trigger.delay };
  await tx.query(
    `INSERT INTO sends (workspace_id, bot_id, kind, content, targeting, timing, end_open_chats, created_by, source_id, group_key, last_planned_at)
     VALUES ($1, $2, 'trigger', $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (group_key) DO NOTHING`,
    [trigger.workspace_id, trigger.bot_id, JSON.stringify(content), JSON.stringify(targeting), JSON.stringify(timing), trigger.end_open_chats, `trigger:${trigger.id}`, trigger.id, group.key, now.toISOString()],
  );
  const [send] = await tx.query<{ id: number; end_open_chats: boolean }>('SELECT id, end_open_chats FROM sends WHERE group_key = $1', [group.key]);
  return send;
}

async function fireGroup(ctx: EngineContext, tx: Queryable, trigger: TriggerRow, firings: Candidate[], now: Date): Promise<{ fired: number; cancelled: number }> {
  const group = dayGroup(trigger, now);
  const send = await daySend(tx, trigger, group, now);
  if (!send) {
    await tx.query(`UPDATE trigger_firings SET state = 'cancelled', reason = $2 WHERE id = ANY($1::bigint[]) AND state = 'pending'`, [
      firings.map((f) => f.id),
      "the trigger's screen no longer exists",
    ]);
    ctx.logger.warn({ triggerId: trigger.id }, "trigger firings cancelled: the trigger's screen no longer exists");
    return { fired: 0, cancelled: firings.length };
  }
  // Runs of the day that still accept deliveries. A subscriber fired twice in one day (fire again)
  // cannot have two deliveries in one run, so the second goes into a further run of the same send.
  const runs = await tx.query<{ id: number }>(
    `SELECT id FROM runs WHERE send_id = $1 AND state = 'delivering' AND open_until > now() + interval '2 minutes' ORDER BY id`,
    [send.id],
  );
  let remaining = firings;
  let fired = 0;
  for (const run of runs) {
    const done = await insertDeliveries(ctx, tx, run.id, send, trigger, remaining);
    fired += done.size;
    remaining = remaining.filter((f) => !done.has(f.id));
    if (remaining.length === 0) break;
  }
  if (remaining.length > 0) {
    const [run] = await tx.query<{ id: number }>(
      `INSERT INTO runs (workspace_id, send_id, planned_at, open_until, state, started_at)
       VALUES ($1, $2, clock_timestamp(), $3, 'delivering', now()) RETURNING id`,
      [trigger.workspace_id, send.id, group.openUntil.toISOString()],
    );
    await logRun(tx, run.id, 'created', `Trigger "${trigger.name || `#${trigger.id}`}" (tag "${trigger.tag_name ?? ''}"): the deliveries of ${group.day}`, {
      triggerId: trigger.id,
      day: group.day,
      openUntil: group.openUntil,
    });
    await logRun(tx, run.id, 'started', `Started; open until the end of ${group.day} (${trigger.time_zone})`, { endOpenChats: send.end_open_chats });
    const done = await insertDeliveries(ctx, tx, run.id, send, trigger, remaining);
    fired += done.size;
    if (done.size < remaining.length) {
      // Cannot happen (a fresh run has no deliveries); kept pending for the next tick if it does.
      ctx.logger.warn({ triggerId: trigger.id, runId: run.id }, 'some trigger firings could not be added to a fresh run');
    }
  }
  return { fired, cancelled: 0 };
}

/** Appends firings to a run as deliveries (with the operator-chat rules); returns the ids of the firings added. */
async function insertDeliveries(
  ctx: EngineContext,
  tx: Queryable,
  runId: number,
  send: { id: number; end_open_chats: boolean },
  trigger: TriggerRow,
  firings: Candidate[],
): Promise<Set<number>> {
  const lanes = await tx.query<{ channel_id: number }>(
    `INSERT INTO run_lanes (run_id, channel_id, materialised)
     SELECT DISTINCT $1::bigint, s.channel_id, true FROM subscribers s WHERE s.id = ANY($2::bigint[])
     ON CONFLICT (run_id, channel_id) DO NOTHING RETURNING channel_id`,
    [runId, firings.map((f) => f.subscriber_id)],
  );
  if (lanes.length > 0) {
    // The send lists the platforms its deliveries went to.
    await tx.query(
      `UPDATE sends SET targeting = targeting || jsonb_build_object('channelIds', x.ids, 'platforms', x.platforms)
       FROM (SELECT jsonb_agg(c.id ORDER BY c.id) AS ids, jsonb_agg(c.platform ORDER BY c.id) AS platforms FROM channels c
             WHERE c.id IN (SELECT l.channel_id FROM run_lanes l JOIN runs r ON r.id = l.run_id WHERE r.send_id = $1)) x
       WHERE sends.id = $1`,
      [send.id],
    );
  }
  const chats = operatorChatRules({ endOpenChats: '$5', sendId: '$4', workspaceId: '$6', subscribers: 'SELECT subscriber_id FROM f', reason: 'End open chats of a trigger event' });
  const [row] = await tx.query<{ added: number[] | null; queued: number; held: number; closed: number }>(
    `WITH f AS (
       SELECT u.id AS firing_id, u.ord, s.id AS subscriber_id, s.channel_id, s.platform_user_id, s.bot_id, l.id AS lane_id
       FROM unnest($2::bigint[], $3::bigint[]) WITH ORDINALITY AS u(id, subscriber_id, ord)
       JOIN subscribers s ON s.id = u.subscriber_id
       JOIN run_lanes l ON l.run_id = $1 AND l.channel_id = s.channel_id
       WHERE NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.run_id = $1 AND d.subscriber_id = s.id)
     ),
     ${chats.ctes},
     ins AS (
       INSERT INTO deliveries (run_id, lane_id, channel_id, subscriber_id, recipient, state, hold_expires_at)
       SELECT $1, f.lane_id, f.channel_id, f.subscriber_id, f.platform_user_id, h.state,
              CASE WHEN h.state = 'held' THEN now() + make_interval(secs => $7) END
       FROM f
       CROSS JOIN LATERAL (SELECT ${chats.heldState('f.subscriber_id')} AS state) h
       ORDER BY f.ord
       ON CONFLICT (run_id, subscriber_id) DO NOTHING
       RETURNING subscriber_id, state
     ),
     upd AS (
       UPDATE trigger_firings t SET state = 'fired', send_id = $8, run_id = $1, fired_at = now(), ready_at = NULL
       FROM f WHERE t.id = f.firing_id AND f.subscriber_id IN (SELECT subscriber_id FROM ins)
       RETURNING t.id
     )
     SELECT (SELECT array_agg(id) FROM upd) AS added,
            (SELECT count(*)::int FROM ins WHERE state = 'queued') AS queued,
            (SELECT count(*)::int FROM ins WHERE state = 'held') AS held,
            (SELECT count(*)::int FROM closed) AS closed`,
    [
      runId,
      firings.map((f) => f.id),
      firings.map((f) => f.subscriber_id),
      String(send.id),
      send.end_open_chats,
      trigger.workspace_id,
      ctx.settings.holdExpiryMs / 1000,
      send.id,
    ],
  );
  const added = new Set((row.added ?? []).map(Number));
  if (added.size > 0) {
    await logRun(tx, runId, 'trigger_fired', `${added.size} recipient(s) added: tag "${trigger.tag_name ?? ''}" assigned, ${describeDue(trigger.delay)}`, {
      added: added.size,
      queued: row.queued,
      held: row.held,
    } as Row);
  }
  if (row.closed > 0) await logRun(tx, runId, 'chats_closed', `${row.closed} open operator chat(s) closed (End open chats)`, { closed: row.closed });
  if (row.held > 0) await logRun(tx, runId, 'held', `${row.held} recipient(s) are in an open operator chat and will receive it when the chat closes`, { held: row.held });
  return added;
}

function describeDue(delay: TriggerDelay): string {
  const unit = delay.amount === 1 ? delay.unit.replace(/s$/, '') : delay.unit;
  return `${delay.amount} ${unit}${delay.timeOfDay ? ` at ${delay.timeOfDay}` : ''} later`;
}
