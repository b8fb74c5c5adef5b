// The life of a send as the history shows it (issue 17 points 1-5): a send whose deliveries are all
// final except holds waits for operator chats (its own phase, with release / cancel), a trigger's day
// send is in Completed as soon as it has nothing to send, deleting a periodic broadcast says what
// becomes of its delivering run, deleted sends have their filter and log line, and messages name people.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addChannel, seedSubscribers, waitFor, waitForSend } from '../helpers/world.ts';
import type { Json } from '../helpers/json.ts';
import { applyRetention } from '../../src/engine/retention.ts';
import { createTrigger, makeDue, newTag, received, sandbox, startTriggersApp, t, tag, w, waitFiring, write } from './trigger-steps.ts';

before(startTriggersApp);
after(() => t.close());

const history = async (query: string) => {
  const r = await t.request('GET', `/api/history?botId=${w.botId}&${query}`, { key: w.key });
  assert.equal(r.status, 200, r.text);
  return r.body.items as Json[];
};
const getSend = async (id: number) => (await t.request('GET', `/api/sends/${id}`, { key: w.key })).body;
const send = async (body: Record<string, unknown>) => {
  const r = await t.request('POST', `/api/bots/${w.botId}/sends`, {
    key: w.key,
    body: { content: { type: 'text', text: 'lifecycle' }, channelIds: [sandbox], ...body },
  });
  assert.equal(r.status, 201, r.text);
  return r.body.id as number;
};
const runLog = async (runId: number) =>
  t.app.ctx.db.query<{ type: string; message: string }>('SELECT type, message FROM run_events WHERE run_id = $1 ORDER BY id', [runId]);
const keyName = async () =>
  (await t.app.ctx.db.query<{ name: string }>('SELECT name FROM api_keys WHERE workspace_id = $1', [w.workspaceId]))[0].name;

/** A send to one subscriber with an open operator chat and one who blocked the bot: the second fails at once, the first is held. */
async function heldSend(name: string) {
  const held = await write(sandbox, `${name}-held`);
  const blocker = await write(sandbox, `${name}-blocker`);
  await t.request('PUT', `/api/channels/${sandbox}/sandbox/users/${name}-blocker`, { key: w.key, body: { behaviour: 'blocked' } });
  await t.request('POST', `/api/subscribers/${held}/chat`, { key: w.key });
  const id = await send({ audience: { type: 'selected', subscriberIds: [held, blocker] } });
  return { id, held };
}

describe('a send waiting only for operator chats', () => {
  test('is "waiting for chats" in Active, apart from delivering ones, with its errors and View errors at once', async () => {
    const { id } = await heldSend('wait');
    const item = await waitFor('the waiting phase', async () => {
      const found = (await history('section=active')).find((i) => i.id === id);
      return found?.phase === 'waiting_for_chats' ? found : null;
    });
    assert.equal(item.counts.held, 1);
    assert.equal(item.counts.failed, 1);
    assert.equal(item.errors, 1);
    assert.ok(item.viewErrorsUrl, 'View errors is offered while it waits');
    const errors = await t.request('GET', item.viewErrorsUrl, { key: w.key });
    assert.equal(errors.body.deliveries.items.length, 1);
    const expires = new Date(item.holdsExpireAt).getTime();
    assert.ok(expires > Date.now() + 100 * 3600_000, `the first hold expires in about 7 days: ${item.holdsExpireAt}`);
    assert.equal((await getSend(id)).status, 'waiting_for_chats');
    assert.ok(!(await history('section=completed')).some((i) => i.id === id), 'not completed while someone is held');
  });

  test('release now: the held recipient gets it although the chat is open, then the send completes', async () => {
    const { id } = await heldSend('release');
    await waitFor('the waiting phase', async () => (await getSend(id)).status === 'waiting_for_chats');
    const r = await t.request('POST', `/api/sends/${id}/holds/release`, { key: w.key });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body, { id, action: 'release', deliveries: 1 });
    const done = await waitForSend(t, w, id, ['completed'], 15_000);
    assert.equal(done.counts.sent, 1);
    await received('release-held', 'lifecycle');
    const log = await runLog(done.runs[0].id);
    const line = log.find((e) => e.type === 'holds_released');
    assert.equal(
      line?.message,
      `API key “${await keyName()}” released 1 held recipient(s): sent now, although their operator chat is open`,
    );
  });

  test('cancel: the held recipient is cancelled and the send completes; with nobody held it is a 409', async () => {
    const { id } = await heldSend('cancel');
    await waitFor('the waiting phase', async () => (await getSend(id)).status === 'waiting_for_chats');
    const r = await t.request('POST', `/api/sends/${id}/holds/cancel`, { key: w.key });
    assert.equal(r.status, 200, r.text);
    const done = await waitForSend(t, w, id, ['completed'], 15_000);
    assert.equal(done.counts.cancelled, 1);
    assert.equal(done.counts.held, 0);
    assert.ok((await history('section=completed')).some((i) => i.id === id));
    const again = await t.request('POST', `/api/sends/${id}/holds/cancel`, { key: w.key });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'nothing_held');
    assert.equal((await t.request('POST', `/api/sends/${id}/holds/keep`, { key: w.key })).status, 400);
  });
});

