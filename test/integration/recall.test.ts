// Recall and edit a delivered broadcast (issue 17 point 12): a paced job deletes (or edits) every
// delivered message by the platform message id kept on its delivery — the fake platforms accept a
// delete or an edit only for a message they sent to that chat —, with progress and log lines;
// too old or on a platform that cannot, the API says so.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startFakeServer, type FakeServer } from '../fakes/server.ts';
import { FAST_ENGINE, addChannel, makeWorld, seedSubscribers, waitFor, waitForSend, type World } from '../helpers/world.ts';
import type { Json } from '../helpers/json.ts';

let t: TestApp;
let fake: FakeServer;

before(async () => {
  fake = await startFakeServer({ seed: 3 });
  t = await startTestApp({ worker: true, config: { graceSeconds: 0 }, engine: FAST_ENGINE });
});
after(async () => {
  await t.close();
  await fake.close();
});

async function delivered(platform: string, credentials: Record<string, string>, count: number) {
  const w = await makeWorld(t);
  const channelId = await addChannel(t, w, platform, { credentials, apiBaseUrl: fake.url, ratePerSecond: 100 });
  await seedSubscribers(t.app.ctx.db, { workspaceId: w.workspaceId, botId: w.botId, channelId, platform, count, startAt: 5000 });
  const res = await t.request('POST', `/api/bots/${w.botId}/sends`, {
    key: w.key,
    body: { content: { type: 'text', text: 'Sale ends Friday' }, channelIds: [channelId], audience: { type: 'all' } },
  });
  assert.equal(res.status, 201, res.text);
  const done = await waitForSend(t, w, res.body.id, ['completed'], 120_000);
  assert.equal(done.counts.sent, count);
  return { w, sendId: res.body.id as number };
}

async function finished(w: World, sendId: number) {
  return waitFor(
    'the recall job to finish',
    async () => {
      const jobs = (await t.request('GET', `/api/sends/${sendId}/recalls`, { key: w.key })).body.items as Json[];
      return jobs[0]?.state === 'completed' ? jobs[0] : null;
    },
    120_000,
  );
}

/** The message id each recipient's delivery keeps (the platform gave it when it was sent). */
async function messageIds(sendId: number) {
  const rows = await t.app.ctx.db.query<{ recipient: string; platform_message_id: string }>(
    'SELECT d.recipient, d.platform_message_id FROM deliveries d JOIN runs r ON r.id = d.run_id WHERE r.send_id = $1',
    [sendId],
  );
  return new Map(rows.map((r) => [r.recipient, r.platform_message_id]));
}

const logOf = async (w: World, sendId: number) =>
  (await t.request('GET', `/api/sends/${sendId}/log`, { key: w.key })).body.events as Array<{ type: string; message: string }>;

