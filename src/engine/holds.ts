// Deliveries held by an open operator chat: released the moment the chat closes (a chat_closed
// event, written by whichever process closed it), expired after the configured time — and both
// are logged on the run, never silent.
import type { EngineContext } from './types.ts';
import { consumeEvents, type ChatClosedPayload } from '../storage/queries/outbox.ts';
import { logRun } from '../storage/queries/runs.ts';
import { notifyWake } from '../storage/queries/wake.ts';
import { withOutcomeEvents } from '../storage/queries/status-events.ts';

export async function releaseHolds(ctx: EngineContext): Promise<number> {
  let released = 0;
  await consumeEvents<ChatClosedPayload>(ctx.db, 'engine.holds', ['chat_closed'], async (tx, events) => {
    const ids = [...new Set(events.map((e) => Number(e.payload.subscriberId)))];
    const rows = await tx.query<{ run_id: number }>(
      `UPDATE deliveries SET state = 'queued', not_before = '-infinity', hold_expires_at = NULL, updated_at = now()
       WHERE hold_expires_at IS NOT NULL AND state = 'held' AND subscriber_id = ANY($1::bigint[]) RETURNING run_id`,
      [ids],
    );
    released = rows.length;
    if (released > 0) await notifyWake(tx, 'work');
    for (const [runId, count] of countBy(rows.map((r) => r.run_id))) {
      await logRun(tx, runId, 'hold_released', `${count} held recipient(s) released: their operator chat closed`, { released: count });
    }
  });
  return released;
}

export async function expireHolds(ctx: EngineContext): Promise<number> {
  // With their status webhook outcome events, in the same statement.
  const rows = await ctx.db.query<{ run_id: number }>(
    withOutcomeEvents(
      `UPDATE deliveries d SET state = 'failed', outcome = 'hold_expired', error_code = 'hold_expired',
       error_text = 'the operator chat stayed open until the hold expired', hold_expires_at = NULL, updated_at = now()
     WHERE d.hold_expires_at <= now() AND d.state = 'held'`,
      '$1',
      'run_id',
    ),
    [null],
  );
  for (const [runId, count] of countBy(rows.map((r) => r.run_id))) {
    await logRun(ctx.db, runId, 'hold_expired', `${count} held recipient(s) expired: their operator chat stayed open`, { expired: count });
  }
  return rows.length;
}

function countBy(values: number[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}
