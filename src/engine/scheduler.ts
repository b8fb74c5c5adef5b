// The clockwork of a worker process: due sends become runs, due runs are materialised, held
// deliveries are released or expired, finished runs are completed, dead workers' deliveries are
// settled. Every step is a short transaction that is safe to run from any number of processes.
import { dueOccurrence } from '../domain/schedule/index.ts';
import type { SendTiming } from '../domain/send/timing.ts';
import type { EngineContext } from './types.ts';
import type { EnginePorts } from './ports.ts';
import type { Queryable } from '../storage/db.ts';
import { completeRuns } from './sql/runs.ts';
import { createRun, logRun } from '../storage/queries/runs.ts';
import { materialiseNextRun } from './materialise.ts';
import { expireHolds, releaseHolds } from './holds.ts';
import { recoverDeadWorkers } from './sql/workers.ts';
import { processTriggers } from './triggers.ts';
import { applyRetention, claimDailyJob } from './retention.ts';
import { recordSkippedRun, tooLate } from './lateness.ts';

interface DueSend {
  id: number;
  timing: SendTiming;
  next_run_at: Date;
  last_planned_at: Date | null;
  created_at: Date;
  now: Date;
  /** The bot's time zone: a skipped run's log line names the time on its clock. */
  zone: string;
}

/**
 * Turns due sends into runs; periodic sends get their next occurrence (missed ones run once). A
 * delayed or periodic run due longer ago than `maxLatenessMs` (Botcast was down) is skipped and
 * logged instead (lateness.ts); a periodic send's schedule goes on.
 */
