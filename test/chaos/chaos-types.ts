// What a chaos run is asked to do and what it reports (chaos.ts runs it; run.ts and suite.ts read it).
import type { WindowReport } from './judge.ts';

export interface ChaosOptions {
  recipients: number;
  apis: number;
  workers: number;
  /** Kill a random worker every this many ms. */
  killEveryMs: number;
  restartPostgres: boolean;
  /** Cut the database off while a held 429 is on its way to a worker (outage.ts). */
  outageDuringPause?: boolean;
  ratePerSecond: number;
  timeoutMs: number;
  log?: (line: string) => void;
}

export interface ChaosReport {
  recipients: number;
  kills: number;
  /** Workers that exited without being killed (a fault in itself; their claims are not the kills'). */
  crashes: number;
  postgresRestarts: number;
  seconds: number;
  sent: number;
  failed: number;
  unknown: number;
  delivered: number;
  duplicates: number;
  lost: number;
  notFinal: number;
  counterMismatches: number;
  /** Deliveries `unknown` whose request never reached the platform (all kills), in all and per channel. */
  unknownNeverSent: number;
  unknownNeverSentByChannel: Record<string, number>;
  /** The same by platform and error code. */
  unknownNeverSentWhy: Record<string, number>;
  /** Workers the others presumed dead while they ran (they said so when they found their row gone). */
  presumedDead: number;
  /** Fullest sliding 1-second window at the fake, per platform. */
  maxWindow: Record<string, number>;
  /** The same, of request starts as the workers recorded them, and the longest stalls on each side. */
  windows: Record<string, WindowReport>;
  /** 429 pauses, and requests that arrived inside one more than 20 ms after its 429 was answered. */
  pauses: number;
  insidePause: number;
  insidePauseLatestMs: number;
  insidePauseDetail: string[];
  /** Of those, requests that left a worker more than 20 ms after the 429 was answered (the workers' trace). */
  startedInsidePause: number;
  /** Requests that left a worker more than PAUSE_LIVENESS_MS into a pause (the suite's hard bound, suite.ts). */
  startedInsidePauseAfterLiveness: number;
  /** The same for the pause read while the database was away (outage.ts): reported apart, see suite.ts. */
  startedInsideOutagePause: number;
  /** How the other workers learned of each 429 after the first worker read it: first source, median and longest delay. */
  pauseHeard: { bySource: Record<string, number>; p50Ms: number; maxMs: number };
  outage: { downAt: number; upAt: number; pauseAnsweredAt: number } | null;
  rate: number;
  problems: string[];
}
