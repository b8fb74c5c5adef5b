// Trigger events (SPEC 2.3, issue 8): tag assigned → a message after a delay in the bot's time
// zone; once per subscriber or again; cancelled when the tag goes before the due time; the
// triggers' order decides who goes first; End open chats / hold; one send per trigger per day;
// not starved by a big broadcast on the same channel. Delays are never slept through: firings are
// made due by moving due_at into the past.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { FAST_ENGINE, aSchedulerPass, addChannel, makeWorld, seedSubscribers, waitFor, waitForSend, type World } from '../helpers/world.ts';
import type { Json } from '../helpers/json.ts';

let t: TestApp;
let w: World;
let sandbox: number;
const ZONE = 'Europe/Berlin';

async function write(channelId: number, userId: string, world = w) {
  const r = await t.request('POST', `/api/channels/${channelId}/sandbox/messages`, {
    key: world.key,
    body: { userId, name: userId, text: 'hi' },
  });
  assert.equal(r.status, 201, r.text);
  return r.body.subscriberId as number;
}

const inbox = async (userId: string, channelId = sandbox, world = w) =>
  ((await t.request('GET', `/api/channels/${channelId}/sandbox/inbox?userId=${userId}`, { key: world.key })).body as Json[])
    .filter((m) => m.direction === 'out')
    .reverse()
    .map((m) => m.body[0].text as string);

async function newTag(name: string, world = w) {
  const r = await t.request('POST', `/api/bots/${world.botId}/tags`, { key: world.key, body: { name } });
  assert.equal(r.status, 201, r.text);
  return r.body.id as number;
}

async function createTrigger(body: Record<string, unknown>, world = w) {
  const r = await t.request('POST', `/api/bots/${world.botId}/triggers`, {
    key: world.key,
    body: { delay: { amount: 1, unit: 'minutes' }, content: { type: 'text', text: 'Hello {{name}}' }, ...body },
  });
  assert.equal(r.status, 201, r.text);
  return r.body as { id: number; position: number; tag: { id: number; name: string } };
}

async function tag(subscriberId: number, ...tags: string[]) {
  const r = await t.request('POST', `/api/subscribers/${subscriberId}/tags`, { key: w.key, body: { tags } });
  assert.equal(r.status, 200, r.text);
}

async function untag(subscriberId: number, ...tags: string[]) {
  const r = await t.request('DELETE', `/api/subscribers/${subscriberId}/tags`, { key: w.key, body: { tags } });
  assert.equal(r.status, 200, r.text);
}

async function firings(triggerId: number, query = '', world = w): Promise<Json[]> {
  const r = await t.request('GET', `/api/triggers/${triggerId}/firings${query}`, { key: world.key });
  assert.equal(r.status, 200, r.text);
  return r.body;
}

function waitFiring(triggerId: number, subscriberId: number, state: string, world = w) {
  return waitFor(
    `firing of trigger ${triggerId} for ${subscriberId} to be ${state}`,
    async () => (await firings(triggerId, `?subscriberId=${subscriberId}&state=${state}`, world))[0],
    15_000,
  );
}

/** Moves the pending firings of a trigger to "due now" (instead of waiting out their delay). */
async function makeDue(triggerId: number) {
  await t.app.ctx.db.query(`UPDATE trigger_firings SET due_at = now() - interval '1 second' WHERE trigger_id = $1 AND state = 'pending'`, [
    triggerId,
  ]);
}

async function received(userId: string, text: string, timeoutMs = 15_000, channelId = sandbox, world = w) {
  return waitFor(`${userId} to receive "${text}"`, async () => (await inbox(userId, channelId, world)).includes(text), timeoutMs);
}

before(async () => {
  t = await startTestApp({ worker: true, config: { graceSeconds: 0 }, engine: FAST_ENGINE });
  w = await makeWorld(t, ZONE);
  sandbox = await addChannel(t, w, 'sandbox');
});
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

