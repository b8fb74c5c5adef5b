// Calendar arithmetic on local dates and times of day, with no time zone involved (proleptic
// Gregorian calendar, years 1..9999). A LocalDate is what a person types ("2026-12-01"); it becomes
// an instant only with a zone (see zoned.ts).

export interface LocalDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

export interface TimeOfDay {
  /** 0..23 */
  hour: number;
  /** 0..59 */
  minute: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses "YYYY-MM-DD" strictly (real calendar date, year 1..9999); null otherwise. */
export function parseLocalDate(text: string): LocalDate | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Parses "HH:mm" strictly (two digits each, 00:00..23:59); null otherwise. */
export function parseTimeOfDay(text: string): TimeOfDay | null {
  const m = TIME_RE.exec(text);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatLocalDate(d: LocalDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function formatTimeOfDay(t: TimeOfDay): string {
  return `${pad(t.hour)}:${pad(t.minute)}`;
}

/** Days since 1970-01-01 (negative before). */
export function epochDay(d: LocalDate): number {
  return Math.round(utcMillis(d) / 86_400_000);
}

export function fromEpochDay(n: number): LocalDate {
  const date = new Date(n * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: LocalDate, days: number): LocalDate {
  return fromEpochDay(epochDay(d) + days);
}

/** Adds calendar months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(d: LocalDate, months: number): LocalDate {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: LocalDate): number {
  const js = new Date(utcMillis(d)).getUTCDay();
  return js === 0 ? 7 : js;
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return epochDay(a) - epochDay(b);
}

function utcMillis(d: LocalDate): number {
  const date = new Date(0);
  date.setUTCFullYear(d.year, d.month - 1, d.day); // setUTCFullYear keeps years 0..99 literal
  return date.getTime();
}
