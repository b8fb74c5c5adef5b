// Runs the fake platform server as its own process (benchmarks: keeps its CPU off the engine's).
//
//   node --import tsx test/fakes/main.ts [--port N] [--host H] [--latency MS] [--seed N] [--no-bodies]
//
// Prints one JSON line {"port":N,"url":"http://..."} on stdout when listening. Control over HTTP:
//   POST /__control/faults   body {"rules":[FaultRule...], "latencyMs"?: n}  (or a bare array)
//   POST /__control/latency  body {"ms": n}
//   POST /__control/reset
//   GET  /__control/records[?since=index]   → {"records":[FakeRecord...]}
//   GET  /__control/max-per-second[?platform=&channel=&method=]   → {"max": n}
// Stops on SIGTERM / SIGINT, or when stdin ends if started with --exit-on-stdin-end.
import { startFakeServer } from './server.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

const numberArg = (name: string): number | undefined => {
  const value = arg(name);
  return value === undefined ? undefined : Number(value);
};

const server = await startFakeServer({
  port: numberArg('port') ?? 0,
  host: arg('host') ?? '127.0.0.1',
  latencyMs: numberArg('latency') ?? 0,
  seed: numberArg('seed'),
  recordBodies: !process.argv.includes('--no-bodies'),
});
process.stdout.write(`${JSON.stringify({ port: server.port, url: server.url })}\n`);

let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
if (process.argv.includes('--exit-on-stdin-end')) {
  process.stdin.on('end', () => void stop());
  process.stdin.resume();
}
