// WhatsApp webhook: Meta's GET hub.challenge handshake and X-Hub-Signature-256 (meta-common), and
// the `whatsapp_business_account` notification:
//   entry[].changes[].value.messages[]  → message events (user id `from`, name from contacts[].profile.name)
//     — developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages;
//   entry[].changes[].value.user_preferences[] (category marketing_messages, value stop / resume)
//     → blocked / unblocked — …/whatsapp/webhooks/reference/user_preferences. This is the only
//     documented opt-out signal: WhatsApp has no "user blocked the business" webhook. A person who
//     stops marketing messages is skipped by broadcasts (send answers 131050 for them anyway);
//   statuses[] (sent/delivered/read/failed) and errors[] are ignored for now.
import { asArray, asNumber, asObject, asString, credential } from '../meta-common/json.ts';
import { verifyMetaRequest } from '../meta-common/webhook.ts';
import type { ChannelContext, InboundEvent, InboundRequest, VerifyResult } from '../types.ts';

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

function secondsToMs(value: unknown): { at?: number } {
  const seconds = asNumber(value);
  return seconds === undefined ? {} : { at: seconds * 1000 };
}

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
      for (const item of asArray(value.user_preferences)) {
        const pref = asObject(item);
        const userId = asString(pref?.wa_id);
        if (!pref || !userId || pref.category !== 'marketing_messages') continue;
        if (pref.value === 'stop') events.push({ type: 'blocked', userId, ...secondsToMs(pref.timestamp) });
        else if (pref.value === 'resume') events.push({ type: 'unblocked', userId, ...secondsToMs(pref.timestamp) });
      }
    }
  }
  return events;
}
