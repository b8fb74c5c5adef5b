// The Logs page's list (issue 17 point 7, the seed's Broadcasts Logs subsection): GET /api/log-entries
// lists the log of every send and run of the workspace, newest first — a run per entry, a send that
// never ran as one entry — filtered by kinds, a send id and runs with errors, paged without
// repeating or skipping an entry, each naming its log.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForSend } from '../helpers/world.ts';
import type { Json } from '../helpers/json.ts';
import { sandbox, startTriggersApp, t, w, write } from './trigger-steps.ts';

after(() => t.close());

const entries = async (query = '') => {
  const r = await t.request('GET', `/api/log-entries?botId=${w.botId}${query}`, { key: w.key });
  assert.equal(r.status, 200, r.text);
  return r.body as { items: Json[]; nextCursor: string | null; errors: boolean };
};
const send = async (body: Record<string, unknown>) => {
  const r = await t.request('POST', `/api/bots/${w.botId}/sends`, {
    key: w.key,
    body: { content: { type: 'text', text: 'logs' }, channelIds: [sandbox], audience: { type: 'all' }, ...body },
  });
  assert.equal(r.status, 201, r.text);
  return r.body.id as number;
};

let failing: number;
let clean: number;
let later: number;

// One hook: the app first, then what the tests read (two top-level hooks may overlap).
before(async () => {
  await startTriggersApp();
  const ok = await write(sandbox, 'lg-ok');
  await write(sandbox, 'lg-gone');
  await t.request('PUT', `/api/channels/${sandbox}/sandbox/users/lg-gone`, { key: w.key, body: { behaviour: 'gone' } });
  failing = await send({});
  await waitForSend(t, w, failing, ['completed']);
  clean = await send({ audience: { type: 'selected', subscriberIds: [ok] } });
  await waitForSend(t, w, clean, ['completed']);
  later = await send({ timing: { type: 'delayed', at: '2099-01-01T10:00' } });
});

test('every send and run, newest first; a send that never ran is an entry without a run; each names its log', async () => {
  const { items } = await entries();
  const ids = items.map((i) => i.sendId);
  // The delayed send was made last: its entry (its creation time) comes first, then the runs, newest first.
  assert.deepEqual(ids, [later, clean, failing]);
  const [notRun, cleanRun, failingRun] = items;
  assert.equal(notRun.runId, null);
  assert.equal(notRun.state, 'not_started');
  assert.equal(notRun.counts, null);
  assert.equal(cleanRun.state, 'completed');
  assert.equal(cleanRun.counts.sent, 1);
  assert.equal(cleanRun.errors, 0);
  assert.equal(cleanRun.viewErrorsUrl, null);
  assert.equal(failingRun.errors, 1);
  assert.equal(failingRun.createdByName.length > 0, true);
  // The entry's log is the log view's.
  const log = await t.request('GET', failingRun.logUrl, { key: w.key });
  assert.equal(log.status, 200, log.text);
  assert.equal(log.body.run.id, failingRun.runId);
  const errors = await t.request('GET', failingRun.viewErrorsUrl, { key: w.key });
  assert.equal(errors.body.deliveries.items.length, 1);
  assert.equal(errors.body.deliveries.items[0].recipient, 'lg-gone');
});

test('filters: runs with errors, a send id (#N or N), kinds; a search that is not an id says so', async () => {
  const withErrors = await entries('&errors=true');
  assert.equal(withErrors.errors, true);
  assert.deepEqual(
    withErrors.items.map((i) => i.sendId),
    [failing],
  );
  assert.deepEqual(
    (await entries(`&q=${encodeURIComponent(`#${clean}`)}`)).items.map((i) => i.sendId),
    [clean],
  );
  assert.deepEqual((await entries('&kinds=external,trigger')).items, []);
  assert.equal((await entries('&kinds=broadcast')).items.length, 3);
  const bad = await t.request('GET', '/api/log-entries?q=abc', { key: w.key });
  assert.equal(bad.status, 400, bad.text);
  assert.equal(bad.body.error.details.field, 'q');
  const badKind = await t.request('GET', '/api/log-entries?kinds=nope', { key: w.key });
  assert.equal(badKind.status, 400, badKind.text);
});

test('pages of one follow each other to the end, no entry twice, none skipped; another workspace sees none of them', async () => {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 10; i += 1) {
    const page: Awaited<ReturnType<typeof entries>> = await entries(`&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
    seen.push(...page.items.map((e) => `${e.sendId}/${e.runId}`));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  const all = (await entries()).items.map((e) => `${e.sendId}/${e.runId}`);
  assert.deepEqual(seen, all);
  const bad = await t.request('GET', '/api/log-entries?cursor=nonsense', { key: w.key });
  assert.equal(bad.status, 400, bad.text);
  const other = await t.workspace('Other');
  const theirs = await t.request('GET', '/api/log-entries', { key: other.key });
  assert.deepEqual(theirs.body.items, []);
});
