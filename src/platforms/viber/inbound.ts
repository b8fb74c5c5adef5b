// Viber callbacks: X-Viber-Content-Signature = hex HMAC-SHA256(key = auth token, raw body)
// (Viber/viber-bot-python api.py `_calculate_message_signature`), and events → InboundEvent[].
import { createHmac, timingSafeEqual } from 'node:crypto';
import { atOf } from '../time.ts';
import type { ChannelContext, InboundEvent, InboundRequest, VerifyResult } from '../types.ts';

export const SIGNATURE_HEADER = 'x-viber-content-signature';

function header(headers: InboundRequest['headers'], name: string): string | undefined {
  if (headers[name] !== undefined) return headers[name];
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

export function signViber(rawBody: Buffer | string, token: string): string {
  return createHmac('sha256', token).update(rawBody).digest('hex');
}

export function verifyViber(channel: ChannelContext, request: InboundRequest): VerifyResult {
  const given = header(request.headers, SIGNATURE_HEADER);
  if (!given) return { ok: false, status: 401, reason: 'missing X-Viber-Content-Signature header' };
  const token = channel.credentials.token ?? '';
  const expected = Buffer.from(signViber(request.rawBody, token), 'hex');
  const actual = /^[0-9a-fA-F]{64}$/.test(given) ? Buffer.from(given, 'hex') : Buffer.alloc(0);
  if (!token || actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return { ok: false, status: 403, reason: 'wrong X-Viber-Content-Signature' };
  }
  return { ok: true };
}

interface ViberUser {
  id?: string;
  name?: string;
  language?: string;
}

interface ViberEvent {
  event?: string;
  timestamp?: number;
  sender?: ViberUser;
  user?: ViberUser;
  user_id?: string;
  message_token?: number | string;
  desc?: string;
  subscribed?: boolean;
  message?: { type?: string; text?: string };
}

function profileOf(user: ViberUser): { name?: string; language?: string } {
  const profile: { name?: string; language?: string } = {};
  if (user.name) profile.name = user.name;
  if (user.language) profile.language = user.language;
  return profile;
}

/**
 * message → message (a first message also subscribes the person, without a `subscribed` callback);
 * subscribed → unblocked; unsubscribed → blocked; conversation_started → unblocked only when it says
 * `subscribed: true` — a person who merely opened the chat cannot be messaged yet (status 6).
 * Viber timestamps are epoch milliseconds.
 */
function tokenOf(e: ViberEvent): string | undefined {
  return e.message_token === undefined || e.message_token === null ? undefined : String(e.message_token);
}

function parseEvent(e: ViberEvent): InboundEvent[] {
  const at = atOf(e.timestamp);
  switch (e.event) {
    case 'message': {
      if (!e.sender?.id) return [];
      const event: InboundEvent = { type: 'message', userId: e.sender.id, profile: profileOf(e.sender), ...at };
      if (typeof e.message?.text === 'string') event.text = e.message.text;
      return [event];
    }
    case 'subscribed':
      return e.user?.id ? [{ type: 'unblocked', userId: e.user.id, profile: profileOf(e.user), ...at }] : [];
    case 'conversation_started':
      return e.user?.id && e.subscribed === true ? [{ type: 'unblocked', userId: e.user.id, profile: profileOf(e.user), ...at }] : [];
    case 'unsubscribed':
      return e.user_id ? [{ type: 'blocked', userId: e.user_id, ...at }] : [];
    case 'delivered':
    case 'seen': {
      // Receipts name the person and the message_token that send_message answered (kept as the
      // delivery's platform message id); parseViberText keeps the 64-bit token exact.
      const token = tokenOf(e);
      if (!e.user_id || !token) return [];
      return [{ type: 'receipt', status: e.event === 'seen' ? 'read' : 'delivered', userId: e.user_id, platformMessageId: token, ...at }];
    }
    case 'failed': {
      const token = tokenOf(e);
      if (!e.user_id || !token) return [];
      const text = typeof e.desc === 'string' && e.desc ? e.desc : 'Viber could not deliver the message';
      return [{ type: 'send_failed', userId: e.user_id, platformMessageId: token, outcome: 'permanent', code: 'failed', text, ...at }];
    }
    default:
      return []; // webhook, client_status…
  }
}

export function parseViber(body: unknown): InboundEvent[] {
  const events = Array.isArray(body) ? body : [body];
  return events.flatMap((e) => (typeof e === 'object' && e !== null ? parseEvent(e as ViberEvent) : []));
}

/**
 * The same from the body's text: message_token is a 64-bit integer that JSON.parse would round
 * (5741311803571721087 → …1000), so it is quoted before parsing and matched as the exact digits.
 */
export function parseViberText(text: string): InboundEvent[] {
  return parseViber(JSON.parse(text.replace(/"message_token"\s*:\s*(\d+)/g, '"message_token":"$1"')));
}
