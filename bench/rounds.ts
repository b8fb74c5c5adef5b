// What the rounds of every benchmark family share: the run's fake platform server, its table
// (Markdown on stdout), its progress log (stderr), its failed checks and its results file; the
// number formats of the table; and the worker settings the contenders run with.
import { range, type FakeControl } from './lib.ts';

/** Requests in flight per sending process (BOTCAST_WORKER_CONCURRENCY, the ceiling's connections). */
export const CONCURRENCY = 64;
/** Deliveries claimed per batch (BOTCAST_WORKER_BATCH). */
export const BATCH = 500;

export interface Bench {
  fake: FakeControl;
  /** A line of the table. */
  out(s?: string): void;
  /** A line of progress. */
  log(msg: string): void;
  failures: string[];
  /** What goes to the JSON results file, one key per family. */
  results: Record<string, unknown>;
  /** Writes the results file now (an interrupted run keeps what was measured). */
  saveResults(): void;
}

export const log = (msg: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
export const fmt = (x: number, digits = 0) =>
  Number.isFinite(x) ? x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—';
export const fmtRange = (xs: number[], digits = 0) => {
  const [lo, hi] = range(xs);
  return `${fmt(lo, digits)}–${fmt(hi, digits)}`;
};
/** The order of a list rotated by `i` (interleaving without a fixed first or last). */
export const rotate = <T>(xs: readonly T[], i: number) => xs.map((_, k) => xs[(k + i) % xs.length]);
