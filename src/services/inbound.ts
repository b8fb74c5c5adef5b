// What inbound updates (platform webhooks, Telegram long polling, sandbox users) mean for
// subscribers: create or refresh them, mark them blocked or active again, and let a subscriber
// end an operator chat by writing STOP, or opt out of broadcasts (and back in) by the bot's keywords
// (opt-out.ts). One batch of events is applied set-based, in one transaction.
import { guessTimeZone } from '../domain/schedule/phone-zone.ts';
import type { InboundEvent } from '../platforms/types.ts';
import type { Queryable } from '../storage/db.ts';
import type { ChannelRow } from './channels.ts';
import { closeChats } from './operator-chats.ts';
import { appendEvents } from '../storage/queries/outbox.ts';
import { applySendFailures } from './inbound-receipts.ts';
import { recordReceipts } from './receipts/record.ts';
import { keywordOf, setOptedOut } from './opt-out.ts';
import { applyMarketingPreferences } from './inbound-marketing.ts';
import { replyText, type OptReply } from './opt-out-reply.ts';

export interface InboundResult {
  upserted: number;
  blocked: number;
  chatsClosed: number;
  /** Deliveries the platform reported failed after accepting them. */
  failedLater: number;
  optedOut: number;
  optedIn: number;
  /** Confirmations to send once the transaction has committed (opt-out-reply.ts): not part of the webhook's answer. */
  replies?: OptReply[];
}

export function emptyInboundResult(): InboundResult {
  return { upserted: 0, blocked: 0, chatsClosed: 0, failedLater: 0, optedOut: 0, optedIn: 0 };
}

const STOP_WORDS = new Set(['stop', '/stop']);

export async function applyInbound(
  q: Queryable,
  channel: Pick<ChannelRow, 'id' | 'workspace_id' | 'bot_id' | 'platform'>,
  events: InboundEvent[],
  now: Date,
): Promise<InboundResult> {
  const result = emptyInboundResult();
  if (events.length === 0) return result;

  // Messages and unblocks: one upsert for all. Blocked-then-writes-again means active again.
  // One row per user: an upsert may not touch the same row twice in one statement.
  const latest = new Map<string, InboundEvent>();
  for (const e of events) if (e.type === 'message' || e.type === 'unblocked') latest.set(e.userId, e);
  const seen = [...latest.values()] as Array<Extract<InboundEvent, { type: 'message' | 'unblocked' }>>;
  if (seen.length > 0) {
    // A platform's clock ahead of ours must not stretch a messaging window: never later than now.
    const timeOf = (e: { at?: number }) => Math.min(e.at ?? now.getTime(), now.getTime());
    const at = seen.map((e) => new Date(timeOf(e)).toISOString());
    // The last message each person actually wrote (an unblock is not one): opens the messaging window.
    const wrote = new Map<string, number>();
    for (const e of events) if (e.type === 'message') wrote.set(e.userId, Math.max(wrote.get(e.userId) ?? 0, timeOf(e)));
    const inbound = seen.map((e) => (wrote.has(e.userId) ? new Date(wrote.get(e.userId)!).toISOString() : null));
    const rows = await q.query<{ id: number; platform_user_id: string }>(
      `INSERT INTO subscribers AS s (workspace_id, bot_id, channel_id, platform, platform_user_id, name, username, language, first_message_at, last_message_at, last_inbound_at, status, time_zone)
       SELECT $1, $2, $3, $4, u.uid, coalesce(u.name, ''), coalesce(u.username, ''), coalesce(u.lang, ''), u.at, u.at, u.inbound, 'active', u.tz
       FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[], $11::text[]) AS u(uid, name, username, lang, at, inbound, tz)
       ON CONFLICT (bot_id, platform, platform_user_id) DO UPDATE SET
         time_zone = coalesce(s.time_zone, EXCLUDED.time_zone),
         name = CASE WHEN EXCLUDED.name <> '' THEN EXCLUDED.name ELSE s.name END,
         username = CASE WHEN EXCLUDED.username <> '' THEN EXCLUDED.username ELSE s.username END,
         language = CASE WHEN EXCLUDED.language <> '' THEN EXCLUDED.language ELSE s.language END,
         last_message_at = greatest(s.last_message_at, EXCLUDED.last_message_at),
         last_inbound_at = greatest(s.last_inbound_at, EXCLUDED.last_inbound_at),
         status = 'active'
       RETURNING id, platform_user_id`,
      [
        channel.workspace_id,
        channel.bot_id,
        channel.id,
        channel.platform,
        seen.map((e) => e.userId),
        seen.map((e) => (e.type === 'message' ? e.profile.name : e.profile?.name) ?? null),
        seen.map((e) => (e.type === 'message' ? e.profile.username : e.profile?.username) ?? null),
        seen.map((e) => (e.type === 'message' ? e.profile.language : e.profile?.language) ?? null),
        at,
        inbound,
        // Guessed from a WhatsApp number's country where it has one zone; a zone already set stays.
        seen.map((e) => guessTimeZone(channel.platform, e.userId)),
      ],
    );
    result.upserted = rows.length;

    const stopUsers = events.flatMap((e) =>
      e.type === 'message' && e.text !== undefined && STOP_WORDS.has(e.text.trim().toLowerCase()) ? [e.userId] : [],
    );
    let chatEnded = new Set<number>();
    if (stopUsers.length > 0) {
      const ids = rows.filter((r) => stopUsers.includes(r.platform_user_id)).map((r) => r.id);
      const closed = await closeChats(q, channel.workspace_id, ids, 'subscriber', 'subscriber sent STOP');
      result.chatsClosed = closed.length;
      chatEnded = new Set(closed.map((c) => Number(c.subscriber_id)));
    }
    await applyKeywords(q, channel, events, rows, chatEnded, result);
  }

  const blockedUsers = events.flatMap((e) => (e.type === 'blocked' ? [e.userId] : []));
  if (blockedUsers.length > 0) {
    const rows = await q.query<{ id: number }>(
      `UPDATE subscribers SET status = 'blocked' WHERE bot_id = $1 AND platform = $2 AND platform_user_id = ANY($3::text[]) AND status <> 'blocked' RETURNING id`,
      [channel.bot_id, channel.platform, blockedUsers],
    );
    result.blocked = rows.length;
    await appendEvents(
      q,
      channel.workspace_id,
      'subscriber_blocked',
      rows.map((r) => ({ subscriberId: r.id, source: 'inbound' })),
    );
  }
  await applyMarketingPreferences(q, channel, events);
  result.failedLater = await applySendFailures(
    q,
    channel,
    events.filter((e) => e.type === 'send_failed'),
  );
  // Receipts of webhooks go through the receipt buffer (http/routes/webhooks.ts); any others here.
  const receipts = events.filter((e) => e.type === 'receipt');
  if (receipts.length > 0)
    await recordReceipts(
      q,
      receipts.map((receipt) => ({ channel, receipt })),
    );
  return result;
}

