// Telegram webhook: authenticity via the secret_token echo header, and Update → InboundEvent[].
import { timingSafeEqual } from 'node:crypto';
import { atOf, epochMs } from '../time.ts';
import type { ChannelContext, InboundEvent, InboundRequest, VerifyResult } from '../types.ts';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

function header(headers: InboundRequest['headers'], name: string): string | undefined {
  if (headers[name] !== undefined) return headers[name];
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Missing header → 401, wrong → 403 (core.telegram.org/bots/api#setwebhook, `secret_token`). */
export function verifyTelegram(channel: ChannelContext, request: InboundRequest): VerifyResult {
  const given = header(request.headers, SECRET_HEADER);
  if (!given) return { ok: false, status: 401, reason: 'missing X-Telegram-Bot-Api-Secret-Token header' };
  if (!channel.webhookSecret || !safeEqual(given, channel.webhookSecret)) {
    return { ok: false, status: 403, reason: 'wrong X-Telegram-Bot-Api-Secret-Token' };
  }
  return { ok: true };
}

interface TgUser {
  id?: number;
  is_bot?: boolean;
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

interface TgUpdate {
  message?: { from?: TgUser; chat?: { id?: number; type?: string }; date?: number; text?: string; caption?: string };
  my_chat_member?: { from?: TgUser; chat?: { id?: number; type?: string }; date?: number; new_chat_member?: { status?: string } };
}

function profileOf(user: TgUser): { name?: string; username?: string; language?: string } {
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
  const profile: { name?: string; username?: string; language?: string } = {};
  if (name) profile.name = name;
  if (user.username) profile.username = user.username;
  if (user.language_code) profile.language = user.language_code;
  return profile;
}

/** Only private chats concern subscribers (a person ↔ the bot). */
function isPrivate(chat: { type?: string } | undefined): boolean {
  return chat === undefined || chat.type === undefined || chat.type === 'private';
}

function parseUpdate(update: TgUpdate): InboundEvent[] {
  const message = update.message;
  if (message?.from?.id !== undefined && !message.from.is_bot && isPrivate(message.chat)) {
    const event: InboundEvent = { type: 'message', userId: String(message.from.id), profile: profileOf(message.from) };
    const text = message.text ?? message.caption;
    if (text !== undefined) event.text = text;
    return [{ ...event, ...atOf(message.date) }]; // `date` is Unix time in seconds
  }
  // my_chat_member in a private chat is sent only when the person blocks / unblocks the bot:
  // new status "kicked" (ChatMemberBanned) = blocked, "member" = unblocked (core.telegram.org/bots/api#update).
  const member = update.my_chat_member;
  if (member?.from?.id !== undefined && isPrivate(member.chat)) {
    const userId = String(member.from.id);
    const at = epochMs(member.date);
    const status = member.new_chat_member?.status;
    if (status === 'kicked') return [{ type: 'blocked', userId, ...(at !== undefined && { at }) }];
    if (status === 'member') return [{ type: 'unblocked', userId, profile: profileOf(member.from), ...(at !== undefined && { at }) }];
  }
  return [];
}

/** One webhook POST carries one Update; a getUpdates-style array is accepted too. */
export function parseTelegram(body: unknown): InboundEvent[] {
  const updates = Array.isArray(body) ? body : [body];
  return updates.flatMap((u) => (typeof u === 'object' && u !== null ? parseUpdate(u as TgUpdate) : []));
}
