// Test helpers for the schedule domain: readable local times.
import { DateTime } from 'luxon';

export const BERLIN = 'Europe/Berlin';
export const NEW_YORK = 'America/New_York';

/** An instant, from an ISO string with an explicit offset or Z. */
export const at = (iso: string): Date => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`bad test instant ${iso}`);
  return d;
};

/** "2026-03-29T03:00+02:00": the local wall time and offset of an instant in a zone. */
export const local = (d: Date | null, zone: string): string | null =>
  d === null ? null : DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mmZZ");
