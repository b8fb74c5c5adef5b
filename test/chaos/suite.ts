// The chaos run, shorter, as the suite runs it (test/integration/chaos*.test.ts): two APIs and two or
// three workers on one PostgreSQL, faults at three fake platforms, workers killed with SIGKILL every
// few seconds and restarted, and the database cut off while a 429 is on its way (outage.ts). The
// full run, with a PostgreSQL restart, is `npm run chaos`. The judge is the fake servers' records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINE } from '../helpers/engine.ts';
import { runChaos } from './chaos.ts';

/** The suite's chaos test with `workers` worker processes (one file each: a file's tests share its 300 s budget). */
export function chaosTest(workers: number) {
  test(
    `chaos, ${workers} workers: nobody twice, nothing lost, everything final, unknown-never-sent ≤ concurrency per kill, no sliding window over the limit, pauses held through a database outage`,
    { skip: ENGINE !== 'postgres' && 'worker processes share PostgreSQL' },
    async (tc) => {
      const report = await runChaos({
        recipients: 6000,
        apis: 2,
        workers,
        // Three channels at 500/s each finish 6,000 in about 4 s on a quiet machine: a kill every
        // 1.5 s makes at least two (one run had only one at 2.5 s).
        killEveryMs: 1500,
        restartPostgres: false,
        outageDuringPause: true,
        ratePerSecond: 500,
        // A deadline for liveness, not a speed check: at load 28 on 2 cores a run took up to 150 s.
        timeoutMs: 240_000,
      });
      // Every problem the judge found (chaos.ts), among them: unknown-never-sent per kill above the
      // concurrency on a channel, a worker that died on its own, a sliding window over the limit.
      // Before the driver fix a lost connection inside a transaction killed workers during the
      // database cut: their claims were charged to the kills (41 on one channel after one kill),
      // and the worker holding the pause read meanwhile took it with it.
      const h = report.pauseHeard;
      tc.diagnostic(
        `${report.kills} kills, ${report.presumedDead} presumed dead; unknown and never delivered, by platform and code: ${JSON.stringify(report.unknownNeverSentWhy)}`,
      );
      tc.diagnostic(
        `other workers heard a 429 after its first read: median ${h.p50Ms} ms, longest ${h.maxMs} ms; first by ${JSON.stringify(h.bySource)}`,
      );
      assert.deepEqual(report.problems, []);
      assert.equal(report.crashes, 0);
      assert.ok(report.kills >= 2, `only ${report.kills} kills`);
      assert.ok(report.outage && report.outage.downAt > 0, 'the database was cut off while a pause was on its way');
      assert.equal(report.duplicates, 0);
      assert.equal(report.lost, 0);
      assert.equal(report.notFinal, 0);
      for (const [platform, n] of Object.entries(report.unknownNeverSentByChannel))
        assert.ok(
          n <= (report.kills + report.presumedDead) * 32,
          `${platform}: ${n} unknown never sent after ${report.kills} kills and ${report.presumedDead} workers presumed dead`,
        );
      for (const [platform, n] of Object.entries(report.maxWindow)) assert.ok(n <= 500, `${platform}: ${n} in a sliding second`);
      // Judged by when requests left the workers, from the first worker's read of the 429, less
      // the workers' own event-loop stalls. Hard: none left PAUSE_LIVENESS_MS (200 ms) into a
      // pause (report.problems). Still open (issue 20 point 2): 20 ms. Four loaded runs passed;
      // one with three workers at load 12–15 did not — the others heard the pause 127 ms after
      // its reader read it (trace: read +72, notify +199), though it is announced on the
      // listening connection before it is written.
      await tc.test('no request leaves a worker more than 20 ms into a 429 pause', () => {
        assert.equal(report.startedInsidePause, 0, report.insidePauseDetail.join('; '));
      });
      // The pause read while the database was away: held by the worker that read it, written as
      // soon as the database answers (before that worker sends anything else on the channel); the
      // other workers lost their listening connections with the database and send nothing until
      // they are back and have polled the pauses (src/engine/hearing.ts). Before that, a run on an
      // idle machine failed it with three workers (19 requests left 197–278 ms into the pause) and
      // with two (14, 163–198 ms): the others learned of it by polling 0.6 s after the read.
      await tc.test('the pause read while the database was away holds for every worker', () => {
        assert.equal(report.startedInsideOutagePause, 0, report.insidePauseDetail.join('; '));
      });
    },
  );
}
