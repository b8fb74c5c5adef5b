// Bot time zones: IANA names only ("Europe/Berlin", "America/New_York", "UTC"). Fixed UTC offsets such
// as "+03:00" are rejected even where the runtime's Intl would accept them: an offset has no DST rules,
// and a bot that follows a real place should follow its rules.
import { IANAZone } from 'luxon';

export const DEFAULT_TIME_ZONE = 'UTC';

const NAME_RE = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

/** True for an IANA time zone name the runtime knows (case-insensitive, as Intl is). */
export function isValidTimeZone(name: unknown): name is string {
  return typeof name === 'string' && NAME_RE.test(name) && IANAZone.isValidZone(name);
}

/**
 * The zone name to store: canonical casing for a name typed in another case ("europe/berlin" →
 * "Europe/Berlin"); other valid names (including aliases such as "US/Eastern") are kept as given.
 * Null when the name is not valid.
 */
export function normalizeTimeZone(name: unknown): string | null {
  if (!isValidTimeZone(name)) return null;
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}

/** Throws a RangeError for an invalid zone: the zone is validated when the bot is saved, so this is a bug. */
export function assertTimeZone(zone: string): void {
  if (!isValidTimeZone(zone)) throw new RangeError(`invalid IANA time zone: ${JSON.stringify(zone)}`);
}
