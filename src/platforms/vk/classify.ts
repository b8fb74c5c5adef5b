// VK answer → Outcome. VK answers HTTP 200 with {"response": <message id>} or
// {"error": {"error_code": N, "error_msg": "…"}}; codes from VKCOM/vk-api-schema errors.json
// (messages.send error list, API 5.199). Because VK de-duplicates on random_id, a repeated send is
// harmless, which is why unreadable answers map to `unknown` (retryable here).
import type { Outcome, OutcomeClass } from '../types.ts';

type ErrorClass = Exclude<OutcomeClass, 'sent' | 'unknown'>;

/**
 * error_code → class. rate_limited rows carry retryAfterMs: VK never says how long to wait, so these
 * are our defaults: 6 "Too many requests per second" is a per-second limit (20 req/s for community
 * tokens) → 1 s; 9 "Flood control" (too many similar messages) → 1 min; 29 "Rate limit reached"
 * (a method's daily quota) → 1 h; 14 "Captcha needed" — an automated sender cannot solve it, it is
 * VK's anti-flood answer → wait 1 min.
 */
export const VK_ERRORS: Readonly<Record<number, { class: ErrorClass; retryAfterMs?: number }>> = {
  6: { class: 'rate_limited', retryAfterMs: 1_000 },
  9: { class: 'rate_limited', retryAfterMs: 60_000 },
  29: { class: 'rate_limited', retryAfterMs: 3_600_000 },
  14: { class: 'rate_limited', retryAfterMs: 60_000 },
  900: { class: 'blocked' }, // Can't send messages for users from blacklist
  901: { class: 'blocked' }, // Can't send messages for users without permission
  902: { class: 'blocked' }, // Can't send messages to this user due to their privacy settings
  18: { class: 'blocked' }, // User was deleted or banned
  987: { class: 'blocked' }, // Need message request (the person has not accepted messages)
  988: { class: 'blocked' }, // Pending message request
  113: { class: 'invalid_recipient' }, // Invalid user id
  936: { class: 'invalid_recipient' }, // Contact not found
  917: { class: 'invalid_recipient' }, // You don't have access to this chat
  922: { class: 'invalid_recipient' }, // You left this chat
  945: { class: 'invalid_recipient' }, // Chat was disabled
  946: { class: 'invalid_recipient' }, // Chat not supported
  1: { class: 'transient' }, // Unknown error occurred
  10: { class: 'transient' }, // Internal server error
  5: { class: 'permanent' }, // User authorization failed (token)
  7: { class: 'permanent' }, // Permission to perform this action is denied
  15: { class: 'permanent' }, // Access denied
  27: { class: 'permanent' }, // Group authorization failed
  100: { class: 'permanent' }, // One of the parameters specified was missing or invalid
  910: { class: 'permanent' }, // too big
  911: { class: 'permanent' }, // Keyboard format is invalid
  912: { class: 'permanent' }, // This is a chat bot feature, change this status in settings
  913: { class: 'permanent' }, // Too many forwarded messages
  914: { class: 'permanent' }, // Message is too long
  950: { class: 'permanent' }, // Can't send message, reply timed out
  985: { class: 'permanent' }, // Cannot write to notifications only groups
};

interface VkError {
  error_code?: number;
  error_msg?: string;
}

export function classifyVkError(error: VkError): Outcome {
  const code = error.error_code ?? 0;
  const text = error.error_msg ?? `VK error ${code}`;
  const row = VK_ERRORS[code];
  if (!row) return { class: 'permanent', code: String(code), text };
  if (row.class === 'rate_limited') return { class: 'rate_limited', retryAfterMs: row.retryAfterMs ?? 1_000, code: String(code), text };
  return { class: row.class, code: String(code), text };
}

export function classifyVk(status: number, body: unknown): Outcome {
  if (status >= 500) return { class: 'transient', code: String(status), text: `HTTP ${status}` };
  const envelope = (typeof body === 'object' && body !== null ? body : undefined) as { response?: unknown; error?: VkError } | undefined;
  if (envelope?.error) return classifyVkError(envelope.error);
  if (status >= 200 && status < 300 && envelope && 'response' in envelope) {
    const response = envelope.response;
    if (typeof response === 'number') return { class: 'sent', platformMessageId: String(response) };
    // peer_ids form: [{peer_id, message_id, conversation_message_id, error?}] — one per recipient.
    if (Array.isArray(response) && response.length > 0) {
      const first = response[0] as { message_id?: number; error?: { code?: number; description?: string } };
      if (first.error) return classifyVkError({ error_code: first.error.code, error_msg: first.error.description });
      if (first.message_id !== undefined) return { class: 'sent', platformMessageId: String(first.message_id) };
    }
  }
  if (status >= 200 && status < 300) {
    // Sent or not, we cannot tell — but VK de-duplicates on random_id, so a retry is safe.
    return { class: 'unknown', code: 'bad_response', text: `HTTP ${status} with an unreadable body` };
  }
  if (status === 429) return { class: 'rate_limited', retryAfterMs: 1_000, code: '429', text: 'HTTP 429' };
  return { class: 'permanent', code: String(status), text: `HTTP ${status}` };
}
