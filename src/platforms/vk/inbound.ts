// VK Callback API: `confirmation` handshake, `secret` field check, and events → InboundEvent[].
// Shapes: VKCOM/vk-api-schema callback/objects.json; dev.vk.com/en/api/callback/getting-started.
// Note for the HTTP layer: VK expects the body "ok" (HTTP 200) for every other event.
import { timingSafeEqual } from 'node:crypto';
import { atOf } from '../time.ts';
import type { ChannelContext, InboundEvent, InboundRequest, VerifyResult } from '../types.ts';

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

interface VkCallback {
  type?: string;
  group_id?: number;
  secret?: string;
  object?: Record<string, unknown>;
}

function parseJson(raw: Buffer): VkCallback | undefined {
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as VkCallback) : undefined;
  } catch {
    return undefined;
  }
}

export function verifyVk(channel: ChannelContext, request: InboundRequest): VerifyResult {
  const event = parseJson(request.rawBody);
  if (!event) return { ok: false, status: 403, reason: 'body is not a VK callback' };
  const groupId = channel.credentials.groupId;
  if (groupId && event.group_id !== undefined && String(event.group_id) !== String(groupId).replace(/^-/, '')) {
    // The request's own group_id is not repeated: this text is answered and shown on the channel page.
    return { ok: false, status: 403, reason: `callback for another community than this channel’s (${groupId})` };
  }
  if (event.type === 'confirmation') {
    // VK may or may not include `secret` here; when it does, it must be right.
    if (event.secret !== undefined && !safeEqual(String(event.secret), channel.webhookSecret)) {
      return { ok: false, status: 403, reason: 'wrong secret' };
    }
    const confirmation = channel.credentials.confirmation;
    if (!confirmation) return { ok: false, status: 403, reason: 'no confirmation string configured for this channel' };
    return { ok: 'handshake', status: 200, contentType: 'text/plain', body: confirmation };
  }
  if (event.secret === undefined || event.secret === '') return { ok: false, status: 401, reason: 'missing secret' };
  if (!channel.webhookSecret || !safeEqual(String(event.secret), channel.webhookSecret)) {
    return { ok: false, status: 403, reason: 'wrong secret' };
  }
  return { ok: true };
}

/** Chats have peer ids from 2000000000 up; only person ↔ community dialogs concern subscribers. */
const CHAT_PEER_BASE = 2_000_000_000;

function parseEvent(event: VkCallback): InboundEvent[] {
  const object = event.object ?? {};
  switch (event.type) {
    case 'message_new': {
      // API ≥ 5.103: object = {message, client_info}; older: object is the message itself.
      const message = (object.message ?? object) as { from_id?: number; peer_id?: number; text?: string; date?: number };
      if (typeof message.from_id !== 'number' || message.from_id <= 0) return [];
      if (typeof message.peer_id === 'number' && message.peer_id >= CHAT_PEER_BASE) return [];
      const result: InboundEvent = { type: 'message', userId: String(message.from_id), profile: {} };
      if (typeof message.text === 'string') result.text = message.text;
      return [{ ...result, ...atOf(message.date) }]; // `date` is Unix time in seconds
    }
    case 'message_deny':
    case 'message_allow': {
      const userId = object.user_id;
      if (typeof userId !== 'number' && typeof userId !== 'string') return [];
      return [{ type: event.type === 'message_deny' ? 'blocked' : 'unblocked', userId: String(userId) }];
    }
    default:
      return [];
  }
}

export function parseVk(body: unknown): InboundEvent[] {
  const events = Array.isArray(body) ? body : [body];
  return events.flatMap((e) => (typeof e === 'object' && e !== null ? parseEvent(e as VkCallback) : []));
}
