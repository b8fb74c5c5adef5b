// Trigger events in the engine (SPEC 2.3). Called from every scheduler tick, in any worker process:
//
// 1. Tag events. The outbox's tag_assigned / tag_removed events (written by tags.ts in the same
//    transaction as the change, whatever process made it) are consumed in order under this module's
//    own cursor. An assignment schedules a firing per enabled trigger of that tag — due at
//    triggerDueAt(delay, bot time zone, assignment time) — unless the trigger fires once per
//    subscriber and already fired (or is about to) for them; a removal cancels pending firings
//    that were not yet due.
// 2. Due firings. Firings whose time has come are checked (trigger still enabled, tag still
//    assigned, subscriber not blocked — else cancelled with the reason) and become deliveries,
//    inserted set-based into the day's send of their trigger: one send of kind `trigger` per
//    trigger and local day (sends.group_key `trigger:<id>:<yyyy-mm-dd>`), whose run stays open until
//    the end of that day (runs.open_until) and whose lanes are marked materialised since deliveries
//    are appended to them. The operator-chat rules apply as in materialisation: held while a chat is
//    open, or the chat closed first with the trigger's End open chats — both logged on the run.
//    Ordering: a subscriber gets at most one trigger message at a time. When several firings of one
//    subscriber are due, the earliest due goes first, ties broken by the triggers' order; the next
//    one waits (ready_at, backing off) until the previous delivery has left the queue.
//    Fairness against big broadcasts is the claim path's: lanes of one channel are served round-robin.
// Every step is a short transaction; step 2 runs in one process at a time (an advisory lock).
// Step 1 is trigger-tag-events.ts; step 2 is trigger-due-firings.ts, then trigger-day-send.ts.
import type { EngineContext } from './types.ts';
import type { EnginePorts } from './ports.ts';
import { consumeTagEvents } from './trigger-tag-events.ts';
import { DUE_BATCH, fireDueFirings } from './trigger-due-firings.ts';

const DUE_ROUNDS = 5;

export interface TriggerTickResult {
  scheduled: number;
  cancelled: number;
  fired: number;
}

/** One pass: tag events, then due firings. Never throws (the scheduler's other duties go on). */
export async function processTriggers(ctx: EngineContext, ports: Pick<EnginePorts, 'freezeContent'>): Promise<TriggerTickResult> {
  const result: TriggerTickResult = { scheduled: 0, cancelled: 0, fired: 0 };
  try {
    await consumeTagEvents(ctx, result);
    for (let i = 0; i < DUE_ROUNDS; i++) {
      const picked = await fireDueFirings(ctx, ports, result);
      if (picked < DUE_BATCH) break;
    }
  } catch (error) {
    ctx.logger.error({ err: error }, 'trigger processing failed');
  }
  return result;
}
