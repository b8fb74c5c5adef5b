// The one small interface every platform module implements. The delivery engine, the inbound
// webhook route and the preview API only ever see this; adding a platform means adding one folder
// under src/platforms/<code>/ and one line in src/platforms/registry.ts, where the codes come from.
import type { Button, MessageContent } from '../domain/content/message.ts';
import type { PlatformCode } from './registry.ts';

export type { PlatformCode };
export { PLATFORM_CODES, isPlatformCode } from './registry.ts';

/** The platform-neutral message every client renders (defined in the domain). */
export type { Button, MessageContent };

/** Something the platform cannot show exactly as designed, and what was done instead. */
export interface Degradation {
  /** Stable machine code, e.g. 'buttons_as_text', 'buttons_truncated', 'caption_split', 'file_as_link'. */
  code: string;
  /** One plain sentence for people, e.g. "Viber shows at most 24 buttons; 3 were cut". */
  message: string;
}

/**
 * A message in the platform's own form: one or more API calls made in order (e.g. a photo with a
 * caption, then the rest of a long text). `calls` hold the platform's request bodies without the
 * recipient, which the client adds at send time.
 */
export interface RenderedMessage {
  platform: PlatformCode;
  calls: Array<{ method: string; body: Record<string, unknown> }>;
  degradations: Degradation[];
}

/**
 * The classified answer to one send. Every answer of the platform, and every network failure, maps
 * to exactly one of these; `send` never throws for them.
 *
 * - `sent`: the platform accepted it.
 * - `blocked`: the person blocked the bot / unsubscribed / deleted the account (mark subscriber blocked).
 * - `invalid_recipient`: no such chat/user for this bot.
 * - `rate_limited`: slow down; `retryAfterMs` is exactly what the platform asked for (or a documented default).
 *   The request was NOT processed, so it is safe to send again after the wait.
 * - `transient`: the platform answered with a temporary failure (5xx, "try later"), or the request
 *   provably never left this machine (connection refused, DNS failure, connect timeout). Safe to retry.
 * - `permanent`: the platform refused it for good (bad request, forbidden content, ...), or Botcast's
 *   outbound policy refused the address (nothing was sent; a retry would be refused again).
 * - `unknown`: the request may have reached the platform but no answer came (timeout after the body
 *   was written, connection reset mid-request). Only platforms that de-duplicate may retry it.
 * - `outside_window`: the platform refused it by its messaging-window policy (WhatsApp 131047,
 *   Messenger 10/2018278): final, not retried, and not an error — the person has not written lately.
 * - `marketing_stopped`: the person stopped marketing messages from the business (WhatsApp 131050):
 *   final, not an error; the subscriber is marked and left out of later marketing templates.
 * - `marketing_limit`: the platform chose not to deliver this marketing message to this person
 *   (WhatsApp 131049, per-person marketing cap): final for this send, reported apart, not an error.
 */
export type Outcome =
  | { class: 'sent'; platformMessageId: string }
  | { class: 'rate_limited'; retryAfterMs: number; code: string; text: string }
  | {
      class:
        | 'blocked'
        | 'invalid_recipient'
        | 'transient'
        | 'permanent'
        | 'unknown'
        | 'outside_window'
        | 'marketing_stopped'
        | 'marketing_limit';
      code: string;
      text: string;
    };

export type OutcomeClass = Outcome['class'];

/** A channel as the client needs it: where to send and with which (decrypted) credentials. */
export interface ChannelContext {
  channelId: number;
  /** Platform API base URL, no trailing slash (configurable per channel for test servers). */
  baseUrl: string;
  credentials: Record<string, string>;
  /** Secret Botcast generated for this channel's webhook (Telegram secret_token, VK secret, ...). */
  webhookSecret: string;
  /** The channel sends as a paid broadcast (PlatformClient.paidBroadcast; Telegram `allow_paid_broadcast`). */
  paidBroadcast?: boolean;
}

export interface SendRequest {
  /** The platform's own user / chat id. */
  recipient: string;
  message: RenderedMessage;
  /**
   * Deterministic idempotency key derived from the delivery id. Platforms that de-duplicate
   * (VK `random_id`) must send it so that a retried in-flight delivery is not shown twice.
   */
  dedupKey: string;
  /** Overall timeout of one request, ms. */
  timeoutMs?: number;
}

