// Broadcasting history, logs with View errors and CSV export, drafts, progress and the rate
// series, and retention.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { FAST_ENGINE, addChannel, makeWorld, waitForSend, type World } from '../helpers/world.ts';
import { applyRetention } from '../../src/engine/retention.ts';
import type { CountRow } from '../../src/storage/db.ts';
import type { Json } from '../helpers/json.ts';

let t: TestApp;
let w: World;
let sandbox: number;
const ids: Record<string, number> = {};

const history = async (query: string) => {
  const r = await t.request('GET', `/api/history?${query}`, { key: w.key });
  assert.equal(r.status, 200, r.text);
  return r.body;
};
const send = async (body: Record<string, unknown> = {}) => {
  const r = await t.request('POST', `/api/bots/${w.botId}/sends`, {
    key: w.key,
    body: { content: { type: 'text', text: 'News for {{name}}' }, channelIds: [sandbox], audience: { type: 'all' }, ...body },
  });
  assert.equal(r.status, 201, r.text);
  return r.body;
};

before(async () => {
  t = await startTestApp({ worker: true, config: { graceSeconds: 0 }, engine: FAST_ENGINE });
  w = await makeWorld(t);
  sandbox = await addChannel(t, w, 'sandbox');
  for (const u of ['a1', 'a2', 'a3', 'blocker', 'gone1']) {
    const r = await t.request('POST', `/api/channels/${sandbox}/sandbox/messages`, {
      key: w.key,
      body: { userId: u, name: `=HYPERLINK("evil") ${u}`, text: 'hi' },
    });
    ids[u] = r.body.subscriberId;
  }
  await t.request('POST', `/api/subscribers/${ids.a1}/tags`, { key: w.key, body: { tags: ['vip'] } });
  await t.request('PUT', `/api/channels/${sandbox}/sandbox/users/blocker`, { key: w.key, body: { behaviour: 'blocked' } });
  // Deleted their account: every send fails for them with the platform's "chat not found".
  await t.request('PUT', `/api/channels/${sandbox}/sandbox/users/gone1`, { key: w.key, body: { behaviour: 'gone' } });
});
after(() => t.close());

