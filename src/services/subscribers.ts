// Subscribers: people who wrote to a bot on one platform. Created only by inbound messages (see
// inbound.ts) or the migration import; a broadcast never creates them.
import { normalizeTimeZone } from '../domain/schedule/time-zone.ts';
import { invalid, notFound } from '../domain/errors.ts';
import type { ServiceContext } from './context.ts';
import { getBot } from './bots.ts';
import { decodeCursor, encodeCursor } from './pagination.ts';
import { assignTags, ensureTags, normaliseTagName, removeTags } from './tags.ts';
import { setOptedOut } from './opt-out.ts';

const COLUMNS = `s.id, s.bot_id AS "botId", s.channel_id AS "channelId", s.platform, s.platform_user_id AS "platformUserId",
  s.name, s.username, s.language, s.status, s.opted_out_at AS "optedOutAt", s.opt_out_source AS "optOutSource", s.time_zone AS "timeZone", s.first_message_at AS "firstMessageAt", s.last_message_at AS "lastMessageAt",
  s.last_request AS "lastRequest",
  coalesce((SELECT array_agg(t.name ORDER BY t.name) FROM subscriber_tags st JOIN tags t ON t.id = st.tag_id WHERE st.subscriber_id = s.id), '{}') AS tags,
  EXISTS (SELECT 1 FROM operator_chats c WHERE c.subscriber_id = s.id AND c.closed_at IS NULL) AS "chatOpen"`;
interface SubscriberRow {
  id: number;
  botId: number;
  channelId: number;
  platform: string;
  platformUserId: string;
  name: string;
  username: string;
  language: string;
  status: 'active' | 'blocked';
  optedOutAt: Date | null;
  optOutSource: string | null;
  /** Their own IANA zone (set, or guessed from a WhatsApp number); null: the bot's. */
  timeZone: string | null;
  firstMessageAt: Date;
  lastMessageAt: Date;
  /** `data` of the last external event that reached them (jsonb). */
  lastRequest: Record<string, unknown> | null;
  tags: string[];
  chatOpen: boolean;
}

export interface SubscriberFilter {
  q?: string;
  tag?: string;
  status?: 'active' | 'blocked';
  platform?: string;
  chatOpen?: boolean;
  optedOut?: boolean;
  limit?: number;
  cursor?: string;
}

// A search lists the best matches first: the exact name, username, user id or id, then names and
// usernames that start with the text, then those that only contain it; newest first within each.
// Without a search every row ranks 0 (newest first). The page continues after (rank, id).
const RANK = `CASE WHEN $3::text IS NULL THEN 0
  WHEN lower(s.name) = lower($3) OR lower(s.username) = lower($3) OR s.platform_user_id = $3 OR s.id::text = $3 THEN 0
  WHEN starts_with(lower(s.name), lower($3)) OR starts_with(lower(s.username), lower($3)) THEN 1
  ELSE 2 END`;

export async function listSubscribers(ctx: ServiceContext, workspaceId: number, botId: number, filter: SubscriberFilter) {
  await getBot(ctx, workspaceId, botId);
  const limit = filter.limit ?? 50;
  const after = decodeRankedCursor(filter.cursor);
  const rows = await ctx.db.query<SubscriberRow & { rank: number }>(
    `SELECT * FROM (
       SELECT ${COLUMNS}, ${RANK} AS rank FROM subscribers s
       WHERE s.bot_id = $1
         AND ($3::text IS NULL OR s.name ILIKE '%' || $3 || '%' OR s.username ILIKE '%' || $3 || '%' OR s.platform_user_id = $3 OR s.id::text = $3)
         AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM subscriber_tags st JOIN tags t ON t.id = st.tag_id WHERE st.subscriber_id = s.id AND t.name = $4))
         AND ($5::text IS NULL OR s.status = $5)
         AND ($6::text IS NULL OR s.platform = $6)
         AND ($7::boolean IS NULL OR $7 = EXISTS (SELECT 1 FROM operator_chats c WHERE c.subscriber_id = s.id AND c.closed_at IS NULL))
         AND ($10::boolean IS NULL OR $10 = (s.opted_out_at IS NOT NULL))
     ) ranked
     WHERE $2::bigint IS NULL OR ranked.rank > $9 OR (ranked.rank = $9 AND ranked.id < $2)
     ORDER BY ranked.rank, ranked.id DESC LIMIT $8`,
    [
      botId,
      after?.id ?? null,
      filter.q?.trim() || null,
      filter.tag ?? null,
      filter.status ?? null,
      filter.platform ?? null,
      filter.chatOpen ?? null,
      limit + 1,
      after?.rank ?? 0,
      filter.optedOut ?? null,
    ],
  );
  const items = rows.slice(0, limit).map(({ rank: _rank, ...row }) => row);
  const last = rows.length > limit ? rows[limit - 1] : null;
  return { items, nextCursor: last ? encodeRankedCursor(Number(last.rank), last.id) : null };
}

// The cursor of a subscriber list: "id:N" (the generic cursor, rank 0) or "rank:R:id:N" after a
// search's first rank. Opaque to clients; one that does not parse is a 400 naming it.
function decodeRankedCursor(cursor: string | undefined): { rank: number; id: number } | null {
  const match = cursor ? /^rank:([0-2]):(id:.*)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8')) : null;
  if (!match) {
    const id = decodeCursor(cursor);
    return id === null ? null : { rank: 0, id };
  }
  const id = decodeCursor(Buffer.from(match[2]).toString('base64url'));
  return id === null ? null : { rank: Number(match[1]), id };
}

