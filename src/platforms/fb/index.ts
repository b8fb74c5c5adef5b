// Facebook Messenger (Send API) platform client.
//
// Credentials (`credentialFields`):
//   pageAccessToken — Page access token with pages_messaging (sends, credential check);
//   appSecret       — the Meta app's secret: key of the X-Hub-Signature-256 HMAC on webhooks;
//   verifyToken     — any string you also type into the app's webhook settings (GET handshake).
// The Page id is not needed: `/me` with a Page token is the Page.
//
// registerWebhook is omitted: the callback URL of a Messenger webhook is set on the Meta app
// (App Dashboard or `POST /{app-id}/subscriptions` with an APP token), which a Page token cannot do.
import { describedBy, type PlatformDescriptor } from '../descriptor.ts';
import { APP_SECRET_FIELD, GRAPH_BASE_URL, VERIFY_TOKEN_FIELD } from '../meta-common/graph.ts';
import type { PlatformClient } from '../types.ts';
import { checkMessenger, sendMessenger } from './client.ts';
import { parseMessenger, verifyMessenger } from './inbound.ts';
import { renderMessenger } from './render.ts';

export const descriptor = {
  code: 'fb',
  displayName: 'Facebook Messenger',
  // Send API: 300 calls/s per Page for text, links, reactions and stickers (developers.facebook.com/
  // docs/messenger-platform/overview/rate-limiting). A message with media takes two calls (no
  // captions), so 150 messages/s keeps the worst case within the limit.
  defaultRatePerSecond: 150,
  credentials: [
    { key: 'pageAccessToken', label: 'Page access token', hint: 'With pages_messaging.', secret: true },
    APP_SECRET_FIELD,
    VERIFY_TOKEN_FIELD,
  ],
  webhookHint: 'Paste this URL and the verify token into your Meta app’s Messenger webhook settings.',
  color: '#0866ff',
} as const satisfies PlatformDescriptor;

export const messenger: PlatformClient = {
  ...describedBy(descriptor),
  defaultBaseUrl: GRAPH_BASE_URL,
  // Standard messaging window: 24 h after the person's last message (PLATFORMS.md §5.5 M3/M22);
  // outside it only message tags, none of which fits a broadcast any more: CONFIRMED_EVENT_UPDATE,
  // POST_PURCHASE_UPDATE and ACCOUNT_UPDATE get error 100 since 27 April 2026, HUMAN_AGENT is a
  // person's reply (developers.facebook.com/docs/messenger-platform/reference/send-api). So Botcast
  // sends no tags and leaves people outside the window out (services/sends/preview-reach.ts).
  messagingWindow: { kind: 'since_last_inbound', hours: 24 },
  // message_deliveries and message_reads webhook fields (…/messenger-platform/webhooks/webhook-events).
  receipts: { delivered: true, read: true },
  deduplicates: false,
  userIdPattern: /^\d{1,30}$/, // page-scoped ids (PSID) are digits
  render: renderMessenger,
  send: sendMessenger,
  verifyInbound: verifyMessenger,
  parseInbound: parseMessenger,
  checkCredentials: checkMessenger,
};