describe('history sections', () => {
  test('a send moves from Scheduled to Completed, with counts and View errors', async () => {
    const scheduled = await send({ timing: { type: 'delayed', at: '2099-05-01T10:00' } });
    assert.ok((await history('section=scheduled')).items.some((i: Json) => i.id === scheduled.id));
    assert.ok(!(await history('section=active')).items.some((i: Json) => i.id === scheduled.id));
    await t.app.ctx.db.query('UPDATE sends SET next_run_at = now() WHERE id = $1', [scheduled.id]);
    await waitForSend(t, w, scheduled.id);
    assert.ok(!(await history('section=scheduled')).items.some((i: Json) => i.id === scheduled.id));
    const completed = (await history('section=completed')).items.find((i: Json) => i.id === scheduled.id);
    assert.ok(completed, 'listed in Completed');
    assert.equal(completed.counts.recipients, 5);
    assert.equal(completed.counts.sent, 3);
    assert.equal(completed.errors, 2);
    assert.equal(completed.kind, 'broadcast');
    assert.equal(completed.contentSummary, 'News for {{name}}');
    assert.deepEqual(
      completed.platforms.map((p: Json) => p.platform),
      ['sandbox'],
    );
    assert.ok(completed.startedAt && completed.finishedAt && completed.createdAt);
    const errors = await t.request('GET', completed.viewErrorsUrl, { key: w.key });
    assert.equal(errors.status, 200);
    assert.equal(errors.body.deliveries.items.length, 2);
    const e = errors.body.deliveries.items.find((x: Json) => x.recipient === 'blocker');
    assert.equal(e.recipient, 'blocker');
    assert.equal(e.errorClass, 'blocked');
    assert.equal(e.errorCode, '403');
    const types = errors.body.events.map((x: Json) => x.type);
    for (const type of ['created', 'started', 'audience', 'finished']) assert.ok(types.includes(type), `log has ${type}`);
    // Its sparkline: the messages sent in 24 slices of the run, adding up to what it sent.
    assert.equal(completed.spark.length, 24);
    assert.equal(
      completed.spark.reduce((a: number, n: number) => a + n, 0),
      3,
    );
    assert.ok((await history('section=scheduled')).items.every((i: Json) => i.spark === null));
  });

  test('a run’s sparkline spreads its messages over its time, first slice to last', async () => {
    const done = await send();
    await waitForSend(t, w, done.id);
    const [{ id: runId }] = await t.app.ctx.db.query<{ id: number }>('SELECT id FROM runs WHERE send_id = $1', [done.id]);
    // As if the run had sent over two minutes: 5 in its first 10 s, 1 in its last.
    await t.app.ctx.db.query('DELETE FROM run_rate WHERE run_id = $1', [runId]);
    await t.app.ctx.db.query(
      `INSERT INTO run_rate (run_id, bucket, sent, failed) VALUES ($1, '2026-01-01T10:00:00Z', 5, 0), ($1, '2026-01-01T10:01:00Z', 2, 1), ($1, '2026-01-01T10:01:50Z', 1, 0)`,
      [runId],
    );
    const item = (await history('section=completed')).items.find((i: Json) => i.id === done.id);
    assert.equal(item.spark[0], 5);
    assert.equal(item.spark[13], 2, 'a bucket 60 of 110 s in: 23 × 60 / 110 = 12.5, the 14th point');
    assert.equal(item.spark[23], 1);
    assert.equal(
      item.spark.reduce((a: number, n: number) => a + n, 0),
      8,
    );
  });

  test('Active lists an instant send in its grace window, Periodic shows the next run', async () => {
    const graceApp = await startTestApp({ config: { graceSeconds: 60 } });
    try {
      const gw = await makeWorld(graceApp);
      const ch = await addChannel(graceApp, gw, 'sandbox');
      await graceApp.request('POST', `/api/channels/${ch}/sandbox/messages`, { key: gw.key, body: { userId: 'x', text: 'hi' } });
      const s = await graceApp.request('POST', `/api/bots/${gw.botId}/sends`, {
        key: gw.key,
        body: { content: { type: 'text', text: 'x' }, channelIds: [ch], audience: { type: 'all' } },
      });
      const active = await graceApp.request('GET', '/api/history?section=active', { key: gw.key });
      const item = active.body.items.find((i: Json) => i.id === s.body.id);
      assert.ok(item.graceSecondsLeft > 50);
      const p = await graceApp.request('POST', `/api/bots/${gw.botId}/sends`, {
        key: gw.key,
        body: {
          content: { type: 'text', text: 'weekly' },
          channelIds: [ch],
          audience: { type: 'all' },
          timing: { type: 'periodic', recurrence: { kind: 'weekdays', days: [5], time: '18:00' } },
        },
      });
      const periodic = await graceApp.request('GET', '/api/history?section=periodic', { key: gw.key });
      const entry = periodic.body.items.find((i: Json) => i.id === p.body.id);
      assert.ok(entry.nextRunAt);
    } finally {
      await graceApp.close();
    }
  });

  test('type filter: none checked means all; search by send id; bad filters are 400', async () => {
    const s = await send({ audience: { type: 'selected', subscriberIds: [ids.a2] } });
    await waitForSend(t, w, s.id);
    await t.app.ctx.db.query(`UPDATE sends SET kind = 'external' WHERE id = $1`, [s.id]);
    const all = await history('section=completed');
    const broadcastsOnly = await history('section=completed&kinds=broadcast');
    const externalOnly = await history('section=completed&kinds=external');
    const both = await history('section=completed&kinds=broadcast,external');
    assert.ok(all.items.some((i: Json) => i.id === s.id));
    assert.ok(!broadcastsOnly.items.some((i: Json) => i.id === s.id));
    assert.deepEqual(
      externalOnly.items.map((i: Json) => i.id),
      [s.id],
    );
    assert.equal(both.items.length, all.items.length);
    const found = await history(`section=completed&q=${s.id}`);
    assert.deepEqual(
      found.items.map((i: Json) => i.id),
      [s.id],
    );
    assert.equal((await t.request('GET', '/api/history?section=completed&kinds=sms', { key: w.key })).status, 400);
    assert.equal((await t.request('GET', '/api/history?section=completed&q=abc', { key: w.key })).status, 400);
    assert.equal((await t.request('GET', '/api/history?section=later', { key: w.key })).status, 400);
    assert.equal((await t.request('GET', '/api/history?section=completed&cursor=zzz', { key: w.key })).status, 400);
    const log = await t.request('GET', `/api/logs?sendId=${s.id}`, { key: w.key });
    assert.equal(log.body.send.id, s.id);
  });

  test('history paginates by keyset', async () => {
    for (let i = 0; i < 3; i++) await waitForSend(t, w, (await send({ audience: { type: 'selected', subscriberIds: [ids.a3] } })).id);
    const first = await history('section=completed&limit=2');
    assert.equal(first.items.length, 2);
    const second = await history(`section=completed&limit=2&cursor=${first.nextCursor}`);
    assert.ok(second.items[0].runId < first.items[1].runId);
  });
});

