// Instagram Messaging answers → Outcome classes. Instagram's Send API is Messenger's (same Graph
// envelope, same endpoint with a Page token), so the Messenger table applies (fb/classify.ts, with
// its sources and waits), plus Instagram's own subcodes and Business Use Case code:
//   [C] community error maps (PLATFORMS.md I4/I8): 100/2534014 "user not found" (also what a wrong
//       host/token pairing yields), 10/2534022 "outside of allowed window" — unverified against Meta's pages;
//   [R] developers.facebook.com/docs/graph-api/overview/rate-limiting: 80002 = Instagram BUC rate limit.
import type { GraphRule } from '../meta-common/classify.ts';
import { MESSENGER_ERRORS } from '../fb/classify.ts';

export const INSTAGRAM_ERRORS: readonly GraphRule[] = [
  { code: 100, subcode: 2534014, class: 'invalid_recipient', note: 'No matching Instagram user [C]' },
  { code: 10, subcode: 2534022, class: 'outside_window', note: 'Outside of the allowed messaging window (24 h) [C]' },
  { code: 80002, class: 'rate_limited', waitMs: 60_000, note: 'Instagram Business Use Case rate limit [R]; wait as for Messenger' },
  ...MESSENGER_ERRORS,
];
