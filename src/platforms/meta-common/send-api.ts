// The Send API transport and webhook parsing that Messenger and Instagram (Page-linked flavour)
// share: `POST {base}/{ver}/me/messages?access_token=<PAGE_TOKEN>` with `recipient.id`
// (developers.facebook.com/docs/messenger-platform/reference/send-api; Instagram:
// developers.facebook.com/documentation/business-messaging/instagram-messaging/… uses the same URI).
import { messagingReceipts } from './receipts.ts';
import { ADDRESS_REFUSED } from '../../security/outbound-policy.ts';
import { httpCall, networkOutcome, platformReason } from '../http.ts';
import type { ChannelContext, InboundEvent, Outcome, RenderedMessage, SendRequest } from '../types.ts';
import { classifyGraphAnswer, type GraphRule } from './classify.ts';
import { graphUrl } from './graph.ts';
import { asArray, asNumber, asObject, asString, credential, secretsOf } from './json.ts';
import { atOf } from '../time.ts';
import { missingCredentials, sendInOrder } from './sequence.ts';

/** Send API success: {"recipient_id":"…","message_id":"AG5Hz2U…"}. */
export function readSendApiId(body: unknown): string | undefined {
  return asString(asObject(body)?.message_id);
}

export async function sendViaSendApi(
  channel: ChannelContext,
  request: SendRequest,
  table: readonly GraphRule[],
  baseUrl: string,
): Promise<Outcome> {
  const token = credential(channel.credentials, 'pageAccessToken');
  if (!token) return missingCredentials(['pageAccessToken']);
  const secrets = secretsOf(channel.credentials);
  const url = `${graphUrl(baseUrl, 'me', 'messages')}?access_token=${encodeURIComponent(token)}`;
  const call = async (c: RenderedMessage['calls'][number]): Promise<Outcome> => {
    const result = await httpCall(url, {
      json: { recipient: { id: request.recipient }, ...c.body },
      timeoutMs: request.timeoutMs,
      secrets,
    });
    if (result.kind === 'network') return networkOutcome(result);
    return classifyGraphAnswer(result, { table, readId: readSendApiId, secrets });
  };
  return sendInOrder(request.message.calls, call);
}

/**
 * `entry[].messaging[]` events of the Messenger and Instagram webhooks → message events.
 * A `message` (not an echo of our own send, not a deletion) or a `postback` (button tap) is a
 * message from `sender.id`. Neither platform sends a "user blocked the Page" event — Meta withholds
 * block information (fb and instagram webhook references list none), so there is no `blocked` here.
 * Names are not in the payload (User Profile API only).
 */
export function parseMessagingEvents(body: unknown, object: 'page' | 'instagram'): InboundEvent[] {
  const root = asObject(body);
  if (!root || root.object !== object) return [];
  const events: InboundEvent[] = [];
  for (const entry of asArray(root.entry)) {
    for (const item of asArray(asObject(entry)?.messaging)) {
      const event = asObject(item);
      const userId = asString(asObject(event?.sender)?.id);
      if (!event || !userId) continue;
      const at = atOf(event.timestamp); // documented in ms; some of Meta's samples are in seconds
      const message = asObject(event.message);
      const postback = asObject(event.postback);
      if (message) {
        if (message.is_echo === true || message.is_deleted === true) continue;
        events.push({ type: 'message', userId, profile: {}, text: asString(message.text), ...at });
      } else if (postback) {
        const text = asString(postback.title) ?? asString(postback.payload);
        events.push({ type: 'message', userId, profile: {}, text, ...at });
      } else {
        events.push(...messagingReceipts(event, userId, at));
      }
    }
  }
  return events;
}

/** Plain words for a failed Graph GET: Meta's `error.message` at most, never the token nor the raw body. */
export function describeGraphFailure(status: number, body: unknown, secrets: string[]): string {
  const error = asObject(asObject(body)?.error);
  const code = asNumber(error?.code);
  if (code === 190) return 'Meta says the access token is invalid or has expired.';
  if (code === 10 || (code !== undefined && code >= 200 && code <= 299)) return 'The access token lacks a permission this channel needs.';
  if (code === 100) return 'Meta does not know this id, or the token cannot see it.';
  return `Meta refused the request: ${platformReason(error?.message, `HTTP ${status}`, secrets)}`;
}

/** Where the request could not go and why; the outbound policy's refusal says it in its own words. */
export function describeNetworkFailure(url: string, failure: { code: string; message: string }): string {
  if (failure.code === ADDRESS_REFUSED) return `${failure.message}.`;
  const code = failure.code;
  let host = url;
  try {
    host = new URL(url).host;
  } catch {}
  return `Could not reach ${host} (${code}).`;
}
