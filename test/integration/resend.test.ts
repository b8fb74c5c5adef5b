// Resend to a subset (issue 17 point 9): from a finished run, a new send to its recipients whose
// outcome was failed, unknown, outside_window or hold_expired — exactly those, nobody else — with
// the content edited, linked both ways; unknown only with an acknowledgement; refused while the run
// delivers or when nobody matches. Outcomes the sandbox cannot produce (unknown, outside_window,
// hold_expired) are written onto the finished run's deliveries, as the engine leaves them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor, waitForSend } from '../helpers/world.ts';
import type { Json } from '../helpers/json.ts';
import { inbox, sandbox, startTriggersApp, t, w, write } from './trigger-steps.ts';

before(startTriggersApp);
after(() => t.close());

const behave = async (userId: string, behaviour: string) => {
  const r = await t.request('PUT', `/api/channels/${sandbox}/sandbox/users/${userId}`, { key: w.key, body: { behaviour } });
  assert.equal(r.status, 200, r.text);
};
const sendTo = async (subscriberIds: number[], text: string) => {
  const r = await t.request('POST', `/api/bots/${w.botId}/sends`, {
    key: w.key,
    body: { content: { type: 'text', text }, channelIds: [sandbox], audience: { type: 'selected', subscriberIds } },
  });
  assert.equal(r.status, 201, r.text);
  return r.body.id as number;
};
const resend = (id: number, body: Json) => t.request('POST', `/api/sends/${id}/resend`, { key: w.key, body });
const setOutcome = (runId: number, subscriberId: number, state: string, outcome: string) =>
  t.app.ctx.db.query(
    `UPDATE deliveries SET state = $3, outcome = $4, error_code = $4, error_text = 'set by the test' WHERE run_id = $1 AND subscriber_id = $2`,
    [runId, subscriberId, state, outcome],
  );