describe('trigger sends', () => {
  test('a trigger’s day send is in Completed as soon as it has nothing to send, the same day, named by its trigger', async () => {
    await newTag('lc-welcome');
    const trigger = await createTrigger({ name: 'Welcome', tag: 'lc-welcome', content: { type: 'text', text: 'welcome!' } });
    const sub = await write(sandbox, 'lc-trig');
    await tag(sub, 'lc-welcome');
    await waitFiring(trigger.id, sub, 'pending');
    await makeDue(trigger.id);
    const fired = await waitFiring(trigger.id, sub, 'fired');
    await received('lc-trig', 'welcome!');
    const item = await waitFor('the trigger send in Completed', async () =>
      (await history('section=completed&kinds=trigger')).find((i) => i.id === fired.sendId),
    );
    assert.equal(item.counts.sent, 1);
    assert.ok(item.openUntil && new Date(item.openUntil).getTime() > Date.now(), 'still takes later firings today');
    assert.equal(item.createdByName, 'trigger “Welcome”');
    assert.ok(!(await history('section=active')).some((i) => i.id === fired.sendId), 'no longer delivering');
    assert.equal((await getSend(fired.sendId)).status, 'completed');
  });
});

describe('deleting a periodic broadcast while a run delivers', () => {
  // A periodic broadcast on a slow channel (2 a second, 60 recipients): its run delivers for about 30 s.
  // The bot's zone keeps "half an hour ago" on the same local date as now: in UTC between 00:00 and
  // 00:30 that occurrence is yesterday's, and the daily recurrence begun today had none due yet.
  const AHEAD_HOURS = new Date().getUTCHours() < 1 ? -6 : 0;
  const SLOW_ZONE = AHEAD_HOURS ? 'Etc/GMT+6' : 'UTC';
  let slowBot: { key: string; botId: number; workspaceId: number };
  let slowChannel: number;
  before(async () => {
    const ws = await t.workspace();
    const bot = await t.request('POST', '/api/bots', { key: ws.key, body: { name: 'slow', timeZone: SLOW_ZONE } });
    slowBot = { key: ws.key, botId: bot.body.id, workspaceId: ws.workspaceId };
    slowChannel = await addChannel(t, slowBot, 'sandbox', { ratePerSecond: 2 });
    await seedSubscribers(t.app.ctx.db, { ...slowBot, channelId: slowChannel, platform: 'sandbox', count: 60, prefix: 'slow-' });
  });

  async function startPeriodicRun() {
    // Due half an hour ago, well within the max lateness (6 h): the missed occurrence runs.
    const due = new Date(Date.now() - 30 * 60_000);
    due.setUTCSeconds(0, 0);
    const r = await t.request('POST', `/api/bots/${slowBot.botId}/sends`, {
      key: slowBot.key,
      body: {
        content: { type: 'text', text: 'weekly' },
        channelIds: [slowChannel],
        audience: { type: 'all' },
        timing: {
          type: 'periodic',
          recurrence: { kind: 'every_n_days', n: 1, time: new Date(due.getTime() + AHEAD_HOURS * 3600_000).toISOString().slice(11, 16) },
        },
      },
    });
    assert.equal(r.status, 201, r.text);
    const id = r.body.id as number;
    // As if made two days ago: the scheduler runs the missed occurrence once, now.
    await t.app.ctx.db.query(`UPDATE sends SET next_run_at = $2, created_at = now() - interval '2 days' WHERE id = $1`, [
      id,
      due.toISOString(),
    ]);
    const run = await waitFor(
      'a delivering run',
      async () => {
        const s = (await t.request('GET', `/api/sends/${id}`, { key: slowBot.key })).body;
        return s.status === 'delivering' && s.counts.sent > 0 ? s.runs[0] : null;
      },
      60_000,
    );
    return { id, runId: run.id as number };
  }
  const slowHistory = async (query: string) =>
    (await t.request('GET', `/api/history?botId=${slowBot.botId}&${query}`, { key: slowBot.key })).body.items as Json[];

  test('without a choice it is refused; "continue" keeps the run going and visible; finished runs’ logs are untouched', async () => {
    const { id, runId } = await startPeriodicRun();
    // A finished run of the same broadcast, whose log must not change.
    const [finished] = await t.app.ctx.db.query<{ id: number }>(
      `INSERT INTO runs (workspace_id, send_id, planned_at, state, started_at, finished_at)
       VALUES ($1, $2, now() - interval '1 day', 'completed', now() - interval '1 day', now() - interval '1 day') RETURNING id`,
      [slowBot.workspaceId, id],
    );
    const asked = await t.request('DELETE', `/api/sends/${id}`, { key: slowBot.key });
    assert.equal(asked.status, 400, asked.text);
    assert.equal(asked.body.error.code, 'choice_needed');
    assert.equal(asked.body.error.details.field, 'running');
    const r = await t.request('DELETE', `/api/sends/${id}?running=continue`, { key: slowBot.key });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body, { id, deleted: true, stoppedRuns: 0, continuingRuns: 1 });
    const active = (await slowHistory('section=active')).find((i) => i.id === id);
    assert.ok(active, 'the delivering run stays in Active');
    assert.equal(active.phase, 'delivering');
    assert.ok(active.deletedAt);
    assert.ok(!(await slowHistory('section=periodic')).some((i) => i.id === id), 'no further runs');
    assert.equal((await getSendOf(slowBot.key, id)).status, 'delivering');
    assert.deepEqual(await runLog(finished.id), []);
    assert.ok((await runLog(runId)).some((e) => e.type === 'deleted' && /this run goes on/.test(e.message)));
    await t.request('POST', `/api/sends/${id}/stop`, { key: slowBot.key });
  });

  test('"stop" cancels what the run has not sent yet', async () => {
    const { id } = await startPeriodicRun();
    const r = await t.request('DELETE', `/api/sends/${id}?running=stop`, { key: slowBot.key });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.stoppedRuns, 1);
    const s = await getSendOf(slowBot.key, id);
    assert.equal(s.status, 'deleted');
    assert.equal(s.runs[0].state, 'stopped');
    assert.ok(s.counts.cancelled > 0);
    assert.ok(!(await slowHistory('section=active')).some((i) => i.id === id));
  });
});

