// Periodic recurrences: validation, the next run of every kind, DST, and runs missed while down.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dueOccurrence,
  MAX_COUNTED_MISSED,
  nextOccurrence,
  previousOccurrence,
  validateRecurrence,
  withStartDate,
  type Recurrence,
} from '../../src/domain/schedule/index.ts';
import { at, BERLIN, local, NEW_YORK } from './helpers.ts';

/** The next `count` occurrences after `from`, as local strings. */
function series(rec: Recurrence, zone: string, from: Date, count: number): (string | null)[] {
  const out: (string | null)[] = [];
  let cursor: Date | null = from;
  for (let i = 0; i < count && cursor; i++) {
    cursor = nextOccurrence(rec, zone, cursor);
    out.push(local(cursor, zone));
  }
  return out;
}

function valid(input: unknown): Recurrence {
  const r = validateRecurrence(input);
  assert.ok(r.ok, JSON.stringify(r));
  return r.value;
}

function errorsOf(input: unknown, context?: { zone: string; now: Date }): Record<string, string> {
  const r = validateRecurrence(input, context);
  assert.equal(r.ok, false, `expected errors for ${JSON.stringify(input)}`);
  return r.ok ? {} : Object.fromEntries(r.errors.map((e) => [e.field, e.message]));
}

test('validateRecurrence: valid input of every kind, normalised', () => {
  assert.deepEqual(valid({ kind: 'every_n_days', n: 2, time: '09:00', startDate: '2026-01-01' }), {
    kind: 'every_n_days',
    n: 2,
    time: '09:00',
    startDate: '2026-01-01',
  });
  assert.deepEqual(valid({ kind: 'weekdays', days: [5, 1, 3, 1], time: '18:30' }), { kind: 'weekdays', days: [1, 3, 5], time: '18:30' });
  assert.deepEqual(valid({ kind: 'month_days', days: ['last', 15, 1, 15], time: '00:00', endDate: '2027-01-01' }), {
    kind: 'month_days',
    days: [1, 15, 'last'],
    time: '00:00',
    endDate: '2027-01-01',
  });
  assert.deepEqual(valid({ kind: 'cron', expression: '  0  9 * *   1-5 ' }), { kind: 'cron', expression: '0 9 * * 1-5' });
  assert.deepEqual(valid({ kind: 'cron', expression: ' @DAILY ' }), { kind: 'cron', expression: '@daily' });
  assert.deepEqual(valid({ kind: 'cron', expression: '0 9 ? * MON-FRI' }), { kind: 'cron', expression: '0 9 ? * MON-FRI' });
  assert.deepEqual(
    valid({ kind: 'weekdays', days: [1], time: '09:00', endDate: '2026-01-01', startDate: '2026-01-01' }).endDate,
    '2026-01-01',
  );
});

test('validateRecurrence: errors name the field', () => {
  assert.deepEqual(Object.keys(errorsOf(null)), ['']);
  assert.match(errorsOf({ kind: 'hourly' }).kind, /every_n_days, weekdays, month_days, cron/);
  assert.deepEqual(Object.keys(errorsOf({ kind: 'every_n_days', n: 0, time: '9:00' })).sort(), ['n', 'time']);
  assert.ok(errorsOf({ kind: 'every_n_days', n: 1.5, time: '09:00' }).n);
  assert.ok(errorsOf({ kind: 'every_n_days', n: 366, time: '09:00' }).n);
  assert.ok(errorsOf({ kind: 'weekdays', days: [], time: '09:00' }).days);
  assert.deepEqual(Object.keys(errorsOf({ kind: 'weekdays', days: [0, 1, 8], time: '09:00' })).sort(), ['days[0]', 'days[2]']);
  assert.ok(errorsOf({ kind: 'month_days', days: [32], time: '09:00' })['days[0]']);
  assert.ok(errorsOf({ kind: 'month_days', days: ['first'], time: '09:00' })['days[0]']);
  assert.ok(errorsOf({ kind: 'weekdays', days: [1], time: '24:00' }).time);
  assert.match(errorsOf({ kind: 'weekdays', days: [1], time: '09:00', expression: '* * * * *' }).expression, /not a field/);
  assert.match(
    errorsOf({ kind: 'weekdays', days: [1], time: '09:00', startDate: '2026-05-02', endDate: '2026-05-01' }).endDate,
    /before startDate/,
  );
  assert.ok(errorsOf({ kind: 'weekdays', days: [1], time: '09:00', endDate: '2026-02-30' }).endDate);
  assert.ok(errorsOf({ kind: 'weekdays', days: [1], time: '09:00', startDate: '01/05/2026' }).startDate);
});

