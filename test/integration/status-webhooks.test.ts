// Outbound status webhooks (issue 18 point 8), against a local receiver: the signature verifies
// with the secret shown once (and only with it), events come in batches of at most batchSize,
// a 500 is retried with growing delays until it succeeds, retries run out into `failing` and
// turning the endpoint on again resumes from the batch that failed, and every outcome of a
// broadcast arrives exactly as the deliveries table recorded it.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startFakeServer, type FakeServer } from '../fakes/server.ts';
import { FAST_ENGINE, addChannel, makeWorld, seedSubscribers, waitFor, waitForSend, type World } from '../helpers/world.ts';
import { startReceiver, type Receiver } from '../helpers/webhook-receiver.ts';
import { verifySignature } from '../../src/security/webhook-signature.ts';
import { appendStatusEvents } from '../../src/storage/queries/status-events.ts';

const BATCH = 10;
let t: TestApp;
let fake: FakeServer;
let receiver: Receiver;

before(async () => {
  fake = await startFakeServer({ seed: 18 });
  receiver = await startReceiver();
  t = await startTestApp({
    worker: true,
    config: { graceSeconds: 0 },
    engine: FAST_ENGINE,
    statusWebhooks: { batchSize: BATCH, pollMs: 20, retryBaseMs: 100, maxRetryMs: 400, maxAttempts: 4, timeoutMs: 5_000 },
  });
});
beforeEach(() => {
  receiver.posts.length = 0;
  receiver.answer([]);
});
after(async () => {
  await t.close();
  await fake.close();
  await receiver.close();
});

async function addEndpoint(w: World, body: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/api/status-webhooks', { key: w.key, body: { url: receiver.url, ...body } });
  assert.equal(res.status, 201, res.text);
  return res.body as { id: number; secret: string; status: string; events: string[] };
}

const postsOf = (id: number) => receiver.posts.filter((p) => p.body.webhookId === id);
/** The events a receiver accepted, de-duplicated by event id as a receiver must (delivery is at least once: a POST that timed out on a loaded machine is sent again). */
const eventsOf = (id: number) => {
  const seen = new Set<string>();
  return postsOf(id)
    .flatMap((p) => (p.answered < 300 ? p.body.events : []))
    .filter((e) => !seen.has(e.id) && seen.add(e.id));
};

