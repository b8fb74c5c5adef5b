// OK Graph bot API transport. The group token goes in the `access_token` query parameter
// (apiok.ru/dev/graph_api/bot_api); POST bodies are JSON. OK asks for `application/json;charset=utf-8`;
// httpCall sends `application/json`, whose charset is UTF-8 by definition (RFC 8259).
//   recipient "chat:…"  → POST {base}/graph/me/messages/{chat_id}  {"recipient":{"chat_id":…},"message":…}
//   any other recipient → POST {base}/graph/me/messages             {"recipient":{"user_id":…},"message":…}
// Subscribers are people, identified by the webhook's `sender.user_id`, so broadcasts use the
// documented direct-user form ("user must allow to receive group messages"); the chat form serves
// chat recipients (graph.user.messages/post.md in apiok/documentation).
import { httpCall, networkOutcome } from '../http.ts';
import { asObject, asString, credential, secretsOf } from '../meta-common/json.ts';
import { describeNetworkFailure } from '../meta-common/send-api.ts';
import { missingCredentials, sendInOrder } from '../meta-common/sequence.ts';
import type { ChannelContext, CredentialCheck, Outcome, RenderedMessage, SendRequest } from '../types.ts';
import { classifyOkAnswer, OK_ERRORS } from './classify.ts';

export const OK_BASE_URL = 'https://api.ok.ru';

function baseOf(channel: ChannelContext): string {
  return (channel.baseUrl || OK_BASE_URL).replace(/\/+$/, '');
}

/** `chat:C3ecb9d02a600` stays readable in the path (OK's own examples write the colon raw). */
function pathSegment(id: string): string {
  return id.replace(/[^A-Za-z0-9:._-]/g, (c) => encodeURIComponent(c));
}

export async function sendOk(channel: ChannelContext, request: SendRequest): Promise<Outcome> {
  const token = credential(channel.credentials, 'accessToken');
  if (!token) return missingCredentials(['accessToken']);
  const secrets = secretsOf(channel.credentials);
  const isChat = request.recipient.startsWith('chat:');
  const path = isChat ? `/graph/me/messages/${pathSegment(request.recipient)}` : '/graph/me/messages';
  const url = `${baseOf(channel)}${path}?access_token=${encodeURIComponent(token)}`;
  const recipient = isChat ? { chat_id: request.recipient } : { user_id: request.recipient };
  const send = async (c: RenderedMessage['calls'][number]): Promise<Outcome> => {
    const result = await httpCall(url, {
      json: { recipient, ...c.body },
      timeoutMs: request.timeoutMs,
      secrets,
    });
    if (result.kind === 'network') return networkOutcome(result);
    return classifyOkAnswer(result, secrets);
  };
  return sendInOrder(request.message.calls, send);
}

function describeOkFailure(status: number, body: unknown): string {
  const code = asObject(body)?.error_code;
  const rule = OK_ERRORS.find((r) => r.code === code);
  if (rule?.code === 102 || rule?.code === 103) return 'OK says the group access token is invalid or has been replaced.';
  if (rule) return `OK refused the request (${rule.name}).`;
  return `OK answered HTTP ${status} without the group's details.`;
}

/** `GET {base}/graph/me/info?access_token=…` → {"name":"group name","group_id":"group:…"} (graph.user.info). */
export async function checkOk(channel: ChannelContext): Promise<CredentialCheck> {
  const token = credential(channel.credentials, 'accessToken');
  if (!token) return { ok: false, error: 'The group access token is missing.' };
  const url = `${baseOf(channel)}/graph/me/info?access_token=${encodeURIComponent(token)}`;
  const result = await httpCall(url, { secrets: secretsOf(channel.credentials), timeoutMs: 10_000 });
  if (result.kind === 'network') return { ok: false, unreachable: true, error: describeNetworkFailure(url, result) };
  const info = asObject(result.body);
  const name = asString(info?.name);
  if (result.status === 200 && name && info?.error_code === undefined) return { ok: true, accountName: name };
  return { ok: false, error: describeOkFailure(result.status, result.body) };
}

/** Adds `secret=<webhookSecret>` to the URL unless it already carries one (see inbound.ts). */
export function withSecret(url: string, secret: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('secret')) parsed.searchParams.set('secret', secret);
  return parsed.toString();
}

/** `POST {base}/graph/me/subscribe?access_token=…` {"url": …} → {"success":true} (graph.user.subscribe). */
export async function registerOkWebhook(channel: ChannelContext, url: string): Promise<CredentialCheck> {
  const token = credential(channel.credentials, 'accessToken');
  if (!token) return { ok: false, error: 'The group access token is missing.' };
  if (!channel.webhookSecret) return { ok: false, error: 'The channel has no webhook secret to protect its URL with.' };
  const endpoint = `${baseOf(channel)}/graph/me/subscribe?access_token=${encodeURIComponent(token)}`;
  const result = await httpCall(endpoint, {
    json: { url: withSecret(url, channel.webhookSecret) },
    secrets: secretsOf(channel.credentials, [channel.webhookSecret]),
    timeoutMs: 10_000,
  });
  if (result.kind === 'network') return { ok: false, unreachable: true, error: describeNetworkFailure(endpoint, result) };
  if (result.status === 200 && asObject(result.body)?.success === true) return { ok: true };
  return { ok: false, error: describeOkFailure(result.status, result.body) };
}
