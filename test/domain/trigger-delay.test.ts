// Trigger delays: validation and due times across DST and month ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { triggerDueAt, validateTriggerDelay, type TriggerDelay } from '../../src/domain/schedule/index.ts';
import { at, BERLIN, local, NEW_YORK } from './helpers.ts';

const due = (delay: TriggerDelay, zone: string, assignedAt: string) => local(triggerDueAt(delay, zone, at(assignedAt)), zone);

function errorsOf(input: unknown): Record<string, string> {
  const r = validateTriggerDelay(input);
  assert.equal(r.ok, false, JSON.stringify(input));
  return r.ok ? {} : Object.fromEntries(r.errors.map((e) => [e.field, e.message]));
}

test('validateTriggerDelay: valid delays', () => {
  assert.deepEqual(validateTriggerDelay({ amount: 1, unit: 'minutes' }), { ok: true, value: { amount: 1, unit: 'minutes' } });
  assert.deepEqual(validateTriggerDelay({ amount: 0, unit: 'days', timeOfDay: '19:00' }), {
    ok: true,
    value: { amount: 0, unit: 'days', timeOfDay: '19:00' },
  });
  assert.deepEqual(validateTriggerDelay({ amount: 2, unit: 'weeks', timeOfDay: null }), { ok: true, value: { amount: 2, unit: 'weeks' } });
  assert.ok(validateTriggerDelay({ amount: 120, unit: 'months' }).ok);
});

test('validateTriggerDelay: errors name the field', () => {
  assert.match(errorsOf({ amount: 0, unit: 'minutes' }).amount, /at least 1 minute/);
  assert.match(errorsOf({ amount: 0, unit: 'days' }).amount, /at least 1 minute/);
  assert.match(errorsOf({ amount: -1, unit: 'hours' }).amount, /whole number/);
  assert.match(errorsOf({ amount: 1.5, unit: 'hours' }).amount, /whole number/);
  assert.match(errorsOf({ amount: '5', unit: 'hours' }).amount, /whole number/);
  assert.match(errorsOf({ amount: 121, unit: 'months' }).amount, /at most 120/);
  assert.match(errorsOf({ amount: 1, unit: 'seconds' }).unit, /minutes, hours, days, weeks, months/);
  assert.match(errorsOf({ amount: 1, unit: 'hours', timeOfDay: '19:00' }).timeOfDay, /only allowed with days, weeks or months/);
  assert.match(errorsOf({ amount: 0, unit: 'minutes', timeOfDay: '19:00' }).timeOfDay, /only allowed/);
  assert.match(errorsOf({ amount: 1, unit: 'days', timeOfDay: '7pm' }).timeOfDay, /HH:mm/);
  assert.match(errorsOf({ amount: 1, unit: 'days', delay: 3 }).delay, /not a field/);
  assert.deepEqual(Object.keys(errorsOf([])), ['']);
});

test('minutes and hours are absolute durations, also across DST', () => {
  assert.deepEqual(triggerDueAt({ amount: 90, unit: 'minutes' }, BERLIN, at('2026-06-01T10:00:00.123Z')), at('2026-06-01T11:30:00.123Z'));
  // 00:30 + 3 h on the spring-forward night: 04:30 local (the clock skipped an hour).
  assert.equal(due({ amount: 3, unit: 'hours' }, BERLIN, '2026-03-28T23:30:00Z'), '2026-03-29T04:30+02:00');
  // 00:30 + 3 h on the fall-back night: 02:30 local, winter time.
  assert.equal(due({ amount: 3, unit: 'hours' }, BERLIN, '2026-10-24T22:30:00Z'), '2026-10-25T02:30+01:00');
  assert.equal(due({ amount: 1, unit: 'hours' }, NEW_YORK, '2026-11-01T05:30:00Z'), '2026-11-01T01:30-05:00');
});

test('days and weeks are calendar days: same wall-clock time across DST', () => {
  assert.equal(due({ amount: 1, unit: 'days' }, BERLIN, '2026-03-28T09:00:00Z'), '2026-03-29T10:00+02:00'); // 23 h later
  assert.equal(due({ amount: 1, unit: 'days' }, BERLIN, '2026-10-24T08:00:00Z'), '2026-10-25T10:00+01:00'); // 25 h later
  assert.equal(due({ amount: 1, unit: 'weeks' }, NEW_YORK, '2026-03-05T15:00:00Z'), '2026-03-12T10:00-04:00');
  assert.equal(due({ amount: 1, unit: 'weeks' }, NEW_YORK, '2026-10-29T14:00:00Z'), '2026-11-05T10:00-05:00');
  assert.equal(due({ amount: 2, unit: 'days' }, NEW_YORK, '2026-10-31T05:30:00Z'), '2026-11-02T01:30-05:00');
  // Landing in the gap: the moment the clock jumps. Landing on a repeated time: the earlier one.
  assert.equal(due({ amount: 1, unit: 'days' }, BERLIN, '2026-03-28T01:30:00Z'), '2026-03-29T03:00+02:00');
  assert.equal(due({ amount: 1, unit: 'days' }, NEW_YORK, '2026-10-31T05:30:00Z'), '2026-11-01T01:30-04:00');
  assert.deepEqual(triggerDueAt({ amount: 1, unit: 'days' }, BERLIN, at('2026-06-01T10:11:12.345Z')), at('2026-06-02T10:11:12.345Z'));
});

