// Fake Viber REST Bot API: POST /pa/<endpoint>, JSON, header X-Viber-Auth-Token.
// Always HTTP 200 with a `status` field (0 = ok), as Viber does; message_token is a 64-bit integer
// written into the raw JSON (beyond 2^53, like the real ones).
import type { FakePlatform, FakePlatformFactory, FakeReply } from '../types.ts';

const status = (code: number, message: string): FakeReply => ({
  status: 200,
  delivered: false,
  body: { status: code, status_message: message, chat_hostname: 'SN-CHAT-01_' },
});

export function fakeViber(): FakePlatform {
  return {
    code: 'viber',
    claims: (path) => path.startsWith('/pa/'),
    parse(req) {
      const method = req.path.slice('/pa/'.length);
      const token = req.headers['x-viber-auth-token'];
      const body = (req.body ?? {}) as Record<string, unknown>;
      const send = method === 'send_message';
      return {
        channel: typeof token === 'string' ? token : '',
        method,
        send,
        recipient: send && body.receiver !== undefined ? String(body.receiver) : undefined,
      };
    },
    answer(call, req, ctx) {
      if (!call.channel || call.channel.includes('invalid')) return status(2, 'invalidAuthToken');
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (call.method === 'send_message') {
        const sender = body.sender as { name?: unknown } | undefined;
        if (!call.recipient || !body.type || typeof sender?.name !== 'string') return status(4, 'missingData');
        if (typeof body.text === 'string' && body.text.length > 7000) return status(3, 'badData');
        const token = `57413118035${String(ctx.nextId()).padStart(8, '0')}`;
        return {
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: `{"status":0,"status_message":"ok","message_token":${token},"chat_hostname":"SN-CHAT-01_","billing_status":1}`,
          messageId: token,
        };
      }
      if (call.method === 'get_account_info') {
        return {
          status: 200,
          body: {
            status: 0,
            status_message: 'ok',
            id: 'pa:75346594275468546724',
            name: 'Fake Viber Bot',
            uri: 'fakebot',
            category: 'Other',
            subscribers_count: 3,
            members: [],
          },
        };
      }
      if (call.method === 'set_webhook') {
        return {
          status: 200,
          body: {
            status: 0,
            status_message: 'ok',
            event_types: body.event_types ?? ['delivered', 'seen', 'failed', 'subscribed', 'unsubscribed', 'conversation_started'],
          },
        };
      }
      return { status: 404, body: { status: 1, status_message: 'invalidUrl' } };
    },
    fault(kind, rule) {
      switch (kind) {
        case 'rate_limited':
          return status(12, 'Too many requests');
        case 'blocked':
          return status(6, 'receiverNotSubscribed');
        case 'not_found':
          return status(5, 'receiverNotRegistered');
        case 'server_error':
          return { status: rule.status ?? 500, body: 'Internal Server Error' };
      }
    },
  };
}

/** What test/fakes/platforms/index.ts registers for this platform. */
export default fakeViber satisfies FakePlatformFactory;
