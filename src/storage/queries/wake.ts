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

/**
 * A channel pause, sent by the worker that read the platform's "slow down" with the statement that
 * writes it (engine/sql/claim.ts): `pause:<channel id>:<end, ms since epoch on the database clock>`.
 * Every other worker stops sending on that channel when it hears it, not at its next poll.
 */
export const PAUSE_TOPIC_PREFIX = 'pause:';

export function pauseTopic(channelId: number, untilMs: number): string {
  return `${PAUSE_TOPIC_PREFIX}${channelId}:${Math.floor(untilMs)}`;
}

export function parsePauseTopic(payload: string): { channelId: number; untilMs: number } | null {
  if (!payload.startsWith(PAUSE_TOPIC_PREFIX)) return null;
  const [channelId, untilMs] = payload.slice(PAUSE_TOPIC_PREFIX.length).split(':').map(Number);
  return Number.isFinite(channelId) && Number.isFinite(untilMs) ? { channelId, untilMs } : null;
}

export async function notifyWake(q: Queryable, topic: WakeTopic) {
  await q.query(`SELECT pg_notify('${WAKE_CHANNEL}', $1)`, [topic]);
}
