// npm run chaos [-- --recipients 200000 --no-pg-restart]: the full chaos run; prints its figures.
import { runChaos } from './chaos.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};

const report = await runChaos({
  recipients: arg('recipients', 200_000),
  apis: 2,
  workers: 3,
  killEveryMs: arg('kill-every', 4000),
  restartPostgres: !process.argv.includes('--no-pg-restart'),
  ratePerSecond: arg('rate', 2000),
  timeoutMs: arg('timeout', 15 * 60_000),
  log: (line) => console.log(`[chaos] ${line}`),
});
console.log(JSON.stringify(report, null, 2));
console.log(
  `\nkills survived: ${report.kills}, PostgreSQL restarts: ${report.postgresRestarts}, deliveries: ${report.recipients} in ${report.seconds.toFixed(1)} s (${report.rate}/s)`,
);
console.log(
  `sent ${report.sent}, failed ${report.failed}, unknown ${report.unknown}; duplicates ${report.duplicates}, lost ${report.lost}, not final ${report.notFinal}`,
);
console.log(
  `max requests in any 1-second window: ${Object.entries(report.maxWindow)
    .map(([p, n]) => `${p} ${n}`)
    .join(', ')}`,
);
if (report.problems.length > 0) {
  console.log(`\nFAILED:\n - ${report.problems.join('\n - ')}`);
  process.exit(1);
}
console.log('\nOK: nobody twice, nothing lost, everything final, counters match, limits held');
