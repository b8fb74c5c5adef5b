// Trigger events (SPEC 2.3, issue 8): once per subscriber or again; cancelled when the tag goes
// before the due time or the trigger is disabled; the triggers' order decides who goes first.
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
  untag,
  w,
  waitFiring,
  write,
} from './trigger-steps.ts';

before(startTriggersApp);
after(() => t.close());

describe('firing rules', () => {
  test('once per subscriber, unless "fire again if the tag is assigned again" is on', async () => {
    await newTag('once');
    await newTag('again');
    const once = await createTrigger({ tag: 'once', content: { type: 'text', text: 'once' } });
    const again = await createTrigger({ tag: 'again', fireAgain: true, content: { type: 'text', text: 'again' } });
    const bob = await write(sandbox, 'bob');
    await tag(bob, 'once', 'again');
    await waitFiring(once.id, bob, 'pending');
    await waitFiring(again.id, bob, 'pending');
    await makeDue(once.id);
    await makeDue(again.id);
    await waitFor('both sent', async () => (await inbox('bob')).length === 2);

    await untag(bob, 'once', 'again');
    await tag(bob, 'once', 'again');
    await waitFiring(again.id, bob, 'pending');
    assert.equal((await firings(once.id, `?subscriberId=${bob}`)).length, 1, 'the once-only trigger does not fire again');
    await makeDue(again.id);
    await waitFor('the second "again"', async () => (await inbox('bob')).filter((m) => m === 'again').length === 2);
    await aSchedulerPass(t);
    assert.deepEqual((await inbox('bob')).sort(), ['again', 'again', 'once']);
    // The same day: still one send; the repeat needs its own run (one delivery per run and subscriber).
    const fired = await firings(again.id, `?subscriberId=${bob}&state=fired`);
    assert.equal(fired.length, 2);
    assert.equal(fired[0].sendId, fired[1].sendId);
    assert.notEqual(fired[0].runId, fired[1].runId);
  });

  test('removing the tag before the due time cancels that firing', async () => {
    await newTag('trial');
    const trigger = await createTrigger({ tag: 'trial', content: { type: 'text', text: 'trial ends' } });
    const cid = await write(sandbox, 'cid');
    await tag(cid, 'trial');
    await waitFiring(trigger.id, cid, 'pending');
    await untag(cid, 'trial');
    const cancelled = await waitFiring(trigger.id, cid, 'cancelled');
    assert.match(cancelled.reason, /tag was removed/);
    await t.app.ctx.db.query(`UPDATE trigger_firings SET due_at = now() - interval '1 second' WHERE trigger_id = $1`, [trigger.id]);
    await aSchedulerPass(t);
    assert.deepEqual(
      (await firings(trigger.id, `?subscriberId=${cid}`)).map((f) => f.state),
      ['cancelled'],
      'a pass with the firing due did not fire it',
    );
    assert.deepEqual(await inbox('cid'), []);
    // Assigned again later, the once-only trigger still fires: the cancelled firing never fired.
    await tag(cid, 'trial');
    await waitFiring(trigger.id, cid, 'pending');
    await makeDue(trigger.id);
    await received('cid', 'trial ends');
  });

  test('a disabled trigger does not fire; a firing that comes due while disabled is cancelled', async () => {
    await newTag('paused');
    const trigger = await createTrigger({ tag: 'paused', content: { type: 'text', text: 'paused one' } });
    const dan = await write(sandbox, 'dan');
    await tag(dan, 'paused');
    await waitFiring(trigger.id, dan, 'pending');
    const off = await t.request('POST', `/api/triggers/${trigger.id}/disable`, { key: w.key });
    assert.equal(off.body.enabled, false);
    await makeDue(trigger.id);
    const cancelled = await waitFiring(trigger.id, dan, 'cancelled');
    assert.match(cancelled.reason, /disabled/);
    const dia = await write(sandbox, 'dia');
    await tag(dia, 'paused');
    await aSchedulerPass(t);
    assert.deepEqual(await firings(trigger.id, `?subscriberId=${dia}`), []);
    assert.equal((await t.request('POST', `/api/triggers/${trigger.id}/enable`, { key: w.key })).body.enabled, true);
    assert.deepEqual([...(await inbox('dan')), ...(await inbox('dia'))], []);
  });

  test('several firing at the same moment for one subscriber go in the triggers’ order, which the user can change', async () => {
    await newTag('signup');
    const a = await createTrigger({ name: 'A', tag: 'signup', content: { type: 'text', text: 'A' } });
    const b = await createTrigger({ name: 'B', tag: 'signup', content: { type: 'text', text: 'B' } });
    const c = await createTrigger({ name: 'C', tag: 'signup', content: { type: 'text', text: 'C' } });
    assert.ok(a.position < b.position && b.position < c.position, 'new triggers go last');
    const list = (await t.request('GET', `/api/bots/${w.botId}/triggers`, { key: w.key })).body as Json[];
    const others = list.map((x) => x.id).filter((id) => ![a.id, b.id, c.id].includes(id));
    const incomplete = await t.request('PUT', `/api/bots/${w.botId}/triggers/order`, { key: w.key, body: { ids: [c.id, a.id] } });
    assert.equal(incomplete.status, 400);
    assert.equal(incomplete.body.error.code, 'incomplete_order');
    const twice = await t.request('PUT', `/api/bots/${w.botId}/triggers/order`, {
      key: w.key,
      body: { ids: [c.id, c.id, a.id, b.id, ...others] },
    });
    assert.equal(twice.status, 400);
    const ordered = await t.request('PUT', `/api/bots/${w.botId}/triggers/order`, {
      key: w.key,
      body: { ids: [c.id, a.id, b.id, ...others] },
    });
    assert.equal(ordered.status, 200, ordered.text);
    assert.deepEqual(
      ordered.body.slice(0, 3).map((x: Json) => x.name),
      ['C', 'A', 'B'],
    );

    const eve = await write(sandbox, 'eve');
    await tag(eve, 'signup');
    for (const x of [a, b, c]) await waitFiring(x.id, eve, 'pending');
    const dues = await t.app.ctx.db.query<{ due_at: Date }>('SELECT DISTINCT due_at FROM trigger_firings WHERE subscriber_id = $1', [eve]);
    assert.equal(dues.length, 1, 'all three are due at the same moment');
    await t.app.ctx.db.query(
      `UPDATE trigger_firings SET due_at = now() - interval '1 second' WHERE subscriber_id = $1 AND state = 'pending'`,
      [eve],
    );
    await waitFor('three messages', async () => (await inbox('eve')).length === 3);
    assert.deepEqual(await inbox('eve'), ['C', 'A', 'B']);
  });
});
