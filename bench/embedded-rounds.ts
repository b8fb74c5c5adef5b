// Memory of the real embedded process (issue 21 point 1): `botcast start` and `botcast start --demo`
// (`npm start`), as a user runs them, on a new data folder and again on the same folder. Read from
// /proc: VmHWM when the process says it is ready, then VmRSS and VmHWM after it has idled. The
// baseline, in the same run: a bare PGlite instance with PGlite's defaults in a plain Node process,
// on a new folder and on an existing one. Memory while sending: the PGlite throughput contender's
// peak (bench/pglite-child.ts runs the same engine in one process).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, memoryOf, sleep, startChild, tempDirs } from './lib.ts';
import { fmt, fmtRange, log, type Bench } from './rounds.ts';

/** How long the started process idles before its resident memory is read. */
const IDLE_MS = 10_000;

interface Reading {
  readyPeakMb: number;
  idleRssMb: number;
  idlePeakMb: number;
}

const BARE = `import { readFileSync } from 'node:fs';
const { PGlite } = await import(process.argv[1]);
const pg = await PGlite.create({ dataDir: process.argv[2] });
await pg.query('SELECT 1');
await new Promise((r) => setTimeout(r, Number(process.argv[3])));
const status = readFileSync('/proc/self/status', 'utf8');
const kb = (key) => Number(new RegExp('^' + key + ':\\\\s+(\\\\d+) kB', 'm').exec(status)[1]) / 1024;
process.stdout.write(JSON.stringify({ idleRssMb: kb('VmRSS'), idlePeakMb: kb('VmHWM') }) + '\\n');
await pg.close();
process.exit(0);`;

async function bare(dir: string): Promise<Reading> {
  const child = await startChild(['--input-type=module', '-e', BARE, import.meta.resolve('@electric-sql/pglite'), dir, String(IDLE_MS)], {
    ready: (m) => typeof m.idleRssMb === 'number',
    timeoutMs: 300_000,
    label: 'bare PGlite',
  });
  await child.exited;
  const r = child.hello as { idleRssMb: number; idlePeakMb: number };
  return { readyPeakMb: NaN, ...r };
}

async function botcastStart(dir: string, demo: boolean): Promise<Reading> {
  const child = await startChild(['bin/botcast.js', 'start', ...(demo ? ['--demo'] : [])], {
    env: { BOTCAST_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    ready: (m) => m.botcast === 'ready',
    timeoutMs: 300_000,
    label: `botcast start${demo ? ' --demo' : ''}`,
  });
  try {
    const ready = memoryOf(child.pid);
    await sleep(IDLE_MS);
    const idle = memoryOf(child.pid);
    if (!ready || !idle) throw new Error('no /proc reading');
    return { readyPeakMb: ready.peakMb, idleRssMb: idle.rssMb, idlePeakMb: idle.peakMb };
  } finally {
    await child.kill('SIGTERM');
  }
}

const CASES = [
  'bare PGlite (defaults), new folder',
  'bare PGlite (defaults), existing folder',
  '`botcast start`, new folder',
  '`botcast start`, existing folder',
  '`botcast start --demo` (`npm start`), new folder',
  '`botcast start --demo`, existing folder',
] as const;
type Case = (typeof CASES)[number];

export async function embeddedRounds(bench: Bench, reps: number, sendingPeaksMb: number[]) {
  const { out, failures, results } = bench;
  const readings = new Map<Case, Reading[]>(CASES.map((c) => [c, []]));
  for (let rep = 0; rep < reps; rep++) {
    for (const kind of ['bare', 'plain', 'demo'] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'botcast-bench-'));
      tempDirs.add(dir);
      try {
        for (const again of [false, true]) {
          const c = CASES[(kind === 'bare' ? 0 : kind === 'plain' ? 2 : 4) + (again ? 1 : 0)];
          log(`embedded memory: ${c} (rep ${rep + 1}/${reps})`);
          try {
            const r = kind === 'bare' ? await bare(join(dir, 'pgdata')) : await botcastStart(dir, kind === 'demo');
            readings.get(c)!.push(r);
          } catch (error) {
            failures.push(`embedded memory ${c}: ${String((error as Error).message).slice(0, 2000)}`);
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
        tempDirs.delete(dir);
      }
    }
  }
  const baseline = median(readings.get(CASES[1])!.map((r) => r.idleRssMb));
  const target = (c: Case) => (c.startsWith('bare') ? null : c.includes('--demo') ? 250 : 200);
  out('### Memory — the embedded process (`botcast start`), resident MB');
  out();
  out(`Read ${IDLE_MS / 1000} s after the process said it was ready; medians (range) of ${reps}. Baseline: a bare PGlite in plain Node.`);
  out();
  out('| process | peak when ready (VmHWM) | idle RSS | idle peak (VmHWM) | idle RSS × bare PGlite (existing folder) | target idle |');
  out('|---|---:|---:|---:|---:|---|');
  const json: Record<string, unknown> = {};
  for (const c of CASES) {
    const rs = readings.get(c)!;
    if (rs.length === 0) continue;
    const col = (f: (r: Reading) => number) => {
      const xs = rs.map(f).filter(Number.isFinite);
      return xs.length ? `${fmt(median(xs))} (${fmtRange(xs)})` : '—';
    };
    const idle = median(rs.map((r) => r.idleRssMb));
    const t = target(c);
    out(
      `| ${c} | ${col((r) => r.readyPeakMb)} | ${col((r) => r.idleRssMb)} | ${col((r) => r.idlePeakMb)} | ${fmt(idle / baseline, 2)} | ${t === null ? '—' : `≤ ${t}: ${Math.max(...rs.map((r) => r.idleRssMb)) <= t ? 'met' : 'MISSED'}`} |`,
    );
    json[c] = rs;
  }
  if (sendingPeaksMb.length > 0) {
    out(
      `| engine in one process while sending (botcast-pglite throughput, peak) | ${fmt(median(sendingPeaksMb))} (${fmtRange(sendingPeaksMb)}) | | | ${fmt(median(sendingPeaksMb) / baseline, 2)} | ≤ 300 (new folder): ${Math.max(...sendingPeaksMb) <= 300 ? 'met' : 'MISSED'} |`,
    );
    json.sending = sendingPeaksMb;
  }
  out();
  results.embeddedMemory = json;
}
