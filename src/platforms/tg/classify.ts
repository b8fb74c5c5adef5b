// Telegram answer → Outcome. The Bot API answers {"ok":true,"result":…} or
// {"ok":false,"error_code":N,"description":"…","parameters":{…}} with error_code = HTTP status
// (core.telegram.org/bots/api#making-requests). Descriptions are stable enough that every Bot API
// library matches on them (PLATFORMS.md §1.3: tucnak/telebot errors.go, botman, grammY).
import { redact } from '../http.ts';
import type { Outcome, OutcomeClass } from '../types.ts';

type ErrorClass = Exclude<OutcomeClass, 'sent' | 'rate_limited' | 'unknown'>;

/** First matching row wins; `pattern` unset = any description with that status. */
export const TELEGRAM_ERRORS: ReadonlyArray<{ status: number; pattern?: RegExp; class: ErrorClass }> = [
  { status: 403, pattern: /bot was blocked by the user/i, class: 'blocked' },
  { status: 403, pattern: /user is deactivated/i, class: 'blocked' }, // account deleted
  { status: 403, pattern: /bot can't initiate conversation/i, class: 'blocked' }, // never pressed /start
  { status: 403, pattern: /bot was kicked from/i, class: 'blocked' }, // group / supergroup / channel
  { status: 403, pattern: /bot is not a member of/i, class: 'blocked' },
  { status: 403, class: 'permanent' }, // other Forbidden, e.g. "not enough rights to send photos"
  { status: 400, pattern: /chat not found/i, class: 'invalid_recipient' },
  { status: 400, pattern: /user not found|PEER_ID_INVALID/i, class: 'invalid_recipient' },
  { status: 400, class: 'permanent' }, // message is too long, text is empty, wrong file identifier/HTTP URL, group migrated…
  { status: 401, class: 'permanent' }, // Unauthorized: bad token (config)
  { status: 404, class: 'permanent' }, // Not Found: malformed token / method
  { status: 409, class: 'permanent' }, // Conflict: getUpdates while webhook active (config)
];

/** Telegram sends `parameters.retry_after` with every 429; this is only for a 429 without it. */
export const DEFAULT_RETRY_AFTER_MS = 1_000;

interface TelegramEnvelope {
  ok?: boolean;
  result?: { message_id?: number } | boolean;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export function classifyTelegram(status: number, body: unknown, secrets: readonly string[] = []): Outcome {
  const envelope = (typeof body === 'object' && body !== null ? body : undefined) as TelegramEnvelope | undefined;
  if (status >= 200 && status < 300) {
    if (envelope?.ok === true) {
      const id = typeof envelope.result === 'object' ? envelope.result.message_id : undefined;
      return { class: 'sent', platformMessageId: id === undefined ? '' : String(id) };
    }
    // A 2xx we cannot read: the message may well have been sent, and Telegram has no idempotency
    // key, so repeating it could show it twice → `unknown` (only de-duplicating platforms retry it).
    if (envelope?.ok !== false) return { class: 'unknown', code: 'bad_response', text: `HTTP ${status} with an unreadable body` };
  }
  const code = envelope?.error_code ?? status;
  const text = redact(envelope?.description ?? `HTTP ${status}`, secrets);
  if (status === 429 || code === 429) {
    const seconds = envelope?.parameters?.retry_after;
    const retryAfterMs = typeof seconds === 'number' && seconds >= 0 ? seconds * 1000 : DEFAULT_RETRY_AFTER_MS;
    return { class: 'rate_limited', retryAfterMs, code: '429', text };
  }
  if (status >= 500) return { class: 'transient', code: String(status), text };
  if (envelope?.parameters?.migrate_to_chat_id !== undefined) {
    return { class: 'permanent', code: 'migrated', text: `${text} (new chat id ${envelope.parameters.migrate_to_chat_id})` };
  }
  for (const row of TELEGRAM_ERRORS) {
    if (row.status === code && (!row.pattern || row.pattern.test(text))) return { class: row.class, code: String(code), text };
  }
  return { class: 'permanent', code: String(code), text };
}
