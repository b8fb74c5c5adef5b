// The periodic recurrence model: a JSON-serialisable discriminated union, evaluated in the bot's zone.
//
//   { kind: 'every_n_days', n: 1..365, time: 'HH:mm', startDate?, endDate? }
//   { kind: 'weekdays',     days: [1..7] (ISO: 1 = Monday, 7 = Sunday), time, startDate?, endDate? }
//   { kind: 'month_days',   days: [1..31 | 'last'], time, startDate?, endDate? }
//   { kind: 'cron',         expression: '5-field cron', startDate?, endDate? }
//
// - startDate / endDate are local dates "YYYY-MM-DD", both inclusive: no occurrence on a local date
//   before startDate or after endDate. endDate must not be before startDate.
// - every_n_days counts from startDate (day 0 = startDate). Without startDate the count is anchored
//   at 1970-01-01, which is deterministic but arbitrary: set startDate when the broadcast is created
//   (withStartDate() in occurrences.ts does it).
// - month_days: a day the month does not have is skipped (day 31 does not run in April, day 30 not in
//   February); use 'last' for "the last day of every month". [30, 'last'] runs once on April 30.
// - days are returned sorted and de-duplicated; unknown fields are errors (they are usually typos).
import { validateCronExpression } from './cron.ts';
import { compareLocalDates, parseLocalDate, parseTimeOfDay } from './local-date.ts';
import { nextOccurrence } from './occurrences.ts';
import { isValidTimeZone } from './time-zone.ts';
import { isPlainRecord, type FieldError, type Validation } from './validation.ts';
import { localDateOf } from './zoned.ts';

export type DayOfMonth = number | 'last';

interface Bounds {
  /** Local date "YYYY-MM-DD", inclusive. */
  startDate?: string;
  /** Local date "YYYY-MM-DD", inclusive. */
  endDate?: string;
}

export interface EveryNDays extends Bounds {
  kind: 'every_n_days';
  n: number;
  time: string;
}
export interface Weekdays extends Bounds {
  kind: 'weekdays';
  days: number[];
  time: string;
}
export interface MonthDays extends Bounds {
  kind: 'month_days';
  days: DayOfMonth[];
  time: string;
}
export interface CronRecurrence extends Bounds {
  kind: 'cron';
  expression: string;
}

export type Recurrence = EveryNDays | Weekdays | MonthDays | CronRecurrence;
export type RecurrenceKind = Recurrence['kind'];

export const RECURRENCE_KINDS: readonly RecurrenceKind[] = ['every_n_days', 'weekdays', 'month_days', 'cron'];
export const MAX_EVERY_N_DAYS = 365;

const FIELDS: Record<RecurrenceKind, readonly string[]> = {
  every_n_days: ['kind', 'n', 'time', 'startDate', 'endDate'],
  weekdays: ['kind', 'days', 'time', 'startDate', 'endDate'],
  month_days: ['kind', 'days', 'time', 'startDate', 'endDate'],
  cron: ['kind', 'expression', 'startDate', 'endDate'],
};

export interface RecurrenceContext {
  /** With zone and now, endDate must not be before today (local) and at least one run must remain. */
  zone: string;
  now: Date;
}

/**
 * Validates untrusted input (parsed JSON) as a Recurrence. Field names in errors are relative to the
 * recurrence object ("" is the object itself). With a context, also checks that the recurrence still
 * has a future run (end date not in the past, a cron that can still match before the end date).
 */
