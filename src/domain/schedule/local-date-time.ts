// Delayed broadcasts: the date and time a person types, read in the bot's time zone.
//
// Accepted: "YYYY-MM-DDTHH:mm" or "YYYY-MM-DD HH:mm", optionally with ":ss", surrounding spaces ignored.
// Rejected with a reason: anything else, including a UTC offset or "Z" (the time is always read in the
// bot's zone; an API client that has an instant can convert it itself), and impossible dates (Feb 30).
// DST (see zoned.ts): a time in the spring-forward gap moves to the first valid instant (the moment the
// clock jumps); a time that exists twice takes the earlier instant. `resolution` says which happened so
// the panel can tell the person ("02:30 does not exist on that day; it will go out at 03:00").
import { daysInMonth } from './local-date.ts';
import { isValidTimeZone } from './time-zone.ts';
import { assertValidDate, resolveLocal, type Resolution } from './zoned.ts';

export type ParsedLocalDateTime = { ok: true; instant: Date; resolution: Resolution } | { ok: false; reason: string };

const RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const OFFSET_RE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

export function parseLocalDateTime(input: unknown, zone: string): ParsedLocalDateTime {
  if (!isValidTimeZone(zone)) return { ok: false, reason: `unknown time zone ${JSON.stringify(zone)}` };
  if (typeof input !== 'string') return { ok: false, reason: 'must be a string like "2026-12-01 10:00"' };
  const text = input.trim();
  const m = RE.exec(text);
  if (!m) {
    if (OFFSET_RE.test(text)) {
      return { ok: false, reason: "must be a local date and time without a UTC offset; it is read in the bot's time zone" };
    }
    return { ok: false, reason: 'must look like "2026-12-01 10:00" or "2026-12-01T10:00" (YYYY-MM-DD HH:mm)' };
  }
  const [year, month, day, hour, minute, second] = m.slice(1).map((s) => (s === undefined ? 0 : Number(s)));
  if (year < 1) return { ok: false, reason: 'year must be 0001 or later' };
  if (month < 1 || month > 12) return { ok: false, reason: `month ${m[2]} does not exist` };
  if (day < 1 || day > daysInMonth(year, month)) return { ok: false, reason: `${m[1]}-${m[2]} has no day ${m[3]}` };
  if (hour > 23) return { ok: false, reason: `hour ${m[4]} is out of range (00-23)` };
  if (minute > 59) return { ok: false, reason: `minute ${m[5]} is out of range (00-59)` };
  if (second > 59) return { ok: false, reason: `second ${m[6]} is out of range (00-59)` };
  const { instant, resolution } = resolveLocal({ year, month, day, hour, minute, second }, zone);
  return { ok: true, instant, resolution };
}

/** True when `instant` is strictly before `now` (an instant equal to now is not in the past). */
export function isInPast(instant: Date, now: Date): boolean {
  assertValidDate(instant);
  assertValidDate(now);
  return instant.getTime() < now.getTime();
}
