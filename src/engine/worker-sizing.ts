// How much one worker holds at a time: the pumps per channel, the in-flight window a kill can leave
// behind, and the steps of the claim's progress mark — the figures recovery and the kill bench rely on.
import { FLUSH_AT } from './outcome-buffer.ts';
import type { Transition } from './outcomes.ts';

/** Pumps (claim-and-send loops) a worker runs per channel with work. */
export const PUMPS_PER_CHANNEL = 2;

/**
 * The most deliveries one worker holds in flight on one channel, as the database sees them: each
 * pump's claimed batch, requests of earlier batches still waiting for their answer (bounded by the
 * worker's concurrency), and answers not yet written (a flush every 20 ms or 256 outcomes). After a
 * kill -9, recovery returns the part of the claimed batches that never left to the queue.
 */
export function inFlightWindow(settings: { batchSize: number; concurrency: number }): number {
  return PUMPS_PER_CHANNEL * settings.batchSize + settings.concurrency + FLUSH_AT;
}

/**
 * The claim's progress mark is raised this many requests at a time (claim-progress.ts). A kill can
 * leave what was marked and not yet sent `unknown`: at most a step and its early start per pump,
 * half the concurrency, so both pumps of a channel stay within it. Each step is a statement: the
 * throughput bench measured about 14 µs of database CPU per delivery with steps of a quarter.
 */
export function markStep(settings: { concurrency: number }): { step: number; early: number } {
  const early = Math.max(0, Math.floor(settings.concurrency / 16));
  return { step: Math.max(1, Math.floor(settings.concurrency / 2) - early), early };
}

export interface WorkerStats {
  sent: number;
  failed: number;
  requeued: number;
  unknown: number;
  pauses: number;
  /** Left out by a platform's messaging window (never sent). */
  leftOut: number;
  /** Requests that left later than their slot allows (sent, the channel's later slots moved back). */
  lateWrites: number;
}

/** Counts an outcome in the worker's figures. */
export function countTransition(stats: WorkerStats, t: Transition) {
  if (t.state === 'sent') stats.sent += 1;
  else if (t.state === 'failed') stats.failed += 1;
  else if (t.state === 'unknown') stats.unknown += 1;
  else if (t.state === 'cancelled') stats.leftOut += 1;
  else stats.requeued += 1;
}
