// What the trigger-event tests (SPEC 2.3, issue 8; test/integration/triggers-*.test.ts) share: one
// app with its worker per file, a bot in ZONE with a sandbox channel, and the steps they take
// through the API. Delays are never slept through: makeDue moves due_at into the past.
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { FAST_ENGINE, addChannel, makeWorld, waitFor, type World } from '../helpers/world.ts';
import type { Json } from '../helpers/json.ts';

// Set by startTriggersApp (in each file's before hook); ES module exports are live, so the test
// files read the current values.
export let t: TestApp;
export let w: World;
export let sandbox: number;
export const ZONE = 'Europe/Berlin';

export async function startTriggersApp() {
  t = await startTestApp({ worker: true, config: { graceSeconds: 0 }, engine: FAST_ENGINE });
  w = await makeWorld(t, ZONE);
  sandbox = await addChannel(t, w, 'sandbox');
}

export async function write(channelId: number, userId: string, world = w) {
  const r = await t.request('POST', `/api/channels/${channelId}/sandbox/messages`, {
    key: world.key,
    body: { userId, name: userId, text: 'hi' },
  });
  assert.equal(r.status, 201, r.text);
  return r.body.subscriberId as number;
}

export const inbox = async (userId: string, channelId = sandbox, world = w) =>
  ((await t.request('GET', `/api/channels/${channelId}/sandbox/inbox?userId=${userId}`, { key: world.key })).body as Json[])
    .filter((m) => m.direction === 'out')
    .reverse()
    .map((m) => m.body[0].text as string);

export async function newTag(name: string, world = w) {
  const r = await t.request('POST', `/api/bots/${world.botId}/tags`, { key: world.key, body: { name } });
  assert.equal(r.status, 201, r.text);
  return r.body.id as number;
}

export async function createTrigger(body: Record<string, unknown>, world = w) {
  const r = await t.request('POST', `/api/bots/${world.botId}/triggers`, {
    key: world.key,
    body: { delay: { amount: 1, unit: 'minutes' }, content: { type: 'text', text: 'Hello {{name}}' }, ...body },
  });
  assert.equal(r.status, 201, r.text);
  return r.body as { id: number; position: number; tag: { id: number; name: string } };
}

export async function tag(subscriberId: number, ...tags: string[]) {
  const r = await t.request('POST', `/api/subscribers/${subscriberId}/tags`, { key: w.key, body: { tags } });
  assert.equal(r.status, 200, r.text);
}

export async function untag(subscriberId: number, ...tags: string[]) {
  const r = await t.request('DELETE', `/api/subscribers/${subscriberId}/tags`, { key: w.key, body: { tags } });
  assert.equal(r.status, 200, r.text);
}

export async function firings(triggerId: number, query = '', world = w): Promise<Json[]> {
  const r = await t.request('GET', `/api/triggers/${triggerId}/firings${query}`, { key: world.key });
  assert.equal(r.status, 200, r.text);
  return r.body;
}

export function waitFiring(triggerId: number, subscriberId: number, state: string, world = w) {
  return waitFor(
    `firing of trigger ${triggerId} for ${subscriberId} to be ${state}`,
    async () => (await firings(triggerId, `?subscriberId=${subscriberId}&state=${state}`, world))[0],
    15_000,
  );
}

/** Moves the pending firings of a trigger to "due now" (instead of waiting out their delay). */
export async function makeDue(triggerId: number) {
  await t.app.ctx.db.query(`UPDATE trigger_firings SET due_at = now() - interval '1 second' WHERE trigger_id = $1 AND state = 'pending'`, [
    triggerId,
  ]);
}

export async function received(userId: string, text: string, timeoutMs = 15_000, channelId = sandbox, world = w) {
  return waitFor(`${userId} to receive "${text}"`, async () => (await inbox(userId, channelId, world)).includes(text), timeoutMs);
}
