// The chaos run's judge for timing: the fullest sliding 1-second window at the fake, the requests
// that arrived inside a 429 pause, and — when a window is over the limit — which side stalled: the
// workers' own record of when each request left (BOTCAST_PACING_TRACE, src/engine/pacer.ts) and
// event-loop stalls, against the fake's arrival times and its own stalls.
import { readFileSync, existsSync } from 'node:fs';
import type { FakeRecord } from '../fakes/types.ts';
import type { FakeStall } from '../fakes/server.ts';

export interface Window {
  count: number;
  /** First and last time in the fullest window. */
  from: number;
  to: number;
}

/** The fullest window (t − 1000 ms, t] over sorted times; count 0 when there are none. */
export function fullestWindow(sortedTimes: readonly number[]): Window {
  let best: Window = { count: 0, from: 0, to: 0 };
  let start = 0;
  for (let end = 0; end < sortedTimes.length; end++) {
    while (sortedTimes[end] - sortedTimes[start] >= 1000) start++;
    if (end - start + 1 > best.count) best = { count: end - start + 1, from: sortedTimes[start], to: sortedTimes[end] };
  }
  return best;
}

export interface PauseCheck {
  pauses: number;
  /** Requests that arrived more than `graceMs` after a 429 was answered and before its pause ended. */
  inside: number;
  /** The latest such arrival, ms after the 429 was answered. */
  latestMs: number;
  /** Of those, requests that left the worker (its trace) more than `graceMs` after the 429 was answered. */
  startedInside: number;
  /** Per pause with requests inside: the 429's recipient and the arrivals, ms after it was answered (with when they left). */
  detail: Array<{ recipient: string | undefined; answered: number; untilMs: number; arrivalsMs: string[]; startedInside: number }>;
}

/**
 * Requests inside a pause: for each 429 on the channel, arrivals in (answered + graceMs, answered +
 * retryAfter); of those, the ones that left a worker more than graceMs after the 429 was read. `answered` is when the fake wrote the 429 (held answers carry their time), so the
 * grace covers the requests already on their way when the worker read it.
 */
export function requestsInsidePauses(
  records: readonly FakeRecord[],
  retryAfterMs: (r: FakeRecord) => number,
  startOf: (r: FakeRecord) => number | undefined,
  stalledMs: (from: number, to: number) => number = () => 0,
  graceMs = 20,
  /** When the first worker read the 429 (the pacing trace), if known: no worker can stop before. */
  readAt: (p: FakeRecord, answered: number, until: number) => number | undefined = () => undefined,
): PauseCheck {
  const limited = records.filter((r) => r.fault === 'rate_limited');
  const result: PauseCheck = { pauses: limited.length, inside: 0, startedInside: 0, latestMs: 0, detail: [] };
  for (const p of limited) {
    const answered = p.answeredT ?? p.t;
    const until = answered + retryAfterMs(p);
    const arrivalsMs: string[] = [];
    let startedInside = 0;
    for (const r of records) {
      if (r === p || r.t <= answered + graceMs || r.t >= until) continue;
      const left = startOf(r);
      // A worker whose event loop was stalled could not read the 429 meanwhile: the grace counts
      // from when the workers could run (their stalls over 20 ms in between, from the trace).
      // The issue's measure: every worker stops within a few ms of any worker *reading* the 429
      // (the fake's answer may wait in a descheduled worker's socket meanwhile).
      const known = Math.max(answered, readAt(p, answered, until) ?? answered);
      if (left === undefined || left > known + graceMs + stalledMs(known, left)) startedInside += 1;
      arrivalsMs.push(`+${r.t - answered}${left === undefined ? '' : ` (left +${left - answered})`}`);
      result.inside += 1;
      result.latestMs = Math.max(result.latestMs, r.t - answered);
    }
    result.startedInside += startedInside;
    if (arrivalsMs.length > 0) result.detail.push({ recipient: p.recipient, answered, untilMs: until, arrivalsMs, startedInside });
  }
  return result;
}

