// Dates are shown in the bot's time zone (SPEC §1: every date a person reads uses it).

export function formatDateTime(value, timeZone) {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  try {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
  } catch {
    return date.toISOString();
  }
}

export function formatNumber(value) {
  return typeof value === 'number' ? new Intl.NumberFormat().format(value) : String(value ?? '');
}

export function plural(count, one, many = one + 's') {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

/** Every IANA zone the browser knows, for the time-zone pickers. */
export function timeZones() {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}

export function browserTimeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
