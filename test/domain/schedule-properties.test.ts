// Property tests for the schedule domain: DST-heavy zones, times near DST changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  dueOccurrence,
  instantToLocal,
  nextOccurrence,
  previousOccurrence,
  resolveLocal,
  triggerDueAt,
  validateRecurrence,
  validateTriggerDelay,
  type Recurrence,
} from '../../src/domain/schedule/index.ts';
import { addDays } from '../../src/domain/schedule/local-date.ts';

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'America/Santiago',
  'America/Havana',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'Asia/Tehran',
  'Pacific/Apia',
  'Europe/London',
  'Australia/Sydney',
];
const zone = fc.constantFrom(...ZONES);

/** Instants near DST changes of 2026 (±4 days), and anywhere in 2000-2040. */
const TRANSITIONS = [
  '2026-03-08T07:00:00Z',
  '2026-11-01T06:00:00Z',
  '2026-03-29T01:00:00Z',
  '2026-10-25T01:00:00Z',
  '2026-04-05T00:00:00Z',
  '2026-10-04T00:00:00Z',
  '2026-09-06T04:00:00Z',
  '2011-12-30T10:00:00Z',
].map((s) => Date.parse(s));
const instant = fc.oneof(
  fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -4 * 86_400_000, max: 4 * 86_400_000 })).map(([t, d]) => new Date(t + d)),
  fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }),
);

