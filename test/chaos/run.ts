// npm run chaos [-- --recipients 200000 --workers 1,2,3 --rate 2000 --kill-every 4000 --no-pg-restart --no-outage]:
// the full chaos run, once per worker count; prints each run's figures and fails if any run found a problem.
import { runChaos, type ChaosReport } from './chaos.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};

function print(workers: number, report: ChaosReport) {
  const per = (n: number) => (report.kills > 0 ? (n / report.kills).toFixed(1) : '-');
  console.log(JSON.stringify(report, null, 2));
  console.log(`\n== ${workers} worker(s), 2 APIs ==`);
  console.log(
    `kills survived: ${report.kills}, workers that died on their own: ${report.crashes}, PostgreSQL restarts: ${report.postgresRestarts}, database cut off while a pause was written: ${report.outage ? 'yes' : 'no'}; deliveries: ${report.recipients} in ${report.seconds.toFixed(1)} s (${report.rate}/s)`,
  );
  console.log(
    `sent ${report.sent}, failed ${report.failed}, unknown ${report.unknown}; duplicates ${report.duplicates}, sent-not-received ${report.lost}, not final ${report.notFinal}`,
  );
  console.log(
    `unknown and never sent: ${report.unknownNeverSent} (${per(report.unknownNeverSent)} per kill; per channel ${Object.entries(
      report.unknownNeverSentByChannel,
    )
      .map(([p, n]) => `${p} ${per(n)}`)
      .join(', ')})`,
  );
  console.log(
    `fullest sliding 1-second window at the fake: ${Object.entries(report.windows)
      .map(
        ([p, w]) =>
          `${p} ${w.atFake} (left the workers: ${w.atSender}; longest stall fake ${w.fakeStallMs} ms, workers ${w.senderStallMs} ms)${w.crowdedByFake ? ' — over only where the fake stalled' : ''}`,
      )
      .join(', ')}`,
  );
  console.log(
    `429 pauses: ${report.pauses}; requests arriving inside a pause after 20 ms: ${report.insidePause}${report.insidePause ? ` (latest ${report.insidePauseLatestMs} ms), of which left a worker after 20 ms: ${report.startedInsidePause}, inside the pause read while the database was away: ${report.startedInsideOutagePause}` : ''}`,
  );
  console.log(
    `workers presumed dead while running: ${report.presumedDead}; unknown and never delivered, by platform and code: ${JSON.stringify(report.unknownNeverSentWhy)}`,
  );
  const h = report.pauseHeard;
  console.log(
    `other workers heard a 429 after its first read: median ${h.p50Ms} ms, longest ${h.maxMs} ms; first by ${
      Object.entries(h.bySource)
        .map(([s, n]) => `${s} ${n}`)
        .join(', ') || 'none'
    }`,
  );
}

let failed = false;
for (const workers of arg('workers', '1,2,3').split(',').map(Number)) {
  const report = await runChaos({
    recipients: Number(arg('recipients', '200000')),
    apis: 2,
    workers,
    killEveryMs: Number(arg('kill-every', '4000')),
    restartPostgres: !process.argv.includes('--no-pg-restart'),
    outageDuringPause: !process.argv.includes('--no-outage'),
    ratePerSecond: Number(arg('rate', '2000')),
    timeoutMs: Number(arg('timeout', String(15 * 60_000))),
    log: (line) => console.log(`[chaos ${workers}w] ${line}`),
  });
  print(workers, report);
  if (report.startedInsidePause > 0) report.problems.push(`${report.startedInsidePause} requests left more than 20 ms into a 429 pause`);
  if (report.startedInsideOutagePause > 0)
    report.problems.push(`${report.startedInsideOutagePause} requests left inside the pause read while the database was away`);
  if (report.problems.length > 0) {
    failed = true;
    console.log(`\nFAILED:\n - ${report.problems.join('\n - ')}`);
  } else console.log('\nOK: nobody twice, nothing lost, everything final, counters match, limits and pauses held');
}
process.exit(failed ? 1 : 0);
