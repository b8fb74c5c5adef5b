// Trigger events (SPEC 2.3): "when tag T is assigned to a subscriber, send content C after a delay".
// This file is the management side (create, edit, order, enable); the firing itself happens in the
// engine (src/engine/triggers.ts), which reads the outbox's tag events, so a tag assigned in any
// process — API, panel, the bot — fires triggers.
//
// Rules kept here:
// - the tag must be a tag of the bot (by name or id); content is checked like a broadcast's;
// - the delay is validated by the domain (validateTriggerDelay); errors name `delay.<field>`;
// - a new trigger goes last in the bot's order; PUT …/triggers/order sets the whole order at once;
// - changing the content or End open chats bumps the revision: the rest of the day goes into a new
//   day's send, so every send in history shows what was actually sent;
// - changing the tag cancels the pending firings of the old tag;
// - disabling keeps pending firings; the ones that come due while disabled are cancelled then.
import { invalid, notFound } from '../domain/errors.ts';
import { validateTriggerDelay, type TriggerDelay } from '../domain/schedule/index.ts';
import type { IdRow, Queryable } from '../storage/db.ts';
import type { ServiceContext } from './context.ts';
import { getBot } from './bots.ts';
import type { ContentInput } from '../domain/send/content.ts';
import { freezeContent } from './sends/input.ts';

export interface TriggerInput {
  name?: string;
  tag: string | number;
  content: ContentInput;
  delay: unknown;
  endOpenChats?: boolean;
  fireAgain?: boolean;
  enabled?: boolean;
}

export type TriggerPatch = Partial<TriggerInput>;

const NAME_MAX = 200;

const COLUMNS = `t.id, t.bot_id, t.name, t.tag_id, tg.name AS tag_name, t.content, t.delay, t.end_open_chats, t.fire_again, t.enabled,
  t.position, t.revision, t.created_at, t.updated_at,
  (SELECT count(*) FROM trigger_firings f WHERE f.trigger_id = t.id AND f.state = 'pending') AS pending`;

/** "after 1 day at 19:00", "after 5 minutes", "today or tomorrow at 09:00". */
export function describeDelay(delay: TriggerDelay): string {
  const unit = delay.amount === 1 ? delay.unit.replace(/s$/, '') : delay.unit;
  const at = delay.timeOfDay ? ` at ${delay.timeOfDay}` : '';
  if (delay.amount === 0 && delay.timeOfDay) return `at ${delay.timeOfDay} (today if still ahead, else tomorrow)`;
  return `after ${delay.amount} ${unit}${at}`;
}

/** A row of triggers (`SELECT *`). */
interface TriggerTableRow {
  id: number;
  workspace_id: number;
  bot_id: number;
  name: string;
  tag_id: number | null;
  content: ContentInput;
  delay: TriggerDelay;
  end_open_chats: boolean;
  fire_again: boolean;
  enabled: boolean;
  position: number;
  revision: number;
  created_at: Date;
  updated_at: Date;
}

/** COLUMNS: a trigger with its tag's name and its pending firings. */
interface TriggerRow extends Omit<TriggerTableRow, 'workspace_id'> {
  tag_name: string | null;
  pending: number;
}