describe('logs export', () => {
  test('the CSV export is UTF-8 with BOM and neutralises spreadsheet formulas', async () => {
    const s = await send();
    await waitForSend(t, w, s.id);
    await t.app.ctx.db.query(
      `UPDATE deliveries SET error_text = '=cmd|'' /C calc''!A0' WHERE recipient = 'gone1' AND run_id IN (SELECT id FROM runs WHERE send_id = $1)`,
      [s.id],
    );
    const csv = await t.request('GET', `/api/sends/${s.id}/log.csv`, { key: w.key });
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.ok(csv.text.startsWith('\uFEFF'));
    assert.ok(csv.text.includes(`'=cmd|`), 'formula neutralised');
    assert.ok(!/(^|,)=cmd/m.test(csv.text));
    const errorsOnly = await t.request('GET', `/api/sends/${s.id}/log.csv?errorsOnly=true`, { key: w.key });
    const deliveryLines = errorsOnly.text.split('\r\n').filter((l) => l.includes(',delivery,'));
    assert.equal(deliveryLines.length, 1);
  });
});

describe('progress', () => {
  test('progress and the delivery-rate series come from counters, not scans', async () => {
    const s = await send();
    await waitForSend(t, w, s.id);
    const progress = await t.request('GET', `/api/sends/${s.id}/progress`, { key: w.key });
    assert.equal(progress.body.done, true);
    assert.equal(progress.body.counts.sent, 3);
    const series = await t.request('GET', `/api/sends/${s.id}/rate-series`, { key: w.key });
    const total = series.body.points.reduce((a: number, p: Json) => a + p.sent, 0);
    assert.equal(total, 3);
    assert.equal(
      series.body.points.reduce((a: number, p: Json) => a + p.failed, 0),
      1,
    );
  });
});

