// When a periodic broadcast runs. All functions are pure: `after`, `now` and friends are passed in.
//
// - Times of day are local wall-clock times in the bot's zone: a 09:00 run stays at 09:00 local on both
//   sides of a DST change (so the UTC time moves by an hour).
// - A time of day inside a spring-forward gap (02:30 in Europe/Berlin on 2026-03-29) runs once, at the
//   moment the clock jumps (03:00 local); a time repeated on a fall-back day runs once, at its first
//   occurrence (see zoned.ts; cron follows croner's rules, see cron.ts).
// - startDate and endDate are inclusive local dates; past endDate there is no next occurrence (null).
//
// Downtime: "runs missed while Botcast was down run once on start, not once per missed occurrence".
// The scheduler keeps, per periodic broadcast, `lastPlannedAt` (the occurrence it last ran, or the
// creation time before the first run) and calls dueOccurrence(rec, zone, lastPlannedAt, now) when the
// stored next run time has come: it runs `due` once (as the run planned for `due`), stores
// lastPlannedAt = due and waits for `next`. `missed` counts the occurrences folded into that run, for
// the log.
import { makeCron } from './cron.ts';
import {
  addDays,
  compareLocalDates,
  daysInMonth,
  epochDay,
  formatLocalDate,
  isoWeekday,
  parseLocalDate,
  parseTimeOfDay,
  type LocalDate,
  type TimeOfDay,
} from './local-date.ts';
import type { Recurrence } from './recurrence.ts';
import { assertTimeZone } from './time-zone.ts';
import { assertValidDate, atTimeOfDay, localDateOf, startOfLocalDay } from './zoned.ts';

export interface DueOccurrence {
  /** The latest occurrence in (lastPlannedAt, now] — the one to run now — or null if none is due. */
  due: Date | null;
  /** How many earlier occurrences in (lastPlannedAt, due) are skipped in favour of `due`. */
  missed: number;
  /** True when `missed` stopped counting at MAX_COUNTED_MISSED (there were at least that many). */
  missedAtLeast: boolean;
  /** The first occurrence after max(now, lastPlannedAt), or null when the recurrence has ended. */
  next: Date | null;
}

export const MAX_COUNTED_MISSED = 1000;

/** The first occurrence strictly after `after`, or null when there is none (past endDate). */
export function nextOccurrence(recurrence: Recurrence, zone: string, after: Date): Date | null {
  assertValidDate(after);
  return compile(recurrence, zone).next(after);
}

/** The latest occurrence at or before `atOrBefore`, or null when there is none (before startDate). */
export function previousOccurrence(recurrence: Recurrence, zone: string, atOrBefore: Date): Date | null {
  assertValidDate(atOrBefore);
  return compile(recurrence, zone).previous(atOrBefore);
}

/** The single occurrence to run now after a pause (the latest due one), and the next one. */
export function dueOccurrence(recurrence: Recurrence, zone: string, lastPlannedAt: Date, now: Date): DueOccurrence {
  assertValidDate(lastPlannedAt);
  assertValidDate(now);
  const schedule = compile(recurrence, zone);
  const next = schedule.next(now.getTime() >= lastPlannedAt.getTime() ? now : lastPlannedAt);
  const latest = schedule.previous(now);
  if (latest === null || latest.getTime() <= lastPlannedAt.getTime()) {
    return { due: null, missed: 0, missedAtLeast: false, next };
  }
  let missed = 0;
  let cursor = lastPlannedAt;
  for (;;) {
    const o = schedule.next(cursor);
    if (o === null || o.getTime() >= latest.getTime()) break;
    if (missed === MAX_COUNTED_MISSED) return { due: latest, missed, missedAtLeast: true, next };
    missed += 1;
    cursor = o;
  }
  return { due: latest, missed, missedAtLeast: false, next };
}

/**
 * Fills startDate with today's local date when missing (meant for the moment a broadcast is created),
 * so that "every 3 days" counts from the day it was set up.
 */
export function withStartDate<R extends Recurrence>(recurrence: R, zone: string, now: Date): R {
  if (recurrence.startDate !== undefined) return recurrence;
  return { ...recurrence, startDate: formatLocalDate(localDateOf(now, zone)) };
}

