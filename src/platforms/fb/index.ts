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
import { GRAPH_BASE_URL } from '../meta-common/graph.ts';
import { PAGE_CREDENTIALS } from '../meta-common/send-api.ts';
import type { PlatformClient } from '../types.ts';
import { checkMessenger, sendMessenger } from './client.ts';
import { parseMessenger, verifyMessenger } from './inbound.ts';
import { renderMessenger } from './render.ts';

export const messenger: PlatformClient = {
  code: 'fb',
  displayName: 'Facebook Messenger',
  defaultBaseUrl: GRAPH_BASE_URL,
  // Send API: 300 calls/s per Page for text, links, reactions and stickers (developers.facebook.com/
  // docs/messenger-platform/overview/rate-limiting). A message with media takes two calls (no
  // captions), so 150 messages/s keeps the worst case within the limit.
  defaultRatePerSecond: 150,
  deduplicates: false,
  userIdPattern: /^\d{1,30}$/, // page-scoped ids (PSID) are digits
  credentialFields: PAGE_CREDENTIALS,
  render: renderMessenger,
  send: sendMessenger,
  verifyInbound: verifyMessenger,
  parseInbound: parseMessenger,
  checkCredentials: checkMessenger,
};
