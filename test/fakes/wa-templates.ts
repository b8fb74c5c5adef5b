// The fake WhatsApp server's message templates: the WhatsApp Business Account's list
// (GET /{ver}/{waba-id}/message_templates, paged with `after` cursors as Graph does) and the checks
// Meta makes on a template send — the template exists in that language and is approved (132001,
// 132015 paused), the body gets exactly its number of parameters, none empty (132000), an image
// header gets an image (132012) — and the marketing refusals, for recipients whose number says so:
// ending in 131050 they stopped marketing messages, ending in 131049 Meta's per-person marketing
// limit holds them (utility templates reach both).
import type { FakeReply } from './types.ts';

export interface FakeTemplate {
  name: string;
  language: string;
  category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
  status: 'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED' | 'DISABLED';
  components: Array<Record<string, unknown>>;
}

/** Every fake WABA has these (ids are not checked beyond the token). */
export const FAKE_TEMPLATES: FakeTemplate[] = [
  {
    name: 'spring_sale',
    language: 'en_US',
    category: 'MARKETING',
    status: 'APPROVED',
    components: [
      { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['https://example.com/h.jpg'] } },
      { type: 'BODY', text: 'Hi {{1}}, our spring sale starts {{2}}!', example: { body_text: [['Ann', 'on Monday']] } },
      { type: 'FOOTER', text: 'Reply STOP to opt out' },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop promotions' }] },
    ],
  },
  {
    name: 'order_update',
    language: 'en_US',
    category: 'UTILITY',
    status: 'APPROVED',
    components: [{ type: 'BODY', text: 'Hello {{1}}, there is news about your order.', example: { body_text: [['Ann']] } }],
  },
  {
    name: 'order_update',
    language: 'de',
    category: 'UTILITY',
    status: 'APPROVED',
    components: [{ type: 'BODY', text: 'Hallo {{1}}, es gibt Neues zu Ihrer Bestellung.', example: { body_text: [['Anna']] } }],
  },
  { name: 'winter_promo', language: 'en_US', category: 'MARKETING', status: 'PAUSED', components: [{ type: 'BODY', text: 'Winter!' }] },
  { name: 'new_offer', language: 'en_US', category: 'MARKETING', status: 'PENDING', components: [{ type: 'BODY', text: 'Soon {{1}}' }] },
];

const PAGE = 2;

/** One page of the list: `?limit=` is honoured up to PAGE, so a client must follow the cursors. */
export function templatePage(query: URLSearchParams): FakeReply {
  const start = Number(query.get('after') ?? '0') || 0;
  const limit = Math.min(PAGE, Number(query.get('limit') ?? PAGE) || PAGE);
  const data = FAKE_TEMPLATES.slice(start, start + limit).map((t, i) => ({ ...t, id: String(1000 + start + i) }));
  const next = start + limit < FAKE_TEMPLATES.length ? String(start + limit) : undefined;
  return {
    status: 200,
    body: {
      data,
      paging: {
        cursors: { before: String(start), after: String(start + data.length) },
        ...(next ? { next: `https://graph.invalid/next?after=${next}` } : {}),
      },
    },
  };
}

type ErrorOf = (status: number, code: number, title: string, details: string) => FakeReply;

/** The answer to a template send that Meta would refuse, or undefined when it would accept it. */
export function templateRefusal(body: Record<string, unknown>, to: string, error: ErrorOf): FakeReply | undefined {
  const template = (body.template ?? {}) as { name?: unknown; language?: { code?: unknown }; components?: unknown };
  const found = FAKE_TEMPLATES.find((t) => t.name === template.name && t.language === template.language?.code);
  if (!found || found.status === 'PENDING' || found.status === 'REJECTED')
    return error(
      404,
      132001,
      'Template name does not exist in the translation',
      `template name (${String(template.name)}) does not exist in ${String(template.language?.code)}`,
    );
  if (found.status === 'PAUSED') return error(400, 132015, 'Template is Paused', 'Template is paused due to low quality');
  if (found.status === 'DISABLED') return error(400, 132016, 'Template is Disabled', 'Template is disabled');
  const components = (Array.isArray(template.components) ? template.components : []) as Array<{ type?: string; parameters?: unknown }>;
  const params = (type: string) => {
    const c = components.find((x) => x.type === type);
    return (Array.isArray(c?.parameters) ? c.parameters : []) as Array<{ type?: string; text?: unknown; image?: { link?: unknown } }>;
  };
  const bodyText = String(found.components.find((c) => c.type === 'BODY')?.text ?? '');
  const expected = Math.max(0, ...[...bodyText.matchAll(/\{\{(\d+)\}\}/g)].map((m) => Number(m[1])));
  const given = params('body');
  if (given.length !== expected)
    return error(
      400,
      132000,
      'Number of parameters does not match the expected number of params',
      `body: number of localizable_params (${given.length}) does not match the expected number of params (${expected})`,
    );
  if (given.some((p) => p.type !== 'text' || typeof p.text !== 'string' || p.text.trim() === ''))
    return error(400, 132000, 'Number of parameters does not match the expected number of params', 'body: a parameter is empty');
  const header = found.components.find((c) => c.type === 'HEADER');
  if (header?.format === 'IMAGE') {
    const image = params('header')[0];
    if (image?.type !== 'image' || typeof image.image?.link !== 'string')
      return error(400, 132012, 'Parameter format does not match format in the created template', 'header: expected IMAGE');
  }
  if (found.category === 'MARKETING' && to.endsWith('131050'))
    return error(
      400,
      131050,
      'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.',
      'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.',
    );
  if (found.category === 'MARKETING' && to.endsWith('131049'))
    return error(400, 131049, 'This message was not delivered to maintain healthy ecosystem engagement.', 'Meta chose not to deliver.');
  return undefined;
}
