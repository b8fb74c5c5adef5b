// The sandbox's users: write to the bot like a real person would (this is how sandbox subscribers
// come to exist), read what the bot sent them, and choose how they behave.
import { invalid } from '../domain/errors.ts';
import type { ServiceContext } from './context.ts';
import { getChannelRow, type ChannelRow } from './channels.ts';
import { applyInbound } from './inbound.ts';
import { sendOptReplies } from './opt-out-reply.ts';

async function sandboxChannel(ctx: ServiceContext, workspaceId: number, channelId: number): Promise<ChannelRow> {
  const row = await getChannelRow(ctx.db, workspaceId, channelId);
  if (row.platform !== 'sandbox') throw invalid('not_sandbox', `channel ${channelId} is not a sandbox channel`);
  return row;
}

export async function writeAsSandboxUser(
  ctx: ServiceContext,
  workspaceId: number,
  channelId: number,
  input: { userId: string; name?: string; username?: string; language?: string; text: string },
) {
  const channel = await sandboxChannel(ctx, workspaceId, channelId);
  const events = ctx.platforms.get('sandbox')!.parseInbound(input);
  const answer = await ctx.db.transaction(async (tx) => {
    await tx.query(`INSERT INTO sandbox_messages (channel_id, user_id, direction, body) VALUES ($1, $2, 'in', $3)`, [
      channelId,
      input.userId,
      JSON.stringify({ text: input.text }),
    ]);
    const result = await applyInbound(tx, channel, events, ctx.clock.now());
    const [sub] = await tx.query<{ id: number }>(
      'SELECT id FROM subscribers WHERE bot_id = $1 AND platform = $2 AND platform_user_id = $3',
      [channel.bot_id, 'sandbox', input.userId],
    );
    return { subscriberId: sub.id, chatsClosed: result.chatsClosed, replies: result.replies };
  });
  // Opt-out confirmations once committed, before answering: the sandbox inbox shows them at once.
  await sendOptReplies(ctx, channel, answer.replies);
  return { subscriberId: answer.subscriberId, chatsClosed: answer.chatsClosed };
}

interface SandboxMessageRow {
  id: number;
  userId: string;
  direction: 'in' | 'out';
  /** The message as the sandbox user wrote it or the bot sent it (jsonb). */
  body: Record<string, unknown>;
  createdAt: Date;
}

export async function sandboxInbox(
  ctx: ServiceContext,
  workspaceId: number,
  channelId: number,
  options: { userId?: string; limit?: number },
) {
  await sandboxChannel(ctx, workspaceId, channelId);
  return ctx.db.query<SandboxMessageRow>(
    `SELECT id, user_id AS "userId", direction, body, created_at AS "createdAt" FROM sandbox_messages
     WHERE channel_id = $1 AND ($2::text IS NULL OR user_id = $2) ORDER BY id DESC LIMIT $3`,
    [channelId, options.userId ?? null, options.limit ?? 100],
  );
}

/** The behaviours set on the channel's sandbox users (every one set, "normal" included), by user id. */
export async function sandboxBehaviours(ctx: ServiceContext, workspaceId: number, channelId: number) {
  await sandboxChannel(ctx, workspaceId, channelId);
  return ctx.db.query<{ userId: string; behaviour: string }>(
    'SELECT user_id AS "userId", behaviour FROM sandbox_users WHERE channel_id = $1 ORDER BY user_id',
    [channelId],
  );
}

export async function setSandboxBehaviour(ctx: ServiceContext, workspaceId: number, channelId: number, userId: string, behaviour: string) {
  await sandboxChannel(ctx, workspaceId, channelId);
  if (!['normal', 'blocked', 'gone', 'flaky'].includes(behaviour)) {
    throw invalid('invalid_behaviour', 'behaviour must be one of normal, blocked, gone, flaky', { field: 'behaviour' });
  }
  await ctx.db.query(
    `INSERT INTO sandbox_users (channel_id, user_id, behaviour) VALUES ($1, $2, $3)
     ON CONFLICT (channel_id, user_id) DO UPDATE SET behaviour = EXCLUDED.behaviour`,
    [channelId, userId, behaviour],
  );
  return { userId, behaviour };
}
