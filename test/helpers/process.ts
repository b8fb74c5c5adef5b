// Botcast as a real child process (for kill -9 tests and multi-process tests).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/botcast.js', import.meta.url));

/** Worker processes for crash tests: a dead worker is presumed dead after 1 s, polls every 20 ms. */
export const WORKER_ENV = {
  BOTCAST_WORKER_HEARTBEAT_MS: '200',
  BOTCAST_WORKER_STALE_MS: '1000',
  BOTCAST_POLL_MS: '20',
  BOTCAST_RETRY_BASE_MS: '50',
  BOTCAST_GRACE_SECONDS: '0',
  BOTCAST_WORKER_BATCH: '100',
  BOTCAST_WORKER_CONCURRENCY: '16',
};

export interface BotcastProcess {
  child: ChildProcess;
  /** The HTTP port; 0 for a process without one (`botcast worker`). */
  port: number;
  url: string;
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

// The start budget is a safety net for a hung process, not a speed assertion: a first start under
// load (initdb, migrations, tsx compiling the tree) took 40 s with the load average at 24 on 2 cores.
export async function startBotcast(args: string[], env: Record<string, string>, timeoutMs = 180_000): Promise<BotcastProcess> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      // A process that never became ready must not outlive the test (it would hold the test file open).
      child.kill('SIGKILL');
      reject(new Error(`botcast did not start in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /\{"botcast":"ready","port":(\d+|null)\}/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] === 'null' ? 0 : Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`botcast exited with ${code} before it was ready:\n${out}`));
    });
  });
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    kill(signal = 'SIGTERM') {
      return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      });
    },
  };
}

/** Runs botcast to completion and returns its exit code and output. */
export function runBotcast(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('exit', (code) => resolve({ code, output }));
  });
}
