// WhatsApp Cloud API transport: `POST {base}/{ver}/{phone-number-id}/messages` with
// `Authorization: Bearer <token>` (developers.facebook.com/docs/whatsapp/cloud-api/overview), and
// a credential check reading the phone number object.
import { httpCall, networkOutcome } from '../http.ts';
import { classifyGraphAnswer } from '../meta-common/classify.ts';
import { GRAPH_BASE_URL, graphUrl } from '../meta-common/graph.ts';
import { asArray, asObject, asString, credential, secretsOf } from '../meta-common/json.ts';
import { describeGraphFailure, describeNetworkFailure } from '../meta-common/send-api.ts';
import { missingCredentials, sendInOrder } from '../meta-common/sequence.ts';
import type { ChannelContext, CredentialCheck, Outcome, RenderedMessage, SendRequest } from '../types.ts';
import { WHATSAPP_ERRORS } from './classify.ts';
import { CALLBACK_DATA_PREFIX } from './inbound.ts';

function baseOf(channel: ChannelContext): string {
  return channel.baseUrl || GRAPH_BASE_URL;
}

/** Success: {"messaging_product":"whatsapp","contacts":[…],"messages":[{"id":"wamid.…"}]} — HTTP 200 means accepted. */
export function readWamid(body: unknown): string | undefined {
  return asString(asObject(asArray(asObject(body)?.messages)[0])?.id);
}

/** A refused template message says which template (132xxx errors name none), so the log shows what to fix. */
function namingTemplate(body: Record<string, unknown>, outcome: Outcome): Outcome {
  const template = body.type === 'template' ? asObject(body.template) : undefined;
  if (!template || outcome.class === 'sent') return outcome;
  const name = asString(template.name) ?? '?';
  const language = asString(asObject(template.language)?.code) ?? '?';
  return { ...outcome, text: `Template "${name}" (${language}): ${outcome.text}` };
}

export async function sendWhatsApp(channel: ChannelContext, request: SendRequest): Promise<Outcome> {
  const token = credential(channel.credentials, 'accessToken');
  const phoneNumberId = credential(channel.credentials, 'phoneNumberId');
  const missing = [!token && 'accessToken', !phoneNumberId && 'phoneNumberId'].filter((x): x is string => Boolean(x));
  if (missing.length > 0) return missingCredentials(missing);
  const secrets = secretsOf(channel.credentials);
  const url = graphUrl(baseOf(channel), phoneNumberId, 'messages');
  const headers = { authorization: `Bearer ${token}` };
  const send = async (c: RenderedMessage['calls'][number]): Promise<Outcome> => {
    // biz_opaque_callback_data comes back in the status webhooks: a later `failed` finds its delivery by it.
    const json = { ...c.body, to: request.recipient, biz_opaque_callback_data: `${CALLBACK_DATA_PREFIX}${request.dedupKey}` };
    const result = await httpCall(url, { json, headers, timeoutMs: request.timeoutMs, secrets });
    if (result.kind === 'network') return networkOutcome(result);
    return namingTemplate(c.body, classifyGraphAnswer(result, { table: WHATSAPP_ERRORS, readId: readWamid, secrets }));
  };
  return sendInOrder(request.message.calls, send);
}

/** `GET /{ver}/{phone-number-id}?fields=verified_name,display_phone_number` — the WhatsApp Business phone number object. */
export async function checkWhatsApp(channel: ChannelContext): Promise<CredentialCheck> {
  const token = credential(channel.credentials, 'accessToken');
  const phoneNumberId = credential(channel.credentials, 'phoneNumberId');
  if (!token || !phoneNumberId) return { ok: false, error: 'The access token and the phone number id are both required.' };
  const secrets = secretsOf(channel.credentials);
  const url = `${graphUrl(baseOf(channel), phoneNumberId)}?fields=verified_name,display_phone_number`;
  const result = await httpCall(url, { headers: { authorization: `Bearer ${token}` }, secrets, timeoutMs: 10_000 });
  if (result.kind === 'network') return { ok: false, unreachable: true, error: describeNetworkFailure(url, result) };
  const number = asObject(result.body);
  if (result.status === 200 && number) {
    const name = asString(number.verified_name);
    const phone = asString(number.display_phone_number);
    return { ok: true, accountName: [name, phone].filter(Boolean).join(' ') || phoneNumberId };
  }
  return { ok: false, error: describeGraphFailure(result.status, result.body, secrets) };
}
