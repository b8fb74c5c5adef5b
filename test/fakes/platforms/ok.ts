// Fake OK (Odnoklassniki) Graph bot API, access token in the `access_token` query parameter:
//   POST /graph/me/messages/{chat_id}   {"recipient":{"chat_id"},"message"}  → {"success":true}
//   POST /graph/me/messages             {"recipient":{"user_id"},"message"}  → {"success":[true],"chat_ids":["chat:…"]}
//   GET  /graph/me/info                 → {"name","group_id"}
//   POST /graph/me/subscribe            {"url"} → {"success":true}
// Errors as OK's API gives them: HTTP 200, header `invocation-error: <code>` and
// {"error_code","error_msg":"NAME : description","error_data":null} (apiok.ru/en/dev/errors);
// a user who has not allowed group messages gets {"success":[false],"chat_ids":[null]}.
import type { FakePlatform, FakePlatformFactory, FakeReply } from '../types.ts';

const isRejectedToken = (token: string): boolean => token === '' || token.includes('invalid');

export function okError(code: number, message: string, status = 200): FakeReply {
  return {
    status,
    headers: { 'invocation-error': String(code) },
    body: { error_code: code, error_msg: message, error_data: null },
    delivered: false,
  };
}

function recipientOf(path: string, body: Record<string, unknown>): string | undefined {
  const inPath = /^\/graph\/me\/messages\/([^/]+)$/.exec(path)?.[1];
  if (inPath) return decodeURIComponent(inPath);
  const recipient = body.recipient as { user_id?: unknown; chat_id?: unknown } | undefined;
  const id = recipient?.user_id ?? recipient?.chat_id;
  return typeof id === 'string' ? id : undefined;
}

export function fakeOk(): FakePlatform {
  return {
    code: 'ok',
    claims: (path) => path.startsWith('/graph/'),
    parse(req) {
      const channel = req.query.get('access_token') ?? '';
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (req.httpMethod === 'POST' && /^\/graph\/me\/messages(\/[^/]+)?$/.test(req.path)) {
        return { channel, method: 'messages', send: true, recipient: recipientOf(req.path, body) };
      }
      if (req.httpMethod === 'GET' && req.path === '/graph/me/info') return { channel, method: 'info', send: false };
      if (req.httpMethod === 'POST' && req.path === '/graph/me/subscribe') return { channel, method: 'subscribe', send: false };
      return null;
    },
    answer(call, req) {
      if (isRejectedToken(call.channel)) return okError(102, 'PARAM_SESSION_EXPIRED : Session expired');
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (call.method === 'info') return { status: 200, body: { name: 'Botcast Test Group', group_id: 'group:123456789012345' } };
      if (call.method === 'subscribe') {
        return typeof body.url === 'string' ? { status: 200, body: { success: true } } : okError(100, 'PARAM : url is required');
      }
      const message = body.message as { text?: unknown; attachment?: unknown; attachments?: unknown } | undefined;
      if (!call.recipient) return okError(100, 'PARAM : recipient is required');
      if (!message || (message.text === undefined && message.attachment === undefined && message.attachments === undefined)) {
        return okError(100, 'PARAM : message is empty');
      }
      if (call.recipient.startsWith('chat:')) return { status: 200, body: { success: true } };
      const digits = call.recipient.replace(/^user:/, '');
      return { status: 200, body: { success: [true], chat_ids: [`chat:C${digits.slice(-12)}`] } };
    },
    fault(kind, rule, call) {
      switch (kind) {
        case 'rate_limited':
          return okError(8, 'FLOOD_BLOCKED : Method execution is blocked due to flood');
        case 'blocked':
          return call.recipient?.startsWith('chat:')
            ? { status: 200, body: { success: false }, delivered: false }
            : { status: 200, body: { success: [false], chat_ids: [null] }, delivered: false };
        case 'not_found':
          return okError(110, 'PARAM_USER_ID : Invalid user identifier');
        case 'server_error':
          return okError(2, 'SERVICE : Service temporarily unavailable', rule.status ?? 500);
      }
    },
  };
}

/** What test/fakes/platforms/index.ts registers for this platform. */
export default fakeOk satisfies FakePlatformFactory;
