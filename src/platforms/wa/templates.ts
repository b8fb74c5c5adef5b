// WhatsApp message templates: the list a WhatsApp Business Account has, and a template message.
//
// Listing — `GET /{ver}/{waba-id}/message_templates?fields=name,language,category,status,components`
// (developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-management:
// "Get templates"; the fields as in the Graph reference of the template node `whats-app-business-hsm`).
// The answer is `{ data: [...], paging: { cursors: { after }, next } }`; further pages are asked
// for with `after=<cursor>` on the same URL, never by following `next` (an address the answer
// chose is not one Botcast trusts with the token).
//
// Sending — a message of `type: "template"`: `{ name, language: { code }, components: [
//   { type: "header", parameters: [{ type: "image", image: { link } }] },
//   { type: "body", parameters: [{ type: "text", text }, …] } ] }`
// (whatsapp.github.io/WhatsApp-Nodejs-SDK/api-reference/types/TemplateObject; Meta's template
// components page). Body parameters are positional, {{1}} first; their count must equal the
// template's, or Meta answers 132000.
import { httpCall } from '../http.ts';
import { graphUrl, GRAPH_BASE_URL } from '../meta-common/graph.ts';
import { asArray, asObject, asString, credential, secretsOf } from '../meta-common/json.ts';
import { describeGraphFailure, describeNetworkFailure } from '../meta-common/send-api.ts';
import type { ChannelContext, PlatformTemplate, RenderedMessage, TemplateList, TemplateMessage } from '../types.ts';

const FIELDS = 'name,language,category,status,components';
/** A business has at most a few hundred templates; more pages than this is a loop. */
const MAX_PAGES = 50;

function toTemplate(value: unknown): PlatformTemplate | undefined {
  const t = asObject(value);
  const name = asString(t?.name);
  const language = asString(t?.language);
  if (!t || !name || !language) return undefined;
  return {
    name,
    language,
    category: asString(t.category) ?? 'UNKNOWN',
    status: asString(t.status) ?? 'UNKNOWN',
    components: asArray(t.components).filter((c) => asObject(c) !== undefined) as Record<string, unknown>[],
  };
}

export async function listWhatsAppTemplates(channel: ChannelContext): Promise<TemplateList> {
  const token = credential(channel.credentials, 'accessToken');
  const waba = credential(channel.credentials, 'businessAccountId');
  if (!token) return { ok: false, error: 'The channel has no access token.' };
  if (!waba)
    return {
      ok: false,
      error:
        'Add the WhatsApp Business Account ID to the channel’s credentials (WhatsApp Manager → Account tools → Overview) to list its templates.',
    };
  const secrets = secretsOf(channel.credentials);
  const base = `${graphUrl(channel.baseUrl || GRAPH_BASE_URL, waba, 'message_templates')}?fields=${FIELDS}&limit=100`;
  const templates: PlatformTemplate[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const url = after ? `${base}&after=${encodeURIComponent(after)}` : base;
    const result = await httpCall(url, { headers: { authorization: `Bearer ${token}` }, secrets, timeoutMs: 15_000 });
    if (result.kind === 'network') return { ok: false, error: describeNetworkFailure(url, result) };
    const body = asObject(result.body);
    if (result.status !== 200 || !body) return { ok: false, error: describeGraphFailure(result.status, result.body, secrets) };
    for (const item of asArray(body.data)) {
      const t = toTemplate(item);
      if (t) templates.push(t);
    }
    const paging = asObject(body.paging);
    after = asString(asObject(paging?.cursors)?.after);
    if (!after || !paging?.next) return { ok: true, templates };
  }
  return { ok: true, templates };
}

export function renderWhatsAppTemplate(message: TemplateMessage): RenderedMessage {
  const components: Record<string, unknown>[] = [];
  if (message.headerImageUrl) components.push({ type: 'header', parameters: [{ type: 'image', image: { link: message.headerImageUrl } }] });
  if (message.bodyParams.length > 0)
    components.push({ type: 'body', parameters: message.bodyParams.map((text) => ({ type: 'text', text })) });
  const template = { name: message.name, language: { code: message.language }, ...(components.length ? { components } : {}) };
  return {
    platform: 'wa',
    calls: [{ method: 'messages', body: { messaging_product: 'whatsapp', recipient_type: 'individual', type: 'template', template } }],
    degradations: [],
  };
}