function present(row: TriggerRow) {
  return {
    id: row.id,
    botId: row.bot_id,
    name: row.name,
    tag: row.tag_id ? { id: row.tag_id, name: row.tag_name as string } : null,
    content: row.content,
    delay: row.delay,
    delayText: describeDelay(row.delay),
    endOpenChats: row.end_open_chats,
    fireAgain: row.fire_again,
    enabled: row.enabled,
    position: row.position,
    revision: row.revision,
    pendingFirings: Number(row.pending),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function checkName(raw: unknown): string {
  if (raw === undefined || raw === null) return '';
  if (typeof raw !== 'string') throw invalid('invalid_name', 'name must be a string', { field: 'name' });
  const name = raw.trim();
  if (name.length > NAME_MAX) throw invalid('invalid_name', `name is longer than ${NAME_MAX} characters`, { field: 'name' });
  return name;
}

export function checkDelay(raw: unknown): TriggerDelay {
  const checked = validateTriggerDelay(raw);
  if (!checked.ok) {
    const first = checked.errors[0];
    const field = first.field ? `delay.${first.field}` : 'delay';
    throw invalid('invalid_delay', `${field} ${first.message}`, { field, errors: checked.errors });
  }
  return checked.value;
}

async function resolveTag(q: Queryable, botId: number, ref: unknown): Promise<{ id: number; name: string }> {
  if (typeof ref === 'number') {
    // Checked before the query: 1.5 or 1e308 is no bigint, and the database would refuse it.
    if (!Number.isSafeInteger(ref) || ref < 1)
      throw invalid('unknown_tag', 'tag must be a tag id (a whole number, 1 or more) or a tag name', { field: 'tag', tag: ref });
    const rows = await q.query<{ id: number; name: string }>('SELECT id, name FROM tags WHERE bot_id = $1 AND id = $2', [botId, ref]);
    if (rows.length === 0) throw invalid('unknown_tag', `tag: tag ${ref} is not a tag of this bot`, { field: 'tag', tag: ref });
    return rows[0];
  }
  if (typeof ref !== 'string' || ref.trim() === '')
    throw invalid('unknown_tag', 'tag must name a tag of the bot (its name or id)', { field: 'tag' });
  const rows = await q.query<{ id: number; name: string }>('SELECT id, name FROM tags WHERE bot_id = $1 AND name = $2', [
    botId,
    ref.trim(),
  ]);
  if (rows.length === 0)
    throw invalid('unknown_tag', `tag: "${ref.trim()}" is not a tag of this bot (create it first)`, { field: 'tag', tag: ref });
  return rows[0];
}

/** Checks content like a broadcast does (a screen must be the bot's) and returns it as entered. */
async function checkContent(q: Queryable, workspaceId: number, botId: number, content: ContentInput): Promise<ContentInput> {
  await freezeContent(q, workspaceId, botId, content);
  return content.type === 'screen' ? { type: 'screen', screenId: content.screenId } : content;
}

async function triggerRow(q: Queryable, workspaceId: number, triggerId: number): Promise<TriggerRow> {
  const rows = await q.query<TriggerRow>(
    `SELECT ${COLUMNS} FROM triggers t LEFT JOIN tags tg ON tg.id = t.tag_id WHERE t.id = $1 AND t.workspace_id = $2`,
    [triggerId, workspaceId],
  );
  if (rows.length === 0) throw notFound('trigger', triggerId);
  return rows[0];
}

export async function listTriggers(ctx: ServiceContext, workspaceId: number, botId: number) {
  await getBot(ctx, workspaceId, botId);
  const rows = await ctx.db.query<TriggerRow>(
    `SELECT ${COLUMNS} FROM triggers t LEFT JOIN tags tg ON tg.id = t.tag_id WHERE t.bot_id = $1 AND t.workspace_id = $2 ORDER BY t.position, t.id`,
    [botId, workspaceId],
  );
  return rows.map(present);
}

export async function getTrigger(ctx: ServiceContext, workspaceId: number, triggerId: number) {
  const row = await triggerRow(ctx.db, workspaceId, triggerId);
  const [counts] = await ctx.db.query<{ fired: number; cancelled: number; last_fired_at: Date | null }>(
    `SELECT count(*) FILTER (WHERE state = 'fired') AS fired, count(*) FILTER (WHERE state = 'cancelled') AS cancelled, max(fired_at) AS last_fired_at
     FROM trigger_firings WHERE trigger_id = $1`,
    [triggerId],
  );
  return {
    ...present(row),
    firedFirings: Number(counts.fired),
    cancelledFirings: Number(counts.cancelled),
    lastFiredAt: counts.last_fired_at,
  };
}

export async function createTrigger(ctx: ServiceContext, workspaceId: number, botId: number, input: TriggerInput) {
  await getBot(ctx, workspaceId, botId);
  const name = checkName(input.name);
  const delay = checkDelay(input.delay);
  const id = await ctx.db.transaction(async (tx) => {
    const tag = await resolveTag(tx, botId, input.tag);
    const content = await checkContent(tx, workspaceId, botId, input.content);
    // Serialises concurrent creates of one bot, so positions stay distinct.
    await tx.query<IdRow>('SELECT id FROM bots WHERE id = $1 FOR UPDATE', [botId]);
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO triggers (workspace_id, bot_id, name, tag_id, content, delay, end_open_chats, fire_again, enabled, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, (SELECT coalesce(max(position), 0) + 1 FROM triggers WHERE bot_id = $2))
       RETURNING id`,
      [
        workspaceId,
        botId,
        name,
        tag.id,
        JSON.stringify(content),
        JSON.stringify(delay),
        input.endOpenChats ?? false,
        input.fireAgain ?? false,
        input.enabled ?? true,
      ],
    );
    return row.id;
  });
  return getTrigger(ctx, workspaceId, id);
}

export async function updateTrigger(ctx: ServiceContext, workspaceId: number, triggerId: number, patch: TriggerPatch) {
  await ctx.db.transaction(async (tx) => {
    const rows = await tx.query<TriggerTableRow>('SELECT * FROM triggers WHERE id = $1 AND workspace_id = $2 FOR UPDATE', [
      triggerId,
      workspaceId,
    ]);
    if (rows.length === 0) throw notFound('trigger', triggerId);
    const current = rows[0];
    const name = patch.name === undefined ? current.name : checkName(patch.name);
    const delay = patch.delay === undefined ? current.delay : checkDelay(patch.delay);
    const tag = patch.tag === undefined ? null : await resolveTag(tx, current.bot_id, patch.tag);
    const content = patch.content === undefined ? current.content : await checkContent(tx, workspaceId, current.bot_id, patch.content);
    const endOpenChats = patch.endOpenChats ?? current.end_open_chats;
    const contentChanged = JSON.stringify(content) !== JSON.stringify(current.content) || endOpenChats !== current.end_open_chats;
    const tagChanged = tag !== null && tag.id !== current.tag_id;
    await tx.query(
      `UPDATE triggers SET name = $2, tag_id = $3, content = $4, delay = $5, end_open_chats = $6, fire_again = $7, enabled = $8,
         revision = revision + $9, updated_at = now() WHERE id = $1`,
      [
        triggerId,
        name,
        tag ? tag.id : current.tag_id,
        JSON.stringify(content),
        JSON.stringify(delay),
        endOpenChats,
        patch.fireAgain ?? current.fire_again,
        patch.enabled ?? current.enabled,
        contentChanged ? 1 : 0,
      ],
    );
    if (tagChanged) {
      await tx.query(
        `UPDATE trigger_firings SET state = 'cancelled', reason = 'the trigger now reacts to another tag' WHERE trigger_id = $1 AND state = 'pending'`,
        [triggerId],
      );
    }
  });
  return getTrigger(ctx, workspaceId, triggerId);
}

export async function setTriggerEnabled(ctx: ServiceContext, workspaceId: number, triggerId: number, enabled: boolean) {
  const rows = await ctx.db.query<IdRow>(
    'UPDATE triggers SET enabled = $3, updated_at = now() WHERE id = $1 AND workspace_id = $2 RETURNING id',
    [triggerId, workspaceId, enabled],
  );
  if (rows.length === 0) throw notFound('trigger', triggerId);
  return getTrigger(ctx, workspaceId, triggerId);
}

/** Deletes a trigger and its pending firings; the sends it made stay in history. */
export async function deleteTrigger(ctx: ServiceContext, workspaceId: number, triggerId: number) {
  const rows = await ctx.db.query<IdRow>('DELETE FROM triggers WHERE id = $1 AND workspace_id = $2 RETURNING id', [triggerId, workspaceId]);
  if (rows.length === 0) throw notFound('trigger', triggerId);
}

/** Sets the order of a bot's triggers: `ids` must list every trigger of the bot exactly once. */
export async function orderTriggers(ctx: ServiceContext, workspaceId: number, botId: number, ids: number[]) {
  await getBot(ctx, workspaceId, botId);
  await ctx.db.transaction(async (tx) => {
    await tx.query<IdRow>('SELECT id FROM bots WHERE id = $1 FOR UPDATE', [botId]);
    const existing = (
      await tx.query<{ id: number }>('SELECT id FROM triggers WHERE bot_id = $1 AND workspace_id = $2', [botId, workspaceId])
    ).map((r) => r.id);
    const known = new Set(existing);
    const seen = new Set<number>();
    for (const [i, id] of ids.entries()) {
      if (!known.has(id)) throw invalid('unknown_trigger', `ids[${i}]: ${id} is not a trigger of this bot`, { field: `ids[${i}]` });
      if (seen.has(id)) throw invalid('duplicate_trigger', `ids[${i}]: ${id} is listed twice`, { field: `ids[${i}]` });
      seen.add(id);
    }
    const missing = existing.filter((id) => !seen.has(id));
    if (missing.length > 0)
      throw invalid('incomplete_order', `ids must list every trigger of the bot; missing: ${missing.join(', ')}`, {
        field: 'ids',
        missing,
      });
    await tx.query(
      `UPDATE triggers t SET position = o.ord, updated_at = now()
       FROM unnest($1::bigint[]) WITH ORDINALITY AS o(id, ord) WHERE t.id = o.id AND t.bot_id = $2`,
      [ids, botId],
    );
  });
  return listTriggers(ctx, workspaceId, botId);
}

interface FiringRow {
  id: number;
  subscriberId: number;
  assignedAt: Date;
  dueAt: Date;
  state: 'pending' | 'fired' | 'cancelled';
  reason: string | null;
  sendId: number | null;
  runId: number | null;
  firedAt: Date | null;
  deliveryState: string | null;
}

export async function listFirings(
  ctx: ServiceContext,
  workspaceId: number,
  triggerId: number,
  options: { state?: string; subscriberId?: number; limit?: number; before?: number },
) {
  await triggerRow(ctx.db, workspaceId, triggerId);
  if (options.state !== undefined && !['pending', 'fired', 'cancelled'].includes(options.state)) {
    throw invalid('invalid_filter', 'state must be one of pending, fired, cancelled', { field: 'state' });
  }
  const limit = options.limit ?? 100;
  const rows = await ctx.db.query<FiringRow>(
    `SELECT f.id, f.subscriber_id AS "subscriberId", f.assigned_at AS "assignedAt", f.due_at AS "dueAt", f.state, f.reason,
            f.send_id AS "sendId", f.run_id AS "runId", f.fired_at AS "firedAt",
            (SELECT d.state FROM deliveries d WHERE d.run_id = f.run_id AND d.subscriber_id = f.subscriber_id) AS "deliveryState"
     FROM trigger_firings f
     WHERE f.trigger_id = $1 AND ($2::text IS NULL OR f.state = $2) AND ($3::bigint IS NULL OR f.subscriber_id = $3) AND ($4::bigint IS NULL OR f.id < $4)
     ORDER BY f.id DESC LIMIT $5`,
    [triggerId, options.state ?? null, options.subscriberId ?? null, options.before ?? null, limit],
  );
  return rows;
}
