// Registering Botcast as the community's Callback API server through the VK API, where the
// community token allows it (the "manage" right; otherwise the channel page's steps apply):
//   groups.getCallbackConfirmationCode(group_id) → {code}: stored first, because VK asks the new
//     server for it as soon as the server is added;
//   groups.addCallbackServer(group_id, url, title, secret_key) → {server_id};
//   groups.setCallbackSettings(group_id, server_id, api_version, message_new, message_allow, message_deny).
// Method names and parameters: VKCOM/vk-api-schema groups/methods.json (PLATFORMS.md §4.4 K11);
// the answer shapes `{response:{code}}` and `{response:{server_id}}` follow the schema's responses.
import { httpCall, platformReason } from '../http.ts';
import type { ChannelContext, CredentialCheck } from '../types.ts';
import { VK_API_VERSION } from './client.ts';

type VkAnswer = { response?: unknown; error?: { error_code?: number; error_msg?: string } } | undefined;

async function call(channel: ChannelContext, method: string, params: Record<string, string>): Promise<VkAnswer | string> {
  const token = channel.credentials.accessToken ?? '';
  const result = await httpCall(`${channel.baseUrl}/method/${method}`, {
    form: { ...params, access_token: token, v: VK_API_VERSION },
    secrets: [token],
    timeoutMs: 10_000,
  });
  if (result.kind === 'network') return `Could not reach VK (${result.code}).`;
  const body = result.body as VkAnswer;
  if (body?.error) return `${method}: ${platformReason(body.error.error_msg, `error ${body.error.error_code}`, [token])}`;
  if (result.status !== 200 || body?.response === undefined) return `${method}: HTTP ${result.status} without a response.`;
  return body;
}

export async function registerVkCallback(
  channel: ChannelContext,
  url: string,
  remember?: (credentials: Record<string, string>) => Promise<void>,
): Promise<CredentialCheck> {
  const groupId = String(channel.credentials.groupId ?? '').replace(/^-/, '');
  if (!groupId) return { ok: false, error: 'The community ID is missing.' };
  const code = await call(channel, 'groups.getCallbackConfirmationCode', { group_id: groupId });
  if (typeof code === 'string') return { ok: false, error: code };
  const confirmation = (code?.response as { code?: unknown } | undefined)?.code;
  if (typeof confirmation !== 'string' || confirmation === '') return { ok: false, error: 'VK gave no confirmation code.' };
  await remember?.({ confirmation });
  const added = await call(channel, 'groups.addCallbackServer', {
    group_id: groupId,
    url,
    title: 'Botcast',
    secret_key: channel.webhookSecret,
  });
  if (typeof added === 'string') return { ok: false, error: added };
  const serverId = (added?.response as { server_id?: unknown } | undefined)?.server_id;
  if (typeof serverId !== 'number' && typeof serverId !== 'string') return { ok: false, error: 'VK gave no server id.' };
  const settings = await call(channel, 'groups.setCallbackSettings', {
    group_id: groupId,
    server_id: String(serverId),
    api_version: VK_API_VERSION,
    message_new: '1',
    message_allow: '1',
    message_deny: '1',
  });
  if (typeof settings === 'string') return { ok: false, error: settings };
  return { ok: true };
}