test('months add calendar months, clamped to the month length', () => {
  assert.equal(due({ amount: 1, unit: 'months' }, 'UTC', '2026-01-31T10:00:00Z'), '2026-02-28T10:00+00:00');
  assert.equal(due({ amount: 1, unit: 'months' }, 'UTC', '2028-01-31T10:00:00Z'), '2028-02-29T10:00+00:00');
  assert.equal(due({ amount: 1, unit: 'months' }, 'UTC', '2026-03-31T10:00:00Z'), '2026-04-30T10:00+00:00');
  assert.equal(due({ amount: 12, unit: 'months' }, 'UTC', '2028-02-29T10:00:00Z'), '2029-02-28T10:00+00:00');
  assert.equal(due({ amount: 48, unit: 'months' }, 'UTC', '2028-02-29T10:00:00Z'), '2032-02-29T10:00+00:00');
  assert.equal(due({ amount: 1, unit: 'months' }, 'UTC', '2026-12-15T10:00:00Z'), '2027-01-15T10:00+00:00');
  assert.equal(due({ amount: 1, unit: 'months', timeOfDay: '19:00' }, BERLIN, '2026-01-31T09:00:00Z'), '2026-02-28T19:00+01:00');
  // Across DST: same wall-clock time.
  assert.equal(due({ amount: 1, unit: 'months' }, BERLIN, '2026-03-15T09:00:00Z'), '2026-04-15T10:00+02:00');
  assert.equal(due({ amount: 1, unit: 'months' }, NEW_YORK, '2026-10-20T14:00:00Z'), '2026-11-20T10:00-05:00');
});

test('"after 1 day at 19:00" fires at 19:00 on the next local date', () => {
  const delay = { amount: 1, unit: 'days', timeOfDay: '19:00' } as const;
  assert.equal(due(delay, BERLIN, '2026-06-01T06:00:00Z'), '2026-06-02T19:00+02:00');
  assert.equal(due(delay, BERLIN, '2026-06-01T21:30:00Z'), '2026-06-02T19:00+02:00'); // 23:30 local on June 1
  assert.equal(due(delay, BERLIN, '2026-06-01T22:30:00Z'), '2026-06-03T19:00+02:00'); // 00:30 local on June 2
  assert.equal(due(delay, BERLIN, '2026-03-28T20:00:00Z'), '2026-03-29T19:00+02:00');
  assert.equal(due(delay, NEW_YORK, '2026-10-31T23:00:00Z'), '2026-11-01T19:00-05:00');
  assert.equal(due({ amount: 1, unit: 'weeks', timeOfDay: '09:00' }, BERLIN, '2026-03-25T20:00:00Z'), '2026-04-01T09:00+02:00');
  assert.equal(due({ amount: 1, unit: 'days', timeOfDay: '02:30' }, BERLIN, '2026-03-28T12:00:00Z'), '2026-03-29T03:00+02:00');
  assert.equal(due({ amount: 1, unit: 'days', timeOfDay: '01:30' }, NEW_YORK, '2026-10-31T12:00:00Z'), '2026-11-01T01:30-04:00');
});

test('"0 days at 19:00" fires today if 19:00 is still ahead, else tomorrow', () => {
  const delay = { amount: 0, unit: 'days', timeOfDay: '19:00' } as const;
  assert.equal(due(delay, BERLIN, '2026-06-01T16:59:00Z'), '2026-06-01T19:00+02:00'); // 18:59 local
  assert.equal(due(delay, BERLIN, '2026-06-01T17:00:00Z'), '2026-06-02T19:00+02:00'); // exactly 19:00: not ahead
  assert.equal(due(delay, BERLIN, '2026-06-01T17:00:01Z'), '2026-06-02T19:00+02:00');
  assert.equal(due(delay, NEW_YORK, '2026-03-08T22:00:00Z'), '2026-03-08T19:00-04:00'); // DST day, 18:00 local
  assert.equal(due(delay, NEW_YORK, '2026-03-07T23:30:00Z'), '2026-03-07T19:00-05:00');
  assert.equal(due(delay, NEW_YORK, '2026-03-08T00:30:00Z'), '2026-03-08T19:00-04:00'); // 19:30 on the 7th
  assert.equal(due({ amount: 0, unit: 'months', timeOfDay: '19:00' }, BERLIN, '2026-06-01T18:00:00Z'), '2026-06-02T19:00+02:00');
  // 0 days at 02:30 on the fall-back day, assigned at the first 01:00: the first 02:30.
  assert.equal(due({ amount: 0, unit: 'days', timeOfDay: '02:30' }, BERLIN, '2026-10-24T23:00:00Z'), '2026-10-25T02:30+02:00');
  // …assigned at the second 02:40 (after both 02:30s): tomorrow.
  assert.equal(due({ amount: 0, unit: 'days', timeOfDay: '02:30' }, BERLIN, '2026-10-25T01:40:00Z'), '2026-10-26T02:30+01:00');
});

test('triggerDueAt rejects what validation rejects', () => {
  assert.throws(() => triggerDueAt({ amount: 0, unit: 'days' }, BERLIN, at('2026-06-01T00:00:00Z')), RangeError);
  assert.throws(() => triggerDueAt({ amount: 1, unit: 'hours', timeOfDay: '19:00' }, BERLIN, at('2026-06-01T00:00:00Z')), RangeError);
  assert.throws(() => triggerDueAt({ amount: 1, unit: 'days' }, 'Nowhere/Town', at('2026-06-01T00:00:00Z')), RangeError);
  assert.throws(() => triggerDueAt({ amount: 1, unit: 'days' }, BERLIN, new Date(NaN)), RangeError);
});