describe('recall and edit', () => {
  test('Telegram: recalled from every chat by its message id, each once, with progress and log', async () => {
    const token = `55:recall${Date.now()}`;
    const { w, sendId } = await delivered('tg', { token }, 25);
    const res = await t.request('POST', `/api/sends/${sendId}/recall`, { key: w.key, body: { action: 'delete' } });
    assert.equal(res.status, 202, res.text);
    assert.deepEqual(res.body, { id: res.body.id, sendId, action: 'delete', state: 'running', messages: 25, tooOld: 0, unsupported: 0 });
    const job = await finished(w, sendId);
    assert.deepEqual(job.counts, { messages: 25, pending: 0, done: 25, failed: 0 });
    const ids = await messageIds(sendId);
    const deletes = fake.records.filter((r) => r.channel === token && r.method === 'deleteMessage');
    assert.equal(deletes.length, 25, 'one request per message');
    for (const d of deletes) {
      assert.equal(d.status, 200, 'the fake knew the id: a message it sent to that chat');
      assert.equal(String((d.body as Json).message_id), ids.get(d.recipient!));
    }
    assert.equal(new Set(deletes.map((d) => d.recipient)).size, 25, 'every chat once');
    const log = await logOf(w, sendId);
    assert.match(log.find((e) => e.type === 'recall_started')!.message, /^Recall #\d+ started by API key “.+”: 25 message\(s\) to delete/);
    assert.match(log.find((e) => e.type === 'recall_finished')!.message, /^Recall #\d+ finished: 25 deleted from their chats$/);
  });

  test('Telegram: the text edited in every chat; a bot screen cannot be edited; one job at a time', async () => {
    const token = `56:edit${Date.now()}`;
    const { w, sendId } = await delivered('tg', { token }, 10);
    const res = await t.request('POST', `/api/sends/${sendId}/recall`, {
      key: w.key,
      body: { action: 'edit', text: 'Sale ends Saturday' },
    });
    assert.equal(res.status, 202, res.text);
    const again = await t.request('POST', `/api/sends/${sendId}/recall`, { key: w.key, body: { action: 'delete' } });
    if (again.status !== 202) assert.equal(again.body.error.code, 'recall_running');
    await finished(w, sendId);
    const edits = fake.records.filter((r) => r.channel === token && r.method === 'editMessageText');
    assert.equal(edits.length, 10);
    assert.ok(edits.every((e) => e.status === 200 && (e.body as Json).text === 'Sale ends Saturday'));
    const noText = await t.request('POST', `/api/sends/${sendId}/recall`, { key: w.key, body: { action: 'edit' } });
    assert.equal(noText.status, 400);
  });

  test('too old for Telegram (48 hours): nothing to do, and the answer says why', async () => {
    const { w, sendId } = await delivered('tg', { token: `57:old${Date.now()}` }, 5);
    await t.app.ctx.db.query(
      `UPDATE deliveries SET updated_at = now() - interval '49 hours' WHERE run_id IN (SELECT id FROM runs WHERE send_id = $1)`,
      [sendId],
    );
    const res = await t.request('POST', `/api/sends/${sendId}/recall`, { key: w.key, body: { action: 'delete' } });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'recall_not_possible');
    assert.match(res.body.error.message, /Telegram allows it within 48 hours/);
  });

  test('VK: deleted for everyone (delete_for_all) by message id', async () => {
    const accessToken = `vkrecall${Date.now()}`;
    const { w, sendId } = await delivered('vk', { accessToken, groupId: '214167102' }, 8);
    assert.equal((await t.request('POST', `/api/sends/${sendId}/recall`, { key: w.key, body: { action: 'delete' } })).status, 202);
    const job = await finished(w, sendId);
    assert.equal(job.counts.done, 8);
    const deletes = fake.records.filter((r) => r.channel === accessToken && r.method === 'messages.delete');
    assert.equal(deletes.length, 8);
    // VK answers errors with HTTP 200: done = 8 and failed = 0 say the fake knew every id (error 924 otherwise).
    assert.equal(job.counts.failed, 0);
    const ids = await messageIds(sendId);
    for (const d of deletes) assert.equal((d.body as Json).message_ids, ids.get(d.recipient!));
    const edit = await t.request('POST', `/api/sends/${sendId}/recall`, { key: w.key, body: { action: 'edit', text: 'x' } });
    assert.equal(edit.status, 409);
    assert.match(edit.body.error.message, /VK cannot edit/);
  });

  test('Viber cannot recall: the API says so; another workspace gets 404; a viewer may not', async () => {
    const { w, sendId } = await delivered('viber', { token: `viberrecall${Date.now()}` }, 3);
    const res = await t.request('POST', `/api/sends/${sendId}/recall`, { key: w.key, body: { action: 'delete' } });
    assert.equal(res.status, 409);
    assert.match(res.body.error.message, /^Viber cannot delete a message already delivered/);
    const other = await t.workspace('Other');
    assert.equal((await t.request('POST', `/api/sends/${sendId}/recall`, { key: other.key, body: { action: 'delete' } })).status, 404);
    assert.equal((await t.request('GET', `/api/sends/${sendId}/recalls`, { key: other.key })).status, 404);
    const viewer = await t.request('POST', '/api/api-keys', { key: w.key, body: { name: 'viewer', role: 'viewer' } });
    assert.equal(
      (await t.request('POST', `/api/sends/${sendId}/recall`, { key: viewer.body.key, body: { action: 'delete' } })).status,
      403,
    );
  });
});
