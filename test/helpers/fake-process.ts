// The fake platform server in a process of its own: its clock and event loop are not disturbed by
// the code under test, so its timestamps are what a platform would see.
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import type { FakeRecord, FaultKind, FaultRule } from '../fakes/types.ts';
import type { FakeStall } from '../fakes/server.ts';
import type { Json } from './json.ts';

const MAIN = fileURLToPath(new URL('../fakes/main.ts', import.meta.url));

export interface FakeProcess {
  url: string;
  records(): Promise<FakeRecord[]>;
  maxPerSecondWindow(channel: string): Promise<number>;
  /** The fake's own event-loop stalls over 10 ms. */
  stalls(): Promise<FakeStall[]>;
  /** Records of requests answered with this injected fault, and how many requests arrived in all (cheap to poll). */
  fired(kind: FaultKind): Promise<{ records: FakeRecord[]; total: number }>;
  setFaults(rules: FaultRule[]): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeProcess(args: string[] = []): Promise<FakeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--no-bodies', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  // The platform's clock must not be starved by the system under test: on a loaded 2-core machine
  // the fake, scheduled like the workers, stamped a request tens of ms after it arrived, and a
  // 1-second window then seemed to hold one request too many. Raised priority needs root; without
  // it the fake runs as before.
  try {
    if (child.pid) setPriority(child.pid, -10);
  } catch {
    // Not permitted here.
  }
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line).url);
    });
    child.on('exit', (code) => reject(new Error(`fake server exited with ${code}`)));
  });
  const get = async (path: string) => (await (await request(url + path)).body.json()) as Json;
  return {
    url,
    records: async () => (await get('/__control/records')).records,
    stalls: async () => (await get('/__control/stalls')).stalls,
    fired: async (kind) => {
      const body = await get(`/__control/fired?kind=${kind}`);
      return { records: body.records, total: body.total };
    },
    maxPerSecondWindow: async (channel) => (await get(`/__control/max-per-second?channel=${encodeURIComponent(channel)}`)).max,
    async setFaults(rules) {
      const res = await request(url + '/__control/faults', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ rules }),
      });
      await res.body.dump();
    },
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
