// Meta Graph API basics shared by WhatsApp Cloud API, Messenger and Instagram Messaging.

/**
 * The one Graph API version every Meta call uses. v25.0 is what Meta's current Send API, quick
 * replies and button template pages show in their request URIs (developers.facebook.com/
 * documentation/business-messaging/messenger-platform/send-messages/template/button, updated Apr 2026).
 */
export const GRAPH_API_VERSION = 'v25.0';

export const GRAPH_BASE_URL = 'https://graph.facebook.com';

/** Credentials every Meta platform's channel holds for its webhook (the app's settings). */
export const APP_SECRET_FIELD = {
  key: 'appSecret',
  label: 'App secret',
  hint: 'Your Meta app’s secret: Botcast checks webhook signatures with it.',
  secret: true,
} as const;
export const VERIFY_TOKEN_FIELD = {
  key: 'verifyToken',
  label: 'Verify token',
  hint: 'Any string; type the same into the app’s webhook settings.',
} as const;

/** `{base}/{version}/{path...}` — path segments are URL-encoded; base has no trailing slash. */
export function graphUrl(baseUrl: string, ...segments: string[]): string {
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}/${GRAPH_API_VERSION}/${segments.map((s) => encodeURIComponent(s)).join('/')}`;
}