/**
 * Opt-out and opt-in keywords: a user's last keyword message of the batch decides. A STOP that just
 * ended the subscriber's operator chat only ends the chat: it was said to the operator. The label
 * of a "Not interested" button (kind 'opt_out') on any of the bot's screens opts out as a keyword
 * does: the platforms send a reply button's label back as a message.
 */
async function applyKeywords(
  q: Queryable,
  channel: Pick<ChannelRow, 'workspace_id' | 'bot_id'>,
  events: InboundEvent[],
  rows: Array<{ id: number; platform_user_id: string }>,
  chatEnded: Set<number>,
  result: InboundResult,
) {
  const words = new Map<string, string>();
  for (const e of events) {
    if (e.type !== 'message') continue;
    const word = keywordOf(e.text);
    if (word !== null) words.set(e.userId, word);
  }
  if (words.size === 0) return;
  const [bot] = await q.query<{ out: string[]; in: string[]; out_reply: string | null; in_reply: string | null; buttons: string[] }>(
    `SELECT opt_out_keywords AS out, opt_in_keywords AS in, opt_out_reply AS out_reply, opt_in_reply AS in_reply,
       ARRAY(SELECT DISTINCT lower(trim(b->>'text')) FROM screens s CROSS JOIN LATERAL jsonb_array_elements(s.buttons) b
             WHERE s.bot_id = bots.id AND b->>'kind' = 'opt_out') AS buttons
     FROM bots WHERE id = $1`,
    [channel.bot_id],
  );
  const optOut = new Set(bot.out);
  const optOutButtons = new Set(bot.buttons);
  const optIn = new Set(bot.in);
  const out: number[] = [];
  const outByButton: number[] = [];
  const back: number[] = [];
  for (const r of rows) {
    const word = words.get(r.platform_user_id);
    if (word === undefined) continue;
    if (optOut.has(word) && !chatEnded.has(Number(r.id))) out.push(r.id);
    else if (optOutButtons.has(word) && !chatEnded.has(Number(r.id))) outByButton.push(r.id);
    else if (optIn.has(word)) back.push(r.id);
  }
  const wentOut = [
    ...(await setOptedOut(q, channel.workspace_id, out, true, 'keyword')),
    ...(await setOptedOut(q, channel.workspace_id, outByButton, true, 'button')),
  ];
  const cameBack = await setOptedOut(q, channel.workspace_id, back, false, 'keyword');
  result.optedOut = wentOut.length;
  result.optedIn = cameBack.length;
  // Only those whose state changed are told (a second STOP is not answered again).
  const userOf = new Map(rows.map((r) => [Number(r.id), r.platform_user_id]));
  const replies: OptReply[] = [];
  for (const [ids, kind, custom] of [
    [wentOut, 'out', bot.out_reply],
    [cameBack, 'in', bot.in_reply],
  ] as const) {
    for (const id of ids) {
      const recipient = userOf.get(Number(id))!;
      const text = replyText(kind, custom, words.get(recipient)!);
      if (text !== null) replies.push({ subscriberId: Number(id), recipient, text });
    }
  }
  if (replies.length > 0) result.replies = replies;
}
