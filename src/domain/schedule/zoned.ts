// Local wall-clock time ⇄ instant in an IANA zone. The DST policy of the whole schedule module lives here:
//
// - A local time that does not exist (spring-forward gap, e.g. 02:30 on 2026-03-29 in Europe/Berlin)
//   resolves to the first valid instant after the gap, i.e. the moment the clock jumps (03:00 local).
//   Every time inside the gap maps to that same instant. This is what croner does for fixed-time cron
//   jobs too, so every recurrence kind behaves alike.
// - A local time that exists twice (fall-back overlap, e.g. 02:30 on 2026-10-25 in Europe/Berlin)
//   resolves to the earlier instant (the first 02:30, still in summer time).
//
// Offsets are read around the requested time (±36 h), which assumes at most one offset change in that
// window — true of every IANA zone in practice.
import { DateTime, IANAZone } from 'luxon';
import { assertTimeZone } from './time-zone.ts';
import type { LocalDate, TimeOfDay } from './local-date.ts';

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second?: number;
  millisecond?: number;
}

export type Resolution = 'exact' | 'gap' | 'ambiguous';

export interface ResolvedInstant {
  instant: Date;
  /** exact: the time exists once; gap: it does not exist, moved forward; ambiguous: it exists twice, earlier taken. */
  resolution: Resolution;
}

const HOUR = 3_600_000;

/** Wall-clock fields read as if they were UTC, in milliseconds. */
function wallMillis(t: LocalDateTime): number {
  const d = new Date(0);
  d.setUTCFullYear(t.year, t.month - 1, t.day);
  d.setUTCHours(t.hour, t.minute, t.second ?? 0, t.millisecond ?? 0);
  return d.getTime();
}

/** Converts a local wall-clock time in `zone` to an instant, applying the DST policy above. */
export function resolveLocal(t: LocalDateTime, zone: string): ResolvedInstant {
  assertTimeZone(zone);
  const tz = IANAZone.create(zone);
  const offsetAt = (ms: number): number => tz.offset(ms) * 60_000;
  const w = wallMillis(t);
  const offsets = [...new Set([offsetAt(w - 36 * HOUR), offsetAt(w), offsetAt(w + 36 * HOUR)])];
  const valid = offsets.map((o) => w - o).filter((ms) => ms + offsetAt(ms) === w);
  if (valid.length > 0) {
    const earliest = Math.min(...valid);
    return { instant: new Date(earliest), resolution: new Set(valid).size > 1 ? 'ambiguous' : 'exact' };
  }
  // Gap: find the first instant whose wall time is at or after the requested one.
  let lo = w - Math.max(...offsets); // wall time before w
  let hi = w - Math.min(...offsets); // wall time at or after w
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid + offsetAt(mid) >= w) hi = mid;
    else lo = mid;
  }
  return { instant: new Date(hi), resolution: 'gap' };
}

/** resolveLocal(...).instant */
export function localToInstant(t: LocalDateTime, zone: string): Date {
  return resolveLocal(t, zone).instant;
}

/** The instant of a local date at a time of day. */
export function atTimeOfDay(date: LocalDate, time: TimeOfDay, zone: string): Date {
  return localToInstant({ ...date, hour: time.hour, minute: time.minute }, zone);
}

/** The first instant of a local date (midnight, or the first valid time if midnight is in a gap). */
export function startOfLocalDay(date: LocalDate, zone: string): Date {
  return localToInstant({ ...date, hour: 0, minute: 0 }, zone);
}

/** The wall-clock fields of an instant in `zone`. */
export function instantToLocal(instant: Date, zone: string): LocalDateTime {
  assertTimeZone(zone);
  assertValidDate(instant);
  const dt = DateTime.fromMillis(instant.getTime(), { zone });
  return {
    year: dt.year,
    month: dt.month,
    day: dt.day,
    hour: dt.hour,
    minute: dt.minute,
    second: dt.second,
    millisecond: dt.millisecond,
  };
}

export function localDateOf(instant: Date, zone: string): LocalDate {
  const { year, month, day } = instantToLocal(instant, zone);
  return { year, month, day };
}

export function assertValidDate(d: Date): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError('invalid Date');
}
