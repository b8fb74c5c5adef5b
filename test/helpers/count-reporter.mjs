// A node:test reporter that only counts leaf tests, for test/run.mjs's closing line, and adds up
// the time of each file's top-level tests (the runner prints the slowest files: where to look when
// the suite gets long).
export default async function* countReporter(source) {
  const counts = { pass: 0, fail: 0, skip: 0, fileMs: {} };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { file, nesting, details } = event.data;
    // A test declared by a helper (browserTest, chaosTest) carries the helper's file: its name says which.
    const key = file && (file.endsWith('.test.ts') ? file : `${file} › ${event.data.name.slice(0, 70)}`);
    if (nesting === 0 && key) counts.fileMs[key] = (counts.fileMs[key] ?? 0) + (details?.duration_ms ?? 0);
    if (details?.type === 'suite') continue;
    if (event.data.skip || event.data.todo) counts.skip += 1;
    else if (event.type === 'test:pass') counts.pass += 1;
    else counts.fail += 1;
  }
  yield JSON.stringify(counts);
}
