// A node:test reporter that only counts leaf tests, for test/run.mjs's closing line.
export default async function* countReporter(source) {
  const counts = { pass: 0, fail: 0, skip: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip || event.data.todo) counts.skip += 1;
    else if (event.type === 'test:pass') counts.pass += 1;
    else counts.fail += 1;
  }
  yield JSON.stringify(counts);
}
