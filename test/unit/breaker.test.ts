// The circuit breaker's window (domain/send/breaker.ts): two blocks of counters read as the last
// `window` outcomes, never a trip before a whole window, the share shown as a person reads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breakerReason, formatShare, readWindow, trips } from '../../src/domain/send/breaker.ts';

const settings = { percent: 20, window: 500 };

test('below a whole window nothing trips, however bad', () => {
  assert.equal(trips({ curN: 499, curR: 499, prevN: 0, prevR: 0 }, settings), null);
  assert.ok(trips({ curN: 0, curR: 0, prevN: 500, prevR: 101 }, settings));
});

test('more than the percent trips; exactly the percent does not', () => {
  assert.equal(trips({ curN: 0, curR: 0, prevN: 500, prevR: 100 }, settings), null);
  const r = trips({ curN: 0, curR: 0, prevN: 500, prevR: 115 }, settings)!;
  assert.equal(r.outcomes, 500);
  assert.equal(Math.round(r.share * 100), 23);
});

test('the previous block counts only for the part still inside the window, at its own share', () => {
  // 300 new outcomes, 90 refused; the previous 500 had 50 refused: 200 of them are in the window (20 refused).
  const r = readWindow({ curN: 300, curR: 90, prevN: 500, prevR: 50 }, 500);
  assert.equal(r.outcomes, 500);
  assert.equal(r.refused, 110);
  // A bad past fades: the new block is clean.
  assert.equal(trips({ curN: 450, curR: 0, prevN: 500, prevR: 500 }, settings), null);
});

test('the reason a person reads', () => {
  const r = trips({ curN: 0, curR: 0, prevN: 500, prevR: 115 }, settings)!;
  assert.equal(
    breakerReason(r, settings, 'on Telegram'),
    'Paused automatically: 23 % of the last 500 messages on Telegram were refused (blocked or permanent errors), more than the 20 % the channel allows',
  );
  assert.equal(formatShare(0.2049, 20), '20.4 %');
  assert.equal(formatShare(0.3, 20), '30 %');
});
