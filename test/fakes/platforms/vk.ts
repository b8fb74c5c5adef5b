// Fake VK API: POST /method/<name>, form-encoded (access_token and v in the form or the query).
// Errors come as HTTP 200 {"error":{"error_code","error_msg","request_params"}}, as VK does.
// messages.send de-duplicates on random_id per access token (a repeat is answered with the first
// message id and not delivered again).
import type { FakeCall, FakePlatform, FakePlatformFactory, FakeReply, FakeRequest } from '../types.ts';

const param = (req: FakeRequest, name: string): string | undefined => {
  const body = req.body as Record<string, unknown> | undefined;
  const value = body?.[name] ?? req.query.get(name) ?? undefined;
  return value === undefined ? undefined : String(value);
};

const vkError = (code: number, msg: string): FakeReply => ({
  status: 200,
  delivered: false,
  body: { error: { error_code: code, error_msg: msg, request_params: [{ key: 'method', value: 'messages.send' }] } },
});

export function fakeVk(): FakePlatform {
  const sentByRandomId = new Map<string, number>();
  /** `<token>:<peer>` → ids of the messages sent there and not deleted: messages.delete checks the id (recall). */
  const sentTo = new Map<string, Set<number>>();
  const remember = (channel: string, peer: string, id: number) => {
    const key = `${channel}:${peer}`;
    sentTo.set(key, (sentTo.get(key) ?? new Set()).add(id));
  };
  const randomKey = (call: FakeCall, req: FakeRequest) => {
    const randomId = param(req, 'random_id');
    return call.method === 'messages.send' && randomId && randomId !== '0' ? `${call.channel}:${randomId}` : undefined;
  };
  return {
    code: 'vk',
    claims: (path) => path.startsWith('/method/'),
    parse(req) {
      const method = req.path.slice('/method/'.length);
      const send = method === 'messages.send';
      return {
        channel: param(req, 'access_token') ?? '',
        method,
        send,
        recipient: send || method === 'messages.delete' ? (param(req, 'peer_id') ?? param(req, 'user_id')) : undefined,
      };
    },
    answer(call, req, ctx) {
      if (!call.channel || call.channel.includes('invalid')) return vkError(5, 'User authorization failed: invalid access_token (4).');
      if (call.method === 'messages.send') {
        if (!call.recipient) return vkError(100, 'One of the parameters specified was missing or invalid: peer_id is undefined');
        const message = param(req, 'message') ?? '';
        if (message.length > 9000) return vkError(914, 'Message is too long');
        const randomId = param(req, 'random_id');
        if (randomId && randomId !== '0') {
          const key = `${call.channel}:${randomId}`;
          const previous = sentByRandomId.get(key);
          if (previous !== undefined) return { status: 200, body: { response: previous }, delivered: false, duplicate: true };
          const id = ctx.nextId();
          sentByRandomId.set(key, id);
          remember(call.channel, call.recipient, id);
          return { status: 200, body: { response: id } };
        }
        const id = ctx.nextId();
        remember(call.channel, call.recipient, id);
        return { status: 200, body: { response: id } };
      }
      if (call.method === 'messages.delete') {
        // Recall: only a message this community sent to that peer, for everyone (delete_for_all=1).
        const id = Number(param(req, 'message_ids'));
        const ids = sentTo.get(`${call.channel}:${call.recipient ?? ''}`);
        if (!ids?.has(id)) return vkError(924, "Can't delete this message for everybody");
        if (param(req, 'delete_for_all') !== '1') return vkError(100, 'delete_for_all is required for a community message');
        ids.delete(id);
        return { status: 200, body: { response: { [id]: 1 } } };
      }
      if (call.method === 'groups.getById') {
        const id = Number(param(req, 'group_id') ?? 1);
        return {
          status: 200,
          body: { response: { groups: [{ id, name: 'Fake Community', screen_name: `club${id}`, type: 'group' }], profiles: [] } },
        };
      }
      // Callback API servers (groups.getCallbackConfirmationCode / addCallbackServer / setCallbackSettings).
      // A token without the community's "manage" right (here: one containing "nomanage") is refused, as VK does.
      if (call.method.startsWith('groups.') && call.method !== 'groups.getById') {
        if (call.channel.includes('nomanage')) return vkError(15, 'Access denied: no access to call this method');
        const groupId = param(req, 'group_id');
        if (!groupId) return vkError(100, 'One of the parameters specified was missing or invalid: group_id is undefined');
        if (call.method === 'groups.getCallbackConfirmationCode') return { status: 200, body: { response: { code: `c0nf${groupId}` } } };
        if (call.method === 'groups.addCallbackServer') {
          if (!param(req, 'url') || !param(req, 'secret_key'))
            return vkError(100, 'One of the parameters specified was missing or invalid');
          return { status: 200, body: { response: { server_id: ctx.nextId() } } };
        }
        if (call.method === 'groups.setCallbackSettings') return { status: 200, body: { response: 1 } };
      }
      return vkError(3, 'Unknown method passed');
    },
    repeat(call, req) {
      const key = randomKey(call, req);
      const previous = key === undefined ? undefined : sentByRandomId.get(key);
      return previous === undefined ? undefined : { status: 200, body: { response: previous }, delivered: false, duplicate: true };
    },
    fault(kind, rule) {
      switch (kind) {
        case 'rate_limited':
          return vkError(6, 'Too many requests per second');
        case 'blocked':
          return vkError(901, "Can't send messages for users without permission");
        case 'not_found':
          return vkError(113, 'Invalid user id');
        case 'server_error':
          return { status: rule.status ?? 500, body: '<html><body>Internal Server Error</body></html>' };
      }
    },
    reset: () => {
      sentByRandomId.clear();
      sentTo.clear();
    },
  };
}

/** What test/fakes/platforms/index.ts registers for this platform. */
export default fakeVk satisfies FakePlatformFactory;
