// Broadcasts as the seed describes them: content, platforms, recipients (all / tags with
// exclusion / selected users), audience preview, End open chats and holds, timing, delete, test send.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { FAST_ENGINE, aSchedulerPass, addChannel, makeWorld, waitFor, waitForSend, type World } from '../helpers/world.ts';
import type { CountRow, IdRow } from '../../src/storage/db.ts';
import type { Json } from '../helpers/json.ts';

let t: TestApp;
let w: World;
let sandbox: number;
let sandbox2: number;
let bot2: number;
const ids: Record<string, number> = {};

async function write(channelId: number, userId: string, text = 'hi') {
  const r = await t.request('POST', `/api/channels/${channelId}/sandbox/messages`, { key: w.key, body: { userId, name: userId, text } });
  assert.equal(r.status, 201, r.text);
  return r.body.subscriberId as number;
}

async function tag(subscriberId: number, ...tags: string[]) {
  await t.request('POST', `/api/subscribers/${subscriberId}/tags`, { key: w.key, body: { tags } });
}

const inbox = async (channelId: number, userId: string) =>
  (await t.request('GET', `/api/channels/${channelId}/sandbox/inbox?userId=${userId}`, { key: w.key })).body.filter(
    (m: Json) => m.direction === 'out',
  );

async function send(body: Record<string, unknown>) {
  return t.request('POST', `/api/bots/${w.botId}/sends`, {
    key: w.key,
    body: { content: { type: 'text', text: 'Hello {{name}}' }, channelIds: [sandbox], audience: { type: 'all' }, ...body },
  });
}

before(async () => {
  // A limit of lateness above a day: the missed-occurrence test's run (09:00 Berlin) may be due up to 24 h ago.
  t = await startTestApp({ worker: true, config: { graceSeconds: 0 }, engine: { ...FAST_ENGINE, maxLatenessMs: 48 * 3600_000 } });
  w = await makeWorld(t, 'Europe/Berlin');
  sandbox = await addChannel(t, w, 'sandbox');
  // A second "platform" for multi-platform sends: another bot can't be used, so a tg channel on a dead address.
  for (const u of ['ann', 'bob', 'cid', 'dan', 'eve', 'fay']) ids[u] = await write(sandbox, u);
  await tag(ids.ann, 'vip');
  await tag(ids.bob, 'vip', 'churned');
  await tag(ids.cid, 'newsletter');
  await tag(ids.dan, 'newsletter', 'churned');
  await t.request('POST', `/api/bots/${w.botId}/tags`, { key: w.key, body: { name: 'unused' } });
  const other = await t.request('POST', '/api/bots', { key: w.key, body: { name: 'other bot' } });
  bot2 = other.body.id;
  const ch2 = await t.request('POST', `/api/bots/${bot2}/channels`, { key: w.key, body: { platform: 'sandbox' } });
  sandbox2 = ch2.body.id;
});
after(() => t.close());

