// Telegram Bot API platform client.
import type { PlatformClient } from '../types.ts';
import { checkTelegram, registerTelegramWebhook, sendTelegram } from './client.ts';
import { parseTelegram, verifyTelegram } from './inbound.ts';
import { renderTelegram } from './render.ts';
import { pollTelegram } from './polling.ts';

export const telegram: PlatformClient = {
  code: 'tg',
  displayName: 'Telegram',
  defaultBaseUrl: 'https://api.telegram.org',
  // "not more than 30 messages per second or so" for bulk notifications (core.telegram.org/bots/faq#broadcasting-to-users).
  defaultRatePerSecond: 30,
  // No idempotency key on the Bot API: a send whose answer was lost may be shown twice if repeated.
  deduplicates: false,
  userIdPattern: /^-?\d{1,20}$/, // Telegram user and chat ids are integers
  credentialFields: ['token'],
  render: renderTelegram,
  send: sendTelegram,
  verifyInbound: verifyTelegram,
  parseInbound: parseTelegram,
  checkCredentials: checkTelegram,
  registerWebhook: registerTelegramWebhook,
  pollUpdates: pollTelegram,
};

export { classifyTelegram, TELEGRAM_ERRORS } from './classify.ts';
