// WhatsApp Cloud API platform client.
//
// Credentials (`credentialFields`):
//   accessToken   — system-user (or temporary) token with whatsapp_business_messaging, sent as Bearer;
//   phoneNumberId — the business phone number's id (not the phone number itself): the send URL;
//   appSecret     — the Meta app's secret, key of the webhook's X-Hub-Signature-256 HMAC;
//   verifyToken   — the string typed into the app's webhook settings (GET hub.challenge handshake).
//
// registerWebhook is omitted: the callback URL is set on the Meta app; the per-WABA override
// (`POST /{waba-id}/subscribed_apps` with override_callback_uri) needs the WABA id, which a channel
// does not hold.
// Policy reminder: free-form messages reach only people inside the 24 h customer-service window;
// outside it Meta answers 131047 (permanent here: a template would be needed).
import { GRAPH_BASE_URL } from '../meta-common/graph.ts';
import { describedBy, type PlatformDescriptor } from '../descriptor.ts';
import { APP_SECRET_FIELD, VERIFY_TOKEN_FIELD } from '../meta-common/graph.ts';
import type { PlatformClient } from '../types.ts';
import { checkWhatsApp, sendWhatsApp } from './client.ts';
import { parseWhatsApp, verifyWhatsApp } from './inbound.ts';
import { renderWhatsApp } from './render.ts';
import { listWhatsAppTemplates, renderWhatsAppTemplate } from './templates.ts';

export const descriptor = {
  code: 'wa',
  displayName: 'WhatsApp',
  // 80 messages/s per registered business number by default (inbound + outbound; 1,000 after an
  // automatic upgrade, 20 for coexistence numbers) — developers.facebook.com/documentation/
  // business-messaging/whatsapp/throughput (PLATFORMS.md W15).
  defaultRatePerSecond: 80,
  credentials: [
    { key: 'accessToken', label: 'Access token', hint: 'A system-user token with whatsapp_business_messaging.', secret: true },
    { key: 'phoneNumberId', label: 'Phone number ID', hint: 'The id of the business phone number (not the number itself).' },
    APP_SECRET_FIELD,
    VERIFY_TOKEN_FIELD,
    {
      key: 'businessAccountId',
      label: 'WhatsApp Business Account ID',
      hint: 'Needed to list your message templates (WhatsApp Manager → Account tools → Overview).',
      optional: true,
    },
  ],
  webhookHint: 'Paste this URL and the verify token into your Meta app’s WhatsApp webhook settings.',
  color: '#25d366',
} as const satisfies PlatformDescriptor;

export const whatsapp: PlatformClient = {
  ...describedBy(descriptor),
  defaultBaseUrl: GRAPH_BASE_URL,
  // Free-form messages only within 24 h of the person's last message (the customer-service window,
  // PLATFORMS.md §2.5 W9/W10); outside it Meta answers 131047.
  messagingWindow: { kind: 'since_last_inbound', hours: 24 },
  // statuses sent / delivered / read / failed (…/whatsapp/webhooks/reference/messages/status); read only when the person has read receipts on.
  receipts: { delivered: true, read: true },
  deduplicates: false,
  userIdPattern: /^\+?\d{6,20}$/, // WhatsApp ids are phone numbers in international form
  render: renderWhatsApp,
  send: sendWhatsApp,
  verifyInbound: verifyWhatsApp,
  parseInbound: parseWhatsApp,
  checkCredentials: checkWhatsApp,
  // Outside the window only approved templates are delivered (templates.ts).
  listTemplates: listWhatsAppTemplates,
  renderTemplate: renderWhatsAppTemplate,
};