export async function startDueSends(ctx: EngineContext, limit = 50): Promise<number> {
  const limitMs = ctx.settings.maxLatenessMs;
  return ctx.db.transaction(async (tx) => {
    const due = await tx.query<DueSend>(
      `SELECT id, timing, next_run_at, last_planned_at, created_at, now() AS now,
              (SELECT b.time_zone FROM bots b WHERE b.id = sends.bot_id) AS zone FROM sends
       WHERE next_run_at <= now() AND deleted_at IS NULL
       ORDER BY next_run_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    for (const send of due) {
      if (send.timing.type !== 'periodic') {
        if (send.timing.type === 'delayed' && tooLate(send.next_run_at, send.now, limitMs)) {
          await recordSkippedRun(tx, send.id, send.next_run_at, send.now, limitMs, send.zone);
        } else {
          const runId = await createRun(tx, send.id, send.next_run_at);
          if (runId) await logRun(tx, runId, 'created', `Run for ${send.next_run_at.toISOString()}`, { plannedAt: send.next_run_at });
        }
        await tx.query('UPDATE sends SET next_run_at = NULL, last_planned_at = $2 WHERE id = $1', [
          send.id,
          send.next_run_at.toISOString(),
        ]);
        continue;
      }
      const { recurrence, zone } = send.timing;
      const occurrence = dueOccurrence(recurrence, zone, send.last_planned_at ?? new Date(send.created_at.getTime() - 1), send.now);
      const note =
        occurrence.missed > 0
          ? `; ${occurrence.missed}${occurrence.missedAtLeast ? '+' : ''} occurrence(s) missed while Botcast was down were skipped`
          : '';
      if (occurrence.due && tooLate(occurrence.due, send.now, limitMs)) {
        await recordSkippedRun(tx, send.id, occurrence.due, send.now, limitMs, zone, note);
      } else if (occurrence.due) {
        const runId = await createRun(tx, send.id, occurrence.due);
        if (runId) {
          await logRun(tx, runId, 'created', `Periodic run for ${occurrence.due.toISOString()}${note}`, {
            plannedAt: occurrence.due,
            missed: occurrence.missed,
          });
        }
      }
      await tx.query('UPDATE sends SET next_run_at = $2, last_planned_at = coalesce($3, last_planned_at) WHERE id = $1', [
        send.id,
        occurrence.next?.toISOString() ?? null,
        occurrence.due?.toISOString() ?? null,
      ]);
    }
    return due.length;
  });
}

/**
 * Milliseconds until the next send or trigger firing falls due that was not yet due when the pass
 * began `sinceMs` ago (0 when one fell due during the pass; null when none is planned). Read on the
 * database's clock, the one that decides what is due; those already due when the pass began are
 * left out: locked by another process or failing, they must not make passes run back to back.
 */
export async function msToNextDue(q: Queryable, sinceMs: number): Promise<number | null> {
  const [row] = await q.query<{ ms: number | null }>(
    `SELECT extract(epoch FROM least(
       (SELECT min(next_run_at) FROM sends
        WHERE next_run_at IS NOT NULL AND deleted_at IS NULL AND next_run_at > statement_timestamp() - make_interval(secs => $1)),
       (SELECT min(coalesce(ready_at, due_at)) FROM trigger_firings
        WHERE state = 'pending' AND coalesce(ready_at, due_at) > statement_timestamp() - make_interval(secs => $1))
     ) - statement_timestamp()) * 1000 AS ms`,
    [sinceMs / 1000],
  );
  return row?.ms === null || row?.ms === undefined ? null : Math.max(0, Number(row.ms));
}

export interface SchedulerOptions {
  tickMs: number;
  /** Wake-ups (wakeups.ts): wake() runs a pass now, and each pass times the next one to the next due send. */
  wakeups?: boolean;
  dedupPlatforms: readonly string[];
  /** This process's workers: never presumed dead by this process's own recovery. */
  localWorkers?: readonly string[];
}

export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private ticks = 0;
  /** Passes finished; a pass numbered above `ticks` read at some moment began after it (tests wait on this). */
  finishedPasses = 0;
  private stopped = false;
  /** A wake-up arrived during a pass: another one follows at once. */
  private again = false;

  constructor(
    private readonly ctx: EngineContext,
    private readonly ports: Pick<EnginePorts, 'freezeContent' | 'refreshTemplates'>,
    private readonly options: SchedulerOptions,
  ) {}

  start() {
    this.schedule(0);
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  /** A wake-up (new send, run or event): a pass now, or right after the one running. */
  wake() {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Passes begun so far (the one running included). */
  get passesBegun() {
    return this.ticks;
  }

  /** One pass of every duty; exposed for tests. */
  async tick() {
    if (this.running) return;
    this.running = true;
    this.again = false;
    const began = performance.now();
    let next = this.options.tickMs;
    try {
      this.ticks += 1;
      // The data folder's disk below its reserve (embedded mode): nothing new is written. Due sends
      // stay due and run late, once space is back; the reserve logged the change.
      if (this.ctx.disk?.state.ok === false) return;
      await startDueSends(this.ctx);
      // Runs first: the end of a grace window or an external event reaches workers without waiting for the triggers' step.
      for (let i = 0; i < 10 && !this.stopped; i++) {
        // A chunk writes tens of MB: the free space is read again before each (the watch reads it every few seconds).
        if (this.ctx.disk && !(await this.ctx.disk.check()).ok) break;
        if ((await materialiseNextRun(this.ctx)) === null) break;
      }
      await processTriggers(this.ctx, this.ports);
      await releaseHolds(this.ctx);
      if (this.ticks % 4 === 0) await expireHolds(this.ctx);
      if (this.ticks % 4 === 0) {
        const recovered = await recoverDeadWorkers(
          this.ctx.db,
          this.ctx.settings.workerStaleMs,
          this.options.dedupPlatforms,
          this.options.localWorkers,
        );
        if (recovered.returned + recovered.requeued + recovered.unknown > 0)
          this.ctx.logger.warn(recovered, 'recovered in-flight deliveries of a dead worker');
      }
      await completeRuns(this.ctx.db);
      if (this.ticks % 240 === 1) void this.retention();
      if (this.ticks % 240 === 2) void this.templates();
      if (this.options.wakeups) {
        // The next pass when the next send falls due, if that comes before the tick (+2 ms: a timer may fire early).
        const due = await msToNextDue(this.ctx.db, performance.now() - began);
        if (due !== null) next = Math.min(next, due === 0 ? 0 : due + 2);
      }
    } catch (error) {
      if (!this.stopped) this.ctx.logger.error({ err: error }, 'scheduler tick failed');
    } finally {
      this.running = false;
      this.finishedPasses = this.ticks;
      this.schedule(this.again ? 0 : next);
    }
  }

  private retaining = false;
  private refreshing = false;

  /** WhatsApp template lists a day old are read again, in the background (a slow platform must not hold up sending). */
  private async templates() {
    if (this.refreshing || this.stopped || !this.ports.refreshTemplates) return;
    this.refreshing = true;
    try {
      await this.ports.refreshTemplates();
    } catch (error) {
      this.ctx.logger.warn({ err: error }, 'refreshing message templates failed');
    } finally {
      this.refreshing = false;
    }
  }

  /** Daily, in the background of the tick: deleting old runs must never hold up sending. */
  private async retention() {
    if (this.retaining || this.stopped) return;
    this.retaining = true;
    try {
      if (!(await claimDailyJob(this.ctx.db, 'retention'))) return;
      const result = await applyRetention(this.ctx.db, this.ctx.settings.retentionMonths, { shouldStop: () => this.stopped });
      if (result.runs > 0) this.ctx.logger.info(result, 'retention deleted old runs');
    } catch (error) {
      this.ctx.logger.error({ err: error }, 'retention failed');
    } finally {
      this.retaining = false;
    }
  }

  async stop() {
    this.stopped = true;
    while (this.retaining) await new Promise((r) => setTimeout(r, 10));
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await new Promise((r) => setTimeout(r, 10));
  }
}
