// Telegram Bot API platform client.
import { describedBy, type PlatformDescriptor } from '../descriptor.ts';
import type { PaidBroadcast, PlatformClient } from '../types.ts';
import { checkTelegram, registerTelegramWebhook, sendTelegram } from './client.ts';
import { parseTelegram, verifyTelegram } from './inbound.ts';
import { renderTelegram } from './render.ts';
import { pollTelegram } from './polling.ts';
import { telegramRecall } from './recall.ts';

export const descriptor = {
  code: 'tg',
  displayName: 'Telegram',
  // "not more than 30 messages per second or so" for bulk notifications (core.telegram.org/bots/faq#broadcasting-to-users).
  defaultRatePerSecond: 30,
  credentials: [{ key: 'token', label: 'Bot token', hint: 'From @BotFather, like 123456789:AAE…', secret: true }],
  webhookHint: 'Botcast registers this webhook with Telegram when you connect.',
  color: '#229ed9',
} as const satisfies PlatformDescriptor;

/**
 * Paid broadcasts: `allow_paid_broadcast: true` on a send method allows "up to 1000 messages per
 * second, ignoring broadcasting limits for a fee of 0.1 Telegram Stars per message", withdrawn from
 * the bot's balance (core.telegram.org/bots/api, sendMessage; checked 2026-12-04 against Bot API
 * copies in typegram, pyrogram and tele-rest). The price is a dated default for the preview's
 * estimate: Telegram may change it, and a message split in two (a long caption) costs twice.
 */
export const TELEGRAM_PAID_BROADCAST: PaidBroadcast = {
  ratePerSecond: 1000,
  currency: 'XTR',
  pricePerMessage: 0.1,
  priceAsOf: '2026-12-04',
  source: 'https://core.telegram.org/bots/api#sendmessage',
};

export const telegram: PlatformClient = {
  ...describedBy(descriptor),
  defaultBaseUrl: 'https://api.telegram.org',
  // No idempotency key on the Bot API: a send whose answer was lost may be shown twice if repeated.
  deduplicates: false,
  userIdPattern: /^-?\d{1,20}$/, // Telegram user and chat ids are integers
  render: renderTelegram,
  send: sendTelegram,
  recall: telegramRecall,
  verifyInbound: verifyTelegram,
  parseInbound: parseTelegram,
  checkCredentials: checkTelegram,
  registerWebhook: registerTelegramWebhook,
  pollUpdates: pollTelegram,
  paidBroadcast: TELEGRAM_PAID_BROADCAST,
};

export { classifyTelegram, TELEGRAM_ERRORS } from './classify.ts';