describe('recipients', () => {
  test('users with selected tags: ANY include tag, minus ANY exclusion tag — exclusion wins', async () => {
    const preview = await t.request('POST', `/api/bots/${w.botId}/sends/preview`, {
      key: w.key,
      body: { channelIds: [sandbox], audience: { type: 'tags', include: ['vip', 'newsletter'], exclude: ['churned'] } },
    });
    assert.equal(preview.status, 200, preview.text);
    assert.equal(preview.body.recipients, 2);
    assert.equal(preview.body.excluded.exclusionTags, 2);
    const s = await send({ audience: { type: 'tags', include: ['vip', 'newsletter'], exclude: ['churned'] } });
    assert.equal(s.status, 201, s.text);
    const done = await waitForSend(t, w, s.body.id);
    assert.equal(done.counts.sent, 2);
    assert.equal((await inbox(sandbox, 'ann')).length >= 1, true);
    assert.equal((await inbox(sandbox, 'cid')).length >= 1, true);
    assert.deepEqual(await inbox(sandbox, 'bob'), []);
    assert.deepEqual(await inbox(sandbox, 'dan'), []);
    assert.deepEqual(done.targeting.includeTags.sort(), ['newsletter', 'vip']);
  });

  test('a tag that is not in use cannot be chosen, and nothing is created', async () => {
    const before = (await t.app.ctx.db.query<CountRow>('SELECT count(*) AS n FROM sends'))[0].n;
    const r = await send({ audience: { type: 'tags', include: ['unused'] } });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'tag_not_in_use');
    assert.match(r.body.error.message, /unused/);
    const missing = await send({ audience: { type: 'tags', include: ['nope'] } });
    assert.equal(missing.body.error.code, 'unknown_tag');
    assert.equal((await t.app.ctx.db.query<CountRow>('SELECT count(*) AS n FROM sends'))[0].n, before);
  });

  test('selected users need exactly one platform', async () => {
    const none = await send({ channelIds: [], audience: { type: 'selected', subscriberIds: [ids.ann] } });
    assert.equal(none.status, 400);
    const foreign = await send({ channelIds: [sandbox, sandbox2], audience: { type: 'selected', subscriberIds: [ids.ann] } });
    assert.equal(foreign.status, 400);
    assert.equal(foreign.body.error.code, 'unknown_channel', 'a channel of another bot is refused');
  });

  test('selected users get it, nobody else; blocked subscribers are never sent to', async () => {
    await t.request('PUT', `/api/channels/${sandbox}/sandbox/users/fay`, { key: w.key, body: { behaviour: 'blocked' } });
    const first = await waitForSend(
      t,
      w,
      (await send({ audience: { type: 'selected', subscriberIds: [ids.eve, ids.fay] }, content: { type: 'text', text: 'picked' } })).body
        .id,
    );
    assert.equal(first.counts.sent, 1);
    assert.equal(first.counts.failed, 1);
    const preview = await t.request('POST', `/api/bots/${w.botId}/sends/preview`, {
      key: w.key,
      body: { channelIds: [sandbox], audience: { type: 'selected', subscriberIds: [ids.eve, ids.fay] } },
    });
    assert.equal(preview.body.recipients, 1);
    assert.equal(preview.body.excluded.blocked, 1);
  });

  test('an unknown screen is refused; a screen is frozen into the send', async () => {
    const bad = await send({ content: { type: 'screen', screenId: 999999 } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'unknown_screen');
    const screen = await t.request('POST', `/api/bots/${w.botId}/screens`, {
      key: w.key,
      body: { name: 'S', text: 'Screen for {{name}}', buttons: [{ kind: 'reply', text: 'OK' }] },
    });
    const s = await send({
      content: { type: 'screen', screenId: screen.body.id },
      audience: { type: 'selected', subscriberIds: [ids.ann] },
    });
    assert.equal(s.status, 201);
    await t.request('PATCH', `/api/screens/${screen.body.id}`, { key: w.key, body: { text: 'changed' } });
    await waitForSend(t, w, s.body.id);
    const got = await inbox(sandbox, 'ann');
    assert.equal(got[0].body[0].text, 'Screen for ann');
    assert.equal(got[0].body[0].buttons[0].text, 'OK');
  });
});

