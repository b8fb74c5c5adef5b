// Trigger events (SPEC 2.3, issue 8) in the history: one send per trigger per day, a new one after
// an edit of the content; another workspace cannot see or change a trigger.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '../helpers/world.ts';
import {
  ZONE,
  createTrigger,
  firings,
  makeDue,
  newTag,
  received,
  sandbox,
  startTriggersApp,
  t,
  tag,
  w,
  waitFiring,
  write,
} from './trigger-steps.ts';

before(startTriggersApp);
after(() => t.close());

describe('history', () => {
  test('one send per trigger per day, open until the end of the day; an edit of the content starts a new one', async () => {
    await newTag('daily');
    const trigger = await createTrigger({ tag: 'daily', content: { type: 'text', text: 'daily v1' } });
    const subs = [await write(sandbox, 'gil'), await write(sandbox, 'hal')];
    for (const [i, sub] of subs.entries()) {
      await tag(sub, 'daily');
      await waitFiring(trigger.id, sub, 'pending');
      await makeDue(trigger.id);
      await received(i === 0 ? 'gil' : 'hal', 'daily v1');
    }
    const fired = await firings(trigger.id, '?state=fired');
    assert.equal(fired.length, 2);
    assert.equal(fired[0].sendId, fired[1].sendId);
    assert.equal(fired[0].runId, fired[1].runId, 'one history entry for the day');
    const sends = await t.app.ctx.db.query<{ id: number; kind: string; group_key: string | null }>(
      `SELECT id, kind, group_key FROM sends WHERE source_id = $1 AND kind = 'trigger'`,
      [trigger.id],
    );
    assert.equal(sends.length, 1);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(),
    );
    assert.equal(sends[0].group_key, `trigger:${trigger.id}:${today}`);
    const [run] = await t.app.ctx.db.query<{ state: string; open_until: Date }>('SELECT state, open_until FROM runs WHERE id = $1', [
      fired[0].runId,
    ]);
    assert.equal(run.state, 'delivering', 'the day’s run stays open for later firings');
    const midnight = new Date(run.open_until.getTime() - 5 * 60_000);
    assert.equal(
      new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(midnight),
      '00:00',
    );
    assert.ok(midnight.getTime() > Date.now() && midnight.getTime() - Date.now() <= 25 * 3600_000);
    const view = await waitFor('both outcomes', async () => {
      const v = await t.request('GET', `/api/sends/${fired[0].sendId}`, { key: w.key });
      return v.body.counts.sent === 2 ? v : null;
    });
    assert.equal(view.body.counts.recipients, 2);
    assert.equal(view.body.counts.sent, 2);
    // Nothing left to send: it reads as completed (and is in Completed) while its run stays open (issue 17 point 2).
    assert.equal(view.body.status, 'completed');
    assert.ok(view.body.runs[0].openUntil, 'its run still takes later firings');

    const patched = await t.request('PATCH', `/api/triggers/${trigger.id}`, {
      key: w.key,
      body: { content: { type: 'text', text: 'daily v2' } },
    });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.body.revision, 2);
    const ida = await write(sandbox, 'ida');
    await tag(ida, 'daily');
    await waitFiring(trigger.id, ida, 'pending');
    await makeDue(trigger.id);
    await received('ida', 'daily v2');
    const third = await waitFiring(trigger.id, ida, 'fired');
    assert.notEqual(third.sendId, fired[0].sendId);
    const [v2] = await t.app.ctx.db.query<{ group_key: string | null }>('SELECT group_key FROM sends WHERE id = $1', [third.sendId]);
    assert.equal(v2.group_key, `trigger:${trigger.id}:${today}:r2`);
  });

  test('another workspace cannot see or change a trigger', async () => {
    await newTag('private');
    const trigger = await createTrigger({ tag: 'private' });
    const other = await t.workspace('other');
    for (const [method, url] of [
      ['GET', `/api/triggers/${trigger.id}`],
      ['PATCH', `/api/triggers/${trigger.id}`],
      ['DELETE', `/api/triggers/${trigger.id}`],
      ['POST', `/api/triggers/${trigger.id}/disable`],
      ['GET', `/api/triggers/${trigger.id}/firings`],
      ['GET', `/api/bots/${w.botId}/triggers`],
      ['PUT', `/api/bots/${w.botId}/triggers/order`],
    ] as const) {
      const body = method === 'PATCH' ? { name: 'stolen' } : method === 'PUT' ? { ids: [trigger.id] } : undefined;
      const r = await t.request(method, url, { key: other.key, body });
      assert.equal(r.status, 404, `${method} ${url}: ${r.text}`);
    }
    assert.equal((await t.request('GET', `/api/triggers/${trigger.id}`, { key: w.key })).body.name, '');
  });
});
