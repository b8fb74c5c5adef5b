// The circuit breaker (issue 17 point 10): a run whose recent outcomes are refused (blocked,
// permanent) more than the channel allows pauses itself — the rest stays queued, the log and the
// send say why —, one below the threshold never does, a channel over it across sends pauses its
// runs, and a person's resume goes on where it stopped: nobody twice, nobody skipped (judged from
// the fake platform's own records).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startFakeServer, type FakeServer, type FaultRule } from '../fakes/server.ts';
import { FAST_ENGINE, aSchedulerPass, addChannel, makeWorld, seedSubscribers, waitFor, waitForSend, type World } from '../helpers/world.ts';

let t: TestApp;
let fake: FakeServer;

before(async () => {
  fake = await startFakeServer({ seed: 7 });
  t = await startTestApp({ worker: true, config: { graceSeconds: 0 }, engine: FAST_ENGINE });
});
after(async () => {
  await t.close();
  await fake.close();
});

interface Setup {
  w: World;
  token: string;
  channelId: number;
}

async function tgChannel(count: number, rate: number, breaker?: Record<string, unknown> | null): Promise<Setup> {
  const w = await makeWorld(t);
  const token = `${Math.floor(Math.random() * 1e9)}:BRK${Math.random().toString(36).slice(2)}`;
  const channelId = await addChannel(t, w, 'tg', { credentials: { token }, apiBaseUrl: fake.url, ratePerSecond: rate });
  if (breaker !== undefined) {
    const res = await t.request('PATCH', `/api/channels/${channelId}`, { key: w.key, body: { circuitBreaker: breaker } });
    assert.equal(res.status, 200, res.text);
  }
  await seedSubscribers(t.app.ctx.db, { workspaceId: w.workspaceId, botId: w.botId, channelId, platform: 'tg', count, startAt: 1000 });
  return { w, token, channelId };
}

async function send(s: Setup): Promise<number> {
  const res = await t.request('POST', `/api/bots/${s.w.botId}/sends`, {
    key: s.w.key,
    body: { content: { type: 'text', text: 'Hello' }, channelIds: [s.channelId], audience: { type: 'all' } },
  });
  assert.equal(res.status, 201, res.text);
  return res.body.id as number;
}

/** Recipients 1000… whose id ends in one of `digits`: a fixed share, spread evenly over the run. */
function refusing(s: Setup, count: number, digits: { blocked?: number[]; notFound?: number[] }): FaultRule[] {
  const pick = (ds: number[] = []) =>
    Array.from({ length: count }, (_, i) => 1000 + i)
      .filter((id) => ds.includes(id % 10))
      .map(String);
  return [
    { kind: 'blocked', channel: s.token, recipient: pick(digits.blocked) },
    { kind: 'not_found', channel: s.token, recipient: pick(digits.notFound) },
  ];
}

const requests = (token: string) => fake.records.filter((r) => r.channel === token && r.send);

async function lanes(sendId: number) {
  const [row] = await t.app.ctx.db.query<{ queued: number; in_flight: number; sent: number; failed: number }>(
    `SELECT coalesce(sum(l.queued), 0)::int AS queued, coalesce(sum(l.in_flight), 0)::int AS in_flight,
            coalesce(sum(l.sent), 0)::int AS sent, coalesce(sum(l.failed), 0)::int AS failed
     FROM run_lanes l JOIN runs r ON r.id = l.run_id WHERE r.send_id = $1`,
    [sendId],
  );
  return row;
}

const logOf = async (w: World, sendId: number) =>
  (await t.request('GET', `/api/sends/${sendId}/log`, { key: w.key })).body.events as Array<{ type: string; message: string }>;

/** Every recipient reached the platform exactly once (a refused request is a request too). */
function assertEveryoneOnce(token: string, total: number) {
  const per = new Map<string, number>();
  for (const r of requests(token)) per.set(r.recipient!, (per.get(r.recipient!) ?? 0) + 1);
  assert.equal(per.size, total, 'nobody skipped');
  assert.deepEqual(
    [...per.entries()].filter(([, n]) => n > 1),
    [],
    'nobody twice',
  );
}

