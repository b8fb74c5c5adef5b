// The chaos run, shorter: two APIs and three workers on one PostgreSQL, faults at three fake
// platforms, workers killed with SIGKILL every few seconds and restarted. The full run, with a
// PostgreSQL restart, is `npm run chaos`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINE } from '../helpers/engine.ts';
import { runChaos } from '../chaos/chaos.ts';

test(
  'chaos: nobody twice, nothing lost, everything final, counters match, limits held',
  { skip: ENGINE !== 'postgres' && 'worker processes share PostgreSQL' },
  async () => {
    const report = await runChaos({
      recipients: 6000,
      apis: 2,
      workers: 3,
      killEveryMs: 2500,
      restartPostgres: false,
      ratePerSecond: 500,
      timeoutMs: 120_000,
    });
    assert.deepEqual(report.problems, []);
    assert.ok(report.kills >= 2, `only ${report.kills} kills`);
    assert.equal(report.duplicates, 0);
    assert.equal(report.lost, 0);
    assert.equal(report.notFinal, 0);
  },
);