export interface SenderTrace {
  /** Per channel id: start time of each delivery id, as the worker recorded it. */
  starts: Map<number, Map<number, number>>;
  /** Per channel and delivery id: every start (a retried delivery leaves more than once). */
  allStarts: Map<number, Map<number, number[]>>;
  stalls: Array<{ pid: number; end: number; ms: number }>;
  /** When each worker learned of a channel pause, and how (read its own 429, notify, poll). */
  pauses: Array<{ pid: number; channel: number; t: number; source: string }>;
}

export function readTrace(path: string): SenderTrace {
  const trace: SenderTrace = { starts: new Map(), allStarts: new Map(), stalls: [], pauses: [] };
  if (!existsSync(path)) return trace;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const f = line.split(',');
    if (f[0] === 's' && f.length === 6) {
      const channel = Number(f[2]);
      let m = trace.starts.get(channel);
      if (!m) trace.starts.set(channel, (m = new Map()));
      m.set(Number(f[3]), Number(f[5]));
      let all = trace.allStarts.get(channel);
      if (!all) trace.allStarts.set(channel, (all = new Map()));
      const list = all.get(Number(f[3])) ?? [];
      list.push(Number(f[5]));
      all.set(Number(f[3]), list);
    } else if (f[0] === 'p' && f.length === 5) {
      trace.pauses.push({ pid: Number(f[1]), channel: Number(f[2]), t: Number(f[3]), source: f[4] });
    } else if (f[0] === 'stall' && f.length === 4) {
      trace.stalls.push({ pid: Number(f[1]), end: Number(f[2]), ms: Number(f[3]) });
    }
  }
  return trace;
}

/** The longest time any one worker's event loop was stalled (summed) between two times. */
export function workerStalledMs(trace: SenderTrace, from: number, to: number): number {
  const byPid = new Map<number, number>();
  for (const st of trace.stalls)
    if (st.end > from && st.end - st.ms < to)
      byPid.set(st.pid, (byPid.get(st.pid) ?? 0) + Math.min(st.end, to) - Math.max(st.end - st.ms, from));
  return Math.max(0, ...byPid.values());
}

export interface WindowReport {
  /** Fullest sliding 1-second window of arrivals at the fake. */
  atFake: number;
  /** Fullest sliding 1-second window of the same channel's request starts in the workers. */
  atSender: number;
  /** Longest event-loop stall of the fake / of any worker during the run (ms). */
  fakeStallMs: number;
  senderStallMs: number;
  /** When the fake's window is over the limit: what happened around it. */
  diagnosis?: string;
  /**
   * The fake's window is over only because the fake itself stalled: every request in it left the
   * workers more than a second apart from the first to the last, and the fake's event loop was
   * held up there, so it stamped earlier arrivals late. On a 2-core machine at load 9 the fake
   * stalled 82 ms; no margin of the pacer can absorb that without giving up the rate.
   */
  crowdedByFake?: boolean;
}

/** Whether a run kept the limit: as the requests left the workers, and at the fake unless the fake's own stall crowded it. */
export function windowsKept(report: WindowReport, limit: number): boolean {
  return report.atSender <= limit && (report.atFake <= limit || report.crowdedByFake === true);
}

/**
 * Both sides' fullest windows for one channel. `idOf` maps a recipient to its delivery id (the
 * trace knows ids, the fake recipients).
 */
