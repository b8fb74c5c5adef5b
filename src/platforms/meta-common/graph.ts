// Meta Graph API basics shared by WhatsApp Cloud API, Messenger and Instagram Messaging.

/**
 * The one Graph API version every Meta call uses. v25.0 is what Meta's current Send API, quick
 * replies and button template pages show in their request URIs (developers.facebook.com/
 * documentation/business-messaging/messenger-platform/send-messages/template/button, updated Apr 2026).
 */
export const GRAPH_API_VERSION = 'v25.0';

export const GRAPH_BASE_URL = 'https://graph.facebook.com';

/** `{base}/{version}/{path...}` — path segments are URL-encoded; base has no trailing slash. */
export function graphUrl(baseUrl: string, ...segments: string[]): string {
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}/${GRAPH_API_VERSION}/${segments.map((s) => encodeURIComponent(s)).join('/')}`;
}