describe('endpoints', () => {
  test('the secret is shown once; a test event is signed with it, verifiably, and logged', async () => {
    const w = await makeWorld(t);
    const hook = await addEndpoint(w, { description: 'CRM' });
    assert.match(hook.secret, /^bcwh_[A-Za-z0-9_-]{32}$/);
    assert.equal(hook.status, 'active');
    assert.equal(hook.events.length, 6, 'all event types by default');
    const list = await t.request('GET', '/api/status-webhooks', { key: w.key });
    assert.equal(list.body.length, 1);
    assert.equal(list.body[0].secret, undefined, 'the list never shows the secret');
    assert.ok(!JSON.stringify(await t.app.ctx.db.query('SELECT * FROM status_webhooks')).includes(hook.secret), 'sealed at rest');

    const res = await t.request('POST', `/api/status-webhooks/${hook.id}/test`, { key: w.key });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.ok, true);
    assert.equal(res.body.statusCode, 200);
    const [post] = postsOf(hook.id);
    assert.equal(post.body.events[0].type, 'test');
    const header = String(post.headers['botcast-signature']);
    assert.match(header, /^t=\d+,v1=[0-9a-f]{64}$/);
    assert.equal(verifySignature(hook.secret, header, post.raw), true);
    assert.equal(verifySignature(hook.secret, header, post.raw.replace('test', 'tesT')), false, 'a changed body fails');
    assert.equal(verifySignature(`${hook.secret}x`, header, post.raw), false, 'another secret fails');
    assert.equal(verifySignature(hook.secret, header, post.raw, { nowSeconds: Math.floor(Date.now() / 1000) + 600 }), false, 'too old');

    const rotated = await t.request('POST', `/api/status-webhooks/${hook.id}/rotate-secret`, { key: w.key });
    assert.notEqual(rotated.body.secret, hook.secret);
    await t.request('POST', `/api/status-webhooks/${hook.id}/test`, { key: w.key });
    const second = postsOf(hook.id)[1];
    assert.equal(verifySignature(rotated.body.secret, String(second.headers['botcast-signature']), second.raw), true);
    assert.equal(verifySignature(hook.secret, String(second.headers['botcast-signature']), second.raw), false);

    const log = await t.request('GET', `/api/status-webhooks/${hook.id}/attempts`, { key: w.key });
    assert.equal(log.body.length, 2);
    assert.deepEqual(
      log.body.map((a: { test: boolean; ok: boolean; statusCode: number }) => [a.test, a.ok, a.statusCode]),
      [
        [true, true, 200],
        [true, true, 200],
      ],
    );
    const audit = await t.request('GET', '/api/audit-log', { key: w.key });
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    assert.ok(actions.includes('status_webhook.created') && actions.includes('status_webhook.secret_rotated'), actions.join());
  });

  test('the URL must be https (http only with private addresses allowed, as here) and not carry credentials', async () => {
    const w = await makeWorld(t);
    for (const [url, message] of [
      ['ftp://example.com/x', /must start with https/],
      ['not a url', /is not a URL/],
      ['https://user:pw@example.com/x', /credentials/],
    ] as const) {
      const res = await t.request('POST', '/api/status-webhooks', { key: w.key, body: { url } });
      assert.equal(res.status, 400, url);
      assert.equal(res.body.error.code, 'invalid_url');
      assert.equal(res.body.error.details.field, 'url');
      assert.match(res.body.error.message, message);
    }
  });

  test('a failed test event says what the endpoint answered, cleaned and cut short', async () => {
    const w = await makeWorld(t);
    const hook = await addEndpoint(w);
    receiver.answer([503]);
    const res = await t.request('POST', `/api/status-webhooks/${hook.id}/test`, { key: w.key });
    assert.equal(res.body.ok, false);
    assert.equal(res.body.statusCode, 503);
    assert.match(res.body.error, /^HTTP 503: Oops x+…$/);
    assert.ok(res.body.error.length <= 210, res.body.error);
    assert.ok(!/[<>]/.test(res.body.error) && !res.body.error.includes(String.fromCharCode(7)));
  });
});

