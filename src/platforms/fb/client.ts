// Messenger transport: send through the Send API, and a cheap credential check (`GET /me`).
import { httpCall } from '../http.ts';
import { GRAPH_BASE_URL, graphUrl } from '../meta-common/graph.ts';
import { asObject, asString, credential, secretsOf } from '../meta-common/json.ts';
import { describeGraphFailure, describeNetworkFailure, sendViaSendApi } from '../meta-common/send-api.ts';
import type { ChannelContext, CredentialCheck, Outcome, SendRequest } from '../types.ts';
import { MESSENGER_ERRORS } from './classify.ts';

function baseOf(channel: ChannelContext): string {
  return channel.baseUrl || GRAPH_BASE_URL;
}

export function sendMessenger(channel: ChannelContext, request: SendRequest): Promise<Outcome> {
  return sendViaSendApi(channel, request, MESSENGER_ERRORS, baseOf(channel));
}

/** `GET /{ver}/me?fields=id,name` with the Page token answers the Page (developers.facebook.com/docs/pages-api). */
export async function checkMessenger(channel: ChannelContext): Promise<CredentialCheck> {
  const token = credential(channel.credentials, 'pageAccessToken');
  if (!token) return { ok: false, error: 'The Page access token is missing.' };
  const secrets = secretsOf(channel.credentials);
  const url = `${graphUrl(baseOf(channel), 'me')}?fields=id,name&access_token=${encodeURIComponent(token)}`;
  const result = await httpCall(url, { secrets, timeoutMs: 10_000 });
  if (result.kind === 'network') return { ok: false, unreachable: true, error: describeNetworkFailure(url, result) };
  const name = asString(asObject(result.body)?.name);
  if (result.status === 200 && name) return { ok: true, accountName: name };
  return { ok: false, error: describeGraphFailure(result.status, result.body, secrets) };
}