describe('operator chats', () => {
  test('End open chats off: the recipient is held, and gets it the moment the chat closes', async () => {
    const g = await write(sandbox, 'gus');
    await t.request('POST', `/api/subscribers/${g}/chat`, { key: w.key });
    const s = await send({ audience: { type: 'selected', subscriberIds: [g] }, content: { type: 'text', text: 'held one' } });
    await waitFor('the hold', async () => (await t.request('GET', `/api/sends/${s.body.id}`, { key: w.key })).body.counts.held === 1);
    const preview = await t.request('POST', `/api/bots/${w.botId}/sends/preview`, {
      key: w.key,
      body: { channelIds: [sandbox], audience: { type: 'selected', subscriberIds: [g] } },
    });
    assert.deepEqual(preview.body.openChats, { count: 1, willBe: 'held' });
    assert.deepEqual(await inbox(sandbox, 'gus'), []);
    await t.request('POST', `/api/subscribers/${g}/chat/close`, { key: w.key });
    const done = await waitForSend(t, w, s.body.id, ['completed'], 10_000);
    assert.equal(done.counts.sent, 1);
    assert.equal((await inbox(sandbox, 'gus'))[0].body[0].text, 'held one');
    const log = await t.app.ctx.db.query<{ type: string }>(`SELECT type FROM run_events WHERE run_id = $1 ORDER BY id`, [done.runs[0].id]);
    assert.ok(log.some((e) => e.type === 'held') && log.some((e) => e.type === 'hold_released'));
  });

  test('End open chats on: the chat is closed (in the chat and the log) and everyone gets it', async () => {
    const h = await write(sandbox, 'hal');
    await t.request('POST', `/api/subscribers/${h}/chat`, { key: w.key });
    const s = await send({
      audience: { type: 'selected', subscriberIds: [h] },
      content: { type: 'text', text: 'closing' },
      endOpenChats: true,
    });
    const done = await waitForSend(t, w, s.body.id);
    assert.equal(done.counts.sent, 1);
    const chats = await t.request('GET', `/api/bots/${w.botId}/chats?subscriberId=${h}`, { key: w.key });
    assert.ok(chats.body[0].closedAt);
    assert.equal(chats.body[0].closedBy, `send:${s.body.id}`);
    const log = await t.app.ctx.db.query<{ message: string }>(
      `SELECT message FROM run_events WHERE run_id = $1 AND type = 'chats_closed'`,
      [done.runs[0].id],
    );
    assert.equal(log.length, 1);
  });

  test('a hold that outlives its expiry is reported, never silently dropped', async () => {
    const i = await write(sandbox, 'ivy');
    await t.request('POST', `/api/subscribers/${i}/chat`, { key: w.key });
    const s = await send({ audience: { type: 'selected', subscriberIds: [i] } });
    await waitFor('the hold', async () => (await t.request('GET', `/api/sends/${s.body.id}`, { key: w.key })).body.counts.held === 1);
    await t.app.ctx.db.query(
      `UPDATE deliveries SET hold_expires_at = now() - interval '1 second' WHERE state = 'held' AND subscriber_id = $1`,
      [i],
    );
    const done = await waitForSend(t, w, s.body.id, ['completed'], 10_000);
    assert.equal(done.counts.failed, 1);
    const [d] = await t.app.ctx.db.query<{ outcome: string | null }>(
      `SELECT outcome FROM deliveries WHERE subscriber_id = $1 AND run_id = $2`,
      [i, done.runs[0].id],
    );
    assert.equal(d.outcome, 'hold_expired');
    const log = await t.app.ctx.db.query<{ message: string }>(
      `SELECT message FROM run_events WHERE run_id = $1 AND type = 'hold_expired'`,
      [done.runs[0].id],
    );
    assert.match(log[0].message, /1 held recipient\(s\) expired/);
  });
});

