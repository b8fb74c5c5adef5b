// Triggers, step 2 (triggers.ts): firings whose time has come are checked (trigger still enabled,
// tag still assigned, subscriber not blocked nor opted out — else cancelled with the reason); those that may go
// become deliveries of their trigger's send of the day (trigger-day-send.ts). A subscriber gets at
// most one trigger message at a time: the earliest due goes first, ties broken by the triggers'
// order, and the next one waits (ready_at, backing off) until the previous delivery left the queue.
// One process at a time (an advisory lock).
import type { TriggerDelay } from '../domain/schedule/index.ts';
import type { ContentInput } from '../domain/send/content.ts';
import type { EngineContext } from './types.ts';
import type { EnginePorts } from './ports.ts';
import type { TriggerTickResult } from './triggers.ts';
import { fireGroup } from './trigger-day-send.ts';

export const DUE_BATCH = 2000;
const DUE_LOCK_KEY = 7_240_312;

/** A due firing, with what decides whether it fires now, waits or is cancelled. */
export interface DueFiring {
  id: number;
  trigger_id: number;
  subscriber_id: number;
  due_at: Date;
  enabled: boolean;
  tag_id: number | null;
  has_tag: boolean;
  subscriber_status: string;
  opted_out: boolean;
  earlier: boolean;
  busy: boolean;
}

/** A trigger that fires, with its bot's time zone. */
export interface TriggerRow {
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
export async function fireDueFirings(
  ctx: EngineContext,
  ports: Pick<EnginePorts, 'freezeContent'>,
  result: TriggerTickResult,
): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const [lock] = await tx.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [DUE_LOCK_KEY]);
    if (!lock.ok) return 0;
    const candidates = await tx.query<DueFiring>(
      `WITH c AS (
         SELECT f.id, f.trigger_id, f.subscriber_id, f.due_at FROM trigger_firings f
         WHERE f.state = 'pending' AND coalesce(f.ready_at, f.due_at) <= now()
         ORDER BY coalesce(f.ready_at, f.due_at), f.id LIMIT $1
       )
       SELECT c.id, c.trigger_id, c.subscriber_id, c.due_at, t.enabled, t.tag_id, s.status AS subscriber_status, s.opted_out_at IS NOT NULL AS opted_out,
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
    const fire = new Map<number, DueFiring[]>();
    for (const c of candidates) {
      const reason = !c.enabled
        ? 'the trigger was disabled at the due time'
        : c.tag_id === null
          ? 'the tag was deleted'
          : c.subscriber_status !== 'active'
            ? 'the subscriber blocked the bot'
            : c.opted_out
              ? 'the subscriber opted out of broadcasts'
              : !c.has_tag
                ? 'the tag was removed before the due time'
                : null;
      if (reason) cancel.set(reason, [...(cancel.get(reason) ?? []), c.id]);
      else if (c.earlier || c.busy) wait.push(c.id);
      else fire.set(c.trigger_id, [...(fire.get(c.trigger_id) ?? []), c]);
    }
    for (const [reason, ids] of cancel) {
      await tx.query(`UPDATE trigger_firings SET state = 'cancelled', reason = $2 WHERE id = ANY($1::bigint[]) AND state = 'pending'`, [
        ids,
        reason,
      ]);
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
        const fired = await fireGroup(ctx, ports, tx, trigger, firings, now);
        result.fired += fired.fired;
        result.cancelled += fired.cancelled;
      }
    }
    return candidates.length;
  });
}