/** An inbound webhook request, as the HTTP layer hands it over. */
export interface InboundRequest {
  method: 'GET' | 'POST';
  headers: Record<string, string | undefined>;
  query: Record<string, string | undefined>;
  /** Exact bytes received: signatures are computed over these, never over re-serialised JSON. */
  rawBody: Buffer;
}

export type VerifyResult =
  /** Authentic: go on and parse the body. */
  | { ok: true }
  /** Not authentic: answer with this status (401/403) and store nothing. */
  | { ok: false; status: 401 | 403; reason: string }
  /** A handshake the platform requires (Meta GET hub.challenge, VK `confirmation`): answer with exactly this and stop. */
  | { ok: 'handshake'; status: number; contentType: string; body: string };

/** What an inbound update means for Botcast's subscribers. */
export type InboundEvent =
  | {
      type: 'message';
      userId: string;
      profile: { name?: string; username?: string; language?: string };
      text?: string;
      /** When the platform says it happened (ms since epoch); defaults to now. */
      at?: number;
    }
  | { type: 'blocked'; userId: string; at?: number }
  /**
   * The platform reports later that a message it had accepted was not delivered (WhatsApp `statuses`
   * with `failed`). `deliveryKey` is the SendRequest's `dedupKey` when the platform echoes it back.
   */
  | {
      type: 'send_failed';
      platformMessageId: string;
      deliveryKey?: string;
      /** The person, when the platform names them instead of echoing a key (Viber `failed`: user_id + message_token). */
      userId?: string;
      outcome: OutcomeClass;
      code: string;
      text: string;
      at?: number;
    }
  /**
   * The platform reports that a message reached the person's device (`delivered`) or was read
   * (`read`). Matched to deliveries by one of: the echoed `deliveryKey` and `platformMessageId`
   * (WhatsApp); the person `userId` and `platformMessageId` (Viber message_token, Messenger mids);
   * the person and a `watermark` (ms: every message sent to them up to it — Messenger); the person
   * and a `platformMessageId` with `upTo` (Instagram messaging_seen: that message and every earlier one).
   */
  | {
      type: 'receipt';
      status: 'delivered' | 'read';
      deliveryKey?: string;
      platformMessageId?: string;
      userId?: string;
      watermark?: number;
      upTo?: boolean;
      at?: number;
    }
  | { type: 'unblocked'; userId: string; profile?: { name?: string; username?: string; language?: string }; at?: number }
  /** The person stopped (or resumed) marketing messages (WhatsApp user_preferences): not a block. */
  | { type: 'marketing'; userId: string; stopped: boolean; at?: number };

export type PollResult = { ok: true; updates: Array<{ id: number; body: unknown }> } | { ok: false; error: string; retryAfterMs?: number };

export interface CredentialCheck {
  ok: boolean;
  /** The bot's / page's name as the platform reports it, when ok. */
  accountName?: string;
  /** Plain words for people, when not ok (never containing the credential itself). */
  error?: string;
  /** The platform was never reached (network failure, refused address): nothing is known of the credentials. */
  unreachable?: boolean;
}

/**
 * Whom the platform lets a business message (its policy, applied by the engine at claim time):
 * - `since_last_inbound`: only within `hours` of the person's last message (WhatsApp, Messenger,
 *   Instagram: 24 h); others are left out as `outside_window`;
 * - `permission`: only people who allowed messages (VK: `message_allow` / `message_deny`, error
 *   901), known from the subscriber being active; others are left out as `no_permission`.
 * No rule (Telegram, Viber, OK): anyone who started the bot.
 */
export type MessagingWindow = { kind: 'since_last_inbound'; hours: number } | { kind: 'permission' };

/**
 * A faster lane the platform sells per message (Telegram paid broadcasts): a channel that turns it
 * on (channels.allow_paid_broadcast) sends at up to `ratePerSecond` and pays `pricePerMessage` in
 * `currency` for each message, as of `priceAsOf` (a dated default: the platform may change it).
 */
export interface PaidBroadcast {
  ratePerSecond: number;
  currency: string;
  pricePerMessage: number;
  priceAsOf: string;
  source: string;
}

/** A message template approved (or not) on the platform (WhatsApp), as `listTemplates` reads it. */
export interface PlatformTemplate {
  name: string;
  /** Language and locale code, e.g. en_US. */
  language: string;
  /** MARKETING, UTILITY or AUTHENTICATION. */
  category: string;
  /** APPROVED, PENDING, REJECTED, PAUSED, DISABLED. */
  status: string;
  /** HEADER / BODY / FOOTER / BUTTONS as the platform gives them. */
  components: Record<string, unknown>[];
}

