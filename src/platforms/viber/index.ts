// Viber REST Bot API platform client.
import { describedBy, type PlatformDescriptor } from '../descriptor.ts';
import type { PlatformClient } from '../types.ts';
import { checkViber, registerViberWebhook, sendViber } from './client.ts';
import { parseViber, parseViberText, verifyViber } from './inbound.ts';
import { renderViber } from './render.ts';

export const descriptor = {
  code: 'viber',
  displayName: 'Viber',
  // Viber documents no global send_message rate (only 100 messages/person/hour without a reply, and
  // 500 broadcast_message requests per 10 s); 20/s is our conservative default (unverified).
  defaultRatePerSecond: 20,
  credentials: [
    { key: 'token', label: 'Auth token', hint: 'From the Viber bot’s account settings.', secret: true },
    // Shown as the sender, ≤ 28 chars; default "Botcast".
    { key: 'senderName', label: 'Sender name', hint: 'Shown as the sender, up to 28 characters (default “Botcast”).', optional: true },
  ],
  webhookHint: 'Botcast registers this webhook with Viber when you connect.',
  color: '#7360f2',
} as const satisfies PlatformDescriptor;

export const viber: PlatformClient = {
  ...describedBy(descriptor),
  defaultBaseUrl: 'https://chatapi.viber.com',
  // No idempotency key found in the send_message reference.
  deduplicates: false,
  // delivered / seen / failed callbacks with message_token and user_id (developers.viber.com/docs/api/rest-bot-api/#message-receipts-callbacks).
  receipts: { delivered: true, read: true },
  render: renderViber,
  send: sendViber,
  verifyInbound: verifyViber,
  parseInbound: parseViber,
  parseInboundText: parseViberText,
  checkCredentials: checkViber,
  registerWebhook: registerViberWebhook,
};

export { classifyViber, VIBER_STATUSES } from './classify.ts';
export { signViber } from './inbound.ts';