test('validateRecurrence: cron validation errors', () => {
  const cases: [unknown, RegExp][] = [
    ['', /empty/],
    [42, /string/],
    ['* * * *', /exactly 5 fields.*got 4/],
    ['0 0 * * * *', /exactly 5 fields.*got 6/],
    ['0 0 0 * * * 2030', /exactly 5 fields/],
    ['60 * * * *', /minute: 60/],
    ['0 24 * * *', /hour: 24/],
    ['0 0 32 * *', /day/],
    ['0 0 * 13 *', /month/],
    ['0 0 * * 8', /dayOfWeek/],
    ['foo bar baz qux quux', /the minute field .*illegal characters/],
    ['0 0 * * BLA', /the day-of-week field/],
    ['@foo', /unknown shortcut @foo; use one of @yearly/],
    ['*/0 * * * *', /stepping/],
    ['0 0 30 2 *', /never runs/],
    ['@reboot', /reboot/],
  ];
  for (const [expression, message] of cases) {
    assert.match(errorsOf({ kind: 'cron', expression }).expression, message, String(expression));
  }
});

test('validateRecurrence with a context: end date in the past, or no run left', () => {
  const now = at('2026-06-01T10:00:00Z');
  assert.match(errorsOf({ kind: 'weekdays', days: [1], time: '09:00', endDate: '2026-05-31' }, { zone: BERLIN, now }).endDate, /past/);
  assert.match(errorsOf({ kind: 'cron', expression: '0 0 29 2 *', endDate: '2027-12-31' }, { zone: BERLIN, now }).endDate, /no run/);
  // Today is allowed while a run is still ahead today.
  assert.ok(validateRecurrence({ kind: 'weekdays', days: [1], time: '18:00', endDate: '2026-06-01' }, { zone: BERLIN, now }).ok);
  assert.match(errorsOf({ kind: 'weekdays', days: [1], time: '09:00', endDate: '2026-06-01' }, { zone: BERLIN, now }).endDate, /no run/);
});

test('every_n_days: counts from startDate; before startDate the first run is on startDate', () => {
  const rec = valid({ kind: 'every_n_days', n: 3, time: '09:00', startDate: '2026-06-10' });
  assert.deepEqual(series(rec, BERLIN, at('2026-06-01T00:00:00Z'), 3), [
    '2026-06-10T09:00+02:00',
    '2026-06-13T09:00+02:00',
    '2026-06-16T09:00+02:00',
  ]);
  assert.deepEqual(series(rec, BERLIN, at('2026-06-13T07:00:00Z'), 1), ['2026-06-16T09:00+02:00']); // exactly at a run: strictly after
  assert.deepEqual(series(rec, BERLIN, at('2026-06-13T06:59:59Z'), 1), ['2026-06-13T09:00+02:00']);
  // Without startDate the phase is fixed (1970-01-01), whatever `after` is.
  const free = valid({ kind: 'every_n_days', n: 3, time: '09:00' });
  const a = nextOccurrence(free, 'UTC', at('2026-06-01T00:00:00Z'));
  const b = nextOccurrence(free, 'UTC', at('2026-06-02T00:00:00Z'));
  assert.deepEqual(a, b);
  assert.equal(Math.round(a!.getTime() / 86_400_000) % 3, 0);
  assert.deepEqual(withStartDate(free, BERLIN, at('2026-06-01T23:30:00Z')).startDate, '2026-06-02');
  assert.equal(withStartDate(rec, BERLIN, at('2026-06-01T23:30:00Z')), rec);
});