describe('circuit breaker', () => {
  // Windows of 100 (the smallest is 50) keep the runs short; the default of 500 works the same way.
  test('30 % refused: the run pauses itself after a window of outcomes, says why, the rest stays queued; a person resumes it', async () => {
    const total = 400;
    const s = await tgChannel(total, 200, { window: 100 });
    fake.setFaults(refusing(s, total, { blocked: [0, 1], notFound: [2] }));
    const sendId = await send(s);
    const paused = await waitForSend(t, s.w, sendId, ['paused', 'completed'], 120_000);
    assert.equal(paused.status, 'paused', 'the breaker paused it');
    const run = paused.runs[0];
    assert.equal(run.pausedByName, 'the circuit breaker');
    assert.match(
      run.pauseReason,
      /^Paused automatically: 3\d % of the last 100 messages on Telegram were refused \(blocked or permanent errors\), more than the 20 % the channel allows$/,
    );
    await waitFor('in-flight deliveries to finish', async () => (await lanes(sendId)).in_flight === 0);
    const atPause = requests(s.token).length;
    await aSchedulerPass(t);
    await aSchedulerPass(t);
    const still = await lanes(sendId);
    assert.equal(requests(s.token).length, atPause, 'nothing sent while paused');
    assert.ok(still.sent + still.failed >= 100, `${still.sent + still.failed} outcomes before the trip`);
    assert.ok(still.queued > 0 && still.queued + still.sent + still.failed === total, 'the rest stays queued');
    const line = (await logOf(s.w, sendId)).find((e) => e.type === 'run_paused');
    assert.match(
      line!.message,
      /^Paused automatically: 3\d % of the last 100 messages on Telegram were refused .*: \d+ not yet sent wait, \d+ being sent finish$/,
    );

    // Only a person resumes it; the platform now accepts everyone, and the run goes on where it stopped.
    fake.setFaults([]);
    const resumed = await t.request('POST', `/api/sends/${sendId}/resume`, { key: s.w.key });
    assert.equal(resumed.status, 200, resumed.text);
    const done = await waitForSend(t, s.w, sendId, ['completed'], 120_000);
    assert.equal(done.counts.sent + done.counts.failed, total);
    assert.equal(done.runs[0].pauseReason, null);
    assertEveryoneOnce(s.token, total);
  });

  test('10 % refused: never trips; the whole run is sent', async () => {
    const total = 300;
    const s = await tgChannel(total, 300, { window: 100 });
    fake.setFaults(refusing(s, total, { blocked: [3] }));
    const sendId = await send(s);
    const done = await waitForSend(t, s.w, sendId, ['completed', 'paused'], 120_000);
    assert.equal(done.status, 'completed');
    assert.equal(done.counts.failed, total / 10);
    assert.equal((await logOf(s.w, sendId)).filter((e) => e.type === 'run_paused').length, 0);
    assertEveryoneOnce(s.token, total);
  });

  test('a channel over the threshold across sends pauses its runs, though neither run alone filled a window', async () => {
    // Window 100: each run has 80 recipients (its own window never fills), the channel sees 160.
    const s = await tgChannel(80, 40, { percent: 20, window: 100 });
    fake.setFaults(refusing(s, 80, { notFound: [4, 5, 6] }));
    const first = await send(s);
    const second = await send(s);
    await waitFor(
      'a run paused by the channel',
      async () => {
        const views = await Promise.all(
          [first, second].map(async (id) => (await t.request('GET', `/api/sends/${id}`, { key: s.w.key })).body),
        );
        return views.some((v) => v.status === 'paused') ? views : null;
      },
      120_000,
    );
    const views = await Promise.all([first, second].map(async (id) => (await t.request('GET', `/api/sends/${id}`, { key: s.w.key })).body));
    for (const v of views.filter((x) => x.status === 'paused')) {
      assert.match(
        v.runs[0].pauseReason,
        /^Paused automatically: \d+ % of the last 100 messages on the Telegram channel( “.*”)?, over all its sends, were refused/,
      );
    }
    fake.setFaults([]);
    for (const v of views.filter((x) => x.status === 'paused')) {
      assert.equal((await t.request('POST', `/api/sends/${v.id}/resume`, { key: s.w.key })).status, 200);
    }
    for (const id of [first, second]) await waitForSend(t, s.w, id, ['completed'], 120_000);
    const per = new Map<string, number>();
    for (const r of requests(s.token)) per.set(r.recipient!, (per.get(r.recipient!) ?? 0) + 1);
    assert.equal(per.size, 80);
    assert.ok(
      [...per.values()].every((n) => n === 2),
      'each recipient once per send',
    );
  });

  test('settings: per channel through the channel API; checked; null turns it off', async () => {
    const s = await tgChannel(200, 300);
    const shown = (await t.request('GET', `/api/bots/${s.w.botId}/channels`, { key: s.w.key })).body;
    const channel = (Array.isArray(shown) ? shown : shown.items).find((c: { id: number }) => c.id === s.channelId);
    assert.deepEqual(channel.circuitBreaker, { percent: 20, window: 500 });
    for (const bad of [{ window: 10 }, { percent: 0 }, { percent: 100 }, { window: 100.5 }]) {
      const res = await t.request('PATCH', `/api/channels/${s.channelId}`, { key: s.w.key, body: { circuitBreaker: bad } });
      assert.equal(res.status, 400, JSON.stringify(bad));
    }
    const set = await t.request('PATCH', `/api/channels/${s.channelId}`, { key: s.w.key, body: { circuitBreaker: { window: 100 } } });
    assert.deepEqual(set.body.circuitBreaker, { percent: 20, window: 100 });
    const off = await t.request('PATCH', `/api/channels/${s.channelId}`, { key: s.w.key, body: { circuitBreaker: null } });
    assert.equal(off.body.circuitBreaker, null);
    // Off: half refused, and the run is sent to the end.
    fake.setFaults(refusing(s, 200, { notFound: [0, 1, 2, 3, 4] }));
    const sendId = await send(s);
    const done = await waitForSend(t, s.w, sendId, ['completed', 'paused'], 120_000);
    assert.equal(done.status, 'completed');
    assert.equal(done.counts.failed, 100);
    const on = await t.request('PATCH', `/api/channels/${s.channelId}`, { key: s.w.key, body: { circuitBreaker: { percent: 35 } } });
    assert.deepEqual(on.body.circuitBreaker, { percent: 35, window: 100 });
    fake.setFaults([]);
  });
});
