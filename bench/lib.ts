// Small helpers shared by the benchmark scripts: child processes that announce themselves with a
// JSON line, peak memory from /proc, throwaway PostgreSQL databases, the fake server's control
// port, and statistics.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Json } from '../test/helpers/json.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const PG_ADMIN_URL = process.env.BOTCAST_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const SECRET_KEY = Buffer.alloc(32, 9).toString('base64');
export const TEXT = 'Hello from the benchmark: one message per subscriber.';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await sleep(everyMs);
  }
}

export interface Child {
  child: ChildProcess;
  pid: number;
  /** The first JSON line the child printed that satisfied `ready`. */
  hello: Json;
  /** Later JSON lines, in order. */
  messages: Json[];
  /** The last ~16 KB of output (stdout and stderr), for error messages. */
  tail(): string;
  /** Resolves with the next JSON line (or rejects when the child exits first). */
  next(timeoutMs?: number): Promise<Json>;
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Temporary data folders of embedded-database children, removed if the bench is interrupted. */
export const tempDirs = new Set<string>();

/** Every child still running, so a bench that is interrupted can stop them. */
export const liveChildren = new Set<ChildProcess>();

let refusing = false;
/** After an interrupt: no new child processes, no new databases. */
export function refuseNewWork() {
  refusing = true;
}

/** Starts `node <args>` and waits for a JSON line that satisfies `ready`. */
export async function startChild(
  args: string[],
  options: { env?: Record<string, string>; ready?: (msg: Json) => boolean; timeoutMs?: number; label?: string } = {},
): Promise<Child> {
  if (refusing) throw new Error('interrupted');
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  let partial = '';
  const messages: Json[] = [];
  const waiters: Array<(msg: Json) => void> = [];
  const keep = (s: string) => {
    tail = (tail + s).slice(-16_384);
  };
  liveChildren.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      liveChildren.delete(child);
      resolve(code ?? (signal ? -1 : null));
    }),
  );
  const ready = options.ready ?? (() => true);
  let hello: Json;
  const helloPromise = new Promise<Json>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${options.label ?? args.join(' ')} did not start in time:\n${tail}`)),
      options.timeoutMs ?? 60_000,
    );
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${options.label ?? args.join(' ')} exited with ${code} before it was ready:\n${tail}`));
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      const s = chunk.toString();
      keep(s);
      partial += s;
      let nl: number;
      while ((nl = partial.indexOf('\n')) !== -1) {
        const line = partial.slice(0, nl).trim();
        partial = partial.slice(nl + 1);
        if (!line.startsWith('{')) continue;
        let msg: Json;
        try {
          msg = JSON.parse(line);
        } catch {
          continue;
        }
        if (hello === undefined) {
          if (ready(msg)) {
            hello = msg;
            clearTimeout(timer);
            resolve(msg);
          }
          continue;
        }
        const w = waiters.shift();
        if (w) w(msg);
        else messages.push(msg);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => keep(chunk.toString()));
  });
  await helloPromise;
  return {
    child,
    pid: child.pid!,
    hello,
    messages,
    tail: () => tail,
    next(timeoutMs = 3_600_000) {
      if (messages.length > 0) return Promise.resolve(messages.shift());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer from ${options.label ?? 'child'} in time:\n${tail}`)), timeoutMs);
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`${options.label ?? 'child'} exited with ${code}:\n${tail}`));
        });
        waiters.push((msg) => {
          clearTimeout(timer);
          resolve(msg);
        });
      });
    },
    exited,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Peak and current resident set size of a process, in MB (VmHWM / VmRSS from /proc). */
export function memoryOf(pid: number): { peakMb: number; rssMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
  } catch {
    return null;
  }
}

/** Sum of peaks over a process and its descendants would double count; this is the process itself. */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** CPU seconds of every PostgreSQL server process on this machine (the server is local to the bench). */
export function pgCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += cpuSecondsOf(Number(entry));
    } catch {}
  }
  return total;
}

/** CPU seconds spent by a set of processes between start() and stop(). */
export function cpuMeter(pids: () => number[]) {
  const sum = () => pids().reduce((acc, pid) => acc + (cpuSecondsOf(pid) || 0), 0);
  const c0 = sum();
  const p0 = pgCpuSeconds();
  return () => ({ client: sum() - c0, postgres: pgCpuSeconds() - p0 });
}

export interface CpuUse {
  /** The delivering process(es): Botcast workers, pg-boss workers, the ceiling client. */
  client: number;
  postgres: number;
  fake: number;
}

export function databaseUrl(name: string): string {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = '/' + name;
  return u.toString();
}

let dbCounter = 0;

/** Databases made by this bench and not dropped yet (dropped on an interrupt too). */
export const liveDatabases = new Set<string>();

export async function dropDatabases(names: Iterable<string>) {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  for (const name of names) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
  await c.end();
}

export async function createDatabase(prefix: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  if (refusing) throw new Error('interrupted');
  const name = `${prefix}_${process.pid}_${++dbCounter}`;
  liveDatabases.add(name);
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    name,
    url: databaseUrl(name),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } catch (error) {
        process.stderr.write(`could not drop database ${name}: ${String(error)}\n`);
      } finally {
        await c.end();
        liveDatabases.delete(name);
      }
    },
  };
}

export interface Summary {
  sends: number;
  delivered: number;
  distinct: number;
  duplicates: number;
  outOfRange: number;
  missing: number;
  firstT: number | null;
  lastT: number | null;
  maxPerSecond: number;
}

/** The fake platform server's summarising control port (bench/fake.ts). */
export class FakeControl {
  constructor(
    readonly url: string,
    readonly control: string,
    /** The fake server's process id (CPU accounting). */
    readonly pid = 0,
  ) {}

  cpuSeconds(): number {
    return this.pid ? cpuSecondsOf(this.pid) : NaN;
  }

  private async get<T>(path: string): Promise<T> {
    // Read-only queries (and idempotent /forget, /reset): safe to repeat after a connection hiccup.
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await fetch(this.control + path);
        if (!res.ok) throw new Error(`fake control ${path}: ${res.status}`);
        return (await res.json()) as T;
      } catch (error) {
        if (attempt >= 3) throw error;
        await sleep(50 * attempt);
      }
    }
  }

  count(channel: string) {
    return this.get<{ sends: number; delivered: number }>(`/count?channel=${encodeURIComponent(channel)}`);
  }

  summary(channel: string, expect: number) {
    return this.get<Summary>(`/summary?channel=${encodeURIComponent(channel)}&expect=${expect}`);
  }

  async first(channel: string, recipient: string): Promise<number | null> {
    return (
      await this.get<{ t: number | null }>(`/first?channel=${encodeURIComponent(channel)}&recipient=${encodeURIComponent(recipient)}`)
    ).t;
  }

  async window(channel: string, from: number, ms: number): Promise<number> {
    return (await this.get<{ count: number }>(`/window?channel=${encodeURIComponent(channel)}&from=${from}&ms=${ms}`)).count;
  }

  async recipients(channel: string): Promise<Map<string, number>> {
    return new Map(
      (await this.get<{ recipients: Array<[string, number]> }>(`/recipients?channel=${encodeURIComponent(channel)}`)).recipients,
    );
  }

  async forget(channel: string) {
    await this.get(`/forget?channel=${encodeURIComponent(channel)}`);
  }

  async reset() {
    await this.get('/reset');
  }
}

/** Deliveries per second at the server, over the span from the first to the last delivery. */
export function serverRate(s: Summary): number {
  if (s.firstT === null || s.lastT === null || s.delivered < 2) return 0;
  return (s.delivered - 1) / Math.max(0.001, (s.lastT - s.firstT) / 1000);
}

/** Exactly one message per expected recipient 1..n, nothing else. */
export function exactlyOnce(s: Summary, n: number): string | null {
  const problems: string[] = [];
  if (s.delivered !== n) problems.push(`${s.delivered} delivered for ${n} recipients`);
  if (s.duplicates > 0) problems.push(`${s.duplicates} duplicates`);
  if (s.missing > 0) problems.push(`${s.missing} recipients got nothing`);
  if (s.outOfRange > 0) problems.push(`${s.outOfRange} unexpected recipients`);
  return problems.length ? problems.join(', ') : null;
}

export function median(xs: number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function range(xs: number[]): [number, number] {
  const s = xs.filter((x) => Number.isFinite(x));
  return s.length ? [Math.min(...s), Math.max(...s)] : [NaN, NaN];
}

/** Telegram-style token: the fake server keys its records by it. */
export function token(label: string): string {
  return `${100000 + Math.floor(Math.random() * 899999)}:${label.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
