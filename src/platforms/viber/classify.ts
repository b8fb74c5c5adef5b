// Viber answer → Outcome. Viber answers HTTP 200 with {"status":0,"status_message":"ok",
// "message_token":…} or a non-zero `status` (creators.viber.com/docs/bots-api/resources/messaging/send-message,
// error codes list as copied in Viber's own clients, PLATFORMS.md §3.3).
import type { Outcome, OutcomeClass } from '../types.ts';

type ErrorClass = Exclude<OutcomeClass, 'sent' | 'unknown'>;

/**
 * Viber sends no wait time with status 12 ("tooManyRequests": 100 messages per person per hour
 * without a reply, or a rate-control breach). Our default: 1 min.
 */
export const VIBER_RETRY_AFTER_MS = 60_000;

export const VIBER_STATUSES: Readonly<Record<number, { name: string; class: ErrorClass }>> = {
  1: { name: 'invalidUrl', class: 'permanent' },
  2: { name: 'invalidAuthToken', class: 'permanent' },
  3: { name: 'badData', class: 'permanent' },
  4: { name: 'missingData', class: 'permanent' },
  5: { name: 'receiverNotRegistered', class: 'invalid_recipient' },
  6: { name: 'receiverNotSubscribed', class: 'blocked' },
  7: { name: 'publicAccountBlocked', class: 'permanent' },
  8: { name: 'publicAccountNotFound', class: 'permanent' },
  9: { name: 'publicAccountSuspended', class: 'permanent' },
  10: { name: 'webhookNotSet', class: 'permanent' },
  11: { name: 'receiverNoSuitableDevice', class: 'invalid_recipient' },
  12: { name: 'tooManyRequests', class: 'rate_limited' },
  13: { name: 'apiVersionNotSupported', class: 'permanent' },
  14: { name: 'incompatibleWithVersion', class: 'permanent' },
  15: { name: 'publicAccountNotAuthorized', class: 'permanent' },
  16: { name: 'inchatReplyMessageNotAllowed', class: 'permanent' },
  17: { name: 'publicAccountIsNotInline', class: 'permanent' },
  18: { name: 'noPublicChat', class: 'permanent' },
  19: { name: 'cannotSendBroadcast', class: 'permanent' },
  20: { name: 'broadcastNotAllowed', class: 'permanent' },
};

/**
 * message_token is a 64-bit integer (e.g. 5741311803571721087): JSON.parse would round it, so it is
 * read from the raw text.
 */
function messageToken(text: string): string | undefined {
  return /"message_token"\s*:\s*"?(\d+)/.exec(text)?.[1];
}

export function classifyViber(status: number, body: unknown, text: string): Outcome {
  if (status >= 500) return { class: 'transient', code: String(status), text: `HTTP ${status}` };
  const envelope = (typeof body === 'object' && body !== null ? body : undefined) as
    { status?: unknown; status_message?: unknown } | undefined;
  if (status >= 200 && status < 300 && typeof envelope?.status === 'number') {
    const code = envelope.status;
    if (code === 0) return { class: 'sent', platformMessageId: messageToken(text) ?? '' };
    const row = VIBER_STATUSES[code];
    const message = typeof envelope.status_message === 'string' ? envelope.status_message : (row?.name ?? `status ${code}`);
    if (!row) return { class: 'transient', code: String(code), text: message }; // "other: general error" (unverified)
    if (row.class === 'rate_limited')
      return { class: 'rate_limited', retryAfterMs: VIBER_RETRY_AFTER_MS, code: String(code), text: message };
    return { class: row.class, code: String(code), text: message };
  }
  if (status >= 200 && status < 300) {
    // Unreadable 2xx: the message may have gone out and Viber has no idempotency key → unknown (not retried).
    return { class: 'unknown', code: 'bad_response', text: `HTTP ${status} with an unreadable body` };
  }
  if (status === 429) return { class: 'rate_limited', retryAfterMs: VIBER_RETRY_AFTER_MS, code: '429', text: 'HTTP 429' };
  return { class: 'permanent', code: String(status), text: `HTTP ${status}` }; // e.g. 404: invalid URL
}