const getSendOf = async (key: string, id: number) => (await t.request('GET', `/api/sends/${id}`, { key })).body;

describe('deleted sends and names', () => {
  test('a deleted send is in the Deleted filter, its page and log say who deleted it and when', async () => {
    const id = await send({ audience: { type: 'all' }, timing: { type: 'delayed', at: '2099-05-01T10:00' } });
    assert.equal((await t.request('DELETE', `/api/sends/${id}`, { key: w.key })).status, 200);
    const name = `API key “${await keyName()}”`;
    const item = (await history('section=deleted')).find((i) => i.id === id);
    assert.ok(item, 'listed under Deleted');
    assert.equal(item.deletedBy, name);
    assert.ok(item.deletedAt);
    assert.ok(!(await history('section=scheduled')).some((i) => i.id === id));
    const page = await getSend(id);
    assert.equal(page.deletedByName, name);
    assert.match(page.deletedBy, /^api_key:\d+$/);
    const log = await t.request('GET', `/api/sends/${id}/log`, { key: w.key });
    const line = log.body.events.at(-1);
    assert.equal(line.type, 'send_deleted');
    assert.equal(line.message, `Deleted by ${name}`);
  });

  test('a deleted send is kept as long as a completed run: gone 3 months after its deletion, not before', async () => {
    const old = await send({ audience: { type: 'all' }, timing: { type: 'delayed', at: '2099-05-02T10:00' } });
    const recent = await send({ audience: { type: 'all' }, timing: { type: 'delayed', at: '2099-05-03T10:00' } });
    for (const id of [old, recent]) assert.equal((await t.request('DELETE', `/api/sends/${id}`, { key: w.key })).status, 200);
    await t.app.ctx.db.query(`UPDATE sends SET deleted_at = now() - interval '3 months' - interval '1 minute' WHERE id = $1`, [old]);
    await t.app.ctx.db.query(`UPDATE sends SET deleted_at = now() - interval '3 months' + interval '1 day' WHERE id = $1`, [recent]);
    await applyRetention(t.app.ctx.db, 3);
    const deleted = (await history('section=deleted')).map((i) => i.id);
    assert.ok(!deleted.includes(old), 'deleted 3 months ago: gone');
    assert.ok(deleted.includes(recent), 'deleted less than 3 months ago: still listed');
  });

  test('a stop is logged with the name of who stopped it; a search for a non-number is explained in words', async () => {
    const { id } = await heldSend('stopname');
    await waitFor('the waiting phase', async () => (await getSend(id)).status === 'waiting_for_chats');
    assert.equal((await t.request('POST', `/api/sends/${id}/stop`, { key: w.key })).status, 200);
    const done = await waitForSend(t, w, id, ['stopped']);
    const stopped = (await runLog(done.runs[0].id)).find((e) => e.type === 'stopped');
    assert.match(stopped!.message, new RegExp(`^Stopped by API key “${await keyName()}”: 1 not yet sent were cancelled$`));
    const r = await t.request('GET', `/api/history?section=active&q=abc`, { key: w.key });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.message, 'Type a send id to search: a number such as 128 or #128 (“abc” is not one).');
  });
});
