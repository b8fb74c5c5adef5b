// Steps shared by the external-event tests: a sandbox subscriber writes in, what the sandbox user
// received, an event created through the API.
import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.ts';
import type { World } from '../helpers/world.ts';
import type { Json } from '../helpers/json.ts';

/** A sandbox user writes to the bot (becoming a subscriber); returns their subscriber id. */
export async function writeIn(t: TestApp, w: World, sandbox: number, userId: string): Promise<number> {
  const r = await t.request('POST', `/api/channels/${sandbox}/sandbox/messages`, {
    key: w.key,
    body: { userId, name: userId, text: 'hi' },
  });
  assert.equal(r.status, 201, r.text);
  return r.body.subscriberId as number;
}

/** The messages the bot sent to a sandbox user. */
export const sandboxInbox = async (t: TestApp, w: World, sandbox: number, userId: string) =>
  (await t.request('GET', `/api/channels/${sandbox}/sandbox/inbox?userId=${userId}`, { key: w.key })).body.filter(
    (m: Json) => m.direction === 'out',
  );

export async function createEventVia(t: TestApp, w: World, body: Record<string, unknown> = {}) {
  const r = await t.request('POST', `/api/bots/${w.botId}/external-events`, {
    key: w.key,
    body: { name: `event ${Math.random().toString(36).slice(2, 8)}`, content: { type: 'text', text: 'Hello {{name}}' }, ...body },
  });
  assert.equal(r.status, 201, r.text);
  return r.body as { id: number; url: string; name: string };
}
