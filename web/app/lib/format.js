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

/** Only the time of day ("14:05:30"), in the bot's time zone: for the axes and the log's events. */
export function formatClock(value, timeZone) {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  try {
    return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone }).format(
      date,
    );
  } catch {
    return date.toISOString().slice(11, 19);
  }
}

/** 75 → "1:15"; 3700 → "1 h 1 min". For countdowns and durations. */
/** The grace window of instant broadcasts as an adjective: "1-minute", "90-second", "2-minute" (BOTCAST_GRACE_SECONDS). */
export function graceWindow(seconds) {
  const s = Math.max(0, Math.round(seconds));
  return s > 0 && s % 60 === 0 ? `${s / 60}-minute` : `${s}-second`;
}

export function formatDuration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 3600) return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h < 48) return `${h} h ${m} min`;
  return `${Math.floor(h / 24)} days`;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A periodic recurrence in words: "Every 2 days at 10:00 until 2027-01-31". */
export function describeRecurrence(r) {
  if (!r || typeof r !== 'object') return 'Periodic';
  let text;
  switch (r.kind) {
    case 'every_n_days':
      text = `${Number(r.n) === 1 ? 'Every day' : `Every ${r.n} days`} at ${r.time}`;
      break;
    case 'weekdays':
      text = `${(r.days ?? []).map((d) => WEEKDAYS[d - 1] ?? d).join(', ')} at ${r.time}`;
      break;
    case 'month_days':
      text = `Day${(r.days ?? []).length === 1 ? '' : 's'} ${(r.days ?? []).map((d) => (d === 'last' ? 'last' : d)).join(', ')} of the month at ${r.time}`;
      break;
    case 'cron':
      text = `Cron “${r.expression}”`;
      break;
    default:
      text = 'Periodic';
  }
  return r.endDate ? `${text}, until ${r.endDate}` : text;
}

/** A send's timing in words, dates in the bot's time zone. */
export function describeTiming(timing, timeZone, { short = false } = {}) {
  if (!timing) return '—';
  if (timing.type === 'instant') return short ? 'Now' : 'Now (after the grace window)';
  if (timing.type === 'delayed') return `At ${formatDateTime(timing.at, timeZone)}`;
  if (timing.type === 'periodic') return describeRecurrence(timing.recurrence);
  return timing.type;
}

/** "member:3" / "api_key:2" → a name people read. */
export function describeActor(actor, members = [], me = null) {
  if (!actor) return '—';
  const [kind, id] = String(actor).split(':');
  if (kind === 'member') {
    if (me?.memberId === Number(id)) return 'You';
    const member = members.find((m) => m.id === Number(id));
    return member ? member.name || member.email : `Member ${id}`;
  }
  if (kind === 'api_key') return `API key ${id}`;
  return actor;
}
