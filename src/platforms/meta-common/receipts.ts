// Receipts in `entry[].messaging[]` of the Messenger and Instagram webhooks:
// - Messenger `delivery` {mids?, watermark} (message_deliveries field): "watermark is always
//   present … all messages with a timestamp before watermark were delivered"; mids, when present,
//   name the messages one by one — developers.facebook.com/documentation/business-messaging/
//   messenger-platform/webhooks/webhook-events/message-deliveries;
// - Messenger `read` {watermark} (message_reads): "all messages that were sent before or at this
//   timestamp were read" — …/webhook-events/message-reads;
// - Instagram `read` {mid} (messaging_seen: "a message has been read by the recipient") — the
//   message read, and with it every earlier one in the conversation; a `watermark` is taken as on
//   Messenger — developers.facebook.com/documentation/business-messaging/instagram-messaging/webhooks.
import type { InboundEvent } from '../types.ts';
import { epochMs } from '../time.ts';
import { asArray, asObject, asString } from './json.ts';

type Receipt = Extract<InboundEvent, { type: 'receipt' }>;

export function messagingReceipts(event: Record<string, unknown>, userId: string, at: { at?: number }): Receipt[] {
  const out: Receipt[] = [];
  const delivery = asObject(event.delivery);
  if (delivery) {
    for (const mid of asArray(delivery.mids)) {
      const id = asString(mid);
      if (id) out.push({ type: 'receipt', status: 'delivered', userId, platformMessageId: id, ...at });
    }
    const watermark = epochMs(delivery.watermark);
    if (watermark !== undefined) out.push({ type: 'receipt', status: 'delivered', userId, watermark, ...at });
  }
  const read = asObject(event.read);
  if (read) {
    const watermark = epochMs(read.watermark);
    const mid = asString(read.mid);
    if (watermark !== undefined) out.push({ type: 'receipt', status: 'read', userId, watermark, ...at });
    else if (mid) out.push({ type: 'receipt', status: 'read', userId, platformMessageId: mid, upTo: true, ...at });
  }
  return out;
}
