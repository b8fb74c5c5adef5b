// Cron expressions for periodic broadcasts, evaluated by croner in the bot's time zone.
//
// Accepted: standard 5-field cron "minute hour day-of-month month day-of-week" (Vixie semantics: when
// both day fields are restricted, a day matching EITHER runs; day-of-week 0 and 7 are Sunday; names
// JAN-DEC and SUN-SAT), the nicknames @yearly @annually @monthly @weekly @daily @midnight @hourly, and
// croner's extensions (L = last day of month, 5L = last Friday, FRI#2 = second Friday, 15W = nearest
// weekday, ? = *). Six- and seven-field (seconds/years) patterns and @reboot are rejected, as is a
// pattern that never runs ("0 0 30 2 *").
//
// DST (croner's rules, with fixedTimeRule "no-wildcard"): a job whose minute and hour fields have no
// `*` and no step ("30 2 * * *", "0 9,18 * * 1-5") is a fixed-time job — in a spring-forward gap it runs
// at the moment the clock jumps (same as the other recurrence kinds), and a repeated (fall-back) time
// runs once, at its first occurrence. Interval jobs ("*/15 * * * *", "0 */2 * * *") follow the
// clock: times inside a gap are skipped, and repeated times run on both passes.
import { Cron } from 'croner';
import { assertTimeZone } from './time-zone.ts';

export type CronValidation = { ok: true; value: string } | { ok: false; message: string };

const MAX_LENGTH = 200;
const NICKNAMES = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];
/** croner counts fields from seconds (entry 0), which a 5-field pattern does not have. */
const FIELD_NAMES = ['second', 'minute', 'hour', 'day-of-month', 'month', 'day-of-week'];
const NEVER_CHECK_FROM = new Date(Date.UTC(2000, 0, 1));

/** Validates a cron expression; the value is the expression trimmed, with single spaces. */
export function validateCronExpression(input: unknown): CronValidation {
  if (typeof input !== 'string') return { ok: false, message: 'must be a string' };
  const expression = input.trim().split(/\s+/).join(' ');
  if (expression === '') return { ok: false, message: 'must not be empty' };
  if (expression.length > MAX_LENGTH) return { ok: false, message: `must be at most ${MAX_LENGTH} characters` };
  if (expression.startsWith('@')) {
    const nickname = expression.toLowerCase();
    if (!NICKNAMES.includes(nickname)) return { ok: false, message: `unknown shortcut ${expression}; use one of ${NICKNAMES.join(', ')}` };
    return { ok: true, value: nickname };
  }
  if (expression.split(' ').length !== 5) {
    return {
      ok: false,
      message: `must have exactly 5 fields (minute hour day-of-month month day-of-week), got ${expression.split(' ').length}`,
    };
  }
  let job: Cron;
  try {
    job = makeCron(expression, 'UTC');
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    const message = text
      .replace(/^Cron(Pattern|Options)?:\s*/, '')
      .replace(/configuration entry (\d)/, (_m, i: string) => `the ${FIELD_NAMES[Number(i)] ?? 'field'} field`);
    return { ok: false, message };
  }
  if (job.nextRun(NEVER_CHECK_FROM) === null) return { ok: false, message: 'never runs: no date matches it' };
  return { ok: true, value: expression };
}

/** A croner job (never scheduled: no timer, no callback) for computing run times. Throws on a bad pattern. */
export function makeCron(expression: string, zone: string): Cron {
  assertTimeZone(zone);
  return new Cron(expression, { timezone: zone, mode: '5-part', fixedTimeRule: 'no-wildcard' });
}
