// Fake WhatsApp Cloud API: POST /{ver}/{phone-number-id}/messages (Authorization: Bearer),
// GET /{ver}/{phone-number-id} (the phone number object) and GET /{ver}/{waba-id}/message_templates
// (the templates, and the checks of a template send: ../wa-templates.ts). Answers in the Graph envelope:
// success {"messaging_product":"whatsapp","contacts":[{"input","wa_id"}],"messages":[{"id":"wamid.…"}]},
// errors {"error":{"message":"(#code) title","type":"OAuthException","code",…,"error_data":{"messaging_product","details"},"fbtrace_id"}}
// with HTTP 400 (401 for a bad token, 5xx for server errors), as Meta's error-codes page shows.
import type { FakePlatform, FakePlatformFactory, FakeReply } from '../types.ts';
import { templatePage, templateRefusal } from '../wa-templates.ts';

const PATH = /^\/v\d+\.\d+\/([^/]+)(\/messages|\/message_templates)?\/?$/;

/** Tokens containing "invalid" are refused like an expired token (code 190). */
const isRejectedToken = (token: string): boolean => token === '' || token.includes('invalid');

export function waError(status: number, code: number, title: string, details: string): FakeReply {
  return {
    status,
    body: {
      error: {
        message: `(#${code}) ${title}`,
        type: 'OAuthException',
        code,
        error_data: { messaging_product: 'whatsapp', details },
        fbtrace_id: 'AazF4rQ0l9sRrq9o1Yb3kPz',
      },
    },
  };
}

function bearer(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.startsWith('Bearer ') ? value.slice(7) : '';
}

/** Payload checks the Cloud API makes (limits as in src/platforms/wa/render.ts). */
function invalid(body: Record<string, unknown>): string | undefined {
  if (body.messaging_product !== 'whatsapp') return 'messaging_product must be "whatsapp"';
  if (typeof body.to !== 'string' || body.to === '') return 'to is required';
  const type = body.type;
  const text = body.text as { body?: unknown } | undefined;
  if (type === 'text' && (typeof text?.body !== 'string' || text.body.length === 0 || text.body.length > 4096))
    return 'text.body must be 1-4096 characters';
  if (type === 'image' || type === 'document') {
    const media = body[type] as { link?: unknown; caption?: unknown } | undefined;
    if (typeof media?.link !== 'string') return `${type}.link is required`;
    if (typeof media.caption === 'string' && media.caption.length > 1024) return 'caption is too long';
  }
  if (type === 'interactive') {
    const interactive = body.interactive as { type?: string; body?: { text?: unknown }; action?: Record<string, unknown> } | undefined;
    const bodyText = interactive?.body?.text;
    if (typeof bodyText !== 'string' || bodyText.length === 0 || bodyText.length > 1024)
      return 'interactive.body.text must be 1-1024 characters';
    if (interactive?.type === 'button') {
      const buttons = (interactive.action?.buttons ?? []) as { reply?: { id?: string; title?: string } }[];
      if (buttons.length < 1 || buttons.length > 3) return 'interactive buttons must be 1-3';
      if (buttons.some((b) => !b.reply?.title || b.reply.title.length > 20)) return 'button title must be 1-20 characters';
    } else if (interactive?.type === 'cta_url') {
      const parameters = interactive.action?.parameters as { display_text?: string; url?: string } | undefined;
      if (!parameters?.url || !parameters.display_text || parameters.display_text.length > 20)
        return 'cta_url needs url and display_text ≤ 20';
    } else return 'unsupported interactive type';
  }
  if (!['text', 'image', 'document', 'interactive', 'template'].includes(String(type))) return 'unsupported message type';
  return undefined;
}

export function fakeWhatsApp(): FakePlatform {
  return {
    code: 'wa',
    claims: (path) => {
      const match = PATH.exec(path);
      return match !== null && match[1] !== 'me';
    },
    parse(req) {
      const match = PATH.exec(req.path);
      if (!match) return null;
      const isSend = req.httpMethod === 'POST' && match[2] === '/messages';
      const isList = req.httpMethod === 'GET' && match[2] === '/message_templates';
      if (!isSend && !isList && !(req.httpMethod === 'GET' && match[2] === undefined)) return null;
      const body = (req.body ?? {}) as Record<string, unknown>;
      return {
        channel: match[1],
        method: isSend ? 'messages' : isList ? 'message_templates' : 'phone_number',
        send: isSend,
        recipient: isSend && typeof body.to === 'string' ? body.to : undefined,
      };
    },
    answer(call, req, ctx) {
      if (isRejectedToken(bearer(req.headers.authorization))) {
        return {
          status: 401,
          body: {
            error: {
              message: 'Invalid OAuth access token - Cannot parse access token',
              type: 'OAuthException',
              code: 190,
              fbtrace_id: 'A1b2C3d4',
            },
          },
        };
      }
      if (call.method === 'message_templates') return templatePage(req.query);
      if (!call.send) {
        return {
          status: 200,
          body: {
            verified_name: 'Botcast Test Business',
            display_phone_number: '+1 555-010-0000',
            id: call.channel,
            quality_rating: 'GREEN',
          },
        };
      }
      const body = (req.body ?? {}) as Record<string, unknown>;
      const problem = invalid(body);
      if (problem) return waError(400, 131009, 'Parameter value is not valid', problem);
      const to = String(body.to);
      if (body.type === 'template') {
        const refusal = templateRefusal(body, to, waError);
        if (refusal) return refusal;
      }
      // The customer-service window: free-form messages only within 24 h of the person's last
      // message; outside it only templates (PLATFORMS.md §2.5). Judged for people the test said
      // wrote at some time (FakeServer.userWrote); anyone else is accepted as before.
      const wrote = ctx.lastInbound('wa', to);
      if (body.type !== 'template' && wrote !== undefined && Date.now() - wrote > 24 * 3600_000) {
        return waError(
          400,
          131047,
          'Re-engagement message',
          'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
        );
      }
      const id = `wamid.HBgL${to}FQIAERgS${ctx.nextId().toString(16).toUpperCase()}AA==`;
      return {
        status: 200,
        body: { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id }] },
        messageId: id,
      };
    },
    fault(kind, rule) {
      switch (kind) {
        case 'rate_limited':
          return waError(400, 130429, 'Rate limit hit', 'Cloud API message throughput has been reached.');
        case 'blocked':
          // WhatsApp has no "blocked" error; the closest documented refusal is the marketing opt-out.
          return waError(
            400,
            131050,
            'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.',
            'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.',
          );
        case 'not_found':
          return waError(
            400,
            131026,
            'Message undeliverable',
            'Unable to deliver message. Reasons can include: The recipient phone number is not a WhatsApp phone number.',
          );
        case 'server_error':
          return waError(rule.status ?? 500, 131000, 'Something went wrong', 'Message failed to send due to an unknown error.');
      }
    },
  };
}

/** What test/fakes/platforms/index.ts registers for this platform. */
export default fakeWhatsApp satisfies FakePlatformFactory;
