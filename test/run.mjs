// The test command: every test on embedded PGlite, then the integration tests again on a real
// PostgreSQL. Prints one closing line "N passed, N failed, N skipped" for the whole run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const engines = (process.env.BOTCAST_TEST_ENGINES ?? 'pglite,postgres').split(',');
const filter = process.argv.slice(2);

function findTests(dir) {
  const out = [];
  for (const entry of readdirSync(join(root, dir))) {
    const rel = join(dir, entry);
    if (statSync(join(root, rel)).isDirectory()) out.push(...findTests(rel));
    else if (entry.endsWith('.test.ts')) out.push(rel);
  }
  return out.sort();
}

const all = findTests('test').filter((f) => filter.length === 0 || filter.some((p) => f.includes(p)));
// The browser tests drive the panel; the API under it is proven on both engines by test/integration.
const integration = all.filter((f) => f.startsWith('test/integration/'));
const totals = { pass: 0, fail: 0, skip: 0 };
/** Seconds of each file's top-level tests, per engine: the slowest are printed at the end. */
const fileSeconds = [];

// The browser tests (test/e2e/) drive Debian's Chromium. When it is missing and this user may
// install packages (root with apt-get), it is installed first; otherwise those tests skip
// themselves (test/e2e/browser.ts) and the closing line says why. BOTCAST_TEST_REQUIRE_BROWSER=1
// (CI) turns a missing browser into a failure instead.
const chromium = process.env.BOTCAST_CHROMIUM ?? '/usr/bin/chromium';
let browserMissing = '';
if (all.some((f) => f.startsWith('test/e2e/')) && !existsSync(chromium)) {
  const canInstall =
    !process.env.BOTCAST_CHROMIUM &&
    process.getuid?.() === 0 &&
    spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (canInstall) {
    console.log(`No Chromium at ${chromium}: installing Debian's chromium package for the browser tests (apt-get) …`);
    spawnSync('sh', ['-c', 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium'], { stdio: 'inherit' });
  }
  if (!existsSync(chromium)) {
    browserMissing = `no Chromium at ${chromium}`;
    const how = canInstall
      ? 'apt-get could not install it'
      : 'install it as root with `apt-get install chromium`, or point BOTCAST_CHROMIUM at a Chromium';
    console.log(`\n*** The browser tests (test/e2e/) will be SKIPPED: ${browserMissing}; ${how}. ***\n`);
    if (process.env.BOTCAST_TEST_REQUIRE_BROWSER === '1') {
      console.log('BOTCAST_TEST_REQUIRE_BROWSER=1: a missing browser fails the run.');
      process.exit(1);
    }
  }
}

// Each run names its PostgreSQL databases with its own prefix and drops only those, at the end, on
// failure and on interrupt: other people's test databases on a shared server are not ours to drop.
const pgAdminUrl = process.env.BOTCAST_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbPrefix = `bct_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
function dropOurDatabases() {
  if (!engines.includes('postgres')) return;
  const list = spawnSync('psql', [pgAdminUrl, '-Atc', `SELECT datname FROM pg_database WHERE datname LIKE '${dbPrefix}\\_%'`], {
    encoding: 'utf8',
  });
  for (const name of list.status === 0 ? list.stdout.split('\n').filter(Boolean) : []) {
    spawnSync('psql', [pgAdminUrl, '-c', `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`], { stdio: 'ignore' });
  }
}
let child = null;
// Each test runner gets its own process group, killed whole when it ends: a Botcast process started
// by a test file that timed out or crashed must not live on and load the rest of the run.
function killGroup(proc) {
  try {
    process.kill(-proc.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child) killGroup(child);
    dropOurDatabases();
    rmSync(work, { recursive: true, force: true });
    process.exit(130);
  });
}

// A migrated PGlite data folder, copied by each test file instead of initialising its own.
const work = mkdtempSync(join(tmpdir(), 'botcast-run-'));
const template = join(work, 'template');
const made = spawnSync(process.execPath, ['--import', 'tsx', 'test/helpers/make-template.ts', template], { cwd: root, stdio: 'inherit' });
if (made.status !== 0) process.exit(1);

// Timing-sensitive files (rate windows measured at a fake platform, processes killed mid-run) run
// alone after the rest: on a shared 2-core machine a parallel test file adds tens of ms of jitter.
/** Test files run at once (each in its own process), but for the SERIAL ones. */
const CONCURRENCY = Number(process.env.BOTCAST_TEST_CONCURRENCY ?? 2);
const SERIAL = [
  'test/integration/crash.test.ts',
  'test/integration/chaos.test.ts',
  'test/e2e/panel.test.ts',
  'test/e2e/broadcasts.test.ts',
  'test/e2e/events.test.ts',
  'test/e2e/settings.test.ts',
];

async function runFiles(engine, files, concurrency, label) {
  if (files.length === 0) return;
  console.log(`\n=== ${engine}${label}: ${files.length} test files ===`);
  const counts = join(work, `counts-${engine}${label.replace(/\W/g, '')}.json`);
  child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${concurrency}`,
      '--test-timeout=300000',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=./test/helpers/count-reporter.mjs',
      `--test-reporter-destination=${counts}`,
      ...files,
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, BOTCAST_TEST_ENGINE: engine, BOTCAST_TEST_PGLITE_TEMPLATE: template, BOTCAST_TEST_DB_PREFIX: dbPrefix },
      detached: true,
    },
  );
  const status = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
  killGroup(child);
  child = null;
  if (existsSync(counts)) {
    const c = JSON.parse(readFileSync(counts, 'utf8'));
    totals.pass += c.pass;
    totals.fail += c.fail;
    totals.skip += c.skip;
    for (const [file, ms] of Object.entries(c.fileMs ?? {})) fileSeconds.push({ name: `${engine} ${relative(root, file)}`, s: ms / 1000 });
  }
  if (status !== 0 && totals.fail === 0) totals.fail += 1;
}

for (const engine of engines) {
  const files = engine === 'pglite' ? all : integration;
  await runFiles(
    engine,
    files.filter((f) => !SERIAL.includes(f)),
    CONCURRENCY,
    '',
  );
  await runFiles(
    engine,
    files.filter((f) => SERIAL.includes(f)),
    1,
    ' (serial)',
  );
}
dropOurDatabases();
rmSync(work, { recursive: true, force: true });
const skippedWhy = browserMissing ? ` (the browser tests among them: ${browserMissing})` : '';
if (fileSeconds.length > 1) {
  console.log('\nThe slowest test files (seconds of their tests):');
  for (const f of fileSeconds.sort((a, b) => b.s - a.s).slice(0, 12)) console.log(`  ${f.s.toFixed(1).padStart(6)}  ${f.name}`);
}
console.log(`\n${totals.pass} passed, ${totals.fail} failed, ${totals.skip} skipped${skippedWhy}`);
process.exit(totals.fail > 0 ? 1 : 0);
