// Schedule rules: bot time zones, delayed and periodic broadcast timing, trigger delays. Pure: every
// "now" is passed in.
export { DEFAULT_TIME_ZONE, isValidTimeZone, normalizeTimeZone } from './time-zone.ts';
export { parseLocalDateTime, isInPast, type ParsedLocalDateTime } from './local-date-time.ts';
export { resolveLocal, localToInstant, instantToLocal, type LocalDateTime, type Resolution, type ResolvedInstant } from './zoned.ts';
export { parseLocalDate, parseTimeOfDay, formatLocalDate, formatTimeOfDay, type LocalDate, type TimeOfDay } from './local-date.ts';
export {
  validateRecurrence,
  RECURRENCE_KINDS,
  MAX_EVERY_N_DAYS,
  type Recurrence,
  type RecurrenceKind,
  type RecurrenceContext,
  type EveryNDays,
  type Weekdays,
  type MonthDays,
  type CronRecurrence,
  type DayOfMonth,
} from './recurrence.ts';
export { validateCronExpression, type CronValidation } from './cron.ts';
export { nextOccurrence, previousOccurrence, dueOccurrence, withStartDate, MAX_COUNTED_MISSED, type DueOccurrence } from './occurrences.ts';
export { validateTriggerDelay, triggerDueAt, DELAY_UNITS, MAX_DELAY, type TriggerDelay, type DelayUnit } from './trigger-delay.ts';
export { prefixErrors, type FieldError, type Validation } from './validation.ts';
