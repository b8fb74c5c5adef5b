// Trigger events: "when tag T is assigned, send C after a delay", optionally at a time of day.
//
//   { amount: integer >= 0, unit: 'minutes' | 'hours' | 'days' | 'weeks' | 'months', timeOfDay?: 'HH:mm' }
//
// Rules (SPEC 2.3), in the bot's zone:
// - minutes and hours are absolute durations: "2 hours" is 7 200 000 ms later, whatever the clock does.
// - days, weeks and months are calendar steps in the zone: "1 day" is the same wall-clock time on the
//   next local date (23 or 25 hours across a DST change); "1 month" is the same day of the next month,
//   clamped to its length (Jan 31 + 1 month = Feb 28, or Feb 29 in a leap year).
// - timeOfDay (days/weeks/months only) replaces the wall-clock time: "after 1 day at 19:00" fires at
//   19:00 on the next local date, however late the tag came today; "0 days at 19:00" fires today at 19:00
//   if that is still strictly ahead, else tomorrow at 19:00 (same for 0 weeks / 0 months).
// - The result is always strictly after assignedAt: without a time of day the delay is at least 1 minute.
// - A resulting wall-clock time inside a spring-forward gap fires at the moment the clock jumps; one that
//   exists twice fires at the earlier instant (zoned.ts).
// - Limits: at most 10 years (120 months, 522 weeks, 3660 days, 87 840 hours, 5 270 400 minutes).
import { addDays, addMonths, parseTimeOfDay } from './local-date.ts';
import { isPlainRecord, type FieldError, type Validation } from './validation.ts';
import { assertTimeZone } from './time-zone.ts';
import { assertValidDate, atTimeOfDay, instantToLocal, localToInstant } from './zoned.ts';

export type DelayUnit = 'minutes' | 'hours' | 'days' | 'weeks' | 'months';

export interface TriggerDelay {
  amount: number;
  unit: DelayUnit;
  /** Local time of day "HH:mm"; only with days, weeks or months. */
  timeOfDay?: string;
}

export const DELAY_UNITS: readonly DelayUnit[] = ['minutes', 'hours', 'days', 'weeks', 'months'];

export const MAX_DELAY: Readonly<Record<DelayUnit, number>> = {
  minutes: 3660 * 24 * 60,
  hours: 3660 * 24,
  days: 3660,
  weeks: 522,
  months: 120,
};

const CALENDAR_UNITS: readonly DelayUnit[] = ['days', 'weeks', 'months'];
const FIELDS = ['amount', 'unit', 'timeOfDay'];

/** Validates untrusted input (parsed JSON) as a TriggerDelay; errors name the field. */
export function validateTriggerDelay(input: unknown): Validation<TriggerDelay> {
  if (!isPlainRecord(input)) return { ok: false, errors: [{ field: '', message: 'must be an object' }] };
  const errors: FieldError[] = [];
  for (const key of Object.keys(input)) {
    if (!FIELDS.includes(key)) errors.push({ field: key, message: 'is not a field of a trigger delay' });
  }
  const { amount, unit, timeOfDay } = input;
  const unitOk = typeof unit === 'string' && (DELAY_UNITS as readonly string[]).includes(unit);
  if (!unitOk) errors.push({ field: 'unit', message: `must be one of ${DELAY_UNITS.join(', ')}` });
  if (!Number.isInteger(amount) || (amount as number) < 0) {
    errors.push({ field: 'amount', message: 'must be a whole number, 0 or more' });
  } else if (unitOk && (amount as number) > MAX_DELAY[unit as DelayUnit]) {
    errors.push({ field: 'amount', message: `must be at most ${MAX_DELAY[unit as DelayUnit]} ${unit as string} (10 years)` });
  }
  const hasTime = timeOfDay !== undefined && timeOfDay !== null;
  if (hasTime) {
    if (typeof timeOfDay !== 'string' || parseTimeOfDay(timeOfDay) === null) {
      errors.push({ field: 'timeOfDay', message: 'must be a time of day like 19:00 (HH:mm, 00:00-23:59)' });
    } else if (unitOk && !CALENDAR_UNITS.includes(unit as DelayUnit)) {
      errors.push({ field: 'timeOfDay', message: 'is only allowed with days, weeks or months' });
    }
  } else if (amount === 0) {
    errors.push({ field: 'amount', message: 'the delay must be at least 1 minute unless a time of day is set' });
  }
  if (errors.length > 0) return { ok: false, errors };
  const value: TriggerDelay = { amount: amount as number, unit: unit as DelayUnit };
  if (hasTime) value.timeOfDay = timeOfDay as string;
  return { ok: true, value };
}

/** When a trigger fires for a tag assigned at `assignedAt` (see the rules above). */
export function triggerDueAt(delay: TriggerDelay, zone: string, assignedAt: Date): Date {
  assertTimeZone(zone);
  assertValidDate(assignedAt);
  const { amount, unit } = delay;
  if (!Number.isInteger(amount) || amount < 0) throw new RangeError('invalid trigger delay amount');
  if (unit === 'minutes' || unit === 'hours') {
    if (delay.timeOfDay !== undefined) throw new RangeError('timeOfDay is only allowed with days, weeks or months');
    return new Date(assignedAt.getTime() + amount * (unit === 'minutes' ? 60_000 : 3_600_000));
  }
  const local = instantToLocal(assignedAt, zone);
  const today = { year: local.year, month: local.month, day: local.day };
  const date = unit === 'months' ? addMonths(today, amount) : addDays(today, amount * (unit === 'weeks' ? 7 : 1));
  if (delay.timeOfDay === undefined) {
    if (amount === 0) throw new RangeError('a trigger delay must be at least 1 minute unless a time of day is set');
    return localToInstant({ ...local, ...date }, zone);
  }
  const time = parseTimeOfDay(delay.timeOfDay);
  if (time === null) throw new RangeError('invalid trigger delay timeOfDay');
  let at = atTimeOfDay(date, time, zone);
  for (let d = date; at.getTime() <= assignedAt.getTime();) {
    d = addDays(d, 1);
    at = atTimeOfDay(d, time, zone);
  }
  return at;
}
