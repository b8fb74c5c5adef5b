// The subscriber search (the subscribers page and the send form's picker) lists the best matches
// first: "Demo user 20" typed finds "Demo user 20" before "Demo user 200…" and "Demo user 2099",
// and those before names that only contain it; newest first within each; the pages continue
// across the ranks without a gap or a repeat.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addChannel, makeWorld, type World } from '../helpers/world.ts';
import type { Json } from '../helpers/json.ts';

let t: TestApp;
let w: World;

before(async () => {
  t = await startTestApp();
  w = await makeWorld(t);
  const channel = await addChannel(t, w, 'sandbox');
  // Written in this order, so plain newest-first would put "Demo user 2099" before "Demo user 20".
  const names = ['Demo user 20', 'Old demo user 20', 'Demo user 200', 'Demo user 2', 'Demo user 2099', 'Not a match'];
  for (const [i, name] of names.entries()) {
    const res = await t.request('POST', `/api/channels/${channel}/sandbox/messages`, {
      key: w.key,
      body: { userId: `u${i}`, name, text: 'hi' },
    });
    assert.ok(res.status < 300, res.text);
  }
});
after(() => t.close());

const names = (body: Json) => body.items.map((s: Json) => s.name);

test('exact matches first, then names that start with the text, then the rest; newest first within each', async () => {
  const res = await t.request('GET', `/api/bots/${w.botId}/subscribers?q=${encodeURIComponent('demo user 20')}&limit=8`, { key: w.key });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(names(res.body), ['Demo user 20', 'Demo user 2099', 'Demo user 200', 'Old demo user 20']);
});

test('the pages of a search continue across the ranks', async () => {
  const seen: string[] = [];
  let cursor = '';
  for (let i = 0; i < 5; i++) {
    const res = await t.request(
      'GET',
      `/api/bots/${w.botId}/subscribers?q=${encodeURIComponent('Demo user 20')}&limit=1&cursor=${cursor}`,
      {
        key: w.key,
      },
    );
    assert.equal(res.status, 200, res.text);
    seen.push(...names(res.body));
    if (!res.body.nextCursor) break;
    cursor = res.body.nextCursor;
  }
  assert.deepEqual(seen, ['Demo user 20', 'Demo user 2099', 'Demo user 200', 'Old demo user 20']);
});

test('without a search the list stays newest first', async () => {
  const res = await t.request('GET', `/api/bots/${w.botId}/subscribers`, { key: w.key });
  assert.deepEqual(names(res.body), ['Not a match', 'Demo user 2099', 'Demo user 2', 'Demo user 200', 'Old demo user 20', 'Demo user 20']);
});