test('weekdays: ISO numbering, Monday = 1, Sunday = 7', () => {
  const rec = valid({ kind: 'weekdays', days: [1, 3, 7], time: '08:15' });
  // 2026-06-01 is a Monday.
  assert.deepEqual(series(rec, NEW_YORK, at('2026-06-01T00:00:00Z'), 4), [
    '2026-06-01T08:15-04:00',
    '2026-06-03T08:15-04:00',
    '2026-06-07T08:15-04:00',
    '2026-06-08T08:15-04:00',
  ]);
});

test('month_days: a day the month lacks is skipped; "last" is the last day; leap years', () => {
  const d31 = valid({ kind: 'month_days', days: [31], time: '10:00' });
  assert.deepEqual(series(d31, 'UTC', at('2026-01-01T00:00:00Z'), 4), [
    '2026-01-31T10:00+00:00',
    '2026-03-31T10:00+00:00',
    '2026-05-31T10:00+00:00',
    '2026-07-31T10:00+00:00',
  ]);
  const last = valid({ kind: 'month_days', days: ['last'], time: '10:00' });
  assert.deepEqual(series(last, 'UTC', at('2026-01-01T00:00:00Z'), 4), [
    '2026-01-31T10:00+00:00',
    '2026-02-28T10:00+00:00',
    '2026-03-31T10:00+00:00',
    '2026-04-30T10:00+00:00',
  ]);
  assert.deepEqual(series(last, 'UTC', at('2028-02-01T00:00:00Z'), 1), ['2028-02-29T10:00+00:00']);
  const d29 = valid({ kind: 'month_days', days: [29], time: '10:00' });
  assert.deepEqual(series(d29, 'UTC', at('2027-01-30T00:00:00Z'), 1), ['2027-03-29T10:00+00:00']);
  assert.deepEqual(series(d29, 'UTC', at('2028-01-30T00:00:00Z'), 1), ['2028-02-29T10:00+00:00']);
  const both = valid({ kind: 'month_days', days: [30, 'last'], time: '10:00' });
  assert.deepEqual(series(both, 'UTC', at('2026-04-01T00:00:00Z'), 3), [
    '2026-04-30T10:00+00:00',
    '2026-05-30T10:00+00:00',
    '2026-05-31T10:00+00:00',
  ]);
});

test('end dates are inclusive local dates; past them there is no next run', () => {
  const rec = valid({ kind: 'every_n_days', n: 1, time: '23:30', endDate: '2026-06-02' });
  assert.deepEqual(series(rec, BERLIN, at('2026-06-01T00:00:00Z'), 3), ['2026-06-01T23:30+02:00', '2026-06-02T23:30+02:00', null]);
  const cron = valid({ kind: 'cron', expression: '30 23 * * *', startDate: '2026-06-02', endDate: '2026-06-03' });
  assert.deepEqual(series(cron, BERLIN, at('2026-05-01T00:00:00Z'), 3), ['2026-06-02T23:30+02:00', '2026-06-03T23:30+02:00', null]);
  assert.equal(previousOccurrence(cron, BERLIN, at('2026-06-02T21:29:59Z')), null);
  assert.equal(local(previousOccurrence(cron, BERLIN, at('2027-01-01T00:00:00Z')), BERLIN), '2026-06-03T23:30+02:00');
});

