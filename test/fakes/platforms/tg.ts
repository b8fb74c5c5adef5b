// Fake Telegram Bot API: POST /bot<token>/<method> (method names are case-insensitive), JSON or form.
// Answers in the Bot API envelope {"ok":true,"result":…} / {"ok":false,"error_code","description","parameters"}.
import type { FakePlatform, FakePlatformFactory, FakeReply } from '../types.ts';

const SEND_METHODS = new Set(['sendmessage', 'sendphoto', 'senddocument', 'sendvideo', 'sendaudio', 'sendanimation', 'sendmediagroup']);

/** Tokens containing "invalid" are refused with 401, as Telegram refuses a revoked token. */
const isRejectedToken = (token: string): boolean => token.includes('invalid');

const error = (status: number, description: string, parameters?: Record<string, unknown>): FakeReply => ({
  status,
  body: { ok: false, error_code: status, description, ...(parameters && { parameters }) },
});

export interface FakeTelegramOptions {
  /**
   * Enforce the broadcast limits per bot token, judged over the last second of sends: above 30
   * ("not more than 30 messages per second or so", core.telegram.org/bots/faq) a send without
   * `allow_paid_broadcast` gets 429; with it, above 1000 (Bot API, sendMessage). Off by default: other
   * tests send at 1000/s and more on purpose.
   */
  broadcastLimits?: boolean;
}

/** The limits `broadcastLimits` applies, messages per second per bot. */
export const TELEGRAM_FREE_LIMIT = 30;
export const TELEGRAM_PAID_LIMIT = 1000;

export function fakeTelegram(options: FakeTelegramOptions = {}): FakePlatform {
  // Pending updates per bot token, for getUpdates (long polling). Tests add them with the fake-only
  // method __pushUpdates {"updates":[…]}; getUpdates forgets those below `offset`, as Telegram does.
  const pending = new Map<string, Array<{ update_id: number }>>();
  // Times of the accepted sends of the last second, per bot token (broadcastLimits).
  const recent = new Map<string, number[]>();
  const overLimit = (token: string, paid: boolean): boolean => {
    const now = Date.now();
    const times = (recent.get(token) ?? []).filter((t) => now - t < 1000);
    recent.set(token, times);
    if (times.length >= (paid ? TELEGRAM_PAID_LIMIT : TELEGRAM_FREE_LIMIT)) return true;
    times.push(now);
    return false;
  };
  /** `<token>:<chat>` → ids of the messages sent there and not deleted: deleteMessage and editMessageText check the id (recall). */
  const sentTo = new Map<string, Set<number>>();
  return {
    reset: () => {
      pending.clear();
      recent.clear();
      sentTo.clear();
    },
    code: 'tg',
    claims: (path) => path.startsWith('/bot'),
    parse(req) {
      const slash = req.path.indexOf('/', 4);
      if (slash === -1) return null;
      const channel = req.path.slice(4, slash);
      const method = req.path.slice(slash + 1);
      const lower = method.toLowerCase();
      const body = (req.body ?? {}) as Record<string, unknown>;
      const send = SEND_METHODS.has(lower);
      const recall = lower === 'deletemessage' || lower === 'editmessagetext';
      return { channel, method, send, recipient: (send || recall) && body.chat_id !== undefined ? String(body.chat_id) : undefined };
    },
    answer(call, req, ctx) {
      if (isRejectedToken(call.channel)) return error(401, 'Unauthorized');
      const body = (req.body ?? {}) as Record<string, unknown>;
      const method = call.method.toLowerCase();
      if (call.send) {
        if (body.chat_id === undefined || body.chat_id === '') return error(400, 'Bad Request: chat_id is empty');
        if (method === 'sendmessage' && (typeof body.text !== 'string' || body.text.length === 0))
          return error(400, 'Bad Request: message text is empty');
        if (typeof body.text === 'string' && body.text.length > 4096) return error(400, 'Bad Request: message is too long');
        if (options.broadcastLimits && overLimit(call.channel, body.allow_paid_broadcast === true))
          return error(429, 'Too Many Requests: retry after 1', { retry_after: 1 });
        const chatId = Number(body.chat_id);
        const messageId = ctx.nextId();
        const key = `${call.channel}:${String(body.chat_id)}`;
        sentTo.set(key, (sentTo.get(key) ?? new Set()).add(messageId));
        return {
          status: 200,
          body: {
            ok: true,
            result: {
              message_id: messageId,
              from: { id: 7000000001, is_bot: true, first_name: 'Fake Bot', username: 'fake_bot' },
              chat: { id: chatId, type: 'private' },
              date: Math.floor(Date.now() / 1000),
              ...(typeof body.text === 'string' && { text: body.text }),
              ...(typeof body.caption === 'string' && { caption: body.caption }),
            },
          },
        };
      }
      if (method === 'deletemessage' || method === 'editmessagetext') {
        const ids = sentTo.get(`${call.channel}:${String(body.chat_id)}`);
        const id = Number(body.message_id);
        if (!ids?.has(id)) return error(400, `Bad Request: message to ${method === 'deletemessage' ? 'delete' : 'edit'} not found`);
        if (method === 'deletemessage') {
          ids.delete(id);
          return { status: 200, body: { ok: true, result: true } };
        }
        if (typeof body.text !== 'string' || body.text.length === 0) return error(400, 'Bad Request: message text is empty');
        return {
          status: 200,
          body: { ok: true, result: { message_id: id, chat: { id: Number(body.chat_id), type: 'private' }, text: body.text } },
        };
      }
      if (method === 'getme') {
        return { status: 200, body: { ok: true, result: { id: 7000000001, is_bot: true, first_name: 'Fake Bot', username: 'fake_bot' } } };
      }
      if (method === '__pushupdates') {
        const list = pending.get(call.channel) ?? [];
        list.push(...((body.updates as Array<{ update_id: number }>) ?? []));
        pending.set(call.channel, list);
        return { status: 200, body: { ok: true, result: true } };
      }
      if (method === 'getupdates') {
        const offset = Number(body.offset ?? 0);
        const list = (pending.get(call.channel) ?? []).filter((u) => u.update_id >= offset);
        pending.set(call.channel, list);
        const limit = Number(body.limit ?? 100);
        return { status: 200, body: { ok: true, result: list.slice(0, limit) } };
      }
      if (method === 'setwebhook') return { status: 200, body: { ok: true, result: true, description: 'Webhook was set' } };
      if (method === 'deletewebhook') return { status: 200, body: { ok: true, result: true, description: 'Webhook was deleted' } };
      return error(404, 'Not Found');
    },
    fault(kind, rule) {
      switch (kind) {
        case 'rate_limited': {
          const retryAfter = rule.retryAfterSec ?? 1;
          return error(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
        }
        case 'blocked':
          return error(403, 'Forbidden: bot was blocked by the user');
        case 'not_found':
          return error(400, 'Bad Request: chat not found');
        case 'server_error':
          return error(rule.status ?? 500, 'Internal Server Error');
      }
    },
  };
}

/** What test/fakes/platforms/index.ts registers for this platform. */
export default fakeTelegram satisfies FakePlatformFactory;
