// OK webhook. Authenticity: OK documents no signature — only that deliveries come from
// 217.20.145.192/28, 217.20.151.160/28 and 217.20.153.48/28 (graph.user.subscribe). An IP
// allow-list breaks behind proxies and in tests, so Botcast registers its webhook URL with a secret
// query parameter (`?secret=<channel.webhookSecret>`, see registerOkWebhook) and accepts only
// requests that carry it: missing → 401, wrong → 403, compared in constant time.
//
// Events (graph.user.subscribe/post.md in apiok/documentation): one JSON object per POST,
//   {"sender":{"user_id":"user:…","name":"…"},"recipient":{"chat_id":"chat:…"},
//    "message":{"text":"…","seq":…,"mid":"mid:…"},"timestamp":1498581292941}
// (`sender.name` as in graph.user.messages/get). A CALLBACK button tap arrives with a top-level
// `payload` instead of `message` (community clients; shape unverified) → a message with that text.
// Newer deliveries may carry `webhookType`; anything but MESSAGE_CREATED / MESSAGE_CALLBACK
// (chat system events…) is ignored. OK documents no "user blocked the group" / "revoked
// permission" event, so nothing maps to `blocked`.
import { asObject, asString } from '../meta-common/json.ts';
import { safeEqual } from '../meta-common/webhook.ts';
import { atOf } from '../time.ts';
import type { ChannelContext, InboundEvent, InboundRequest, VerifyResult } from '../types.ts';

export function verifyOk(channel: ChannelContext, request: InboundRequest): VerifyResult {
  const given = request.query.secret;
  if (given === undefined || given === '') return { ok: false, status: 401, reason: 'missing ?secret= in the webhook URL' };
  if (!channel.webhookSecret || !safeEqual(given, channel.webhookSecret)) return { ok: false, status: 403, reason: 'wrong webhook secret' };
  return { ok: true };
}

const HANDLED = new Set(['MESSAGE_CREATED', 'MESSAGE_CALLBACK']);

export function parseOk(body: unknown): InboundEvent[] {
  const event = asObject(body);
  if (!event) return [];
  const kind = asString(event.webhookType);
  if (kind !== undefined && !HANDLED.has(kind)) return [];
  const sender = asObject(event.sender);
  const userId = asString(sender?.user_id);
  if (!userId) return [];
  const message = asObject(event.message);
  const text = asString(message?.text) ?? (message ? undefined : asString(event.payload));
  if (!message && text === undefined) return [];
  const name = asString(sender?.name);
  return [{ type: 'message', userId, profile: name ? { name } : {}, text, ...atOf(event.timestamp) }]; // ms
}
