// Graph API answer classification shared by WhatsApp, Messenger and Instagram. Each platform keeps
// its own table (wa/classify.ts, fb/classify.ts, instagram/classify.ts); this file holds the
// mechanism: read the Graph error envelope, look the code (and subcode) up, pick a wait.
//
// Graph error envelope (developers.facebook.com/docs/graph-api/guides/error-handling):
//   {"error":{"message":"(#131030) Recipient phone number not in allowed list","type":"OAuthException",
//             "code":131030,"error_subcode":2655007,"error_data":{"details":"…"},"fbtrace_id":"…"}}
import type { HttpResult } from '../http.ts';
import { redact } from '../http.ts';
import type { Outcome, OutcomeClass } from '../types.ts';
import { asArray, asNumber, asObject, asString } from './json.ts';
import { header } from './webhook.ts';

export interface GraphRule {
  /** Graph `error.code`, or an inclusive range of codes. */
  code: number | readonly [number, number];
  /** Only this `error_subcode` (a rule with a subcode wins over one without). */
  subcode?: number;
  class: Exclude<OutcomeClass, 'sent'>;
  /** rate_limited only: the wait when Meta's answer carries no usable header (Meta sends no retry-after). */
  waitMs?: number;
  /** Meta's title, and why this class. */
  note: string;
}

export interface GraphError {
  code?: number;
  subcode?: number;
  message: string;
  details?: string;
}

/** A wait of last resort for a rate-limit answer no rule covers (HTTP 429): one minute. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

export function readGraphError(body: unknown): GraphError | undefined {
  const error = asObject(asObject(body)?.error);
  if (!error) return undefined;
  const details = asString(asObject(error.error_data)?.details);
  return {
    code: asNumber(error.code),
    subcode: asNumber(error.error_subcode),
    message: asString(error.message) ?? asString(error.error_user_msg) ?? 'Graph API error',
    details,
  };
}

function codeMatches(rule: GraphRule, code: number): boolean {
  return typeof rule.code === 'number' ? rule.code === code : code >= rule.code[0] && code <= rule.code[1];
}

/** Most specific first: code+subcode, then the exact code, then a range holding the code. */
export function findRule(table: readonly GraphRule[], code: number | undefined, subcode: number | undefined): GraphRule | undefined {
  if (code === undefined) return undefined;
  const general = table.filter((r) => r.subcode === undefined);
  return (
    (subcode !== undefined ? table.find((r) => r.subcode === subcode && codeMatches(r, code)) : undefined) ??
    general.find((r) => r.code === code) ??
    general.find((r) => codeMatches(r, code))
  );
}

/**
 * The wait Meta asks for, if the answer says: a standard `Retry-After` (seconds), or the largest
 * `estimated_time_to_regain_access` (minutes) of the `X-Business-Use-Case-Usage` header, which the
 * Graph API rate-limiting page documents for Business Use Case limits (Pages/Messenger/Instagram/WhatsApp).
 */
export function waitFromHeaders(headers: Record<string, string | string[] | undefined>): number | undefined {
  const flat = (name: string): string | undefined => {
    const value = header(headers as Record<string, string | undefined>, name) as string | string[] | undefined;
    return Array.isArray(value) ? value[0] : value;
  };
  const retryAfter = asNumber(flat('retry-after'));
  if (retryAfter !== undefined && retryAfter > 0) return Math.ceil(retryAfter * 1000);
  const buc = flat('x-business-use-case-usage');
  if (!buc) return undefined;
  try {
    let minutes = 0;
    for (const entries of Object.values(asObject(JSON.parse(buc)) ?? {})) {
      for (const entry of asArray(entries)) minutes = Math.max(minutes, asNumber(asObject(entry)?.estimated_time_to_regain_access) ?? 0);
    }
    return minutes > 0 ? minutes * 60_000 : undefined;
  } catch {
    return undefined;
  }
}

export interface ClassifyOptions {
  table: readonly GraphRule[];
  /** The platform message id of a 2xx answer, if the answer has one. */
  readId: (body: unknown) => string | undefined;
  /** Credentials to blank out of texts. */
  secrets: readonly string[];
}

function codeOf(error: GraphError | undefined, status: number): string {
  if (error?.code === undefined) return `http_${status}`;
  return error.subcode === undefined ? String(error.code) : `${error.code}/${error.subcode}`;
}

function textOf(error: GraphError | undefined, status: number, raw: string, secrets: readonly string[]): string {
  const text = error ? (error.details ? `${error.message} — ${error.details}` : error.message) : `HTTP ${status}: ${raw.slice(0, 300)}`;
  return redact(text, [...secrets]);
}

/** Classifies one HTTP answer of a Graph API send. Network failures are handled by the caller (networkOutcome). */
export function classifyGraphAnswer(result: Extract<HttpResult, { kind: 'response' }>, options: ClassifyOptions): Outcome {
  const { status, body } = result;
  const error = readGraphError(body);
  if (status >= 200 && status < 300 && !error) {
    const id = options.readId(body);
    if (id) return { class: 'sent', platformMessageId: id };
    // Accepted by HTTP but not understood: it may well have been sent, so never retry blindly.
    const code = body === undefined ? 'unparseable_response' : 'no_message_id';
    return {
      class: 'unknown',
      code,
      text: redact(`HTTP ${status} without a message id: ${result.text.slice(0, 300)}`, [...options.secrets]),
    };
  }
  const code = codeOf(error, status);
  const text = textOf(error, status, result.text, options.secrets);
  if (status >= 500) return { class: 'transient', code, text };
  const rule = findRule(options.table, error?.code, error?.subcode);
  if (rule?.class === 'rate_limited' || (!rule && status === 429)) {
    const retryAfterMs = waitFromHeaders(result.headers) ?? rule?.waitMs ?? DEFAULT_RATE_LIMIT_WAIT_MS;
    return { class: 'rate_limited', retryAfterMs, code, text };
  }
  return { class: rule?.class ?? 'permanent', code, text };
}