// DST: for every kind, a run at 09:00 stays at 09:00 local across the change; a run at a time inside
// the spring-forward gap runs at the moment the clock jumps; a repeated time runs once, the first time.
const DST = [
  {
    zone: BERLIN,
    spring: '2026-03-29',
    springPrev: '2026-03-28',
    fall: '2026-10-25',
    fallPrev: '2026-10-24',
    gapTime: '02:30',
    repeated: '02:30',
    springJump: '2026-03-29T03:00+02:00',
    firstRepeat: '2026-10-25T02:30+02:00',
    winter: '+01:00',
    summer: '+02:00',
  },
  {
    zone: NEW_YORK,
    spring: '2026-03-08',
    springPrev: '2026-03-07',
    fall: '2026-11-01',
    fallPrev: '2026-10-31',
    gapTime: '02:30',
    repeated: '01:30',
    springJump: '2026-03-08T03:00-04:00',
    firstRepeat: '2026-11-01T01:30-04:00',
    winter: '-05:00',
    summer: '-04:00',
  },
];

/** One recurrence of every kind that runs at `time` on `date` (a Sunday: every DST change here is on one). */
function kindsAt(time: string, date: string): Recurrence[] {
  const [hh, mm] = time.split(':').map(Number);
  const day = Number(date.slice(8));
  return [
    valid({ kind: 'every_n_days', n: 1, time }),
    valid({ kind: 'every_n_days', n: 7, time, startDate: date }),
    valid({ kind: 'weekdays', days: [7], time }),
    valid({ kind: 'month_days', days: [day], time }),
    valid({ kind: 'cron', expression: `${mm} ${hh} * * *` }),
    valid({ kind: 'cron', expression: `${mm} ${hh} ${day} * *` }),
  ];
}

for (const z of DST) {
  test(`DST ${z.zone}: 09:00 stays 09:00 local on both sides, every kind`, () => {
    for (const [prev, date, before, after] of [
      [z.springPrev, z.spring, z.winter, z.summer],
      [z.fallPrev, z.fall, z.summer, z.winter],
    ]) {
      const daily = valid({ kind: 'every_n_days', n: 1, time: '09:00' });
      assert.deepEqual(series(daily, z.zone, at(`${prev}T00:00:00Z`), 2), [`${prev}T09:00${before}`, `${date}T09:00${after}`]);
      for (const rec of kindsAt('09:00', date)) {
        assert.equal(local(nextOccurrence(rec, z.zone, at(`${prev}T20:00:00Z`)), z.zone), `${date}T09:00${after}`, JSON.stringify(rec));
        assert.equal(local(previousOccurrence(rec, z.zone, at(`${date}T23:00:00Z`)), z.zone), `${date}T09:00${after}`, JSON.stringify(rec));
      }
    }
  });

  test(`DST ${z.zone}: a run in the spring-forward gap runs once when the clock jumps, every kind`, () => {
    for (const rec of kindsAt(z.gapTime, z.spring)) {
      const first = nextOccurrence(rec, z.zone, at(`${z.springPrev}T12:00:00Z`));
      assert.equal(local(first, z.zone), z.springJump, JSON.stringify(rec));
      const second = nextOccurrence(rec, z.zone, first!);
      assert.ok(second && local(second, z.zone)!.endsWith(`T${z.gapTime}${z.summer}`), `${JSON.stringify(rec)}: ${local(second, z.zone)}`);
      assert.ok(!local(second, z.zone)!.startsWith(z.spring));
    }
  });

  test(`DST ${z.zone}: a repeated time runs once, at its first occurrence, every kind`, () => {
    for (const rec of kindsAt(z.repeated, z.fall)) {
      const first = nextOccurrence(rec, z.zone, at(`${z.fallPrev}T12:00:00Z`));
      assert.equal(local(first, z.zone), z.firstRepeat, JSON.stringify(rec));
      const second = nextOccurrence(rec, z.zone, first!);
      assert.ok(second && !local(second, z.zone)!.startsWith(z.fall), `${JSON.stringify(rec)} ran twice: ${local(second, z.zone)}`);
      assert.ok(local(second, z.zone)!.endsWith(`T${z.repeated}${z.winter}`));
    }
  });
}

