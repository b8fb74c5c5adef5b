// WhatsApp Cloud API answers → Outcome classes. Meta asks integrators to key logic on `code`
// (+ `error_data.details`), never on titles. Sources:
//   [E] developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes
//       (mirrored in great-detail/WhatsApp-Nodejs-SDK src/Error.ts)
//   [T] …/whatsapp/throughput (80 msg/s per number; 130429 when exceeded)
//   [R] developers.facebook.com/docs/graph-api/overview/rate-limiting (code 4, BUC 80007)
//   [P] dev.to/wapgrowai_org "WhatsApp Cloud API rate limits in practice" (pair rate ≈ 1 msg / 6 s)
//   [O] dualhook.com/docs/whatsapp-error-131050 (marketing opt-out)
// HTTP 5xx is always transient, a 2xx without `messages[0].id` is `unknown` (meta-common/classify.ts).
//
// Waits — Meta sends no retry-after for any of these, so each is a chosen, explained default
// (an `X-Business-Use-Case-Usage` header with estimated_time_to_regain_access wins when present):
//   130429 throughput: the limit is per second [T]; one second lets the window roll over while the
//          channel's own rate limit (80/s) keeps us under it afterwards.
//   131056 pair rate: about one message per 6 s to the same person [P] → 6 s.
//   4, 80007 app / WABA limits are counted over a rolling hour [R] → pause one minute and try again.
//   131048 spam rate limit: the number is restricted because people flagged messages [E]; the
//          restriction lifts only when quality recovers, so pause an hour rather than hammer it.
//
// Not rate_limited although "limit" is in the name: 131049 (Meta chose not to deliver this
// marketing message to this person, "healthy ecosystem" per-user cap [E]). `rate_limited` pauses
// the whole channel, but this cap is per recipient and lasts ~24 h; pausing every other recipient
// for a day would be wrong, so it is final for this send (`marketing_limit`, reported apart).
// 131050 (the person stopped marketing messages) is `marketing_stopped`, not `blocked`: free-form
// messages and utility templates still reach them [D] (support.dotdigital.com WhatsApp
// troubleshooting: "#131050 User has stopped receipt of marketing messages … Do not retry").
// Template errors 132000 (parameter count), 132001 (no such template / language), 132005, 132007,
// 132012 (parameter format), 132015 (paused), 132016 (disabled) are permanent; the client names
// the template in the text (great-detail/WhatsApp-Nodejs-SDK src/Error.ts mirrors the titles).
import type { GraphRule } from '../meta-common/classify.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export const WHATSAPP_ERRORS: readonly GraphRule[] = [
  { code: 0, class: 'permanent', note: 'AuthException: could not authenticate the app user [E]' },
  { code: 1, class: 'transient', note: 'API Unknown: possibly a temporary issue [E]' },
  { code: 2, class: 'transient', note: 'API Service: temporary downtime [E]' },
  { code: 3, class: 'permanent', note: 'API Method: capability or permissions issue [E]' },
  { code: 4, class: 'rate_limited', waitMs: MINUTE, note: 'API Too Many Calls (app rate limit) [E][R]' },
  { code: 10, class: 'permanent', note: 'Permission denied [E]' },
  { code: 100, class: 'permanent', note: 'Invalid parameter [E]' },
  { code: 190, class: 'permanent', note: 'Access token has expired [E]' },
  { code: [200, 299], class: 'permanent', note: 'API Permission: not granted or removed [E]' },
  { code: 368, class: 'permanent', note: 'Temporarily blocked for policies violations [E]' },
  { code: 80007, class: 'rate_limited', waitMs: MINUTE, note: 'WhatsApp Business Account rate limit [E][R]' },
  { code: 130429, class: 'rate_limited', waitMs: SECOND, note: 'Rate limit hit: Cloud API message throughput reached [E][T]' },
  { code: 130472, class: 'permanent', note: "User's number is part of an experiment: not sent, do not retry now [E]" },
  { code: 130497, class: 'permanent', note: 'Business account is restricted from messaging users in this country [E]' },
  { code: 131000, class: 'transient', note: 'Something went wrong [E]' },
  { code: 131005, class: 'permanent', note: 'Access denied [E]' },
  { code: 131008, class: 'permanent', note: 'Required parameter is missing [E]' },
  { code: 131009, class: 'permanent', note: 'Parameter value is not valid [E]' },
  { code: 131016, class: 'transient', note: 'Service unavailable [E]' },
  { code: 131021, class: 'permanent', note: 'Recipient cannot be sender [E]' },
  { code: 131026, class: 'invalid_recipient', note: 'Message undeliverable: not a WhatsApp user, old app, terms not accepted [E]' },
  { code: 131030, class: 'invalid_recipient', note: 'Recipient phone number not in allowed list (test number) [E]' },
  { code: 131031, class: 'permanent', note: 'Account has been locked [E]' },
  { code: 131037, class: 'permanent', note: 'Display name needs approval [E]' },
  { code: 131042, class: 'permanent', note: 'Business eligibility payment issue [E]' },
  { code: 131045, class: 'permanent', note: 'Incorrect certificate (number not registered) [E]' },
  {
    code: 131047,
    class: 'outside_window',
    note: 'Re-engagement message: more than 24 h since the person last replied; needs a template [E]',
  },
  { code: 131048, class: 'rate_limited', waitMs: 60 * MINUTE, note: 'Spam rate limit hit [E]' },
  {
    code: 131049,
    class: 'marketing_limit',
    note: 'Not delivered to maintain healthy ecosystem engagement (per-person marketing cap; wait 24 h before resending) [E][D]',
  },
  {
    code: 131050,
    class: 'marketing_stopped',
    note: 'The person stopped marketing messages from this business (not blocked: utility templates still reach them) [E][O][D]',
  },
  { code: 131051, class: 'permanent', note: 'Unsupported message type [E]' },
  { code: 131053, class: 'permanent', note: 'Media upload error: the media URL could not be fetched or used [E]' },
  { code: 131056, class: 'rate_limited', waitMs: 6 * SECOND, note: '(Business Account, Consumer Account) pair rate limit hit [E][P]' },
  { code: 131057, class: 'transient', note: 'Account in maintenance mode (e.g. throughput upgrade) [E]' },
  { code: [132000, 132069], class: 'permanent', note: 'Template errors (param count, not found, paused…) [E]' },
  { code: [133000, 133010], class: 'permanent', note: 'Phone number registration errors [E]' },
  { code: 133004, class: 'transient', note: 'Server temporarily unavailable [E]' },
  { code: 135000, class: 'permanent', note: 'Generic user error [E]' },
];