describe('timing', () => {
  test('an instant broadcast waits out its grace window and can be deleted in it: then nothing is sent', async () => {
    const grace = await startTestApp({ worker: true, config: { graceSeconds: 60 }, engine: FAST_ENGINE });
    try {
      const gw = await makeWorld(grace);
      const ch = await addChannel(grace, gw, 'sandbox');
      await grace.request('POST', `/api/channels/${ch}/sandbox/messages`, { key: gw.key, body: { userId: 'z', text: 'hi' } });
      const s = await grace.request('POST', `/api/bots/${gw.botId}/sends`, {
        key: gw.key,
        body: { content: { type: 'text', text: 'oops' }, channelIds: [ch], audience: { type: 'all' } },
      });
      assert.equal(s.body.status, 'grace');
      assert.ok(s.body.secondsUntilStart >= 59);
      const del = await grace.request('DELETE', `/api/sends/${s.body.id}`, { key: gw.key });
      assert.equal(del.status, 200);
      await grace.app.ctx.db.query(`UPDATE sends SET next_run_at = now() WHERE id = $1`, [s.body.id]).catch(() => {});
      await aSchedulerPass(grace);
      const runs = await grace.app.ctx.db.query<CountRow>('SELECT count(*) AS n FROM runs WHERE send_id = $1', [s.body.id]);
      assert.equal(runs[0].n, 0);
    } finally {
      await grace.close();
    }
  });

  test('a delayed broadcast is typed in the bot time zone; a date in the past is refused', async () => {
    const past = await send({ timing: { type: 'delayed', at: '2020-01-01T10:00' } });
    assert.equal(past.status, 400);
    assert.equal(past.body.error.code, 'date_in_past');
    const s = await send({ timing: { type: 'delayed', at: '2099-07-01T10:00' } });
    assert.equal(s.status, 201);
    assert.equal(new Date(s.body.nextRunAt).toISOString(), '2099-07-01T08:00:00.000Z', '10:00 in Berlin summer time');
    assert.equal(s.body.status, 'scheduled');
    assert.equal((await t.request('DELETE', `/api/sends/${s.body.id}`, { key: w.key })).status, 200);
  });

  test('periodic: the next run is shown; an invalid cron is refused naming the field', async () => {
    const bad = await send({ timing: { type: 'periodic', recurrence: { kind: 'cron', expression: '61 * * * *' } } });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /timing\.recurrence/);
    const endBefore = await send({
      timing: {
        type: 'periodic',
        recurrence: { kind: 'every_n_days', n: 1, time: '09:00', startDate: '2099-01-10', endDate: '2099-01-01' },
      },
    });
    assert.equal(endBefore.status, 400);
    const s = await send({ timing: { type: 'periodic', recurrence: { kind: 'weekdays', days: [1], time: '09:00' } } });
    assert.equal(s.status, 201, s.text);
    assert.equal(s.body.status, 'periodic');
    const next = new Date(s.body.nextRunAt);
    assert.equal(next.getUTCDay(), 1);
    const del = await t.request('DELETE', `/api/sends/${s.body.id}`, { key: w.key });
    assert.equal(del.status, 200);
    assert.equal((await t.request('GET', `/api/sends/${s.body.id}`, { key: w.key })).body.status, 'deleted');
  });

  test('periodic runs missed while Botcast was down run once, not once per missed occurrence', async () => {
    const s = await send({
      timing: { type: 'periodic', recurrence: { kind: 'every_n_days', n: 1, time: '09:00', startDate: '2020-01-01' } },
      audience: { type: 'selected', subscriberIds: [ids.ann] },
    });
    assert.equal(s.status, 201, s.text);
    // Pretend the last run was planned five days ago and Botcast was down since.
    await t.app.ctx.db.query(
      `UPDATE sends SET last_planned_at = now() - interval '5 days', next_run_at = now() - interval '4 days' WHERE id = $1`,
      [s.body.id],
    );
    await waitFor(
      'one run',
      async () => (await t.app.ctx.db.query<CountRow>('SELECT count(*) AS n FROM runs WHERE send_id = $1', [s.body.id]))[0].n >= 1,
    );
    await aSchedulerPass(t);
    const runs = await t.app.ctx.db.query<IdRow>('SELECT id FROM runs WHERE send_id = $1', [s.body.id]);
    assert.equal(runs.length, 1);
    const view = (await t.request('GET', `/api/sends/${s.body.id}`, { key: w.key })).body;
    assert.ok(new Date(view.nextRunAt) > new Date());
    const log = await t.app.ctx.db.query<{ message: string }>(`SELECT message FROM run_events WHERE run_id = $1 AND type = 'created'`, [
      runs[0].id,
    ]);
    assert.match(log[0].message, /missed/);
    await t.request('DELETE', `/api/sends/${s.body.id}`, { key: w.key });
  });

  test('a started send cannot be deleted, only stopped', async () => {
    const s = await send({ audience: { type: 'selected', subscriberIds: [ids.ann] } });
    await waitForSend(t, w, s.body.id);
    const del = await t.request('DELETE', `/api/sends/${s.body.id}`, { key: w.key });
    assert.equal(del.status, 409);
    assert.equal(del.body.error.code, 'already_started');
  });
});

describe('test send and previews', () => {
  test('a test send reaches one subscriber and creates nothing in history', async () => {
    const before = (await t.app.ctx.db.query<CountRow>('SELECT count(*) AS n FROM sends'))[0].n;
    const r = await t.request('POST', `/api/bots/${w.botId}/sends/test`, {
      key: w.key,
      body: { content: { type: 'text', text: 'test for {{name}}' }, subscriberId: ids.eve },
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.outcome.class, 'sent');
    assert.equal((await inbox(sandbox, 'eve'))[0].body[0].text, 'test for eve');
    assert.equal((await t.app.ctx.db.query<CountRow>('SELECT count(*) AS n FROM sends'))[0].n, before);
  });

  test('content preview lists what degrades on each platform', async () => {
    const r = await t.request('POST', `/api/bots/${w.botId}/content/preview`, {
      key: w.key,
      body: {
        content: { type: 'text', text: 'Hi', buttons: [1, 2, 3, 4, 5].map((n) => ({ kind: 'reply', text: `Option ${n}` })) },
        platforms: ['wa', 'sandbox'],
      },
    });
    assert.equal(r.status, 200, r.text);
    const wa = r.body.find((p: Json) => p.platform === 'wa');
    assert.ok(wa.degradations.length > 0, 'WhatsApp shows at most 3 reply buttons');
    assert.deepEqual(r.body.find((p: Json) => p.platform === 'sandbox').degradations, []);
  });
});
