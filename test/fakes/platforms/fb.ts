// Fake Messenger Send API: POST /{ver}/me/messages?access_token=<PAGE_TOKEN> and GET /{ver}/me.
// Success {"recipient_id":"<PSID>","message_id":"m_…"}; errors in the Graph envelope
// {"error":{"message","type":"OAuthException","code","error_subcode","fbtrace_id"}} with HTTP 400
// (5xx for server errors) — developers.facebook.com/docs/messenger-platform/error-codes.
// Instagram uses the same Send API: test/fakes/platforms/instagram.ts builds on `fakeSendApi`.
import type { FakePlatform, FakePlatformFactory, FakeReply } from '../types.ts';

const PATH = /^\/v\d+\.\d+\/me(\/messages)?\/?$/;

const isRejectedToken = (token: string): boolean => token === '' || token.includes('invalid');

export function graphError(status: number, code: number, message: string, subcode?: number): FakeReply {
  return {
    status,
    body: {
      error: { message, type: 'OAuthException', code, ...(subcode !== undefined && { error_subcode: subcode }), fbtrace_id: 'BLBz/WZt8dN' },
    },
  };
}

export interface SendApiFakeOptions {
  code: string;
  claims: (path: string) => boolean;
  /** Text limit and how it is measured. */
  textTooLong: (text: string) => boolean;
  /** Answer of GET /me. */
  me: Record<string, unknown>;
  /** Subcode of "no matching user". */
  notFoundSubcode: number;
  checkMessagingType: boolean;
  /** Subcode of error 10 "outside of allowed window" (Messenger 2018278; Instagram 2534022, community). */
  outsideWindowSubcode: number;
}

/**
 * Message tags as the Send API reference has them now (developers.facebook.com/docs/messenger-platform/
 * reference/send-api): CONFIRMED_EVENT_UPDATE, ACCOUNT_UPDATE and POST_PURCHASE_UPDATE get error 100
 * since 27 April 2026; HUMAN_AGENT lets a person reply within 7 days of the user's message.
 */
export const RETIRED_MESSAGE_TAGS = ['CONFIRMED_EVENT_UPDATE', 'ACCOUNT_UPDATE', 'POST_PURCHASE_UPDATE'];
const HOUR = 3600_000;

/**
 * The standard messaging window: a message to someone who last wrote over 24 h ago is refused
 * (error 10), unless tagged HUMAN_AGENT within 7 days. Judged only for people the test said wrote
 * (FakeServer.userWrote), like the fake WhatsApp; anyone else is accepted as before.
 */
function outsideWindow(body: Record<string, unknown>, wrote: number | undefined, options: SendApiFakeOptions): FakeReply | undefined {
  const tag = body.messaging_type === 'MESSAGE_TAG' ? String(body.tag) : undefined;
  if (tag !== undefined && RETIRED_MESSAGE_TAGS.includes(tag)) return graphError(400, 100, '(#100) Invalid parameter');
  if (wrote === undefined) return undefined;
  const age = Date.now() - wrote;
  if (age <= 24 * HOUR || (tag === 'HUMAN_AGENT' && age <= 7 * 24 * HOUR)) return undefined;
  return graphError(400, 10, '(#10) This message is sent outside of allowed window.', options.outsideWindowSubcode);
}

interface Message {
  text?: unknown;
  attachment?: { type?: string; payload?: { template_type?: string; text?: string; buttons?: unknown[] } };
  quick_replies?: { title?: string }[];
}

function invalid(body: Record<string, unknown>, options: SendApiFakeOptions): string | undefined {
  const recipient = body.recipient as { id?: unknown } | undefined;
  if (typeof recipient?.id !== 'string' || recipient.id === '') return '(#100) The parameter recipient is required';
  if (options.checkMessagingType && !['RESPONSE', 'UPDATE', 'MESSAGE_TAG'].includes(String(body.messaging_type))) {
    return '(#100) param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}';
  }
  const message = body.message as Message | undefined;
  if (!message || (message.text === undefined && message.attachment === undefined)) return '(#100) Must send either message or state';
  if (typeof message.text === 'string' && options.textTooLong(message.text)) return '(#100) Length of param message[text] is too long';
  const payload = message.attachment?.payload;
  if (message.attachment?.type === 'template' && payload?.template_type === 'button') {
    if (!payload.text || payload.text.length > 640) return '(#100) Param text must be non-empty and at most 640 characters';
    if (!payload.buttons || payload.buttons.length < 1 || payload.buttons.length > 3) return '(#100) param buttons must be 1-3';
  }
  if (message.quick_replies && (message.quick_replies.length > 13 || message.quick_replies.some((q) => !q.title))) {
    return '(#100) Quick replies: at most 13, each with a title';
  }
  return undefined;
}

export function fakeSendApi(options: SendApiFakeOptions): FakePlatform {
  return {
    code: options.code,
    claims: options.claims,
    parse(req) {
      const match = PATH.exec(req.path);
      if (!match) return null;
      const isSend = req.httpMethod === 'POST' && match[1] !== undefined;
      if (!isSend && !(req.httpMethod === 'GET' && match[1] === undefined)) return null;
      const recipient = ((req.body ?? {}) as { recipient?: { id?: unknown } }).recipient?.id;
      return {
        channel: req.query.get('access_token') ?? '',
        method: isSend ? 'messages' : 'me',
        send: isSend,
        recipient: isSend && typeof recipient === 'string' ? recipient : undefined,
      };
    },
    answer(call, req, ctx) {
      if (isRejectedToken(call.channel)) return graphError(400, 190, 'Invalid OAuth access token.');
      if (!call.send) return { status: 200, body: options.me };
      const body = (req.body ?? {}) as Record<string, unknown>;
      const problem = invalid(body, options);
      if (problem) return graphError(400, 100, problem);
      const refused = outsideWindow(
        body,
        call.recipient === undefined ? undefined : ctx.lastInbound(options.code, call.recipient),
        options,
      );
      if (refused) return refused;
      const messageId = `m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_${ctx.nextId()}`;
      return { status: 200, body: { recipient_id: call.recipient, message_id: messageId }, messageId };
    },
    fault(kind, rule) {
      switch (kind) {
        case 'rate_limited':
          return graphError(400, 613, 'Calls to this api have exceeded the rate limit.');
        case 'blocked':
          return graphError(400, 551, "This person isn't available right now.", 1545041);
        case 'not_found':
          return graphError(400, 100, 'No matching user found', options.notFoundSubcode);
        case 'server_error':
          return graphError(rule.status ?? 500, 2, 'An unexpected error has occurred. Please retry your request later.');
      }
    },
  };
}

export function fakeMessenger(): FakePlatform {
  return fakeSendApi({
    code: 'fb',
    claims: (path) => PATH.test(path),
    textTooLong: (text) => text.length > 2000,
    me: { name: 'Botcast Test Page', id: '1234567890' },
    notFoundSubcode: 2018001,
    checkMessagingType: true,
    outsideWindowSubcode: 2018278,
  });
}

/** What test/fakes/platforms/index.ts registers for this platform. */
export default fakeMessenger satisfies FakePlatformFactory;
