// The confirmation a subscriber gets when a keyword opts them out of broadcasts or back in
// ("is told so"). applyInbound decides who is answered, in its transaction; the answers are sent
// after that transaction commits (a rolled-back opt-out is never confirmed), as one single message
// each through the platform client, like a test send: no send, no delivery, not counted anywhere.
// At most once: a confirmation lost to a network failure is not retried (the opt-out itself stands).
import type { ServiceContext } from './context.ts';
import { channelContext, type ChannelRow } from './channels.ts';

export interface OptReply {
  subscriberId: number;
  /** The platform's own user id to answer. */
  recipient: string;
  text: string;
}

const DEFAULTS = {
  out: {
    en: 'You have unsubscribed from our broadcasts. Send START to subscribe again.',
    ru: 'Вы отписались от рассылки. Чтобы подписаться снова, отправьте «подписаться».',
  },
  in: {
    en: 'You are subscribed to our broadcasts again. Send STOP to unsubscribe.',
    ru: 'Вы снова подписаны на рассылку. Чтобы отписаться, отправьте «отписаться».',
  },
};

/**
 * The answer to a keyword: the bot's own text (NULL = the default, '' = no answer). Bots have no
 * language setting, so the default follows the keyword the subscriber wrote: Russian for a
 * Cyrillic word, English otherwise.
 */
export function replyText(kind: 'out' | 'in', custom: string | null, keyword: string): string | null {
  if (custom !== null) return custom.trim().length > 0 ? custom : null;
  return DEFAULTS[kind][/[\u0400-\u04FF]/.test(keyword) ? 'ru' : 'en'];
}

/**
 * Sends the confirmations, one message each, in order; never throws. Returns how many the platform
 * accepted (a refusal or a network failure is not retried).
 */
export async function sendOptReplies(
  ctx: Pick<ServiceContext, 'platforms' | 'sealer' | 'config'>,
  channel: ChannelRow,
  replies: readonly OptReply[] | undefined,
): Promise<number> {
  const client = ctx.platforms.get(channel.platform);
  if (!client || !replies || replies.length === 0) return 0;
  let sent = 0;
  try {
    const context = channelContext(ctx, channel);
    for (const r of replies) {
      const outcome = await client.send(context, {
        recipient: r.recipient,
        message: client.render({ text: r.text }),
        dedupKey: `optreply-${r.subscriberId}-${Date.now()}`,
        timeoutMs: ctx.config.requestTimeoutMs,
      });
      if (outcome.class === 'sent') sent += 1;
    }
  } catch {
    // A client never throws for a platform's answer; anything else (credentials unreadable) ends here.
  }
  return sent;
}
