// Trigger events (SPEC 2.3, issue 8): a tag assigned → a message after a delay, due in the bot's
// time zone (every unit, with a time of day, across DST and month ends); the delay and tag checked.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { aSchedulerPass, waitFor } from '../helpers/world.ts';
import type { Json } from '../helpers/json.ts';
import {
  createTrigger,
  firings,
  inbox,
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

describe('timing: due time from the assignment time, in the bot time zone', () => {
  test('each unit, with and without a time of day, across a DST change and month ends', async () => {
    const tim = await write(sandbox, 'tim');
    // [assigned at, delay, expected due] — Berlin is UTC+1 in winter, UTC+2 from 2030-03-31 03:00.
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['2030-01-31T10:00:00Z', { amount: 5, unit: 'minutes' }, '2030-01-31T10:05:00.000Z'],
      ['2030-01-31T10:00:00Z', { amount: 2, unit: 'hours' }, '2030-01-31T12:00:00.000Z'],
      ['2030-01-31T10:00:00Z', { amount: 1, unit: 'days' }, '2030-02-01T10:00:00.000Z'],
      ['2030-01-31T10:00:00Z', { amount: 1, unit: 'days', timeOfDay: '19:00' }, '2030-02-01T18:00:00.000Z'],
      ['2030-01-31T10:00:00Z', { amount: 0, unit: 'days', timeOfDay: '19:00' }, '2030-01-31T18:00:00.000Z'], // still ahead today
      ['2030-01-31T10:00:00Z', { amount: 0, unit: 'days', timeOfDay: '09:00' }, '2030-02-01T08:00:00.000Z'], // passed: tomorrow
      ['2030-01-31T10:00:00Z', { amount: 1, unit: 'weeks' }, '2030-02-07T10:00:00.000Z'],
      ['2030-01-31T10:00:00Z', { amount: 2, unit: 'weeks', timeOfDay: '08:30' }, '2030-02-14T07:30:00.000Z'],
      ['2030-01-31T10:00:00Z', { amount: 1, unit: 'months' }, '2030-02-28T10:00:00.000Z'], // Jan 31 + 1 month = Feb 28
      ['2030-01-31T10:00:00Z', { amount: 1, unit: 'months', timeOfDay: '09:00' }, '2030-02-28T08:00:00.000Z'],
      ['2028-01-31T10:00:00Z', { amount: 1, unit: 'months' }, '2028-02-29T10:00:00.000Z'], // leap year
      ['2030-03-30T12:00:00Z', { amount: 1, unit: 'days' }, '2030-03-31T11:00:00.000Z'], // 13:00 CET → 13:00 CEST: 23 hours
      ['2030-03-30T12:00:00Z', { amount: 24, unit: 'hours' }, '2030-03-31T12:00:00.000Z'], // hours are absolute
      ['2030-03-30T12:00:00Z', { amount: 1, unit: 'days', timeOfDay: '02:30' }, '2030-03-31T01:00:00.000Z'], // in the gap: when the clock jumps
    ];
    const made: Array<{ id: number; tagId: number; expected: string }> = [];
    for (const [i, [, delay, expected]] of cases.entries()) {
      const tagId = await newTag(`timing-${i}`);
      const trigger = await createTrigger({ tag: tagId, delay });
      made.push({ id: trigger.id, tagId, expected });
    }
    // Tag assignments at chosen instants, as tags.ts writes them to the outbox.
    for (const [i, [assignedAt]] of cases.entries()) {
      await t.app.ctx.db.query(
        `INSERT INTO events (workspace_id, type, payload) VALUES ($1, 'tag_assigned', jsonb_build_object('subscriberId', $2::bigint, 'tagId', $3::bigint, 'assignedAt', $4::text))`,
        [w.workspaceId, tim, made[i].tagId, assignedAt],
      );
    }
    for (const [i, m] of made.entries()) {
      const [f] = await waitFor(`firing ${i}`, async () => {
        const list = await firings(m.id);
        return list.length > 0 ? list : null;
      });
      assert.equal(new Date(f.dueAt).toISOString(), m.expected, `case ${i}: ${JSON.stringify(cases[i][1])} after ${cases[i][0]}`);
      assert.equal(new Date(f.assignedAt).toISOString(), new Date(cases[i][0]).toISOString());
    }
    const one = await t.request('GET', `/api/triggers/${made[3].id}`, { key: w.key });
    assert.equal(one.body.delayText, 'after 1 day at 19:00');
    for (const m of made) assert.equal((await t.request('DELETE', `/api/triggers/${m.id}`, { key: w.key })).status, 204);
  });

  test('a tag assigned through the API: due exactly the delay after the assignment; then delivered', async () => {
    await newTag('welcome');
    const trigger = await createTrigger({ name: 'Welcome', tag: 'welcome', content: { type: 'text', text: 'Welcome, {{first_name}}!' } });
    const ann = await write(sandbox, 'ann');
    await tag(ann, 'welcome');
    const pending = await waitFiring(trigger.id, ann, 'pending');
    assert.equal(new Date(pending.dueAt).getTime() - new Date(pending.assignedAt).getTime(), 60_000);
    await aSchedulerPass(t);
    assert.equal((await firings(trigger.id, `?subscriberId=${ann}`))[0].state, 'pending', 'not fired before the due time');
    assert.deepEqual(await inbox('ann'), [], 'not before the due time');
    await makeDue(trigger.id);
    await received('ann', 'Welcome, ann!');
    const fired = await waitFor('the outcome', async () => {
      const [f] = await firings(trigger.id, `?subscriberId=${ann}&state=fired`);
      return f?.deliveryState === 'sent' ? f : null;
    });
    const send = await t.request('GET', `/api/sends/${fired.sendId}`, { key: w.key });
    assert.equal(send.body.kind, 'trigger');
    assert.equal(send.body.sourceId, trigger.id);
    assert.deepEqual(
      send.body.platforms.map((p: Json) => p.platform),
      ['sandbox'],
    );
  });

  test('validation: the delay and the tag are checked and named', async () => {
    await newTag('checked');
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ tag: 'checked', delay: { amount: 0, unit: 'minutes' } }, 'delay.amount'],
      [{ tag: 'checked', delay: { amount: 2, unit: 'hours', timeOfDay: '10:00' } }, 'delay.timeOfDay'],
      [{ tag: 'checked', delay: { amount: 1, unit: 'days', timeOfDay: '25:00' } }, 'delay.timeOfDay'],
      [{ tag: 'no such tag' }, 'tag'],
      [{ tag: 9_999_999 }, 'tag'],
    ];
    for (const [body, field] of bad) {
      const r = await t.request('POST', `/api/bots/${w.botId}/triggers`, {
        key: w.key,
        body: { delay: { amount: 1, unit: 'minutes' }, content: { type: 'text', text: 'x' }, ...body },
      });
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.body.error.details.field, field, `${JSON.stringify(body)}: ${r.text}`);
    }
    const ok = await createTrigger({ tag: 'checked', delay: { amount: 0, unit: 'days', timeOfDay: '19:00' } });
    assert.equal((ok as Json).delayText, 'at 19:00 (today if still ahead, else tomorrow)');
    await t.request('DELETE', `/api/triggers/${ok.id}`, { key: w.key });
  });
});