const pad = (n: number) => String(n).padStart(2, '0');
const time = fc.oneof(
  fc.constantFrom('00:00', '00:30', '01:30', '02:00', '02:30', '03:00', '09:00', '23:30'),
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${pad(h)}:${pad(m)}`),
);
const localDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2039-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const dayBased: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    { kind: fc.constant('every_n_days'), n: fc.integer({ min: 1, max: 40 }), time, startDate: fc.option(localDate, { nil: undefined }) },
    { requiredKeys: ['kind', 'n', 'time'] },
  ),
  fc.record({ kind: fc.constant('weekdays'), days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1 }), time }),
  fc.record({
    kind: fc.constant('month_days'),
    days: fc.uniqueArray(fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant('last')), { minLength: 1, maxLength: 4 }),
    time,
  }),
);
const cronExpr = fc.constantFrom(
  '0 9 * * *',
  '30 2 * * *',
  '30 1 * * 0',
  '*/15 * * * *',
  '0 */2 * * *',
  '0 0 1 * *',
  '0 12 * * 1-5',
  '15 3 L * *',
  '0 0,12 * * *',
);

const asRecurrence = (input: unknown): Recurrence => {
  const r = validateRecurrence(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

test('local wall time → instant: exact times round-trip, gaps move forward, monotone', () => {
  fc.assert(
    fc.property(zone, instant, fc.integer({ min: 0, max: 3 * 3_600_000 }), (z, base, step) => {
      const w1 = instantToLocal(base, z);
      const w2 = instantToLocal(new Date(base.getTime() + step), z);
      for (const w of [w1, w2]) {
        const r = resolveLocal(w, z);
        const back = instantToLocal(r.instant, z);
        assert.notEqual(r.resolution, 'gap'); // read from a real instant, so it exists
        assert.deepEqual(back, w);
      }
      // Shift the wall time of w1 by `step` without a zone: it may land in a gap.
      const shifted = DateTime.fromObject({ ...w1 }, { zone: 'UTC' }).plus({ milliseconds: step });
      const wall = {
        year: shifted.year,
        month: shifted.month,
        day: shifted.day,
        hour: shifted.hour,
        minute: shifted.minute,
        second: shifted.second,
        millisecond: shifted.millisecond,
      };
      const r1 = resolveLocal(w1, z);
      const r2 = resolveLocal(wall, z);
      assert.ok(r2.instant.getTime() >= r1.instant.getTime(), 'later wall time, earlier instant');
      const got = DateTime.fromObject({ ...instantToLocal(r2.instant, z) }, { zone: 'UTC' });
      if (r2.resolution === 'gap') assert.ok(got > shifted, 'a gap time moves forward');
      else assert.equal(got.toMillis(), shifted.toMillis());
    }),
    { numRuns: 500 },
  );
});

test('nextOccurrence (day-based kinds): strictly after, at the requested HH:mm when it exists, nothing skipped', () => {
  fc.assert(
    fc.property(dayBased, zone, instant, (input, z, after) => {
      const rec = asRecurrence(input);
      if (rec.kind === 'cron') return;
      const next = nextOccurrence(rec, z, after);
      assert.ok(next, 'a recurrence without end date always has a next run');
      assert.ok(next.getTime() > after.getTime());
      const l = instantToLocal(next, z);
      const hhmm = `${pad(l.hour)}:${pad(l.minute)}`;
      if (hhmm !== rec.time) {
        // Only allowed when the time does not exist on that local date or the one before (then: the
        // moment the clock jumps, which may be on the next date — Pacific/Apia skipped 2011-12-30).
        const [hour, minute] = rec.time.split(':').map(Number);
        const inGap = [0, -1].some((d) => resolveLocal({ ...addDays(l, d), hour, minute }, z).resolution === 'gap');
        assert.ok(inGap, `${hhmm} instead of ${rec.time} in ${z}`);
      }
      const before = previousOccurrence(rec, z, new Date(next.getTime() - 1));
      assert.ok(before === null || before.getTime() <= after.getTime(), 'an occurrence was skipped');
      assert.deepEqual(previousOccurrence(rec, z, next), next);
    }),
    { numRuns: 400 },
  );
});

test('nextOccurrence / previousOccurrence (cron): consistent with each other', () => {
  fc.assert(
    fc.property(cronExpr, zone, instant, (expression, z, after) => {
      const rec = asRecurrence({ kind: 'cron', expression });
      const next = nextOccurrence(rec, z, after);
      assert.ok(next && next.getTime() > after.getTime());
      const before = previousOccurrence(rec, z, new Date(next.getTime() - 1));
      assert.ok(before === null || before.getTime() <= after.getTime());
      const prev = previousOccurrence(rec, z, after);
      assert.ok(prev && prev.getTime() <= after.getTime());
      assert.deepEqual(nextOccurrence(rec, z, prev), next);
    }),
    { numRuns: 300 },
  );
});

test('dueOccurrence: the single due run is the latest in (lastPlannedAt, now]; next is after now', () => {
  const recurrence = fc.oneof(
    dayBased,
    cronExpr.map((expression) => ({ kind: 'cron', expression })),
  );
  fc.assert(
    fc.property(recurrence, zone, instant, fc.integer({ min: 0, max: 20 * 86_400_000 }), (input, z, last, gap) => {
      const rec = asRecurrence(input);
      const now = new Date(last.getTime() + gap);
      const r = dueOccurrence(rec, z, last, now);
      assert.ok(r.next && r.next.getTime() > now.getTime());
      if (r.due) {
        assert.ok(r.due.getTime() > last.getTime() && r.due.getTime() <= now.getTime());
        assert.ok(nextOccurrence(rec, z, r.due)!.getTime() > now.getTime(), 'a later occurrence was due');
        assert.deepEqual(nextOccurrence(rec, z, r.due), r.next);
      } else {
        assert.ok(nextOccurrence(rec, z, last)!.getTime() > now.getTime(), 'an occurrence was due');
        assert.equal(r.missed, 0);
      }
    }),
    { numRuns: 200 },
  );
});

test('triggerDueAt: always strictly after the assignment; calendar delays keep the wall-clock time', () => {
  const delay = fc.oneof(
    fc.record({ amount: fc.integer({ min: 1, max: 5000 }), unit: fc.constantFrom('minutes', 'hours') }),
    fc.record({ amount: fc.integer({ min: 1, max: 40 }), unit: fc.constantFrom('days', 'weeks', 'months') }),
    fc.record({ amount: fc.integer({ min: 0, max: 40 }), unit: fc.constantFrom('days', 'weeks', 'months'), timeOfDay: time }),
  );
  fc.assert(
    fc.property(delay, zone, instant, (input, z, assignedAt) => {
      const v = validateTriggerDelay(input);
      assert.ok(v.ok, JSON.stringify(v));
      const due = triggerDueAt(v.value, z, assignedAt);
      assert.ok(due.getTime() > assignedAt.getTime());
      if (v.value.unit === 'minutes' || v.value.unit === 'hours') {
        assert.equal(due.getTime() - assignedAt.getTime(), v.value.amount * (v.value.unit === 'minutes' ? 60_000 : 3_600_000));
      } else if (v.value.timeOfDay) {
        const l = instantToLocal(due, z);
        const [h, m] = v.value.timeOfDay.split(':').map(Number);
        // When the intended date has no such time (a DST gap, or Pacific/Apia skipping 2011-12-30 whole),
        // the run is at the moment the clock jumps, which may be on the next date.
        const exists = [0, -1].every(
          (d) => resolveLocal({ ...addDays({ year: l.year, month: l.month, day: l.day }, d), hour: h, minute: m }, z).resolution !== 'gap',
        );
        if (exists) assert.equal(`${pad(l.hour)}:${pad(l.minute)}`, v.value.timeOfDay);
        assert.ok(
          due.getTime() - assignedAt.getTime() <=
            (v.value.amount * 31 + 2) * 86_400_000 + 86_400_000 * (v.value.unit === 'weeks' ? 6 * v.value.amount : 0),
        );
      } else {
        const a = instantToLocal(assignedAt, z);
        const l = instantToLocal(due, z);
        // The intended date may be the due date or, when the wall-clock time fell into a gap there (a DST
        // change, or Pacific/Apia skipping 2011-12-30 whole), the date before it.
        const exists = [0, -1].every(
          (d) =>
            resolveLocal(
              {
                ...addDays({ year: l.year, month: l.month, day: l.day }, d),
                hour: a.hour,
                minute: a.minute,
                second: a.second,
                millisecond: a.millisecond,
              },
              z,
            ).resolution !== 'gap',
        );
        if (exists) assert.deepEqual([l.hour, l.minute, l.second], [a.hour, a.minute, a.second]);
      }
    }),
    {
      numRuns: 500,
      // Found by a run: one day after 23:59:59.999 on 2011-12-29 in Apia is a date that never existed.
      examples: [[{ amount: 1, unit: 'days' }, 'Pacific/Apia', new Date('2011-12-30T09:59:59.999Z')]],
    },
  );
});
