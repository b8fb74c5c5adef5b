// Instagram transport (Page-linked flavour): the Send API on graph.facebook.com with the token of
// the Facebook Page linked to the Instagram professional account.
import { httpCall } from '../http.ts';
import { GRAPH_BASE_URL, graphUrl } from '../meta-common/graph.ts';
import { asObject, asString, credential, secretsOf } from '../meta-common/json.ts';
import { describeGraphFailure, describeNetworkFailure, sendViaSendApi } from '../meta-common/send-api.ts';
import type { ChannelContext, CredentialCheck, Outcome, SendRequest } from '../types.ts';
import { INSTAGRAM_ERRORS } from './classify.ts';

function baseOf(channel: ChannelContext): string {
  return channel.baseUrl || GRAPH_BASE_URL;
}

export function sendInstagram(channel: ChannelContext, request: SendRequest): Promise<Outcome> {
  return sendViaSendApi(channel, request, INSTAGRAM_ERRORS, baseOf(channel));
}

/**
 * `GET /me?fields=name,instagram_business_account{username}` with the Page token: the Page must
 * have a linked Instagram professional account, whose @username is the account name.
 */
export async function checkInstagram(channel: ChannelContext): Promise<CredentialCheck> {
  const token = credential(channel.credentials, 'pageAccessToken');
  if (!token) return { ok: false, error: 'The Page access token is missing.' };
  const secrets = secretsOf(channel.credentials);
  const fields = encodeURIComponent('id,name,instagram_business_account{id,username}');
  const url = `${graphUrl(baseOf(channel), 'me')}?fields=${fields}&access_token=${encodeURIComponent(token)}`;
  const result = await httpCall(url, { secrets, timeoutMs: 10_000 });
  if (result.kind === 'network') return { ok: false, unreachable: true, error: describeNetworkFailure(url, result) };
  if (result.status !== 200) return { ok: false, error: describeGraphFailure(result.status, result.body, secrets) };
  const page = asObject(result.body);
  const account = asObject(page?.instagram_business_account);
  if (!account) return { ok: false, error: 'This Facebook Page has no linked Instagram professional account.' };
  const username = asString(account.username);
  return { ok: true, accountName: username ? `@${username}` : (asString(page?.name) ?? asString(account.id)) };
}