export function judgeWindows(
  records: readonly FakeRecord[],
  limit: number,
  channelId: number,
  trace: SenderTrace,
  fakeStalls: readonly FakeStall[],
  idOf: (recipient: string) => number | undefined,
): WindowReport {
  const arrivals = records.map((r) => r.t).sort((a, b) => a - b);
  const fake = fullestWindow(arrivals);
  const starts = trace.starts.get(channelId) ?? new Map<number, number>();
  const sender = fullestWindow([...starts.values()].sort((a, b) => a - b));
  const report: WindowReport = {
    atFake: fake.count,
    atSender: sender.count,
    fakeStallMs: Math.max(0, ...fakeStalls.map((s) => s.ms)),
    senderStallMs: Math.max(0, ...trace.stalls.map((s) => s.ms)),
  };
  if (fake.count > limit) {
    const inWindow = records.filter((r) => r.t >= fake.from && r.t <= fake.to);
    const left = inWindow.map((r) => starts.get(idOf(r.recipient ?? '') ?? -1)).filter((t): t is number => t !== undefined);
    const near = (end: number, ms: number) => end >= fake.from - 200 && end - ms <= fake.to;
    const lag = inWindow.map((r) => r.t - (starts.get(idOf(r.recipient ?? '') ?? -1) ?? r.t));
    const spread = left.length ? Math.max(...left) - Math.min(...left) : 0;
    const fakeStallsThere = fakeStalls.filter((st) => near(st.end, st.ms));
    report.crowdedByFake = left.length === inWindow.length && spread >= 1000 && fakeStallsThere.length > 0;
    report.diagnosis =
      `${fake.count} arrivals in [${fake.from}, ${fake.to}]; ${left.length} of them traced, ` +
      `they left over ${left.length ? Math.max(...left) - Math.min(...left) : 0} ms; arrival − start up to ${Math.max(0, ...lag)} ms; ` +
      `fake stalls there: ${JSON.stringify(fakeStalls.filter((s) => near(s.end, s.ms)))}; ` +
      `worker stalls there: ${JSON.stringify(trace.stalls.filter((s) => near(s.end, s.ms)))}`;
  }
  return report;
}

/** How the workers learned of the pause a 429 answered at `answered` started: `<pid> <source> +<ms>`, in time order. */
export function pauseLearned(trace: SenderTrace, channelId: number, answered: number, untilMs: number): string {
  return trace.pauses
    .filter((p) => p.channel === channelId && p.t >= answered - 50 && p.t < untilMs)
    .sort((a, b) => a.t - b.t)
    .map((p) => `${p.pid} ${p.source} +${p.t - answered}`)
    .join(', ');
}

/** The first time a worker read a 429 on the channel (trace `read`) in [answered, until). */
export function firstRead(trace: SenderTrace, channelId: number, answered: number, until: number): number | undefined {
  let first: number | undefined;
  for (const p of trace.pauses)
    if (p.channel === channelId && p.source === 'read' && p.t >= answered && p.t < until && (first === undefined || p.t < first))
      first = p.t;
  return first;
}

/** When the request that arrived at `arrivedAt` left: the delivery's latest start no later than that. */
export function startBefore(trace: SenderTrace, channelId: number, deliveryId: number, arrivedAt: number): number | undefined {
  let best: number | undefined;
  for (const t of trace.allStarts.get(channelId)?.get(deliveryId) ?? []) if (t <= arrivedAt && (best === undefined || t > best)) best = t;
  return best;
}

/**
 * For the 429 answered at `answered`: how long after the first worker read it each other worker
 * learned of it, and how it learned first (peer datagram, NOTIFY, poll).
 */
export function pauseHearing(
  trace: SenderTrace,
  channelId: number,
  answered: number,
  until: number,
): Array<{ source: string; ms: number }> {
  const read = firstRead(trace, channelId, answered, until);
  if (read === undefined) return [];
  const reader = trace.pauses.find((p) => p.channel === channelId && p.source === 'read' && p.t === read)?.pid;
  const first = new Map<number, { source: string; ms: number }>();
  for (const p of [...trace.pauses].sort((a, b) => a.t - b.t))
    if (p.channel === channelId && p.t >= read && p.t < until && p.pid !== reader && !first.has(p.pid))
      first.set(p.pid, { source: p.source, ms: p.t - read });
  return [...first.values()];
}

/** The hearing delays summed up: how many learned first by each source, and the median and longest delay. */
export function summariseHearing(heard: ReadonlyArray<{ source: string; ms: number }>): {
  bySource: Record<string, number>;
  p50Ms: number;
  maxMs: number;
} {
  const bySource: Record<string, number> = {};
  for (const h of heard) bySource[h.source] = (bySource[h.source] ?? 0) + 1;
  const sorted = heard.map((h) => h.ms).sort((a, b) => a - b);
  return { bySource, p50Ms: sorted[Math.floor(sorted.length / 2)] ?? 0, maxMs: sorted[sorted.length - 1] ?? 0 };
}