test('cron interval jobs follow the clock: gap times skipped, repeated times run on both passes', () => {
  const rec = valid({ kind: 'cron', expression: '*/30 * * * *' });
  assert.deepEqual(series(rec, BERLIN, at('2026-03-29T00:10:00Z'), 3), [
    '2026-03-29T01:30+01:00',
    '2026-03-29T03:00+02:00',
    '2026-03-29T03:30+02:00',
  ]);
  assert.deepEqual(series(rec, BERLIN, at('2026-10-25T00:10:00Z'), 4), [
    '2026-10-25T02:30+02:00',
    '2026-10-25T02:00+01:00',
    '2026-10-25T02:30+01:00',
    '2026-10-25T03:00+01:00',
  ]);
});

test('dueOccurrence: runs missed while down run once, the latest one', () => {
  const rec = valid({ kind: 'every_n_days', n: 1, time: '09:00' });
  const lastPlannedAt = at('2026-06-01T07:00:00Z'); // Mon 09:00 Berlin
  const r = dueOccurrence(rec, BERLIN, lastPlannedAt, at('2026-06-04T10:00:00Z')); // Thu 12:00
  assert.equal(local(r.due, BERLIN), '2026-06-04T09:00+02:00');
  assert.equal(r.missed, 2);
  assert.equal(r.missedAtLeast, false);
  assert.equal(local(r.next, BERLIN), '2026-06-05T09:00+02:00');
  // Running it and asking again: nothing is due until the next occurrence.
  const again = dueOccurrence(rec, BERLIN, r.due!, at('2026-06-04T10:05:00Z'));
  assert.deepEqual(again, { due: null, missed: 0, missedAtLeast: false, next: r.next });
  // An occurrence exactly at now is due.
  assert.deepEqual(dueOccurrence(rec, BERLIN, r.due!, r.next!).due, r.next);
});

test('dueOccurrence: not yet due, ended during downtime, clock behind lastPlannedAt', () => {
  const rec = valid({ kind: 'weekdays', days: [1, 2, 3, 4, 5], time: '09:00', endDate: '2026-06-03' });
  const r = dueOccurrence(rec, BERLIN, at('2026-06-01T07:00:00Z'), at('2026-06-01T07:30:00Z'));
  assert.equal(r.due, null);
  assert.equal(local(r.next, BERLIN), '2026-06-02T09:00+02:00');
  const ended = dueOccurrence(rec, BERLIN, at('2026-06-01T07:00:00Z'), at('2026-06-20T00:00:00Z'));
  assert.equal(local(ended.due, BERLIN), '2026-06-03T09:00+02:00');
  assert.equal(ended.missed, 1);
  assert.equal(ended.next, null);
  const skew = dueOccurrence(rec, BERLIN, at('2026-06-02T07:00:00Z'), at('2026-06-02T06:00:00Z'));
  assert.equal(skew.due, null);
  assert.equal(local(skew.next, BERLIN), '2026-06-03T09:00+02:00');
});

test('dueOccurrence: a long outage of a frequent cron counts missed runs up to a cap', () => {
  const rec = valid({ kind: 'cron', expression: '* * * * *' });
  const r = dueOccurrence(rec, 'UTC', at('2026-06-01T00:00:00Z'), at('2026-06-03T00:00:30Z'));
  assert.deepEqual(r.due, at('2026-06-03T00:00:00Z'));
  assert.equal(r.missed, MAX_COUNTED_MISSED);
  assert.equal(r.missedAtLeast, true);
  assert.deepEqual(r.next, at('2026-06-03T00:01:00Z'));
  const short = dueOccurrence(rec, 'UTC', at('2026-06-01T00:00:00Z'), at('2026-06-01T00:10:00.500Z'));
  assert.deepEqual(short.due, at('2026-06-01T00:10:00Z'));
  assert.equal(short.missed, 9);
});