describe('resend to a subset', () => {
  const ids: Record<string, number> = {};
  let parent: number;
  let parentRun: number;

  before(async () => {
    for (const name of ['ok1', 'gone1', 'gone2', 'unk', 'window', 'expired', 'ok2']) ids[name] = await write(sandbox, `rs-${name}`);
    await behave('rs-gone1', 'gone');
    await behave('rs-gone2', 'gone');
    parent = await sendTo(Object.values(ids), 'first try');
    const done = await waitForSend(t, w, parent, ['completed']);
    parentRun = done.runs[0].id;
    assert.equal(done.counts.failed, 2);
    await setOutcome(parentRun, ids.unk, 'unknown', 'unknown');
    await setOutcome(parentRun, ids.window, 'cancelled', 'outside_window');
    await setOutcome(parentRun, ids.expired, 'failed', 'hold_expired');
  });

  test('the dialog counts the run’s recipients per outcome', async () => {
    const r = await t.request('GET', `/api/sends/${parent}/resend`, { key: w.key });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.counts, { failed: 2, unknown: 1, outside_window: 1, hold_expired: 1 });
    assert.equal(r.body.runId, parentRun);
    assert.equal(r.body.finished, true);
    assert.equal(r.body.content.text, 'first try');
  });

  test('unknown needs the acknowledgement (400 naming it); nothing is made', async () => {
    const before = (await t.app.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sends'))[0].n;
    const r = await resend(parent, { outcomes: ['failed', 'unknown'] });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.body.error.code, 'unknown_needs_acknowledgement');
    assert.equal(r.body.error.details.field, 'acknowledgeUnknown');
    assert.match(r.body.error.message, /did receive the message/);
    assert.equal((await t.app.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sends'))[0].n, before);
  });

  test('failed + hold_expired with edited text reaches exactly those three, and the link shows on both sides', async () => {
    await behave('rs-gone1', 'normal');
    await behave('rs-gone2', 'normal');
    const r = await resend(parent, { outcomes: ['failed', 'hold_expired'], content: { type: 'text', text: 'second try' } });
    assert.equal(r.status, 201, r.text);
    const child = r.body;
    assert.equal(child.parentSendId, parent);
    assert.equal(child.parentRunId, parentRun);
    assert.deepEqual(child.resendOutcomes, ['failed', 'hold_expired']);
    assert.equal(child.targeting.audience, 'selected');
    const snapshot = await t.app.ctx.db.query<{ subscriber_id: number }>(
      'SELECT subscriber_id FROM send_recipients WHERE send_id = $1 ORDER BY subscriber_id',
      [child.id],
    );
    const expected = [ids.gone1, ids.gone2, ids.expired].sort((a, b) => a - b);
    assert.deepEqual(
      snapshot.map((s) => Number(s.subscriber_id)),
      expected,
    );

    const done = await waitForSend(t, w, child.id, ['completed']);
    assert.equal(done.counts.recipients, 3);
    assert.equal(done.counts.sent, 3);
    const delivered = await t.app.ctx.db.query<{ subscriber_id: number }>(
      'SELECT subscriber_id FROM deliveries WHERE run_id = $1 ORDER BY subscriber_id',
      [done.runs[0].id],
    );
    assert.deepEqual(
      delivered.map((d) => Number(d.subscriber_id)),
      expected,
    );
    for (const name of ['gone1', 'gone2', 'expired'])
      assert.deepEqual(await inbox(`rs-${name}`), name === 'expired' ? ['first try', 'second try'] : ['second try']);
    // Nobody else got the second try.
    for (const name of ['ok1', 'unk', 'window', 'ok2']) assert.deepEqual(await inbox(`rs-${name}`), ['first try']);

    const parentView = (await t.request('GET', `/api/sends/${parent}`, { key: w.key })).body;
    assert.deepEqual(
      parentView.resends.map((x: Json) => [x.id, x.parentRunId, x.outcomes]),
      [[child.id, parentRun, ['failed', 'hold_expired']]],
    );
    assert.equal(parentView.parentSendId, null);
  });

  test('unknown with the acknowledgement, outside_window: the snapshot is those recipients', async () => {
    const r = await resend(parent, { outcomes: ['unknown', 'outside_window'], acknowledgeUnknown: true });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.content.text, 'first try', 'the parent’s content when none is given');
    const snapshot = await t.app.ctx.db.query<{ subscriber_id: number }>(
      'SELECT subscriber_id FROM send_recipients WHERE send_id = $1 ORDER BY subscriber_id',
      [r.body.id],
    );
    assert.deepEqual(
      snapshot.map((s) => Number(s.subscriber_id)),
      [ids.unk, ids.window].sort((a, b) => a - b),
    );
    await waitForSend(t, w, r.body.id, ['completed']);
  });

  test('nobody with the outcome: 400 no_recipients naming outcomes; another workspace’s send: 404', async () => {
    const child = (await t.request('GET', `/api/sends/${parent}`, { key: w.key })).body.resends[0].id;
    const none = await resend(child, { outcomes: ['outside_window'] });
    assert.equal(none.status, 400, none.text);
    assert.equal(none.body.error.code, 'no_recipients');
    assert.equal(none.body.error.details.field, 'outcomes');
    const other = await t.workspace('Other');
    const foreign = await t.request('POST', `/api/sends/${parent}/resend`, { key: other.key, body: { outcomes: ['failed'] } });
    assert.equal(foreign.status, 404, foreign.text);
  });

  test('a run still delivering (held for an operator chat) cannot be resent yet: 409 run_not_finished', async () => {
    const held = await write(sandbox, 'rs-held');
    const blocker = await write(sandbox, 'rs-blocker');
    await behave('rs-blocker', 'blocked');
    await t.request('POST', `/api/subscribers/${held}/chat`, { key: w.key });
    const id = await sendTo([held, blocker], 'held');
    await waitFor(
      'the waiting phase',
      async () => (await t.request('GET', `/api/sends/${id}`, { key: w.key })).body.status === 'waiting_for_chats',
    );
    const r = await resend(id, { outcomes: ['failed'] });
    assert.equal(r.status, 409, r.text);
    assert.equal(r.body.error.code, 'run_not_finished');
    const options = await t.request('GET', `/api/sends/${id}/resend`, { key: w.key });
    assert.equal(options.body.finished, false);
    assert.equal(options.body.counts.failed, 1);
  });

  test('a send that never ran: 409 not_run', async () => {
    const r0 = await t.request('POST', `/api/bots/${w.botId}/sends`, {
      key: w.key,
      body: {
        content: { type: 'text', text: 'later' },
        channelIds: [sandbox],
        audience: { type: 'all' },
        timing: { type: 'delayed', at: '2099-01-01T10:00' },
      },
    });
    assert.equal(r0.status, 201, r0.text);
    const r = await resend(r0.body.id, { outcomes: ['failed'] });
    assert.equal(r.status, 409, r.text);
    assert.equal(r.body.error.code, 'not_run');
  });
});
