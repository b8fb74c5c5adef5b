// Time zones and the date and time of a delayed broadcast, read in the bot's time zone (formats,
// malformed input, the spring-forward gap, a time that exists twice), and what is in the past.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isInPast, isValidTimeZone, normalizeTimeZone, parseLocalDateTime } from '../../src/domain/schedule/index.ts';
import { at, BERLIN, local, NEW_YORK } from './helpers.ts';

test('time zones: IANA names only', () => {
  for (const z of ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'europe/berlin', 'Etc/GMT-3']) {
    assert.equal(isValidTimeZone(z), true, z);
  }
  for (const z of ['', 'Foo/Bar', '+03:00', 'UTC+3', 'local', 42, null, undefined]) {
    assert.equal(isValidTimeZone(z), false, String(z));
  }
  assert.equal(normalizeTimeZone('europe/berlin'), 'Europe/Berlin');
  assert.equal(normalizeTimeZone('US/Eastern'), 'US/Eastern');
  assert.equal(normalizeTimeZone('Nowhere/Town'), null);
});

test('parseLocalDateTime: both formats, read in the bot zone', () => {
  const a = parseLocalDateTime('2026-12-01T10:00', BERLIN);
  const b = parseLocalDateTime(' 2026-12-01 10:00 ', BERLIN);
  assert.deepEqual(a, { ok: true, instant: at('2026-12-01T09:00:00Z'), resolution: 'exact' });
  assert.deepEqual(b, a);
  assert.deepEqual(parseLocalDateTime('2026-07-01 10:00:30', NEW_YORK), {
    ok: true,
    instant: at('2026-07-01T14:00:30Z'),
    resolution: 'exact',
  });
  assert.deepEqual(parseLocalDateTime('2028-02-29 00:00', 'UTC'), { ok: true, instant: at('2028-02-29T00:00:00Z'), resolution: 'exact' });
});

test('parseLocalDateTime: malformed input is rejected with a reason', () => {
  const cases: [unknown, RegExp][] = [
    ['2026-12-01', /YYYY-MM-DD HH:mm/],
    ['01.12.2026 10:00', /YYYY-MM-DD HH:mm/],
    ['2026-12-1 10:00', /YYYY-MM-DD HH:mm/],
    ['2026-12-01 9:00', /YYYY-MM-DD HH:mm/],
    ['2026-13-01 10:00', /month 13/],
    ['2026-02-29 10:00', /no day 29/],
    ['2026-04-31 10:00', /no day 31/],
    ['2026-12-01 24:00', /hour 24/],
    ['2026-12-01 10:60', /minute 60/],
    ['2026-12-01T10:00Z', /UTC offset/],
    ['2026-12-01T10:00+03:00', /UTC offset/],
    [20261201, /must be a string/],
  ];
  for (const [input, reason] of cases) {
    const r = parseLocalDateTime(input, BERLIN);
    assert.equal(r.ok, false, String(input));
    if (!r.ok) assert.match(r.reason, reason, String(input));
  }
  const z = parseLocalDateTime('2026-12-01 10:00', 'Mars/Olympus');
  assert.equal(z.ok, false);
});

test('parseLocalDateTime: a time in the spring-forward gap moves to the moment the clock jumps', () => {
  const berlin = parseLocalDateTime('2026-03-29 02:30', BERLIN);
  assert.deepEqual(berlin, { ok: true, instant: at('2026-03-29T01:00:00Z'), resolution: 'gap' });
  assert.equal(local(berlin.ok ? berlin.instant : null, BERLIN), '2026-03-29T03:00+02:00');
  const ny = parseLocalDateTime('2026-03-08 02:00', NEW_YORK);
  assert.deepEqual(ny, { ok: true, instant: at('2026-03-08T07:00:00Z'), resolution: 'gap' });
  // Lord Howe Island moves its clocks by 30 minutes (02:00 → 02:30).
  const lh = parseLocalDateTime('2026-10-04 02:10', 'Australia/Lord_Howe');
  assert.equal(lh.ok && local(lh.instant, 'Australia/Lord_Howe'), '2026-10-04T02:30+11:00');
});

test('parseLocalDateTime: a time that exists twice takes the earlier instant', () => {
  assert.deepEqual(parseLocalDateTime('2026-10-25 02:30', BERLIN), {
    ok: true,
    instant: at('2026-10-25T00:30:00Z'),
    resolution: 'ambiguous',
  });
  assert.deepEqual(parseLocalDateTime('2026-11-01 01:30', NEW_YORK), {
    ok: true,
    instant: at('2026-11-01T05:30:00Z'),
    resolution: 'ambiguous',
  });
  assert.deepEqual(parseLocalDateTime('2026-11-01 02:00', NEW_YORK), {
    ok: true,
    instant: at('2026-11-01T07:00:00Z'),
    resolution: 'exact',
  });
});

test('isInPast: strictly before now', () => {
  const now = at('2026-06-01T10:00:00Z');
  assert.equal(isInPast(at('2026-06-01T09:59:59.999Z'), now), true);
  assert.equal(isInPast(now, now), false);
  assert.equal(isInPast(at('2026-06-01T10:00:00.001Z'), now), false);
});