describe('delivery', () => {
  test('every outcome of a broadcast arrives exactly as recorded, with the run events, in batches of at most 10', async () => {
    const w = await makeWorld(t);
    const token = `${Math.floor(Math.random() * 1e9)}:AA${Math.random().toString(36).slice(2)}`;
    const channelId = await addChannel(t, w, 'tg', { credentials: { token }, apiBaseUrl: fake.url, ratePerSecond: 1000 });
    await seedSubscribers(t.app.ctx.db, {
      workspaceId: w.workspaceId,
      botId: w.botId,
      channelId,
      platform: 'tg',
      count: 35,
      startAt: 1000,
    });
    fake.setFaults([
      { kind: 'blocked', channel: token, recipient: '1003' },
      { kind: 'not_found', channel: token, recipient: '1007' },
      { kind: 'server_error', channel: token, recipient: '1011', count: 1, status: 502 },
    ]);
    const hook = await addEndpoint(w);
    const created = await t.request('POST', `/api/bots/${w.botId}/sends`, {
      key: w.key,
      body: { content: { type: 'text', text: 'Hello' }, channelIds: [channelId], audience: { type: 'all' } },
    });
    const done = await waitForSend(t, w, created.body.id);
    fake.setFaults([]);
    const completed = await waitFor('run.completed at the receiver', async () => eventsOf(hook.id).find((e) => e.type === 'run.completed'));
    const rows = await t.app.ctx.db.query<{ id: number; state: string; outcome: string; error_code: string | null; recipient: string }>(
      'SELECT id, state, outcome, error_code, recipient FROM deliveries WHERE channel_id = $1 ORDER BY id',
      [channelId],
    );
    await waitFor('every outcome', async () => eventsOf(hook.id).filter((e) => e.type === 'delivery.outcome').length >= rows.length);
    const outcomes = eventsOf(hook.id)
      .filter((e) => e.type === 'delivery.outcome')
      .map((e) => e.data);
    const expected = rows.map((r) => ({
      deliveryId: r.id,
      state: r.state,
      outcome: r.outcome,
      errorCode: r.error_code,
      platformUserId: r.recipient,
    }));
    const got = outcomes
      .map((d) => ({
        deliveryId: d.deliveryId,
        state: d.state,
        outcome: d.outcome,
        errorCode: d.errorCode,
        platformUserId: d.platformUserId,
      }))
      .sort((a, b) => Number(a.deliveryId) - Number(b.deliveryId));
    assert.deepEqual(got, expected, 'one event per delivery, none twice, each as recorded');
    assert.deepEqual([...new Set(got.map((g) => `${g.state}/${g.outcome}`))].sort(), [
      'failed/blocked',
      'failed/invalid_recipient',
      'sent/sent',
    ]);
    assert.equal(outcomes[0].sendId, created.body.id);
    assert.equal(outcomes[0].platform, 'tg');
    // Run events, each once, with the counters on completion.
    const types = eventsOf(hook.id).map((e) => e.type);
    assert.equal(types.filter((x) => x === 'run.started').length, 1);
    assert.equal(types.filter((x) => x === 'run.completed').length, 1);
    assert.equal((completed.data.details as { sent: number }).sent, done.counts.sent);
    assert.equal(completed.data.sendId, created.body.id);
    // Batches: at most BATCH events each, ids unique and rising, each POST signed.
    const posts = postsOf(hook.id);
    assert.ok(posts.length >= Math.ceil(types.length / BATCH), `${posts.length} posts for ${types.length} events`);
    assert.ok(posts.every((p) => p.body.events.length >= 1 && p.body.events.length <= BATCH));
    const ids = posts.flatMap((p) => p.body.events.map((e) => Number(e.id)));
    assert.deepEqual(
      ids,
      [...new Set(ids)].sort((a, b) => a - b),
    );
    assert.ok(posts.every((p) => verifySignature(hook.secret, String(p.headers['botcast-signature']), p.raw)));
  });

  test('a stopped run: the cancelled recipients arrive as outcomes too, with run.stopped', async () => {
    const w = await makeWorld(t);
    const token = `${Math.floor(Math.random() * 1e9)}:AA${Math.random().toString(36).slice(2)}`;
    const channelId = await addChannel(t, w, 'tg', { credentials: { token }, apiBaseUrl: fake.url, ratePerSecond: 5 });
    await seedSubscribers(t.app.ctx.db, {
      workspaceId: w.workspaceId,
      botId: w.botId,
      channelId,
      platform: 'tg',
      count: 40,
      startAt: 1000,
    });
    const hook = await addEndpoint(w, { events: ['delivery.outcome', 'run.stopped'] });
    const created = await t.request('POST', `/api/bots/${w.botId}/sends`, {
      key: w.key,
      body: { content: { type: 'text', text: 'Hello' }, channelIds: [channelId], audience: { type: 'all' } },
    });
    await waitFor('a few sent', async () => fake.records.filter((r) => r.channel === token && r.send).length >= 3);
    const stopped = await t.request('POST', `/api/sends/${created.body.id}/stop`, { key: w.key });
    assert.equal(stopped.status, 200, stopped.text);
    await waitForSend(t, w, created.body.id, ['stopped']);
    const rows = await waitFor('every delivery final', async () => {
      const r = await t.app.ctx.db.query<{ id: number; state: string; outcome: string }>(
        'SELECT id, state, outcome FROM deliveries WHERE channel_id = $1 ORDER BY id',
        [channelId],
      );
      return r.every((d) => ['sent', 'failed', 'cancelled', 'unknown'].includes(d.state)) ? r : null;
    });
    await waitFor('every outcome', async () => eventsOf(hook.id).filter((e) => e.type === 'delivery.outcome').length >= rows.length);
    const got = eventsOf(hook.id)
      .filter((e) => e.type === 'delivery.outcome')
      .map((e) => ({ id: e.data.deliveryId, state: e.data.state, outcome: e.data.outcome }))
      .sort((a, b) => Number(a.id) - Number(b.id));
    assert.deepEqual(
      got,
      rows.map((r) => ({ id: r.id, state: r.state, outcome: r.outcome })),
    );
    assert.ok(got.some((g) => g.outcome === 'stopped') && got.some((g) => g.state === 'sent'));
    assert.equal(eventsOf(hook.id).filter((e) => e.type === 'run.stopped').length, 1);
  });

  test('a 500 is retried with growing delays until it succeeds; the log has each try', async () => {
    const w = await makeWorld(t);
    const hook = await addEndpoint(w, { events: ['run.started'] });
    receiver.answer([500, 500]);
    await appendStatusEvents(t.app.ctx.db, w.workspaceId, 'run.started', [{ runId: 1 }, { runId: 2 }]);
    await waitFor('the third try to succeed', async () => postsOf(hook.id).some((p) => p.answered === 200));
    const posts = postsOf(hook.id);
    assert.deepEqual(
      posts.map((p) => p.answered),
      [500, 500, 200],
    );
    assert.deepEqual(posts[2].body.events, posts[0].body.events, 'the same batch again');
    // retryBaseMs 100: the first retry waits 50–100 ms, the second 100–200 ms.
    assert.ok(posts[1].at - posts[0].at >= 50, `first retry after ${posts[1].at - posts[0].at} ms`);
    assert.ok(posts[2].at - posts[1].at >= 100, `second retry after ${posts[2].at - posts[1].at} ms`);
    const log = await waitFor('three tries logged', async () => {
      const r = await t.request('GET', `/api/status-webhooks/${hook.id}/attempts`, { key: w.key });
      return r.body.length === 3 ? r.body : null;
    });
    assert.deepEqual(
      log.map((a: { attempt: number; statusCode: number; ok: boolean }) => [a.attempt, a.statusCode, a.ok]),
      [
        [3, 200, true],
        [2, 500, false],
        [1, 500, false],
      ],
    );
    assert.match(log[1].error, /^HTTP 500: Oops/);
    const [row] = (await t.request('GET', '/api/status-webhooks', { key: w.key })).body;
    assert.equal(row.status, 'active');
    assert.equal(row.attempts, 0);
  });

  test('when the retries run out the endpoint is failing; turned on again, it resumes from the failed batch', async () => {
    const w = await makeWorld(t);
    const hook = await addEndpoint(w, { events: ['run.paused'] });
    receiver.answer([], 500);
    await appendStatusEvents(t.app.ctx.db, w.workspaceId, 'run.paused', [{ runId: 7 }]);
    const failing = await waitFor('failing', async () => {
      const [row] = (await t.request('GET', '/api/status-webhooks', { key: w.key })).body;
      return row.status === 'failing' ? row : null;
    });
    assert.equal(failing.attempts, 4);
    assert.ok(failing.failingSince);
    // Four tries are logged. Each that got an answer reached the receiver; on a loaded machine a try
    // can also fail before the receiver reads it (a keep-alive connection the receiver had just
    // closed, or no answer in time), and the log says so.
    const log = (await t.request('GET', `/api/status-webhooks/${hook.id}/attempts`, { key: w.key })).body as Array<{
      attempt: number;
      statusCode: number | null;
      error: string;
    }>;
    const tries = JSON.stringify(log.map((a) => [a.attempt, a.statusCode, a.error.slice(0, 60)]));
    assert.deepEqual(
      log.map((a) => a.attempt),
      [4, 3, 2, 1],
      tries,
    );
    assert.equal(postsOf(hook.id).length, log.filter((a) => a.statusCode !== null).length, tries);
    assert.ok(log.filter((a) => a.statusCode === 500).length >= 3, tries);
    // Events keep coming while it is failing; none is lost.
    await appendStatusEvents(t.app.ctx.db, w.workspaceId, 'run.paused', [{ runId: 8 }]);
    receiver.answer([], 200);
    const on = await t.request('PATCH', `/api/status-webhooks/${hook.id}`, { key: w.key, body: { enabled: true } });
    assert.equal(on.body.status, 'active');
    await waitFor('both events delivered', async () => eventsOf(hook.id).length === 2);
    assert.deepEqual(
      eventsOf(hook.id).map((e) => e.data.runId),
      [7, 8],
      JSON.stringify(postsOf(hook.id).map((p) => [p.at, p.answered, p.body.events.map((e) => [e.id, e.data.runId])])) +
        JSON.stringify(
          await t.app.ctx.db.query('SELECT id, txid::text, created_at FROM status_events WHERE workspace_id = $1', [w.workspaceId]),
        ),
    );
  });

  // Transaction ids compared as text put '1000' before '999' (the query ordered by its output
  // column, the text): a batch straddling a power of ten went out of order, and the cursor moved
  // to the batch's last event in that order, so the next pass sent the other one again.
  test('events go in transaction order across a power of ten, each once', async () => {
    const w = await makeWorld(t);
    const hook = await addEndpoint(w, { events: ['run.paused'] });
    const db = t.app.ctx.db;
    await db.query(`UPDATE status_webhooks SET cursor_txid = '0', cursor_id = 0 WHERE id = $1`, [hook.id]);
    for (const [txid, runId] of [
      ['9', 1],
      ['10', 2],
    ] as const)
      await db.query(`INSERT INTO status_events (workspace_id, type, payload, txid) VALUES ($1, 'run.paused', $2, $3::xid8)`, [
        w.workspaceId,
        JSON.stringify({ runId }),
        txid,
      ]);
    await waitFor('both events', async () => eventsOf(hook.id).length === 2);
    // A later event, written as usual: once it has arrived, any pass that would resend is over.
    await appendStatusEvents(db, w.workspaceId, 'run.paused', [{ runId: 3 }]);
    await waitFor('the later event', async () => eventsOf(hook.id).length === 3);
    assert.deepEqual(
      postsOf(hook.id).flatMap((p) => p.body.events.map((e) => e.data.runId)),
      [1, 2, 3],
    );
  });

  test('a disabled endpoint takes no events; a workspace without endpoints writes none', async () => {
    const w = await makeWorld(t);
    const hook = await addEndpoint(w, { events: ['run.resumed'] });
    await t.request('PATCH', `/api/status-webhooks/${hook.id}`, { key: w.key, body: { enabled: false } });
    await appendStatusEvents(t.app.ctx.db, w.workspaceId, 'run.resumed', [{ runId: 1 }]);
    const other = await makeWorld(t);
    await appendStatusEvents(t.app.ctx.db, other.workspaceId, 'run.resumed', [{ runId: 2 }]);
    const [{ n }] = await t.app.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM status_events WHERE workspace_id IN ($1, $2)', [
      w.workspaceId,
      other.workspaceId,
    ]);
    assert.equal(n, 0);
    const del = await t.request('DELETE', `/api/status-webhooks/${hook.id}`, { key: w.key });
    assert.equal(del.status, 204);
    assert.equal((await t.request('GET', '/api/status-webhooks', { key: w.key })).body.length, 0);
  });
});