interface Schedule {
  next(after: Date): Date | null;
  previous(atOrBefore: Date): Date | null;
}

/** Longest stretch between two matching dates of any day-based recurrence (every 365 days, day 31). */
const MAX_SCAN_DAYS = 400;

function compile(recurrence: Recurrence, zone: string): Schedule {
  assertTimeZone(zone);
  const start = recurrence.startDate === undefined ? null : mustParse(parseLocalDate(recurrence.startDate), 'startDate');
  const end = recurrence.endDate === undefined ? null : mustParse(parseLocalDate(recurrence.endDate), 'endDate');
  if (recurrence.kind === 'cron') return compileCron(recurrence.expression, zone, start, end);
  const time = mustParse(parseTimeOfDay(recurrence.time), 'time');
  return compileDaily(dateMatcher(recurrence, start), time, zone, start, end);
}

function dateMatcher(recurrence: Exclude<Recurrence, { kind: 'cron' }>, start: LocalDate | null): (d: LocalDate) => boolean {
  switch (recurrence.kind) {
    case 'every_n_days': {
      const anchor = start ? epochDay(start) : 0;
      const n = recurrence.n;
      return (d) => (((epochDay(d) - anchor) % n) + n) % n === 0;
    }
    case 'weekdays': {
      const days = new Set(recurrence.days);
      return (d) => days.has(isoWeekday(d));
    }
    case 'month_days': {
      const days = new Set(recurrence.days);
      return (d) => days.has(d.day) || (days.has('last') && d.day === daysInMonth(d.year, d.month));
    }
  }
}

function compileDaily(
  matches: (d: LocalDate) => boolean,
  time: TimeOfDay,
  zone: string,
  start: LocalDate | null,
  end: LocalDate | null,
): Schedule {
  const inRange = (d: LocalDate): boolean =>
    (start === null || compareLocalDates(d, start) >= 0) && (end === null || compareLocalDates(d, end) <= 0);
  return {
    next(after) {
      // Start a day early: an occurrence's instant can only be on or after its local date.
      let d = addDays(localDateOf(after, zone), -1);
      if (start && compareLocalDates(d, start) < 0) d = start;
      for (let i = 0; i <= MAX_SCAN_DAYS; i++, d = addDays(d, 1)) {
        if (end && compareLocalDates(d, end) > 0) return null;
        if (!matches(d)) continue;
        const at = atTimeOfDay(d, time, zone);
        if (at.getTime() > after.getTime()) return at;
      }
      return null;
    },
    previous(atOrBefore) {
      let d = addDays(localDateOf(atOrBefore, zone), 1);
      if (end && compareLocalDates(d, end) > 0) d = end;
      for (let i = 0; i <= MAX_SCAN_DAYS; i++, d = addDays(d, -1)) {
        if (start && compareLocalDates(d, start) < 0) return null;
        if (!matches(d) || !inRange(d)) continue;
        const at = atTimeOfDay(d, time, zone);
        if (at.getTime() <= atOrBefore.getTime()) return at;
      }
      return null;
    },
  };
}

function compileCron(expression: string, zone: string, start: LocalDate | null, end: LocalDate | null): Schedule {
  const job = makeCron(expression, zone);
  const startAt = start ? startOfLocalDay(start, zone).getTime() : -Infinity;
  const endBefore = end ? startOfLocalDay(addDays(end, 1), zone).getTime() : Infinity; // exclusive
  return {
    next(after) {
      const from = Math.max(after.getTime(), startAt - 1);
      const run = job.nextRun(new Date(from));
      return run === null || run.getTime() >= endBefore ? null : run;
    },
    previous(atOrBefore) {
      const limit = Math.min(atOrBefore.getTime(), endBefore - 1);
      // croner's previousRuns excludes its reference but includes runs earlier in the same second.
      let run: Date | null = job.previousRuns(1, new Date(limit + 1))[0] ?? null;
      if (run !== null && run.getTime() > limit) run = job.previousRuns(1, run)[0] ?? null;
      return run === null || run.getTime() < startAt ? null : run;
    },
  };
}

function mustParse<T>(value: T | null, field: string): T {
  if (value === null) throw new RangeError(`invalid recurrence ${field}: validate it with validateRecurrence first`);
  return value;
}
