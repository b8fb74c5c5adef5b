// WhatsApp webhook: Meta's GET hub.challenge handshake and X-Hub-Signature-256 (meta-common), and
// the `whatsapp_business_account` notification:
//   entry[].changes[].value.messages[]  → message events (user id `from`, name from contacts[].profile.name)
//     — developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages;
//   entry[].changes[].value.user_preferences[] (category marketing_messages, value stop / resume)
//     → marketing stopped / resumed — …/whatsapp/webhooks/reference/user_preferences. WhatsApp has
//     no "user blocked the business" webhook. A person who stops marketing messages is left out of
//     marketing templates only (send answers 131050 for them anyway), not blocked;
//   statuses[] with status `failed` → send_failed: Meta accepted the message (HTTP 200, a wamid) and
//     failed to deliver it later (…/webhooks/reference/messages/status: `errors[]` with code, title,
//     message, error_data.details). The delivery is found by `biz_opaque_callback_data`, which
//     Botcast sets to the delivery's key on every send, and checked against the wamid (`id`).
//   statuses[] with status `delivered` / `read` → receipts (delivered_at / read_at), found the same
//     way (biz_opaque_callback_data is "only included if message sent with biz_opaque_callback_data",
//     and then in every status). `sent` (already known from the 200) and the system `errors[]` are ignored.
import { asArray, asNumber, asObject, asString, credential } from '../meta-common/json.ts';
import { verifyMetaRequest } from '../meta-common/webhook.ts';
import { atOf } from '../time.ts';
import type { ChannelContext, InboundEvent, InboundRequest, VerifyResult } from '../types.ts';
import { findRule } from '../meta-common/classify.ts';
import { WHATSAPP_ERRORS } from './classify.ts';

/** Echoed back in status webhooks; the delivery key of the send (client.ts). */
export const CALLBACK_DATA_PREFIX = 'botcast-delivery:';

function failedStatus(status: Record<string, unknown>): InboundEvent | undefined {
  const platformMessageId = asString(status.id);
  if (status.status !== 'failed' || !platformMessageId) return undefined;
  const error = asObject(asArray(status.errors)[0]);
  const code = asNumber(error?.code);
  const details = asString(asObject(error?.error_data)?.details);
  const message = asString(error?.message) ?? asString(error?.title) ?? 'Failed to deliver';
  const opaque = asString(status.biz_opaque_callback_data);
  return {
    type: 'send_failed',
    platformMessageId,
    ...(opaque?.startsWith(CALLBACK_DATA_PREFIX) ? { deliveryKey: opaque.slice(CALLBACK_DATA_PREFIX.length) } : {}),
    outcome: findRule(WHATSAPP_ERRORS, code, undefined)?.class ?? 'permanent',
    code: code === undefined ? 'failed' : String(code),
    text: details ? `${message} — ${details}` : message,
    ...atOf(status.timestamp),
  };
}

/** `delivered` and `read` statuses → receipts, found like a failure by the echoed key and the wamid. */
function receiptStatus(status: Record<string, unknown>): InboundEvent | undefined {
  const platformMessageId = asString(status.id);
  const opaque = asString(status.biz_opaque_callback_data);
  if ((status.status !== 'delivered' && status.status !== 'read') || !platformMessageId || !opaque?.startsWith(CALLBACK_DATA_PREFIX))
    return undefined;
  return {
    type: 'receipt',
    status: status.status,
    platformMessageId,
    deliveryKey: opaque.slice(CALLBACK_DATA_PREFIX.length),
    ...atOf(status.timestamp),
  };
}

export function verifyWhatsApp(channel: ChannelContext, request: InboundRequest): VerifyResult {
  return verifyMetaRequest(request, credential(channel.credentials, 'appSecret'), credential(channel.credentials, 'verifyToken'));
}

/** What the person said: text, a tapped reply button / list row / template button, or a media caption. */
function textOf(message: Record<string, unknown>): string | undefined {
  const interactive = asObject(message.interactive);
  return (
    asString(asObject(message.text)?.body) ??
    asString(asObject(interactive?.button_reply)?.title) ??
    asString(asObject(interactive?.list_reply)?.title) ??
    asString(asObject(message.button)?.text) ??
    asString(asObject(message[asString(message.type) ?? ''])?.caption)
  );
}

/** `timestamp` is Unix time in seconds, as a string. */
const secondsToMs = atOf;

export function parseWhatsApp(body: unknown): InboundEvent[] {
  const root = asObject(body);
  if (!root || root.object !== 'whatsapp_business_account') return [];
  const events: InboundEvent[] = [];
  for (const entry of asArray(root.entry)) {
    for (const change of asArray(asObject(entry)?.changes)) {
      const value = asObject(asObject(change)?.value);
      if (!value) continue;
      const names = new Map<string, string>();
      for (const contact of asArray(value.contacts)) {
        const c = asObject(contact);
        const id = asString(c?.wa_id);
        const name = asString(asObject(c?.profile)?.name);
        if (id && name) names.set(id, name);
      }
      for (const item of asArray(value.messages)) {
        const message = asObject(item);
        const userId = asString(message?.from);
        if (!message || !userId) continue;
        const name = names.get(userId);
        events.push({ type: 'message', userId, profile: name ? { name } : {}, text: textOf(message), ...secondsToMs(message.timestamp) });
      }
      for (const item of asArray(value.statuses)) {
        const status = asObject(item) ?? {};
        const event = failedStatus(status) ?? receiptStatus(status);
        if (event) events.push(event);
      }
      for (const item of asArray(value.user_preferences)) {
        const pref = asObject(item);
        const userId = asString(pref?.wa_id);
        if (!pref || !userId || pref.category !== 'marketing_messages') continue;
        // A stop is not a block: free-form messages and utility templates still reach the person,
        // so it only sets the subscriber's marketing flag. A resume clears it, and still counts as
        // an unblock (it brings back someone blocked before the flag existed).
        if (pref.value === 'stop') events.push({ type: 'marketing', userId, stopped: true, ...secondsToMs(pref.timestamp) });
        else if (pref.value === 'resume')
          events.push(
            { type: 'marketing', userId, stopped: false, ...secondsToMs(pref.timestamp) },
            { type: 'unblocked', userId, ...secondsToMs(pref.timestamp) },
          );
      }
    }
  }
  return events;
}