describe('drafts', () => {
  test('save, list, duplicate, edit, send (the draft stays), delete', async () => {
    const saved = await t.request('POST', `/api/bots/${w.botId}/drafts`, {
      key: w.key,
      body: {
        name: 'Sale',
        form: { content: { type: 'text', text: 'Sale!' }, channelIds: [sandbox], audience: { type: 'tags', include: ['vip'] } },
      },
    });
    assert.equal(saved.status, 201, saved.text);
    const copy = await t.request('POST', `/api/drafts/${saved.body.id}/duplicate`, { key: w.key });
    assert.equal(copy.body.name, 'Sale (copy)');
    const edited = await t.request('PATCH', `/api/drafts/${copy.body.id}`, {
      key: w.key,
      body: { form: { ...copy.body.form, content: { type: 'text', text: 'Bigger sale!' } } },
    });
    assert.equal(edited.body.form.content.text, 'Bigger sale!');
    const sent = await t.request('POST', `/api/drafts/${saved.body.id}/send`, { key: w.key });
    assert.equal(sent.status, 201, sent.text);
    const done = await waitForSend(t, w, sent.body.id);
    assert.equal(done.counts.sent, 1);
    const list = await t.request('GET', `/api/bots/${w.botId}/drafts`, { key: w.key });
    assert.equal(list.body.length, 2, 'the draft stays after sending');
    const incomplete = await t.request('POST', `/api/bots/${w.botId}/drafts`, {
      key: w.key,
      body: { form: { content: { type: 'text', text: 'half' } } },
    });
    const bad = await t.request('POST', `/api/drafts/${incomplete.body.id}/send`, { key: w.key });
    assert.equal(bad.status, 400);
    assert.equal((await t.request('DELETE', `/api/drafts/${copy.body.id}`, { key: w.key })).status, 204);
    assert.equal((await t.request('GET', `/api/drafts/${copy.body.id}`, { key: w.key })).status, 404);
  });
});

describe('retention', () => {
  test('deletes exactly the runs that finished 3 months ago or earlier, with their deliveries and logs', async () => {
    const old = await send();
    const recent = await send();
    await waitForSend(t, w, old.id);
    await waitForSend(t, w, recent.id);
    await t.app.ctx.db.query(`UPDATE runs SET finished_at = now() - interval '3 months' - interval '1 minute' WHERE send_id = $1`, [
      old.id,
    ]);
    await t.app.ctx.db.query(`UPDATE runs SET finished_at = now() - interval '3 months' + interval '1 day' WHERE send_id = $1`, [
      recent.id,
    ]);
    const result = await applyRetention(t.app.ctx.db, 3);
    assert.equal(result.runs, 1);
    assert.equal(result.deliveries, 4);
    assert.equal((await t.request('GET', `/api/sends/${old.id}`, { key: w.key })).status, 404);
    assert.equal((await t.request('GET', `/api/sends/${recent.id}`, { key: w.key })).status, 200);
    const leftovers = await t.app.ctx.db.query<CountRow>(
      `SELECT count(*) AS n FROM run_events e WHERE NOT EXISTS (SELECT 1 FROM runs r WHERE r.id = e.run_id)`,
    );
    assert.equal(leftovers[0].n, 0);
  });

  test('deleting a bot deletes its sends with their runs and deliveries', async () => {
    const other = await makeWorld(t);
    const channel = await addChannel(t, other, 'sandbox');
    await t.request('POST', `/api/channels/${channel}/sandbox/messages`, { key: other.key, body: { userId: 'u1', name: 'U', text: 'hi' } });
    const r = await t.request('POST', `/api/bots/${other.botId}/sends`, {
      key: other.key,
      body: { content: { type: 'text', text: 'Bye' }, channelIds: [channel], audience: { type: 'all' } },
    });
    assert.equal(r.status, 201, r.text);
    await waitForSend(t, other, r.body.id);
    const count = async () =>
      Number(
        (
          await t.app.ctx.db.query<{ n: number }>(
            'SELECT count(*) AS n FROM deliveries d JOIN run_lanes l ON l.id = d.lane_id WHERE l.channel_id = $1',
            [channel],
          )
        )[0].n,
      );
    const deliveriesOfChannel = async () =>
      Number((await t.app.ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM deliveries WHERE channel_id = $1', [channel]))[0].n);
    assert.equal(await count(), 1);
    assert.equal((await t.request('DELETE', `/api/bots/${other.botId}`, { key: other.key })).status, 204);
    assert.equal(await deliveriesOfChannel(), 0);
  });
});
