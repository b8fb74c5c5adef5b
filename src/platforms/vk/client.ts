// VK API transport: POST {base}/method/<name>, form-encoded, access_token + v in every call.
import { createHash } from 'node:crypto';
import { httpCall, networkOutcome, platformReason, redact } from '../http.ts';
import type { ChannelContext, CredentialCheck, Outcome, SendRequest } from '../types.ts';
import { classifyVk } from './classify.ts';

/** API version the request/answer shapes follow (VKCOM/vk-api-schema "JSON-schema for public 5.199"). */
export const VK_API_VERSION = '5.199';

/**
 * random_id: VK does not deliver a second message with the same random_id from the same sender
 * (PLATFORMS.md §4.5), so a retried in-flight delivery is shown once. Deterministic from dedupKey
 * (plus the call index for multi-part messages), 31 bits so it fits VK's int32, never 0 (0 turns
 * the check off), and different for every delivery.
 */
export function randomIdFor(dedupKey: string, callIndex = 0): number {
  // Delivery ids are integers: map them one-to-one (4 calls per delivery at most) so that two
  // deliveries never share a random_id — VK would silently drop the second one as a repeat. A
  // hash of 31 bits collides about once per 66k messages (found by the chaos run).
  if (/^\d{1,15}$/.test(dedupKey) && callIndex < 4) {
    return ((Number(dedupKey) * 4 + callIndex) % 0x7fffffff) + 1;
  }
  const digest = createHash('sha256')
    .update(callIndex === 0 ? dedupKey : `${dedupKey}#${callIndex}`)
    .digest();
  return digest.readUInt32BE(0) & 0x7fffffff || 1;
}

function form(channel: ChannelContext, params: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    out[key] = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  out.access_token = channel.credentials.accessToken ?? '';
  out.v = VK_API_VERSION;
  return out;
}

function secretsOf(channel: ChannelContext): string[] {
  return [channel.credentials.accessToken ?? ''];
}

export async function sendVk(channel: ChannelContext, request: SendRequest): Promise<Outcome> {
  if (!channel.credentials.accessToken)
    return { class: 'permanent', code: 'missing_credentials', text: 'The channel has no VK access token' };
  if (request.message.calls.length === 0) return { class: 'permanent', code: 'empty_message', text: 'Nothing to send' };
  let firstId: string | undefined;
  for (const [index, c] of request.message.calls.entries()) {
    const params = { peer_id: request.recipient, random_id: randomIdFor(request.dedupKey, index), ...c.body };
    const result = await httpCall(`${channel.baseUrl}/method/${c.method}`, {
      form: form(channel, params),
      timeoutMs: request.timeoutMs,
      secrets: secretsOf(channel),
    });
    const outcome = result.kind === 'network' ? networkOutcome(result) : classifyVk(result.status, result.body);
    // error_msg never echoes the token (request_params do, and are not read); network texts are redacted by httpCall.
    if (outcome.class !== 'sent') return outcome;
    firstId ??= outcome.platformMessageId;
  }
  return { class: 'sent', platformMessageId: firstId ?? '' };
}

interface VkGroup {
  id?: number;
  name?: string;
}

/** groups.getById with the community token: proves the token works and names the community. */
export async function checkVk(channel: ChannelContext): Promise<CredentialCheck> {
  const { accessToken, groupId } = channel.credentials;
  if (!accessToken) return { ok: false, error: 'The community access token is missing.' };
  const result = await httpCall(`${channel.baseUrl}/method/groups.getById`, {
    form: form(channel, groupId ? { group_id: groupId } : {}),
    secrets: secretsOf(channel),
  });
  if (result.kind === 'network') {
    return {
      ok: false,
      unreachable: true,
      error: redact(`Could not reach VK at ${channel.baseUrl}: ${result.message}`, secretsOf(channel)),
    };
  }
  const body = result.body as
    { response?: { groups?: VkGroup[] } | VkGroup[]; error?: { error_code?: number; error_msg?: string } } | undefined;
  if (body?.error) {
    const code = body.error.error_code;
    const msg = platformReason(body.error.error_msg, `error ${code}`, secretsOf(channel));
    if (code === 5 || code === 27)
      return {
        ok: false,
        error: `VK does not accept this access token (${msg}). Create a community token with the "messages" permission.`,
      };
    if (code === 100) return { ok: false, error: `VK does not know community ${groupId ?? ''} (${msg}).` };
    return { ok: false, error: `VK refused the check: ${msg}` };
  }
  // API ≥ 5.139 answers {response:{groups:[…]}}; older versions a bare array.
  const groups = Array.isArray(body?.response) ? body.response : body?.response?.groups;
  const group = groups?.[0];
  if (result.status !== 200 || !group) return { ok: false, error: `VK answered HTTP ${result.status} without community data.` };
  if (groupId && group.id !== undefined && String(group.id) !== String(groupId).replace(/^-/, '')) {
    return { ok: false, error: `The token belongs to community ${group.id}, not ${groupId}.` };
  }
  return { ok: true, accountName: group.name ?? `club${group.id ?? ''}` };
}
