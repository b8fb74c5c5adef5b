// One Botcast scenario on embedded PGlite: the engine runs in this very process (as `botcast start`
// does), in the data folder bench/hosts.ts made (and removes). Prints one JSON line {"result": …} or {"error": "…"}.
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { fairness, materialise, rateExactness, throughput, type Host } from './botcast.ts';
import { FakeControl, memoryOf } from './lib.ts';
import { latency } from './latency.ts';

const spec = JSON.parse(process.argv[2]) as {
  scenario: string;
  dir: string;
  url: string;
  control: string;
  fakePid: number;
  size: number;
  rate?: number;
  seconds?: number;
  reps?: number;
  wakeups?: boolean;
};
let out: unknown;
try {
  const config = loadConfig(
    { BOTCAST_DATA_DIR: spec.dir, BOTCAST_ALLOW_PRIVATE_BASE_URLS: 'true', LOG_LEVEL: 'warn' },
    { graceSeconds: 0, logLevel: 'warn' },
  );
  const app = await createApp(config, {
    api: false,
    worker: spec.scenario !== 'materialise',
    engine: spec.wakeups === undefined ? undefined : { wakeups: spec.wakeups },
  });
  const host: Host = {
    engine: 'pglite',
    app,
    fake: new FakeControl(spec.url, spec.control, spec.fakePid),
    workers: { start: async () => {}, pids: () => [process.pid], crash: async () => {}, stop: async () => {} },
  };
  let result: unknown;
  switch (spec.scenario) {
    case 'throughput':
      result = await throughput(host, spec.size, 1);
      break;
    case 'materialise':
      result = await materialise(host, spec.size);
      break;
    case 'rate':
      result = await rateExactness(host, spec.rate ?? 30, spec.seconds ?? 20, 1);
      break;
    case 'fairness':
      result = await fairness(host, spec.size, spec.rate ?? 1000, 1);
      break;
    case 'latency':
      result = await latency(host, spec.reps ?? 5, spec.wakeups ?? true);
      break;
    default:
      throw new Error(`unknown scenario ${spec.scenario}`);
  }
  await app.close();
  out = { result: { ...(result as object), processPeakRssMb: memoryOf(process.pid)?.peakMb } };
} catch (error) {
  out = { error: String((error as Error)?.stack ?? error) };
}
process.stdout.write(JSON.stringify(out) + '\n');
process.exit(0);
