// Viber REST Bot API platform client.
import type { PlatformClient } from '../types.ts';
import { checkViber, registerViberWebhook, sendViber } from './client.ts';
import { parseViber, verifyViber } from './inbound.ts';
import { renderViber } from './render.ts';

export const viber: PlatformClient = {
  code: 'viber',
  displayName: 'Viber',
  defaultBaseUrl: 'https://chatapi.viber.com',
  // Viber documents no global send_message rate (only 100 messages/person/hour without a reply, and
  // 500 broadcast_message requests per 10 s); 20/s is our conservative default (unverified).
  defaultRatePerSecond: 20,
  // No idempotency key found in the send_message reference.
  deduplicates: false,
  // Optional extra credential: senderName (shown as the sender, ≤ 28 chars; default "Botcast").
  credentialFields: ['token'],
  render: renderViber,
  send: sendViber,
  verifyInbound: verifyViber,
  parseInbound: parseViber,
  checkCredentials: checkViber,
  registerWebhook: registerViberWebhook,
};

export { classifyViber, VIBER_STATUSES } from './classify.ts';
export { signViber } from './inbound.ts';
