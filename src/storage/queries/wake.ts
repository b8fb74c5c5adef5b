// Wake-ups. Whoever creates work says so with a NOTIFY inside the transaction that creates it, so
// that it is heard on commit only (never for work rolled back) by every process that listens
// (src/engine/wakeups.ts): on PostgreSQL the other API and worker processes, on PGlite this one.
// A wake-up only shortens a wait; every listener still polls, so a lost one delays, never loses.
import type { Queryable } from '../db.ts';

export const WAKE_CHANNEL = 'botcast_wake';

/**
 * 'schedule': a send, a run or an event the scheduler consumes was created (schedulers run a pass
 * and re-arm their timer for the next due time); 'work': deliveries became claimable (workers look
 * for work).
 */
export type WakeTopic = 'schedule' | 'work';

export async function notifyWake(q: Queryable, topic: WakeTopic) {
  await q.query(`SELECT pg_notify('${WAKE_CHANNEL}', $1)`, [topic]);
}
