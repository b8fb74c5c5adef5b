// Operator chats: a subscriber talking with a human agent. Closing one — by the operator, by the
// subscriber (STOP), by "close all", or by a broadcast with End open chats — writes a
// `chat_closed` event in the same transaction, which releases held deliveries in any process.
import { conflict, notFound } from '../domain/errors.ts';
import type { ExistsRow, Queryable } from '../storage/db.ts';
import type { ServiceContext } from './context.ts';
import { getBot } from './bots.ts';
import { appendEvents } from '../storage/queries/outbox.ts';

const COLUMNS = `id, bot_id AS "botId", subscriber_id AS "subscriberId", opened_at AS "openedAt", opened_by AS "openedBy",
  closed_at AS "closedAt", closed_by AS "closedBy", close_reason AS "closeReason"`;
interface ChatRow {
  id: number;
  botId: number;
  subscriberId: number;
  openedAt: Date;
  openedBy: string;
  closedAt: Date | null;
  closedBy: string | null;
  closeReason: string | null;
}

export async function openChat(ctx: ServiceContext, workspaceId: number, subscriberId: number, openedBy: string) {
  return ctx.db.transaction(async (tx) => {
    const subs = await tx.query<{ bot_id: number }>('SELECT bot_id FROM subscribers WHERE id = $1 AND workspace_id = $2', [
      subscriberId,
      workspaceId,
    ]);
    if (subs.length === 0) throw notFound('subscriber', subscriberId);
    const rows = await tx.query<ChatRow>(
      `INSERT INTO operator_chats (workspace_id, bot_id, subscriber_id, opened_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (subscriber_id) WHERE closed_at IS NULL DO NOTHING RETURNING ${COLUMNS}`,
      [workspaceId, subs[0].bot_id, subscriberId, openedBy],
    );
    if (rows.length === 0) throw conflict('chat_open', `subscriber ${subscriberId} already has an open operator chat`);
    await appendEvents(tx, workspaceId, 'chat_opened', [{ subscriberId, chatId: rows[0].id }]);
    return rows[0];
  });
}

/**
 * Closes the open chats of the given subscribers (set-based) and records why. Returns the closed
 * chats. Used by the operator, STOP, close-all and End open chats alike.
 */
export async function closeChats(q: Queryable, workspaceId: number, subscriberIds: readonly number[], closedBy: string, reason: string) {
  if (subscriberIds.length === 0) return [];
  const closed = await q.query<{ id: number; subscriber_id: number; bot_id: number }>(
    `UPDATE operator_chats SET closed_at = now(), closed_by = $3, close_reason = $4
     WHERE workspace_id = $1 AND subscriber_id = ANY($2::bigint[]) AND closed_at IS NULL
     RETURNING id, subscriber_id, bot_id`,
    [workspaceId, subscriberIds, closedBy, reason],
  );
  await appendEvents(
    q,
    workspaceId,
    'chat_closed',
    closed.map((c) => ({ chatId: c.id, subscriberId: c.subscriber_id, botId: c.bot_id, reason })),
  );
  return closed;
}

export async function closeChat(
  ctx: ServiceContext,
  workspaceId: number,
  subscriberId: number,
  closedBy: string,
  reason = 'closed by operator',
) {
  const closed = await ctx.db.transaction((tx) => closeChats(tx, workspaceId, [subscriberId], closedBy, reason));
  if (closed.length === 0) {
    const subs = await ctx.db.query<ExistsRow>('SELECT 1 FROM subscribers WHERE id = $1 AND workspace_id = $2', [
      subscriberId,
      workspaceId,
    ]);
    if (subs.length === 0) throw notFound('subscriber', subscriberId);
    throw conflict('chat_not_open', `subscriber ${subscriberId} has no open operator chat`);
  }
  const rows = await ctx.db.query<ChatRow>(`SELECT ${COLUMNS} FROM operator_chats WHERE id = $1`, [closed[0].id]);
  return rows[0];
}

export async function closeAllChats(ctx: ServiceContext, workspaceId: number, botId: number, closedBy: string) {
  await getBot(ctx, workspaceId, botId);
  return ctx.db.transaction(async (tx) => {
    const open = await tx.query<{ subscriber_id: number }>(
      'SELECT subscriber_id FROM operator_chats WHERE bot_id = $1 AND closed_at IS NULL',
      [botId],
    );
    const closed = await closeChats(
      tx,
      workspaceId,
      open.map((o) => o.subscriber_id),
      closedBy,
      'close all open chats',
    );
    return { closed: closed.length };
  });
}

export async function listChats(
  ctx: ServiceContext,
  workspaceId: number,
  botId: number,
  options: { open?: boolean; subscriberId?: number },
) {
  await getBot(ctx, workspaceId, botId);
  return ctx.db.query<ChatRow>(
    `SELECT ${COLUMNS} FROM operator_chats WHERE bot_id = $1
       AND ($2::boolean IS NULL OR ($2 = (closed_at IS NULL)))
       AND ($3::bigint IS NULL OR subscriber_id = $3)
     ORDER BY id DESC LIMIT 500`,
    [botId, options.open ?? null, options.subscriberId ?? null],
  );
}
