// Tags (the seed also calls them labels). A tag is "in use" while at least one subscriber has it;
// only tags in use can target a broadcast.
import { conflict, invalid, notFound } from '../domain/errors.ts';
import type { IdRow, Queryable } from '../storage/db.ts';
import type { ServiceContext } from './context.ts';
import { getBot } from './bots.ts';
import { appendEvents } from '../storage/queries/outbox.ts';

export const TAG_NAME_MAX = 64;

export function normaliseTagName(raw: unknown, field = 'name'): string {
  if (typeof raw !== 'string') throw invalid('invalid_tag', `${field} must be a string`, { field });
  const name = raw.trim();
  if (name.length === 0) throw invalid('invalid_tag', `${field} must not be empty`, { field });
  if (name.length > TAG_NAME_MAX) throw invalid('invalid_tag', `${field} is longer than ${TAG_NAME_MAX} characters`, { field });
  return name;
}

export async function listTags(ctx: ServiceContext, workspaceId: number, botId: number) {
  await getBot(ctx, workspaceId, botId);
  const rows = await ctx.db.query<{ id: number; name: string; subscribers: number; createdAt: Date }>(
    `SELECT t.id, t.name, t.created_at AS "createdAt",
            (SELECT count(*) FROM subscriber_tags st WHERE st.tag_id = t.id) AS subscribers
     FROM tags t WHERE t.bot_id = $1 ORDER BY t.name`,
    [botId],
  );
  return rows.map((r) => ({ ...r, inUse: r.subscribers > 0 }));
}

export async function createTag(ctx: ServiceContext, workspaceId: number, botId: number, rawName: unknown) {
  await getBot(ctx, workspaceId, botId);
  const name = normaliseTagName(rawName);
  const rows = await ctx.db.query<{ id: number }>(
    'INSERT INTO tags (workspace_id, bot_id, name) VALUES ($1, $2, $3) ON CONFLICT (bot_id, name) DO NOTHING RETURNING id',
    [workspaceId, botId, name],
  );
  if (rows.length === 0) throw conflict('tag_exists', `tag "${name}" already exists`);
  return { id: rows[0].id, name, subscribers: 0, inUse: false };
}

export async function renameTag(ctx: ServiceContext, workspaceId: number, tagId: number, rawName: unknown) {
  const name = normaliseTagName(rawName);
  const rows = await ctx.db.query<IdRow>(
    `UPDATE tags SET name = $3 WHERE id = $1 AND workspace_id = $2
       AND NOT EXISTS (SELECT 1 FROM tags o WHERE o.bot_id = tags.bot_id AND o.name = $3 AND o.id <> $1)
     RETURNING id`,
    [tagId, workspaceId, name],
  );
  if (rows.length === 0) {
    await getTag(ctx.db, workspaceId, tagId);
    throw conflict('tag_exists', `tag "${name}" already exists`);
  }
  return { id: tagId, name };
}

export async function deleteTag(ctx: ServiceContext, workspaceId: number, tagId: number) {
  const rows = await ctx.db.query<IdRow>('DELETE FROM tags WHERE id = $1 AND workspace_id = $2 RETURNING id', [tagId, workspaceId]);
  if (rows.length === 0) throw notFound('tag', tagId);
}

export async function getTag(q: Queryable, workspaceId: number, tagId: number) {
  const rows = await q.query<{ id: number; bot_id: number; name: string }>(
    'SELECT id, bot_id, name FROM tags WHERE id = $1 AND workspace_id = $2',
    [tagId, workspaceId],
  );
  if (rows.length === 0) throw notFound('tag', tagId);
  return rows[0];
}

/** Creates missing tags of the bot by name and returns their ids, in one statement. */
export async function ensureTags(q: Queryable, workspaceId: number, botId: number, names: string[]): Promise<Map<string, number>> {
  if (names.length === 0) return new Map();
  await q.query(`INSERT INTO tags (workspace_id, bot_id, name) SELECT $1, $2, unnest($3::text[]) ON CONFLICT (bot_id, name) DO NOTHING`, [
    workspaceId,
    botId,
    names,
  ]);
  const rows = await q.query<{ id: number; name: string }>('SELECT id, name FROM tags WHERE bot_id = $1 AND name = ANY($2::text[])', [
    botId,
    names,
  ]);
  return new Map(rows.map((r) => [r.name, r.id]));
}

/**
 * Assigns tags to subscribers (pairs), writing a `tag_assigned` event for every pair that was not
 * assigned before — so trigger events fire in whatever process consumes them.
 */
export async function assignTags(q: Queryable, workspaceId: number, pairs: Array<{ subscriberId: number; tagId: number }>) {
  if (pairs.length === 0) return 0;
  const inserted = await q.query<{ subscriber_id: number; tag_id: number; assigned_at: Date }>(
    `INSERT INTO subscriber_tags (subscriber_id, tag_id)
     SELECT unnest($1::bigint[]), unnest($2::bigint[])
     ON CONFLICT DO NOTHING RETURNING subscriber_id, tag_id, assigned_at`,
    [pairs.map((p) => p.subscriberId), pairs.map((p) => p.tagId)],
  );
  await appendEvents(
    q,
    workspaceId,
    'tag_assigned',
    inserted.map((r) => ({ subscriberId: r.subscriber_id, tagId: r.tag_id, assignedAt: r.assigned_at })),
  );
  return inserted.length;
}

export async function removeTags(q: Queryable, workspaceId: number, pairs: Array<{ subscriberId: number; tagId: number }>) {
  if (pairs.length === 0) return 0;
  const removed = await q.query<{ subscriber_id: number; tag_id: number }>(
    `DELETE FROM subscriber_tags st USING (SELECT unnest($1::bigint[]) AS s, unnest($2::bigint[]) AS t) p
     WHERE st.subscriber_id = p.s AND st.tag_id = p.t RETURNING st.subscriber_id, st.tag_id`,
    [pairs.map((p) => p.subscriberId), pairs.map((p) => p.tagId)],
  );
  await appendEvents(
    q,
    workspaceId,
    'tag_removed',
    removed.map((r) => ({ subscriberId: r.subscriber_id, tagId: r.tag_id })),
  );
  return removed.length;
}