describe('operator chats', () => {
  test('End open chats off: the trigger’s message is held until the chat closes; on: the chat is closed and it is sent', async () => {
    await newTag('hold');
    await newTag('close');
    const hold = await createTrigger({ tag: 'hold', content: { type: 'text', text: 'held message' } });
    const close = await createTrigger({ tag: 'close', endOpenChats: true, content: { type: 'text', text: 'closing message' } });
    const fay = await write(sandbox, 'fay');
    await t.request('POST', `/api/subscribers/${fay}/chat`, { key: w.key });

    await tag(fay, 'hold');
    await waitFiring(hold.id, fay, 'pending');
    await makeDue(hold.id);
    const held = await waitFor('held delivery', async () => {
      const [f] = await firings(hold.id, `?subscriberId=${fay}&state=fired`);
      return f?.deliveryState === 'held' ? f : null;
    });
    const heldLog = await t.app.ctx.db.query<{ type: string }>(`SELECT type FROM run_events WHERE run_id = $1`, [held.runId]);
    assert.ok(heldLog.some((e) => e.type === 'held'));
    assert.equal((await t.request('GET', `/api/sends/${held.sendId}`, { key: w.key })).body.counts.held, 1);
    assert.deepEqual(await inbox('fay'), []);
    await t.request('POST', `/api/subscribers/${fay}/chat/close`, { key: w.key });
    await received('fay', 'held message');

    await t.request('POST', `/api/subscribers/${fay}/chat`, { key: w.key });
    await tag(fay, 'close');
    await waitFiring(close.id, fay, 'pending');
    await makeDue(close.id);
    await received('fay', 'closing message');
    const fired = await waitFiring(close.id, fay, 'fired');
    const chats = await t.request('GET', `/api/bots/${w.botId}/chats?subscriberId=${fay}`, { key: w.key });
    assert.equal(chats.body.find((c: Json) => c.closedBy === `send:${fired.sendId}`)?.closedBy, `send:${fired.sendId}`);
    const log = await t.app.ctx.db.query<{ type: string }>(`SELECT type FROM run_events WHERE run_id = $1`, [fired.runId]);
    assert.ok(log.some((e) => e.type === 'chats_closed'));
  });
});

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
    assert.equal(view.body.status, 'delivering');

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

describe('fairness', () => {
  test('a trigger firing while a 3000-recipient broadcast delivers at 100/s on the same channel arrives within seconds', async () => {
    const fw = await makeWorld(t, ZONE);
    const channel = await addChannel(t, fw, 'sandbox', { ratePerSecond: 100 });
    await seedSubscribers(t.app.ctx.db, {
      workspaceId: fw.workspaceId,
      botId: fw.botId,
      channelId: channel,
      platform: 'sandbox',
      count: 3000,
      prefix: 'bulk-',
    });
    const tagId = await newTag('vip', fw);
    const trigger = await createTrigger({ tag: tagId, content: { type: 'text', text: 'your VIP welcome' } }, fw);
    const big = await t.request('POST', `/api/bots/${fw.botId}/sends`, {
      key: fw.key,
      body: { content: { type: 'text', text: 'big news' }, channelIds: [channel], audience: { type: 'all' } },
    });
    assert.equal(big.status, 201, big.text);
    await waitFor('the broadcast to be delivering', async () => {
      const s = (await t.request('GET', `/api/sends/${big.body.id}`, { key: fw.key })).body;
      return s.counts.sent >= 100 ? s : null;
    });
    const jo = await write(channel, 'jo', fw);
    const r = await t.request('POST', `/api/subscribers/${jo}/tags`, { key: fw.key, body: { tags: ['vip'] } });
    assert.equal(r.status, 200, r.text);
    await waitFiring(trigger.id, jo, 'pending', fw);
    await makeDue(trigger.id);
    const started = Date.now();
    await received('jo', 'your VIP welcome', 10_000, channel, fw);
    const elapsed = Date.now() - started;
    const during = (await t.request('GET', `/api/sends/${big.body.id}`, { key: fw.key })).body;
    assert.ok(during.counts.sent < 2900, `the broadcast was still delivering (${during.counts.sent} sent)`);
    assert.ok(elapsed < 5_000, `arrived after ${elapsed} ms`);
    await t.request('POST', `/api/sends/${big.body.id}/stop`, { key: fw.key });
    await waitForSend(t, fw, big.body.id);
  });
});
