// The fake platform server's plug-in interface. One file per platform under test/fakes/platforms/
// exports its `FakePlatformFactory` as default; test/fakes/platforms/index.ts finds it by code.
//
// Request flow in the server (test/fakes/server.ts):
//   1. read the body once, parse it (JSON or form) into `FakeRequest.body`;
//   2. pick the platform: a leading `/<code>/` path segment selects it explicitly (the prefix is
//      stripped — use baseUrl `${url}/instagram` when two platforms share a path shape), otherwise
//      the first registered platform whose `claims(path)` is true;
//   3. `parse(req)` says what the call is (channel, method, recipient, is it a send); null → 404;
//   4. a repeat of a de-duplicated send is answered (`repeat`), else fault rules are applied (only to sends, unless a rule names a `method`): `timeout` and
//      `destroy` are handled by the server, the others are answered by `fault(...)`;
//   5. otherwise `answer(...)` produces the platform's success (or natural error) answer;
//   6. one `FakeRecord` is pushed for every accepted request.

import type { IncomingHttpHeaders } from 'node:http';

/** An incoming request, parsed once by the server. */
export interface FakeRequest {
  httpMethod: string;
  /** Path without the query string and without an explicit `/<code>` platform prefix. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** JSON body (application/json), form fields (application/x-www-form-urlencoded), else undefined. */
  body: unknown;
}

/** What `parse` extracted from a request. */
export interface FakeCall {
  /** Rate-limit / accounting key of the sender: bot token, access token, phone number id... */
  channel: string;
  /** The platform's API method, e.g. 'sendMessage', 'messages.send', 'send_message'. */
  method: string;
  /** Platform user/chat id the message goes to (sends only). */
  recipient?: string;
  /** True for calls that deliver a message to a person (these are what faults apply to by default). */
  send: boolean;
}

export interface FakeReply {
  status: number;
  /** Serialised as JSON unless it is a string. */
  body: unknown;
  headers?: Record<string, string>;
  /** Set false when the answer means "not delivered" although status is 2xx (VK/Viber errors). Default: status < 300. */
  delivered?: boolean;
  /** The platform recognised a repeat of an earlier send (VK random_id) and did not deliver again. */
  duplicate?: boolean;
  /** The id the answer gives the message (wamid, Viber message_token, Messenger mid): receipts name it. */
  messageId?: string;
}

/** Faults a test can inject. */
export type FaultKind =
  | 'rate_limited' // platform's "slow down" answer, with retryAfterSec where the platform has one
  | 'blocked' // the person blocked the bot (Telegram 403 "Forbidden: bot was blocked by the user")
  | 'not_found' // no such recipient (Telegram 400 "Bad Request: chat not found")
  | 'server_error' // HTTP 5xx (rule.status, default 500)
  | 'timeout' // accept the request and never answer, until the client gives up
  | 'destroy'; // destroy the connection mid-request, no answer

/** Answered by the platform handler (the server itself handles 'timeout' and 'destroy'). */
export type AnsweredFaultKind = Exclude<FaultKind, 'timeout' | 'destroy'>;

export interface FaultRule {
  kind: FaultKind;
  platform?: string;
  channel?: string;
  /** Also makes the rule apply to non-send methods (getMe, setWebhook...). */
  method?: string;
  recipient?: string | string[];
  /** 0..1, default 1. Drawn from the server's seeded generator. */
  probability?: number;
  /** Fire at most this many times, then the rule is spent. Default: unlimited. */
  count?: number;
  /** rate_limited: seconds the platform asks to wait (Telegram parameters.retry_after). Default 1. */
  retryAfterSec?: number;
  /** server_error: HTTP status, default 500. */
  status?: number;
  /** timeout / destroy: whether the platform "delivered" before the answer was lost (the unknown case). Default false. */
  delivered?: boolean;
  /** Answered faults: hold the answer this long (ms), e.g. to act while a 429 is on its way. */
  answerAfterMs?: number;
}

/** One accepted request. Small and flat: benchmarks push tens of thousands per second. */
export interface FakeRecord {
  /** Date.now() when the request was accepted. */
  t: number;
  platform: string;
  channel: string;
  method: string;
  recipient: string | undefined;
  /** True for message sends (see FakeCall.send). */
  send: boolean;
  body: unknown;
  /** HTTP status answered (0 for timeout / destroy). */
  status: number;
  /** True when the platform would have shown the message to the person. */
  delivered: boolean;
  /** Injected fault, if one fired. */
  fault: FaultKind | undefined;
  duplicate: boolean;
  /** Date.now() when the answer was written (set for answers held by FaultRule.answerAfterMs). */
  answeredT?: number;
  /** The message id answered (FakeReply.messageId), for the status callbacks of test/fakes/receipts.ts. */
  messageId?: string;
}

/** Per-server context given to handlers (per-server state lives in the handler instance). */
export interface FakeContext {
  /** Monotonic id source for message ids. */
  nextId(): number;
  /** When the person last wrote to the business, as told by the test (FakeServer.userWrote); undefined = unknown. */
  lastInbound(platform: string, recipient: string): number | undefined;
}

export interface FakePlatform {
  readonly code: string;
  /** Cheap path test; first claiming platform in registry order wins. */
  claims(path: string): boolean;
  parse(req: FakeRequest): FakeCall | null;
  /** The platform's normal answer to a call (success, or a natural error like a bad token). */
  answer(call: FakeCall, req: FakeRequest, ctx: FakeContext): FakeReply;
  /**
   * A repeat of a send the platform already de-duplicates (VK random_id): answered before any
   * injected fault, because the platform recognises the repeat first and delivers nothing — a
   * fault drawn for a repeat would tell the sender "not delivered" about a message that was shown.
   */
  repeat?(call: FakeCall, req: FakeRequest): FakeReply | undefined;
  /** The platform's answer for an injected fault, in its documented shape. */
  fault(kind: AnsweredFaultKind, rule: FaultRule, call: FakeCall): FakeReply;
  /** Forget per-server state (dedup keys...). */
  reset?(): void;
}

/** Registry entries are factories so that each server gets fresh handler state. */
export type FakePlatformFactory = () => FakePlatform;