function encodeRankedCursor(rank: number, id: number): string {
  return rank === 0 ? encodeCursor(id) : Buffer.from(`rank:${rank}:id:${id}`).toString('base64url');
}

export async function getSubscriber(ctx: ServiceContext, workspaceId: number, subscriberId: number) {
  const rows = await ctx.db.query<SubscriberRow>(`SELECT ${COLUMNS} FROM subscribers s WHERE s.id = $1 AND s.workspace_id = $2`, [
    subscriberId,
    workspaceId,
  ]);
  if (rows.length === 0) throw notFound('subscriber', subscriberId);
  return rows[0];
}

async function subscriberBot(ctx: ServiceContext, workspaceId: number, subscriberId: number): Promise<number> {
  const rows = await ctx.db.query<{ bot_id: number }>('SELECT bot_id FROM subscribers WHERE id = $1 AND workspace_id = $2', [
    subscriberId,
    workspaceId,
  ]);
  if (rows.length === 0) throw notFound('subscriber', subscriberId);
  return rows[0].bot_id;
}

export async function addSubscriberTags(ctx: ServiceContext, workspaceId: number, subscriberId: number, rawTags: unknown[]) {
  if (!Array.isArray(rawTags) || rawTags.length === 0) throw invalid('invalid_tag', 'tags must be a non-empty list', { field: 'tags' });
  const names = [...new Set(rawTags.map((t, i) => normaliseTagName(t, `tags[${i}]`)))];
  const botId = await subscriberBot(ctx, workspaceId, subscriberId);
  await ctx.db.transaction(async (tx) => {
    const ids = await ensureTags(tx, workspaceId, botId, names);
    await assignTags(
      tx,
      workspaceId,
      [...ids.values()].map((tagId) => ({ subscriberId, tagId })),
    );
  });
  return getSubscriber(ctx, workspaceId, subscriberId);
}

export async function removeSubscriberTags(ctx: ServiceContext, workspaceId: number, subscriberId: number, rawTags: unknown[]) {
  if (!Array.isArray(rawTags) || rawTags.length === 0) throw invalid('invalid_tag', 'tags must be a non-empty list', { field: 'tags' });
  const names = rawTags.map((t, i) => normaliseTagName(t, `tags[${i}]`));
  const botId = await subscriberBot(ctx, workspaceId, subscriberId);
  await ctx.db.transaction(async (tx) => {
    const rows = await tx.query<{ id: number }>('SELECT id FROM tags WHERE bot_id = $1 AND name = ANY($2::text[])', [botId, names]);
    await removeTags(
      tx,
      workspaceId,
      rows.map((r) => ({ subscriberId, tagId: r.id })),
    );
  });
  return getSubscriber(ctx, workspaceId, subscriberId);
}

/** Tag many subscribers of a bot at once (panel bulk action, bot API). */
export async function bulkTag(
  ctx: ServiceContext,
  workspaceId: number,
  botId: number,
  input: { tag: unknown; subscriberIds: number[]; remove?: boolean },
) {
  await getBot(ctx, workspaceId, botId);
  const name = normaliseTagName(input.tag, 'tag');
  return ctx.db.transaction(async (tx) => {
    const found = await tx.query<{ id: number }>('SELECT id FROM subscribers WHERE bot_id = $1 AND id = ANY($2::bigint[])', [
      botId,
      input.subscriberIds,
    ]);
    if (found.length !== new Set(input.subscriberIds).size) {
      const known = new Set(found.map((r) => r.id));
      throw invalid('unknown_subscribers', 'some subscriberIds are not subscribers of this bot', {
        unknown: input.subscriberIds.filter((id) => !known.has(id)),
      });
    }
    const ids = await ensureTags(tx, workspaceId, botId, [name]);
    const pairs = found.map((r) => ({ subscriberId: r.id, tagId: ids.get(name)! }));
    const changed = input.remove ? await removeTags(tx, workspaceId, pairs) : await assignTags(tx, workspaceId, pairs);
    return { changed };
  });
}

/** Opts a subscriber out of broadcasts and triggers (`optedOut`), or back in; idempotent. */
/** Sets a subscriber's own time zone (an IANA name), or clears it (null: the bot's zone). */
export async function setSubscriberTimeZone(ctx: ServiceContext, workspaceId: number, subscriberId: number, timeZone: string | null) {
  const zone = timeZone === null ? null : normalizeTimeZone(timeZone);
  if (timeZone !== null && zone === null)
    throw invalid('invalid_time_zone', `timeZone ${JSON.stringify(timeZone)} is not an IANA time zone (e.g. Europe/Berlin)`, {
      field: 'timeZone',
    });
  await subscriberBot(ctx, workspaceId, subscriberId);
  await ctx.db.query('UPDATE subscribers SET time_zone = $3 WHERE workspace_id = $1 AND id = $2', [workspaceId, subscriberId, zone]);
  return getSubscriber(ctx, workspaceId, subscriberId);
}

export async function setSubscriberOptOut(ctx: ServiceContext, workspaceId: number, subscriberId: number, optedOut: boolean) {
  await subscriberBot(ctx, workspaceId, subscriberId);
  await ctx.db.transaction((tx) => setOptedOut(tx, workspaceId, [subscriberId], optedOut, 'api'));
  return getSubscriber(ctx, workspaceId, subscriberId);
}