export type TemplateList = { ok: true; templates: PlatformTemplate[] } | { ok: false; error: string };

/** A template filled for one recipient: body parameters in order ({{1}} first), never empty. */
export interface TemplateMessage {
  name: string;
  language: string;
  bodyParams: string[];
  /** The header image, for a template whose header is an image. */
  headerImageUrl?: string;
}

/** What a recall or an edit of one delivered message came to (issue 17 point 12). */
export type RecallOutcome =
  | { ok: true }
  /** `retry`: the platform may take it later (a 429, a 5xx, no answer) — deleting or editing twice is harmless. */
  | { ok: false; retry: boolean; retryAfterMs?: number; code: string; text: string };

/** Deleting a delivered message for everyone, and editing its text, where the platform allows it. */
export interface RecallSupport {
  /** A message sent longer ago than this can no longer be deleted for everyone. */
  readonly deleteWithinHours: number;
  /** Editing the text: within this many hours; null when the platform cannot edit a sent message. */
  readonly editWithinHours: number | null;
  delete(channel: ChannelContext, request: { recipient: string; messageId: string; timeoutMs: number }): Promise<RecallOutcome>;
  editText?(
    channel: ChannelContext,
    request: { recipient: string; messageId: string; text: string; timeoutMs: number },
  ): Promise<RecallOutcome>;
}

export interface PlatformClient {
  readonly code: PlatformCode;
  readonly displayName: string;
  readonly defaultBaseUrl: string;
  /** Default send-rate limit per channel, messages per second (from the platform's documentation). */
  readonly defaultRatePerSecond: number;
  /** True when the platform de-duplicates on `dedupKey`, so an in-flight delivery may be retried. */
  readonly deduplicates: boolean;
  /** What a valid user id of this platform looks like (CSV imports report others as malformed). */
  readonly userIdPattern?: RegExp;
  /** The body of a successful webhook answer when the platform insists on one (VK: the literal "ok"); otherwise Botcast's JSON result. */
  readonly webhookAnswer?: string;
  /** The webhook URL carries the channel's secret as `?secret=` (a platform that signs nothing, like OK). */
  readonly webhookSecretInUrl?: boolean;
  readonly messagingWindow?: MessagingWindow;
  readonly paidBroadcast?: PaidBroadcast;
  /** The message templates the platform has approved for the channel (WhatsApp). */
  listTemplates?(channel: ChannelContext): Promise<TemplateList>;
  /** A template message in the platform's own form (sent outside the messaging window). */
  renderTemplate?(message: TemplateMessage): RenderedMessage;
  /** Recall (delete for everyone) and edit of delivered messages; absent where the platform allows neither (Viber and others). */
  readonly recall?: RecallSupport;
  /** Which receipts the platform reports (issue 18): none at all on Telegram, VK, OK; only reads on Instagram. */
  readonly receipts?: { delivered: boolean; read: boolean };
  /** Credential fields a channel of this platform needs, e.g. ['token'] or ['accessToken', 'phoneNumberId', 'appSecret'] (the descriptor's required ones). */
  readonly credentialFields: readonly string[];

  render(content: MessageContent): RenderedMessage;
  send(channel: ChannelContext, request: SendRequest): Promise<Outcome>;
  verifyInbound(channel: ChannelContext, request: InboundRequest): VerifyResult;
  parseInbound(body: unknown): InboundEvent[];
  /** Parses the body's text itself, when JSON.parse would lose something (Viber's 64-bit message_token). */
  parseInboundText?(text: string): InboundEvent[];
  checkCredentials(channel: ChannelContext): Promise<CredentialCheck>;
  /**
   * Long polling, for machines without a public URL (Telegram getUpdates). Returns the updates
   * after `offset` with their ids; the caller persists the next offset with what it stored.
   */
  pollUpdates?(channel: ChannelContext, offset: number, timeoutSec: number): Promise<PollResult>;
  /**
   * Register Botcast's webhook URL with the platform where the platform allows it (no-op otherwise).
   * `remember` stores what the platform hands back with the channel's credentials (VK's confirmation
   * code), before the platform calls the new webhook.
   */
  registerWebhook?(
    channel: ChannelContext,
    url: string,
    remember?: (credentials: Record<string, string>) => Promise<void>,
  ): Promise<CredentialCheck>;
}
