// Instagram Messaging platform client (Facebook-Login / Page-linked flavour).
//
// Credentials (`credentialFields`):
//   pageAccessToken — token of the Facebook Page linked to the Instagram professional account,
//                     with instagram_manage_messages;
//   appSecret       — the Meta app's secret (X-Hub-Signature-256 key);
//   verifyToken     — the string typed into the app's webhook settings (GET handshake).
// The Instagram-Login flavour (graph.instagram.com, IG user token, no Page) is not covered: its
// token/host pairing differs and a wrong pairing answers "user not found" (PLATFORMS.md §6).
//
// registerWebhook is omitted for the same reason as Messenger: the callback URL lives on the app.
import { describedBy, type PlatformDescriptor } from '../descriptor.ts';
import { APP_SECRET_FIELD, GRAPH_BASE_URL, VERIFY_TOKEN_FIELD } from '../meta-common/graph.ts';
import type { PlatformClient } from '../types.ts';
import { checkInstagram, sendInstagram } from './client.ts';
import { parseInstagram, verifyInstagram } from './inbound.ts';
import { renderInstagram } from './render.ts';

export const descriptor = {
  code: 'instagram',
  displayName: 'Instagram',
  // Send API: 300 calls/s per Instagram professional account for text, links, reactions, stickers
  // (developers.facebook.com/docs/messenger-platform/overview/rate-limiting). Media + text is two
  // calls, so 150 messages/s.
  defaultRatePerSecond: 150,
  credentials: [
    { key: 'pageAccessToken', label: 'Page access token', hint: 'Of the Page linked to the Instagram account.', secret: true },
    APP_SECRET_FIELD,
    VERIFY_TOKEN_FIELD,
  ],
  webhookHint: 'Paste this URL and the verify token into your Meta app’s Instagram webhook settings.',
  color: '#e1306c',
} as const satisfies PlatformDescriptor;

export const instagram: PlatformClient = {
  ...describedBy(descriptor),
  defaultBaseUrl: GRAPH_BASE_URL,
  // 24 h after the person's last message, as Messenger (PLATFORMS.md §6 I10).
  messagingWindow: { kind: 'since_last_inbound', hours: 24 },
  // messaging_seen only: message_deliveries is "only available for Messenger conversations" (…/webhooks/webhook-events).
  receipts: { delivered: false, read: true },
  deduplicates: false,
  userIdPattern: /^\d{1,30}$/, // Instagram-scoped ids (IGSID) are digits
  render: renderInstagram,
  send: sendInstagram,
  verifyInbound: verifyInstagram,
  parseInbound: parseInstagram,
  checkCredentials: checkInstagram,
};
