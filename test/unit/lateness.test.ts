// Max lateness (issue 17 point 11): when a run is too late, and the log line a user reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skippedMessage, tooLate } from '../../src/engine/lateness.ts';

const H = 3600_000;

test('a run is too late only past the limit', () => {
  const now = new Date('2026-12-03T16:00:00Z');
  assert.equal(tooLate(new Date(now.getTime() - 6 * H), now, 6 * H), false);
  assert.equal(tooLate(new Date(now.getTime() - 6 * H - 1), now, 6 * H), true);
});

test('the log line names the time on the bot’s clock, and the date when it was another day', () => {
  const now = new Date('2026-12-03T16:00:00Z');
  assert.equal(
    skippedMessage(new Date('2026-12-03T08:00:00Z'), now, 6 * H, 'Europe/Berlin'),
    'Skipped: Botcast was not running at 09:00; the send was due 8 h ago, more than the 6-hour limit',
  );
  assert.equal(
    skippedMessage(new Date('2026-12-03T09:30:00Z'), now, 6 * H, 'UTC'),
    'Skipped: Botcast was not running at 09:30; the send was due 6 h 30 min ago, more than the 6-hour limit',
  );
  assert.equal(
    skippedMessage(new Date('2026-12-01T09:30:00Z'), now, 6 * H, 'UTC'),
    'Skipped: Botcast was not running at 2026-12-01 09:30; the send was due 54 h ago, more than the 6-hour limit',
  );
});
