// A channel's rate limit (src/platforms/rate.ts): the one set by hand wins; otherwise the platform's
// default, raised to the paid lane's rate where the channel pays (Telegram paid broadcasts: 1000/s).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { channelRate, paidBroadcastOn } from '../../src/platforms/rate.ts';
import { telegram } from '../../src/platforms/tg/index.ts';
import { messenger } from '../../src/platforms/fb/index.ts';

test('Telegram: 30/s free, 1000/s with paid broadcasts, a rate set by hand wins', () => {
  assert.equal(channelRate({ rate_per_second: null, allow_paid_broadcast: false }, telegram), 30);
  assert.equal(channelRate({ rate_per_second: null, allow_paid_broadcast: true }, telegram), 1000);
  assert.equal(channelRate({ rate_per_second: 200, allow_paid_broadcast: true }, telegram), 200);
  assert.equal(channelRate({ rate_per_second: null }, telegram), 30, 'a row read before 0025');
});

test('a platform without paid broadcasts ignores the flag', () => {
  assert.equal(paidBroadcastOn({ rate_per_second: null, allow_paid_broadcast: true }, messenger), false);
  assert.equal(channelRate({ rate_per_second: null, allow_paid_broadcast: true }, messenger), messenger.defaultRatePerSecond);
});
