// Triggers: a firing's delivery goes into its trigger's send of the local day — one send of kind
// `trigger` per trigger and day (sends.group_key `trigger:<id>:<yyyy-mm-dd>`), whose run stays open
// until the end of that day (runs.open_until) and whose lanes are marked materialised since
// deliveries are appended to them. The operator-chat rules apply as in materialisation: held while
// a chat is open, or the chat closed first with the trigger's End open chats — both logged on the
// run. Fairness against big broadcasts is the claim path's: lanes of one channel are served round-robin.
import type { TriggerDelay } from '../domain/schedule/index.ts';
import { addDays, formatLocalDate } from '../domain/schedule/local-date.ts';
import { localDateOf, startOfLocalDay } from '../domain/schedule/zoned.ts';
import { AppError } from '../domain/errors.ts';
import type { TriggerTargeting } from '../domain/send/targeting.ts';
import type { TriggerTiming } from '../domain/send/timing.ts';
import type { Queryable } from '../storage/db.ts';
import { logRun } from '../storage/queries/runs.ts';
import { notifyWake } from '../storage/queries/wake.ts';
import type { EngineContext } from './types.ts';
import type { EnginePorts } from './ports.ts';
import type { DueFiring, TriggerRow } from './trigger-due-firings.ts';
import { operatorChatRules } from './sql/runs.ts';

/** A day's run stays open this long past local midnight, so no firing of that day lands in a completed run. */
const OPEN_MARGIN_MS = 5 * 60_000;

interface DaySend {
  id: number;
  end_open_chats: boolean;
}

/** What appending firings to a run did. */
interface AppendedDeliveries {
  /** Ids of the firings that became deliveries. */
  added: number[] | null;
  queued: number;
  held: number;
  closed: number;
}

function dayGroup(trigger: TriggerRow, now: Date) {
  const day = localDateOf(now, trigger.time_zone);
  const key = `trigger:${trigger.id}:${formatLocalDate(day)}${trigger.revision > 1 ? `:r${trigger.revision}` : ''}`;
  const openUntil = new Date(startOfLocalDay(addDays(day, 1), trigger.time_zone).getTime() + OPEN_MARGIN_MS);
  return { key, day: formatLocalDate(day), openUntil };
}

/** The day's send of a trigger (created on its first firing of the day), or null when its content is gone. */
async function daySend(
  ports: Pick<EnginePorts, 'freezeContent'>,
  tx: Queryable,
  trigger: TriggerRow,
  group: { key: string; day: string },
  now: Date,
): Promise<DaySend | null> {
  const existing = await tx.query<DaySend>('SELECT id, end_open_chats FROM sends WHERE group_key = $1', [group.key]);
  if (existing.length > 0) return existing[0];
  let content;
  try {
    content = await ports.freezeContent(tx, trigger.workspace_id, trigger.bot_id, trigger.content);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
  const targeting: TriggerTargeting = {
    audience: 'selected',
    channelIds: [],
    platforms: [],
    includeTagIds: [],
    excludeTagIds: [],
    includeTags: [],
    excludeTags: [],
    trigger: { id: trigger.id, name: trigger.name, tag: trigger.tag_name, day: group.day },
  };
  const timing: TriggerTiming = { type: 'trigger', delay: trigger.delay };
  await tx.query(
    `INSERT INTO sends (workspace_id, bot_id, kind, content, targeting, timing, end_open_chats, created_by, source_id, group_key, last_planned_at)
     VALUES ($1, $2, 'trigger', $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (group_key) DO NOTHING`,
    [
      trigger.workspace_id,
      trigger.bot_id,
      JSON.stringify(content),
      JSON.stringify(targeting),
      JSON.stringify(timing),
      trigger.end_open_chats,
      `trigger:${trigger.id}`,
      trigger.id,
      group.key,
      now.toISOString(),
    ],
  );
  const [send] = await tx.query<DaySend>('SELECT id, end_open_chats FROM sends WHERE group_key = $1', [group.key]);
  return send;
}

/** Fires one trigger's due firings into its send of the day; cancels them when its content is gone. */
export async function fireGroup(
  ctx: EngineContext,
  ports: Pick<EnginePorts, 'freezeContent'>,
  tx: Queryable,
  trigger: TriggerRow,
  firings: DueFiring[],
  now: Date,
): Promise<{ fired: number; cancelled: number }> {
  const group = dayGroup(trigger, now);
  const send = await daySend(ports, tx, trigger, group, now);
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
    await logRun(
      tx,
      run.id,
      'created',
      `Trigger "${trigger.name || `#${trigger.id}`}" (tag "${trigger.tag_name ?? ''}"): the deliveries of ${group.day}`,
      {
        triggerId: trigger.id,
        day: group.day,
        openUntil: group.openUntil,
      },
    );
    await logRun(tx, run.id, 'started', `Started; open until the end of ${group.day} (${trigger.time_zone})`, {
      endOpenChats: send.end_open_chats,
    });
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
  send: DaySend,
  trigger: TriggerRow,
  firings: DueFiring[],
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
  const chats = operatorChatRules({
    endOpenChats: '$5',
    sendId: '$4',
    workspaceId: '$6',
    subscribers: 'SELECT subscriber_id FROM f',
    reason: 'End open chats of a trigger event',
  });
  const [row] = await tx.query<AppendedDeliveries>(
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
    await logRun(
      tx,
      runId,
      'trigger_fired',
      `${added.size} recipient(s) added: tag "${trigger.tag_name ?? ''}" assigned, ${describeDue(trigger.delay)}`,
      {
        added: added.size,
        queued: row.queued,
        held: row.held,
      },
    );
  }
  if (row.queued > 0) await notifyWake(tx, 'work');
  if (row.closed > 0)
    await logRun(tx, runId, 'chats_closed', `${row.closed} open operator chat(s) closed (End open chats)`, { closed: row.closed });
  if (row.held > 0)
    await logRun(tx, runId, 'held', `${row.held} recipient(s) are in an open operator chat and will receive it when the chat closes`, {
      held: row.held,
    });
  return added;
}

function describeDue(delay: TriggerDelay): string {
  const unit = delay.amount === 1 ? delay.unit.replace(/s$/, '') : delay.unit;
  return `${delay.amount} ${unit}${delay.timeOfDay ? ` at ${delay.timeOfDay}` : ''} later`;
}
