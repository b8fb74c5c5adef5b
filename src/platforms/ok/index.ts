// OK (Odnoklassniki) group bot platform client.
//
// Credentials (`credentialFields`):
//   accessToken — the group's Bot API token (group settings → "Работа с API"); regenerating it
//                 invalidates the old one (apiok.ru/dev/graph_api/bot_api).
// Webhook authenticity uses the channel's webhookSecret in the URL (see inbound.ts);
// registerWebhook subscribes that URL with graph.user.subscribe.
import { describedBy, type PlatformDescriptor } from '../descriptor.ts';
import type { PlatformClient } from '../types.ts';
import { checkOk, OK_BASE_URL, registerOkWebhook, sendOk } from './client.ts';
import { parseOk, verifyOk } from './inbound.ts';
import { renderOk } from './render.ts';

export const descriptor = {
  code: 'ok',
  displayName: 'Odnoklassniki',
  // OK documents no send rate for the group bot API (PLATFORMS.md §7: "Rate limits unverified").
  // 10 messages/s is a deliberately cautious default, overridable per channel; FLOOD_BLOCKED /
  // LIMIT_REACHED answers pause the channel (classify.ts).
  defaultRatePerSecond: 10,
  credentials: [{ key: 'accessToken', label: 'Bot API token', hint: 'Group settings → “Работа с API”.', secret: true }],
  webhookHint: 'Botcast subscribes this URL with OK when you connect. It carries a secret: keep it private.',
  color: '#ee8208',
} as const satisfies PlatformDescriptor;

export const ok: PlatformClient = {
  ...describedBy(descriptor),
  defaultBaseUrl: OK_BASE_URL,
  deduplicates: false,
  // OK documents no request signature, so the webhook URL carries the secret (inbound.ts).
  webhookSecretInUrl: true,
  userIdPattern: /^(chat:)?[\w-]{1,64}$/, // OK user ids, or chat:<id>
  render: renderOk,
  send: sendOk,
  verifyInbound: verifyOk,
  parseInbound: parseOk,
  checkCredentials: checkOk,
  registerWebhook: registerOkWebhook,
};
