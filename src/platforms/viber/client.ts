// Viber REST Bot API transport: POST {base}/pa/<endpoint>, JSON, header X-Viber-Auth-Token.
import { httpCall, networkOutcome, platformReason, redact } from '../http.ts';
import type { ChannelContext, CredentialCheck, Outcome, SendRequest } from '../types.ts';
import { classifyViber } from './classify.ts';

/** send_message `sender.name` is required, max 28 characters. */
export const SENDER_NAME_LIMIT = 28;

function tokenOf(channel: ChannelContext): string {
  return channel.credentials.token ?? '';
}

function post(channel: ChannelContext, endpoint: string, body: unknown, timeoutMs?: number) {
  const token = tokenOf(channel);
  return httpCall(`${channel.baseUrl}/pa/${endpoint}`, {
    json: body,
    headers: { 'X-Viber-Auth-Token': token },
    timeoutMs,
    secrets: [token],
  });
}

/** Optional credential `senderName` (the name shown on messages); defaults to "Botcast". */
function senderName(channel: ChannelContext): string {
  return (channel.credentials.senderName || 'Botcast').slice(0, SENDER_NAME_LIMIT);
}

export async function sendViber(channel: ChannelContext, request: SendRequest): Promise<Outcome> {
  if (!tokenOf(channel)) return { class: 'permanent', code: 'missing_credentials', text: 'The channel has no Viber auth token' };
  if (request.message.calls.length === 0) return { class: 'permanent', code: 'empty_message', text: 'Nothing to send' };
  let firstId: string | undefined;
  for (const c of request.message.calls) {
    const body = { receiver: request.recipient, min_api_version: 1, sender: { name: senderName(channel) }, ...c.body };
    const result = await post(channel, c.method, body, request.timeoutMs);
    const outcome = result.kind === 'network' ? networkOutcome(result) : classifyViber(result.status, result.body, result.text);
    if (outcome.class !== 'sent') return outcome;
    firstId ??= outcome.platformMessageId;
  }
  return { class: 'sent', platformMessageId: firstId ?? '' };
}

async function viberCall(channel: ChannelContext, endpoint: string, body: unknown, action: string) {
  const result = await post(channel, endpoint, body);
  if (result.kind === 'network') {
    return {
      unreachable: true,
      error: redact(`Could not reach Viber at ${channel.baseUrl} to ${action}: ${result.message}`, [tokenOf(channel)]),
    };
  }
  const answer = result.body as { status?: number; status_message?: string; name?: string } | undefined;
  if (result.status !== 200 || typeof answer?.status !== 'number') return { error: `Viber answered HTTP ${result.status} to ${action}.` };
  if (answer.status === 2)
    return { error: "Viber does not accept this auth token (invalidAuthToken). Copy it again from the bot's settings." };
  if (answer.status !== 0) {
    return { error: `Viber refused to ${action}: ${platformReason(answer.status_message, `status ${answer.status}`, [tokenOf(channel)])}` };
  }
  return { answer };
}

export async function checkViber(channel: ChannelContext): Promise<CredentialCheck> {
  if (!tokenOf(channel)) return { ok: false, error: 'The auth token is missing.' };
  const { answer, error, unreachable } = await viberCall(channel, 'get_account_info', {}, 'check the auth token');
  return answer ? { ok: true, accountName: answer.name ?? 'Viber bot' } : { ok: false, error, ...(unreachable ? { unreachable } : {}) };
}

/**
 * set_webhook. Viber immediately POSTs a signed `webhook` event to the URL and expects HTTP 200.
 * `message`, `subscribed` and `unsubscribed` are always sent; `send_name` must be true to get names.
 */
export async function registerViberWebhook(channel: ChannelContext, url: string): Promise<CredentialCheck> {
  const { answer, error } = await viberCall(
    channel,
    'set_webhook',
    {
      url,
      event_types: ['subscribed', 'unsubscribed', 'conversation_started', 'delivered', 'seen', 'failed'],
      send_name: true,
      send_photo: false,
    },
    'set the webhook',
  );
  return answer ? { ok: true } : { ok: false, error };
}
