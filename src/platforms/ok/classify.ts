// OK (Odnoklassniki) Graph bot API answers → Outcome classes.
//
// Errors: "If a server can not process a request, the HTTP invocation-error header will contain the
// error code. Besides, the response contains the details in the JSON format" — apiok.ru/en/dev/errors;
// the JSON is OK's usual {"error_code":102,"error_msg":"PARAM_SESSION_EXPIRED : Session key has expired","error_data":null}.
// The codes below are that page's list minus those about app notifications (21–26); which of them
// the bot API actually returns is not documented. Unlisted codes are permanent.
// Success: {"success":true} for a chat, {"success":[true,false],"chat_ids":[…]} for user_ids
// (docs/method/en/graph.user/graph.user.messages/post.md in apiok/documentation). A `false` there
// is the documented "user must allow to receive group messages" case → blocked.
// HTTP 5xx → transient; a 2xx we cannot parse → unknown (it may have been sent).
//
// Waits: OK documents no retry-after and no limits for the bot API; one minute is a cautious pause
// that lets any per-minute flood counter reset without stalling the channel for long.
import type { HttpResult } from '../http.ts';
import { redact } from '../http.ts';
import { asArray, asNumber, asObject, asString } from '../meta-common/json.ts';
import { header } from '../meta-common/webhook.ts';
import type { Outcome, OutcomeClass } from '../types.ts';

export interface OkRule {
  code: number;
  name: string;
  class: Exclude<OutcomeClass, 'sent' | 'unknown'>;
  waitMs?: number;
}

const MINUTE = 60_000;

export const OK_ERRORS: readonly OkRule[] = [
  { code: 1, name: 'UNKNOWN', class: 'transient' },
  { code: 2, name: 'SERVICE', class: 'transient' }, // Service temporarily unavailable
  { code: 3, name: 'METHOD', class: 'permanent' },
  { code: 4, name: 'REQUEST', class: 'permanent' },
  { code: 7, name: 'ACTION_BLOCKED', class: 'rate_limited', waitMs: MINUTE }, // temporarily blocked for the current user (the group)
  { code: 8, name: 'FLOOD_BLOCKED', class: 'rate_limited', waitMs: MINUTE },
  { code: 9, name: 'IP_BLOCKED', class: 'permanent' }, // suspicious activity: a person must look
  { code: 10, name: 'PERMISSION_DENIED', class: 'permanent' },
  { code: 11, name: 'LIMIT_REACHED', class: 'rate_limited', waitMs: MINUTE },
  { code: 12, name: 'CANCELLED', class: 'permanent' },
  { code: 50, name: 'NOT_ADMIN', class: 'permanent' },
  { code: 100, name: 'PARAM', class: 'permanent' },
  { code: 102, name: 'PARAM_SESSION_EXPIRED', class: 'permanent' }, // token no longer valid
  { code: 103, name: 'PARAM_SESSION_KEY', class: 'permanent' },
  { code: 110, name: 'PARAM_USER_ID', class: 'invalid_recipient' },
];

/** The message id if OK returns one (undocumented), else the chat the message went to. */
function readOkId(body: Record<string, unknown>): string {
  return (
    asString(body.message_id) ??
    asString(body.mid) ??
    asString(asObject(body.message)?.mid) ??
    asString(body.chat_id) ??
    asString(asArray(body.chat_ids)[0]) ??
    ''
  );
}

export function classifyOkAnswer(result: Extract<HttpResult, { kind: 'response' }>, secrets: readonly string[]): Outcome {
  const body = asObject(result.body);
  const headerCode = asNumber(header(result.headers as Record<string, string | undefined>, 'invocation-error'));
  const errorCode = asNumber(body?.error_code) ?? headerCode;
  const clip = (text: string) => redact(text, [...secrets]);
  if (errorCode === undefined && result.status >= 200 && result.status < 300) {
    if (!body) return { class: 'unknown', code: 'unparseable_response', text: clip(`HTTP ${result.status}: ${result.text.slice(0, 300)}`) };
    const success = Array.isArray(body.success) ? body.success[0] : body.success;
    if (success === true) return { class: 'sent', platformMessageId: readOkId(body) };
    if (success === false)
      return { class: 'blocked', code: 'not_allowed', text: 'OK did not deliver: the person has not allowed messages from the group.' };
    return { class: 'unknown', code: 'no_success_flag', text: clip(`HTTP ${result.status}: ${result.text.slice(0, 300)}`) };
  }
  const code = errorCode === undefined ? `http_${result.status}` : String(errorCode);
  const text = clip(asString(body?.error_msg) ?? `HTTP ${result.status}: ${result.text.slice(0, 300)}`);
  if (result.status >= 500) return { class: 'transient', code, text };
  const rule = OK_ERRORS.find((r) => r.code === errorCode);
  if (rule?.class === 'rate_limited' || (!rule && result.status === 429)) {
    return { class: 'rate_limited', retryAfterMs: rule?.waitMs ?? MINUTE, code, text };
  }
  return { class: rule?.class ?? 'permanent', code, text };
}
