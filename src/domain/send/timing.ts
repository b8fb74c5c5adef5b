// When a send goes out (SPEC 2.1, 2.3). A broadcast is instant (after the grace window), delayed
// (at an instant) or periodic (a recurrence in the bot's zone, one run per occurrence). A trigger's
// send has no time of its own: each firing is due at triggerDueAt(delay, zone, assignment time).
import { invalid } from '../errors.ts';
import {
  isInPast,
  nextOccurrence,
  parseLocalDateTime,
  validateRecurrence,
  withStartDate,
  type Recurrence,
  type TriggerDelay,
} from '../schedule/index.ts';

export type TimingInput = { type: 'instant' } | { type: 'delayed'; at: string } | { type: 'periodic'; recurrence: unknown };

/** The timing of a broadcast, as stored on its send. */
export type BroadcastTiming =
  { type: 'instant' } | { type: 'delayed'; at: string } | { type: 'periodic'; recurrence: Recurrence; zone: string };

/** The timing of a trigger's send of one day: its delay, for the history. */
export interface TriggerTiming {
  type: 'trigger';
  delay: TriggerDelay;
}

/** Every timing a send can have (an external event's send is instant). */
export type SendTiming = BroadcastTiming | TriggerTiming;

export interface ResolvedTiming {
  timing: BroadcastTiming;
  firstRunAt: Date;
}

/** A form's timing checked in the bot's zone (each rule answers a 400 naming the field) and its first run time. */
export function resolveTiming(input: TimingInput | undefined, zone: string, now: Date, graceSeconds: number): ResolvedTiming {
  const timing = input ?? { type: 'instant' };
  switch (timing.type) {
    case 'instant':
      return { timing: { type: 'instant' }, firstRunAt: new Date(now.getTime() + graceSeconds * 1000) };
    case 'delayed': {
      const parsed = parseLocalDateTime(timing.at, zone);
      if (!parsed.ok) throw invalid('invalid_date', `timing.at: ${parsed.reason}`, { field: 'timing.at' });
      if (isInPast(parsed.instant, now))
        throw invalid('date_in_past', `timing.at ${timing.at} (${zone}) is in the past`, { field: 'timing.at' });
      return { timing: { type: 'delayed', at: parsed.instant.toISOString() }, firstRunAt: parsed.instant };
    }
    case 'periodic': {
      const checked = validateRecurrence(timing.recurrence, { zone, now });
      if (!checked.ok) {
        const first = checked.errors[0];
        const field = first.field ? `timing.recurrence.${first.field}` : 'timing.recurrence';
        throw invalid('invalid_recurrence', `${field}: ${first.message}`, { field, errors: checked.errors });
      }
      const recurrence: Recurrence = withStartDate(checked.value, zone, now);
      const first = nextOccurrence(recurrence, zone, now);
      if (!first) throw invalid('invalid_recurrence', 'timing.recurrence has no occurrence after now', { field: 'timing.recurrence' });
      return { timing: { type: 'periodic', recurrence, zone }, firstRunAt: first };
    }
    default:
      throw invalid('invalid_timing', 'timing.type must be instant, delayed or periodic', { field: 'timing.type' });
  }
}
