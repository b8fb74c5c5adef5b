// The test command: every test on embedded PGlite, then the integration tests again on a real
// PostgreSQL. Prints one closing line "N passed, N failed, N skipped" for the whole run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

// Databases left behind by an interrupted earlier run.
if (engines.includes('postgres')) {
  const url = process.env.BOTCAST_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const list = spawnSync('psql', [url, '-Atc', "SELECT datname FROM pg_database WHERE datname LIKE 'bct\\_%'"], { encoding: 'utf8' });
  for (const name of list.status === 0 ? list.stdout.split('\n').filter(Boolean) : []) {
    spawnSync('psql', [url, '-c', `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`], { stdio: 'ignore' });
  }
}

// A migrated PGlite data folder, copied by each test file instead of initialising its own.
const work = mkdtempSync(join(tmpdir(), 'botcast-run-'));
const template = join(work, 'template');
const made = spawnSync(process.execPath, ['--import', 'tsx', 'test/helpers/make-template.ts', template], { cwd: root, stdio: 'inherit' });
if (made.status !== 0) process.exit(1);

// Timing-sensitive files (rate windows measured at a fake platform, processes killed mid-run) run
// alone after the rest: on a shared 2-core machine a parallel test file adds tens of ms of jitter.
const SERIAL = ['test/integration/crash.test.ts', 'test/integration/chaos.test.ts', 'test/e2e/panel.test.ts', 'test/e2e/broadcasts.test.ts'];

function runFiles(engine, files, concurrency, label) {
  if (files.length === 0) return;
  console.log(`\n=== ${engine}${label}: ${files.length} test files ===`);
  const counts = join(work, `counts-${engine}${label.replace(/\W/g, '')}.json`);
  const result = spawnSync(
    process.execPath,
    [
      '--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-timeout=300000',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=./test/helpers/count-reporter.mjs', `--test-reporter-destination=${counts}`,
      ...files,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, BOTCAST_TEST_ENGINE: engine, BOTCAST_TEST_PGLITE_TEMPLATE: template } },
  );
  if (existsSync(counts)) {
    const c = JSON.parse(readFileSync(counts, 'utf8'));
    totals.pass += c.pass;
    totals.fail += c.fail;
    totals.skip += c.skip;
  }
  if (result.status !== 0 && totals.fail === 0) totals.fail += 1;
}

for (const engine of engines) {
  const files = engine === 'pglite' ? all : integration;
  runFiles(engine, files.filter((f) => !SERIAL.includes(f)), 2, '');
  runFiles(engine, files.filter((f) => SERIAL.includes(f)), 1, ' (serial)');
}
rmSync(work, { recursive: true, force: true });
console.log(`\n${totals.pass} passed, ${totals.fail} failed, ${totals.skip} skipped`);
process.exit(totals.fail > 0 ? 1 : 0);
