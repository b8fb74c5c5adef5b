// Max lateness (issue 17 point 11): a delayed or periodic run whose time passed while Botcast was
// down by more than the limit (BOTCAST_MAX_LATENESS_HOURS) is skipped and logged instead of sent
// late — a "good morning" at 16:00 is worse than none. Under the limit it runs once, late.
import { instantToLocal } from '../domain/schedule/index.ts';
import type { Queryable } from '../storage/db.ts';
import { createRun, logRun } from '../storage/queries/runs.ts';

/** Whether a run due at `due` is too late to send at `now`. */
export function tooLate(due: Date, now: Date, limitMs: number): boolean {
  return now.getTime() - due.getTime() > limitMs;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The log line a user reads; times on the bot's wall clock, the date too when it was another day. */
export function skippedMessage(due: Date, now: Date, limitMs: number, zone: string): string {
  const at = instantToLocal(due, zone);
  const today = instantToLocal(now, zone);
  const time = `${pad(at.hour)}:${pad(at.minute)}`;
  const sameDay = at.year === today.year && at.month === today.month && at.day === today.day;
  const when = sameDay ? time : `${at.year}-${pad(at.month)}-${pad(at.day)} ${time}`;
  const minutes = Math.floor((now.getTime() - due.getTime()) / 60_000);
  const hours = Math.floor(minutes / 60);
  // Minutes too while they matter: "6 h ago, more than the 6-hour limit" would read as a contradiction.
  const ago = hours >= 10 || minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const limitHours = Math.round((limitMs / 3600_000) * 100) / 100;
  return `Skipped: Botcast was not running at ${when}; the send was due ${ago} ago, more than the ${limitHours}-hour limit`;
}

/**
 * Records the skipped occurrence as a run that never started (stopped, nothing materialised), so
 * the send's page and its log say what happened. Idempotent per (send, planned_at), as createRun.
 */
export async function recordSkippedRun(
  q: Queryable,
  sendId: number,
  due: Date,
  now: Date,
  limitMs: number,
  zone: string,
  note = '',
): Promise<number | null> {
  const runId = await createRun(q, sendId, due);
  if (!runId) return null;
  await q.query(`UPDATE runs SET state = 'stopped', started_at = now(), finished_at = now() WHERE id = $1`, [runId]);
  await logRun(q, runId, 'skipped', skippedMessage(due, now, limitMs, zone) + note, {
    plannedAt: due,
    lateHours: (now.getTime() - due.getTime()) / 3600_000,
    limitHours: limitMs / 3600_000,
  });
  return runId;
}
