// Issue 18 point 4: a "Not interested" button on a screen (kind 'opt_out'). The platforms get it as
// a reply button — its label comes back as the person's message — and that message opts them out
// of broadcasts as a keyword does (source 'button'), with the bot's confirmation; the next
// broadcast leaves them out. The same words on a bot without such a button do nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { FAST_ENGINE, addChannel, makeWorld, waitForSend, type World } from '../helpers/world.ts';
import { sandboxInbox } from './external-event-steps.ts';

let t: TestApp;
let w: World;
let sandbox: number;
const ids: Record<string, number> = {};

async function write(userId: string, text = 'hi', world = w, channel = sandbox) {
  const r = await t.request('POST', `/api/channels/${channel}/sandbox/messages`, { key: world.key, body: { userId, name: userId, text } });
  assert.equal(r.status, 201, r.text);
  return r.body.subscriberId as number;
}
const subscriber = async (id: number, world = w) => (await t.request('GET', `/api/subscribers/${id}`, { key: world.key })).body;

async function broadcast(content: Record<string, unknown>) {
  const s = await t.request('POST', `/api/bots/${w.botId}/sends`, {
    key: w.key,
    body: { content, channelIds: [sandbox], audience: { type: 'all' } },
  });
  assert.equal(s.status, 201, s.text);
  return waitForSend(t, w, s.body.id);
}

before(async () => {
  t = await startTestApp({ worker: true, config: { graceSeconds: 0 }, engine: FAST_ENGINE });
  w = await makeWorld(t);
  sandbox = await addChannel(t, w, 'sandbox');
  for (const u of ['ann', 'bob']) ids[u] = await write(u);
});
after(() => t.close());

test('pressing "Not interested" opts the person out of broadcasts, with the confirmation; the next broadcast leaves them out', async () => {
  const screen = await t.request('POST', `/api/bots/${w.botId}/screens`, {
    key: w.key,
    body: {
      name: 'Offer',
      text: 'A new offer',
      buttons: [
        { kind: 'url', text: 'See it', url: 'https://example.com/offer' },
        { kind: 'opt_out', text: 'Not interested' },
      ],
    },
  });
  assert.equal(screen.status, 201, screen.text);
  await broadcast({ type: 'screen', screenId: screen.body.id });
  // The platform got it as a reply button: its label is what the person sends back.
  const got = JSON.stringify((await sandboxInbox(t, w, sandbox, 'ann')).at(-1));
  assert.match(got, /Not interested/);

  await write('ann', 'Not interested');
  const ann = await subscriber(ids.ann);
  assert.ok(ann.optedOutAt, 'opted out');
  assert.equal(ann.optOutSource, 'button');
  assert.equal(ann.status, 'active', 'opting out is not blocking');
  const replies = (await sandboxInbox(t, w, sandbox, 'ann')).map((m: { body: Array<{ text?: string }> }) => m.body[0]?.text);
  assert.ok(replies.includes('You have unsubscribed from our broadcasts. Send START to subscribe again.'), JSON.stringify(replies));

  const next = await broadcast({ type: 'text', text: 'Second offer' });
  assert.equal(next.counts.recipients, 1, 'only bob');
  assert.equal((await subscriber(ids.bob)).optedOutAt, null);
});

test('the same words on a bot whose screens have no such button do nothing; a label longer than 64 is refused', async () => {
  const other = await makeWorld(t);
  const channel = await addChannel(t, other, 'sandbox');
  const id = await write('cid', 'Not interested', other, channel);
  assert.equal((await subscriber(id, other)).optedOutAt, null);

  const long = await t.request('POST', `/api/bots/${w.botId}/screens`, {
    key: w.key,
    body: { name: 'Long', text: 'x', buttons: [{ kind: 'opt_out', text: 'n'.repeat(65) }] },
  });
  assert.equal(long.status, 400);
  assert.equal(long.body.error.code, 'invalid_button');
  assert.equal(long.body.error.field ?? long.body.error.details?.field, 'buttons[0].text');
});