export function validateRecurrence(input: unknown, context?: RecurrenceContext): Validation<Recurrence> {
  if (!isPlainRecord(input)) return fail('', 'must be an object');
  const kind = input.kind;
  if (typeof kind !== 'string' || !(RECURRENCE_KINDS as readonly string[]).includes(kind)) {
    return fail('kind', `must be one of ${RECURRENCE_KINDS.join(', ')}`);
  }
  const k = kind as RecurrenceKind;
  const errors: FieldError[] = [];
  for (const key of Object.keys(input)) {
    if (!FIELDS[k].includes(key)) errors.push({ field: key, message: `is not a field of a '${k}' recurrence` });
  }
  const bounds = validateBounds(input, errors);
  let value: Recurrence | undefined;
  switch (k) {
    case 'every_n_days': {
      const n = input.n;
      if (!Number.isInteger(n) || (n as number) < 1 || (n as number) > MAX_EVERY_N_DAYS) {
        errors.push({ field: 'n', message: `must be a whole number from 1 to ${MAX_EVERY_N_DAYS}` });
      }
      const time = validateTime(input.time, errors);
      value = { kind: k, n: n as number, time, ...bounds };
      break;
    }
    case 'weekdays': {
      const days = validateDays(
        input.days,
        errors,
        (d) => Number.isInteger(d) && (d as number) >= 1 && (d as number) <= 7,
        'must be an ISO weekday number from 1 (Monday) to 7 (Sunday)',
      );
      const time = validateTime(input.time, errors);
      value = { kind: k, days: (days as number[]).sort((a, b) => a - b), time, ...bounds };
      break;
    }
    case 'month_days': {
      const days = validateDays(
        input.days,
        errors,
        (d) => d === 'last' || (Number.isInteger(d) && (d as number) >= 1 && (d as number) <= 31),
        "must be a day of the month from 1 to 31, or 'last'",
      );
      const time = validateTime(input.time, errors);
      value = { kind: k, days: sortMonthDays(days as DayOfMonth[]), time, ...bounds };
      break;
    }
    case 'cron': {
      const checked = validateCronExpression(input.expression);
      if (!checked.ok) errors.push({ field: 'expression', message: checked.message });
      value = { kind: k, expression: checked.ok ? checked.value : '', ...bounds };
      break;
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  if (context) {
    const late = checkStillRuns(value, context);
    if (late) return { ok: false, errors: [late] };
  }
  return { ok: true, value };
}

function validateBounds(input: Record<string, unknown>, errors: FieldError[]): Bounds {
  const out: Bounds = {};
  for (const field of ['startDate', 'endDate'] as const) {
    const v = input[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string' || parseLocalDate(v) === null) {
      errors.push({ field, message: 'must be a date like 2026-12-31 (YYYY-MM-DD)' });
    } else out[field] = v;
  }
  if (out.startDate && out.endDate && compareLocalDates(parseLocalDate(out.endDate)!, parseLocalDate(out.startDate)!) < 0) {
    errors.push({ field: 'endDate', message: `must not be before startDate (${out.startDate})` });
  }
  return out;
}

function validateTime(v: unknown, errors: FieldError[]): string {
  if (typeof v !== 'string' || parseTimeOfDay(v) === null) {
    errors.push({ field: 'time', message: 'must be a time of day like 09:30 (HH:mm, 00:00-23:59)' });
    return '';
  }
  return v;
}

function validateDays(v: unknown, errors: FieldError[], ok: (d: unknown) => boolean, message: string): unknown[] {
  if (!Array.isArray(v) || v.length === 0) {
    errors.push({ field: 'days', message: 'must be a non-empty list' });
    return [];
  }
  v.forEach((d, i) => {
    if (!ok(d)) errors.push({ field: `days[${i}]`, message });
  });
  return [...new Set(v)];
}

function sortMonthDays(days: DayOfMonth[]): DayOfMonth[] {
  const numbers = days.filter((d): d is number => d !== 'last').sort((a, b) => a - b);
  return days.includes('last') ? [...numbers, 'last'] : numbers;
}

function checkStillRuns(value: Recurrence, context: RecurrenceContext): FieldError | null {
  if (!isValidTimeZone(context.zone)) return null; // the bot's zone is validated elsewhere
  if (value.endDate) {
    const today = localDateOf(context.now, context.zone);
    if (compareLocalDates(parseLocalDate(value.endDate)!, today) < 0) {
      return { field: 'endDate', message: 'is in the past' };
    }
    if (nextOccurrence(value, context.zone, context.now) === null) {
      return { field: 'endDate', message: 'leaves no run: nothing matches between now and the end date' };
    }
  }
  return null;
}

function fail(field: string, message: string): Validation<Recurrence> {
  return { ok: false, errors: [{ field, message }] };
}
