// Messenger Send API answers → Outcome classes. Sources:
//   [E] developers.facebook.com/docs/messenger-platform/error-codes ("Common Error Codes", updated Mar 2026)
//   [S] developers.facebook.com/docs/messenger-platform/reference/send-api/error-codes
//   [R] developers.facebook.com/docs/graph-api/overview/rate-limiting (platform codes 4/17/32, BUC codes 80xxx)
//   [C] community reports: issues nyaruka/courier#421, Ptt-Alertor/ptt-alertor#75, microsoft/botframework-sdk#2519
// HTTP 5xx is always transient and a 2xx without a message id is `unknown` (meta-common/classify.ts).
//
// Waits: Meta gives no retry-after for Send API limits. The Page limit is counted per second
// (300 calls/s, [R]/messenger rate-limiting page), the app/Page/BUC limits over a rolling hour, so
// one minute is the shortest pause that can let a rolling window drain noticeably without
// stalling the channel for long; an `X-Business-Use-Case-Usage` header, when present, wins.
import type { GraphRule } from '../meta-common/classify.ts';

const MINUTE = 60_000;

export const MESSENGER_ERRORS: readonly GraphRule[] = [
  { code: 1, class: 'transient', note: 'An unknown error occurred [E]' },
  { code: 1, subcode: 99, class: 'permanent', note: 'Unknown error, usually missing permissions / Advanced Access [E]' },
  {
    code: 1,
    subcode: 1357046,
    class: 'unknown',
    note: 'Received invalid JSON reply — Meta: the messages may all have been sent although this error came back [E]',
  },
  {
    code: 2,
    class: 'transient',
    note: 'An unexpected error has occurred. Please retry [E] — Meta adds it may also mean the person blocked the business; kept transient so the retry limit decides',
  },
  { code: 4, class: 'rate_limited', waitMs: MINUTE, note: 'Application request limit reached [E][R]' },
  { code: 10, class: 'permanent', note: 'Permission denied / outside the messaging window [E]' },
  {
    code: 10,
    subcode: 2018278,
    class: 'outside_window',
    note: 'This message is sent outside of allowed window (24 h; needs a tag or a new user message) [S], subcode per [C]',
  },
  { code: 17, class: 'rate_limited', waitMs: MINUTE, note: 'User request limit reached [R]' },
  { code: 32, class: 'rate_limited', waitMs: MINUTE, note: 'Page request limit reached [R]' },
  { code: 100, class: 'permanent', note: 'Invalid parameter [S]' },
  { code: 100, subcode: 2018001, class: 'invalid_recipient', note: 'No matching user found [S]' },
  { code: 190, class: 'permanent', note: 'Invalid OAuth access token [S]' },
  { code: [200, 299], class: 'permanent', note: 'Permission errors (token lacks pages_messaging…) [S]' },
  { code: 200, subcode: 1545041, class: 'blocked', note: 'Older form of "This person isn\'t available right now" [C]' },
  { code: 368, class: 'permanent', note: 'Temporarily blocked for policy violations [E]' },
  { code: 551, class: 'blocked', note: "This person isn't available right now (blocked the Page / turned messages off) [E][C]" },
  { code: 551, subcode: 1545041, class: 'blocked', note: "This person isn't available right now [E][C]" },
  { code: 613, class: 'rate_limited', waitMs: MINUTE, note: 'Calls to this API have exceeded the rate limit [S]' },
  { code: 80006, class: 'rate_limited', waitMs: MINUTE, note: 'Messenger Business Use Case rate limit [R]' },
  { code: 1200, class: 'transient', note: 'Temporary send message failure. Please try again later [S]' },
];
