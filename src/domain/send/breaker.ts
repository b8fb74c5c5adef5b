// The circuit breaker's rule (issue 17 point 10): a run — and a channel, over all its sends —
// pauses itself when more than `percent` % of its last `window` outcomes were refused. Refused:
// the person blocked the bot, or the platform refused the message for good (`permanent`,
// `invalid_recipient`). Counted outcomes are the final ones: sent, failed, unknown. Retries,
// rate limits and the recipients a messaging window leaves out are not outcomes of a request.
//
// The window is kept as two blocks of counters (the current one and the one before), not as a
// list of outcomes: the workers add each flush's counts with one statement. The refused share of
// the last `window` outcomes is the current block plus the part of the previous block that is
// still inside the window, taken at the previous block's own share — the estimate sliding-window
// rate limiters use. It is exact while outcomes are spread evenly, and never trips before a whole
// window was counted: the window is also the smallest sample.

export interface BreakerSettings {
  /** Trips above this share, in percent (0 < percent < 100). */
  percent: number;
  /** Outcomes in the window (and the smallest sample), 50–100000. */
  window: number;
}

export const DEFAULT_BREAKER: BreakerSettings = { percent: 20, window: 500 };
export const BREAKER_WINDOW_MIN = 50;
export const BREAKER_WINDOW_MAX = 100_000;

/** The counters of one window (breaker_windows). */
export interface BreakerCounters {
  curN: number;
  curR: number;
  prevN: number;
  prevR: number;
}

/** Outcome classes that count as refused. */
export const REFUSED_OUTCOMES: ReadonlySet<string> = new Set(['blocked', 'permanent', 'invalid_recipient']);

export interface BreakerReading {
  /** Outcomes inside the window (at most `window`). */
  outcomes: number;
  /** Refused among them (estimated for the previous block's part). */
  refused: number;
  share: number;
}

export function readWindow(c: BreakerCounters, window: number): BreakerReading {
  const fromPrev = Math.min(c.prevN, Math.max(0, window - c.curN));
  const refused = c.curR + (c.prevN > 0 ? (c.prevR * fromPrev) / c.prevN : 0);
  const outcomes = c.curN + fromPrev;
  return { outcomes, refused, share: outcomes > 0 ? refused / outcomes : 0 };
}

/** The window is full and more than `percent` % of it was refused. */
export function trips(c: BreakerCounters, settings: BreakerSettings): BreakerReading | null {
  const reading = readWindow(c, settings.window);
  return reading.outcomes >= settings.window && reading.share * 100 > settings.percent ? reading : null;
}

/** "23 %", with a decimal where rounding would meet the threshold ("20.4 %", not "20 %" over 20). */
export function formatShare(share: number, percent: number): string {
  const whole = Math.round(share * 100);
  return whole > percent ? `${whole} %` : `${(Math.floor(share * 1000) / 10).toFixed(1)} %`;
}

/** The reason a person reads in the log and on the send's page. `where`: "on Telegram", or the channel over all its sends. */
export function breakerReason(reading: BreakerReading, settings: BreakerSettings, where: string): string {
  return (
    `Paused automatically: ${formatShare(reading.share, settings.percent)} of the last ${reading.outcomes} messages ${where} ` +
    `were refused (blocked or permanent errors), more than the ${settings.percent} % the channel allows`
  );
}
