// Max lateness (issue 17 point 11): a delayed or periodic run whose time passed while Botcast was
// down, longer ago than BOTCAST_MAX_LATENESS_HOURS (6 by default), is skipped and logged instead of
// sent late; under the limit it runs once. Downtime is simulated by moving the due time back in
// the database, as the other scheduler tests do.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { FAST_ENGINE, addChannel, makeWorld, waitFor, waitForSend, type World } from '../helpers/world.ts';
import type { Json } from '../helpers/json.ts';

let t: TestApp;
let w: World;
let sandbox: number;
let ann: number;

const inbox = async (userId: string) =>
  (await t.request('GET', `/api/channels/${sandbox}/sandbox/inbox?userId=${userId}`, { key: w.key })).body.filter(
    (m: Json) => m.direction === 'out',
  );

async function send(timing: Json, text: string) {
  const r = await t.request('POST', `/api/bots/${w.botId}/sends`, {
    key: w.key,
    body: { content: { type: 'text', text }, channelIds: [sandbox], audience: { type: 'selected', subscriberIds: [ann] }, timing },
  });
  assert.equal(r.status, 201, r.text);
  return r.body.id as number;
}

interface RunRow {
  id: number;
  state: string;
}

const runsOf = (sendId: number) => t.app.ctx.db.query<RunRow>('SELECT id, state FROM runs WHERE send_id = $1 ORDER BY id', [sendId]);
const logOf = (runId: number) =>
  t.app.ctx.db.query<{ type: string; message: string }>('SELECT type, message FROM run_events WHERE run_id = $1 ORDER BY id', [runId]);

/** HH:MM (UTC, the world's zone) of `hoursAgo` hours before now. */
function clockAgo(hoursAgo: number): string {
  const d = new Date(Date.now() - hoursAgo * 3600_000);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

const sentTexts = async (): Promise<string[]> => (await inbox('ann')).map((m: Json) => m.body[0].text as string);

before(async () => {
  t = await startTestApp({ worker: true, config: { graceSeconds: 0 }, engine: FAST_ENGINE });
  w = await makeWorld(t, 'UTC');
  sandbox = await addChannel(t, w, 'sandbox');
  const r = await t.request('POST', `/api/channels/${sandbox}/sandbox/messages`, {
    key: w.key,
    body: { userId: 'ann', name: 'Ann', text: 'hi' },
  });
  ann = r.body.subscriberId;
});
after(() => t.close());

describe('max lateness', () => {
  test('a delayed send due 7 h ago (Botcast down) is skipped and logged, not sent', async () => {
    const id = await send({ type: 'delayed', at: '2099-01-01T10:00' }, 'delayed too late');
    await t.app.ctx.db.query(`UPDATE sends SET next_run_at = now() - interval '7 hours 5 minutes' WHERE id = $1`, [id]);
    const [run] = await waitFor('the skipped run', async () => {
      const runs = await runsOf(id);
      return runs.length > 0 && runs[0].state === 'stopped' ? runs : null;
    });
    const log = await logOf(run.id);
    assert.equal(log.length, 1, JSON.stringify(log));
    assert.equal(log[0].type, 'skipped');
    // The date is written when the due time was another day (a run of the suite before 07:05).
    assert.match(
      log[0].message,
      /^Skipped: Botcast was not running at (\d{4}-\d\d-\d\d )?\d\d:\d\d; the send was due 7 h( \d+ min)? ago, more than the 6-hour limit$/,
    );
    const view = (await t.request('GET', `/api/sends/${id}`, { key: w.key })).body;
    assert.equal(view.status, 'stopped');
    assert.equal(view.nextRunAt, null);
    assert.ok(!(await sentTexts()).includes('delayed too late'));
  });

  test('a delayed send due 5 h ago runs once, late', async () => {
    const id = await send({ type: 'delayed', at: '2099-01-01T11:00' }, 'delayed late but ok');
    await t.app.ctx.db.query(`UPDATE sends SET next_run_at = now() - interval '5 hours' WHERE id = $1`, [id]);
    await waitForSend(t, w, id, ['completed']);
    assert.equal((await sentTexts()).filter((x) => x === 'delayed late but ok').length, 1);
    assert.equal((await runsOf(id)).length, 1);
  });

  test('a periodic occurrence missed by 7 h is skipped and the schedule goes on', async () => {
    const id = await send(
      { type: 'periodic', recurrence: { kind: 'every_n_days', n: 1, time: clockAgo(7), startDate: '2020-01-01' } },
      'periodic too late',
    );
    // Down for two days: the last run was planned two days ago, the due one is today's (7 h ago).
    await t.app.ctx.db.query(
      `UPDATE sends SET last_planned_at = now() - interval '2 days 8 hours', next_run_at = now() - interval '1 day 8 hours' WHERE id = $1`,
      [id],
    );
    const [run] = await waitFor('the skipped run', async () => {
      const runs = await runsOf(id);
      return runs.length > 0 ? runs : null;
    });
    assert.equal(run.state, 'stopped');
    const log = await logOf(run.id);
    assert.equal(log[0].type, 'skipped');
    assert.match(
      log[0].message,
      /^Skipped: Botcast was not running at (\d{4}-\d\d-\d\d )?\d\d:\d\d; the send was due 7 h( \d+ min)? ago, more than the 6-hour limit; 2 occurrence\(s\) missed/,
    );
    const [row] = await t.app.ctx.db.query<{ next_run_at: Date }>('SELECT next_run_at FROM sends WHERE id = $1', [id]);
    assert.ok(row.next_run_at.getTime() > Date.now(), 'the next occurrence is planned');
    assert.ok(row.next_run_at.getTime() < Date.now() + 24 * 3600_000);
    assert.ok(!(await sentTexts()).includes('periodic too late'));
    await t.request('DELETE', `/api/sends/${id}?running=continue`, { key: w.key });
  });

  test('a periodic occurrence missed by 2 h runs once', async () => {
    const id = await send(
      { type: 'periodic', recurrence: { kind: 'every_n_days', n: 1, time: clockAgo(2), startDate: '2020-01-01' } },
      'periodic late but ok',
    );
    await t.app.ctx.db.query(
      `UPDATE sends SET last_planned_at = now() - interval '3 days', next_run_at = now() - interval '2 days 3 hours' WHERE id = $1`,
      [id],
    );
    await waitFor('the one late run delivered', async () => (await sentTexts()).includes('periodic late but ok'));
    await waitFor('its run completed', async () => (await runsOf(id))[0]?.state === 'completed');
    const runs = await runsOf(id);
    assert.equal(runs.length, 1);
    assert.equal((await sentTexts()).filter((x) => x === 'periodic late but ok').length, 1);
    const log = await logOf(runs[0].id);
    assert.equal(log[0].type, 'created');
    await t.request('DELETE', `/api/sends/${id}?running=continue`, { key: w.key });
  });
});
