// Test send: the content to one chosen subscriber (a sandbox user, or yourself on a real
// platform), right now, without creating a send in history.
import { invalid, notFound } from '../../domain/errors.ts';
import { personalise, type ContentInput } from '../../domain/send/content.ts';
import type { ServiceContext } from '../context.ts';
import { getBot } from '../bots.ts';
import { channelContext, type ChannelRow } from '../channels.ts';
import { freezeContent } from './input.ts';

export async function testSend(
  ctx: ServiceContext,
  workspaceId: number,
  botId: number,
  input: { content: ContentInput; subscriberId: number; data?: unknown },
) {
  await getBot(ctx, workspaceId, botId);
  const content = await freezeContent(ctx.db, workspaceId, botId, input.content);
  const subs = await ctx.db.query<{
    id: number;
    channel_id: number;
    platform_user_id: string;
    name: string;
    username: string;
    language: string;
    status: string;
  }>('SELECT id, channel_id, platform_user_id, name, username, language, status FROM subscribers WHERE id = $1 AND bot_id = $2', [
    input.subscriberId,
    botId,
  ]);
  if (subs.length === 0) throw notFound('subscriber', input.subscriberId);
  const sub = subs[0];
  if (sub.status === 'blocked')
    throw invalid('subscriber_blocked', `subscriber ${sub.id} blocked the bot; pick another one for the test`, { field: 'subscriberId' });
  const [channel] = await ctx.db.query<ChannelRow>('SELECT * FROM channels WHERE id = $1', [sub.channel_id]);
  const client = ctx.platforms.get(channel.platform)!;
  const personal = personalise(content, sub, channel.platform, input.data);
  const message = client.render(personal.content);
  const outcome = await client.send(channelContext(ctx, channel), {
    recipient: sub.platform_user_id,
    message,
    dedupKey: `test-${Date.now()}-${sub.id}`,
    timeoutMs: ctx.config.requestTimeoutMs,
  });
  return {
    platform: channel.platform,
    subscriberId: sub.id,
    outcome,
    degradations: message.degradations,
    missingVariables: personal.missing,
  };
}

/** What the content looks like on each platform, and what degrades there. */
export async function previewContent(
  ctx: ServiceContext,
  workspaceId: number,
  botId: number,
  input: { content: ContentInput; platforms?: string[] },
) {
  await getBot(ctx, workspaceId, botId);
  const content = await freezeContent(ctx.db, workspaceId, botId, input.content);
  const codes = input.platforms?.length ? input.platforms : [...ctx.platforms.keys()];
  return codes.map((code) => {
    const client = ctx.platforms.get(code as never);
    if (!client) throw invalid('unknown_platform', `platforms: "${code}" is not a platform`, { field: 'platforms' });
    // The panel's screen editor fills its own bubble with the same person (VARIABLES in web/app/pages/screens.js).
    const personal = personalise(content, { name: 'Alex Example', username: 'alex', language: 'en' }, code, undefined);
    const rendered = client.render(personal.content);
    return { platform: code, displayName: client.displayName, calls: rendered.calls, degradations: rendered.degradations };
  });
}
