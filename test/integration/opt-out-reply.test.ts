// "Is told so" (issue 18 point 4): an opt-out or opt-in keyword arriving through a platform's
// webhook is answered with one confirmation message through the platform client — the default
// text in the keyword's language, the bot's own text, or nothing for an empty one — and it is no
// broadcast: no send, no delivery. A repeated keyword that changes nothing is not answered again.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type TestApp } from '../helpers/app.ts';
import { closeEngineAndFake, startEngineAndFake } from '../helpers/engine-and-fake.ts';
import { type FakeServer } from '../fakes/server.ts';
import { addChannel, makeWorld, waitFor, type World } from '../helpers/world.ts';

let t: TestApp;
let fake: FakeServer;
let w: World;
let channelId: number;
let token: string;
let secret: string;
let updateId = 1;

before(async () => {
  ({ t, fake } = await startEngineAndFake());
  w = await makeWorld(t);
  token = `${Math.floor(Math.random() * 1e9)}:AA${Math.random().toString(36).slice(2)}`;
  channelId = await addChannel(t, w, 'tg', { credentials: { token }, apiBaseUrl: fake.url });
  const [row] = await t.app.ctx.db.query<{ webhook_secret_enc: string }>('SELECT webhook_secret_enc FROM channels WHERE id = $1', [
    channelId,
  ]);
  secret = t.app.ctx.sealer.open(row.webhook_secret_enc);
});
after(() => closeEngineAndFake(t, fake));

/** A Telegram user writes `text` to the bot, through the signed webhook. */
async function writes(userId: number, text: string) {
  const raw = JSON.stringify({
    update_id: updateId++,
    message: {
      message_id: updateId,
      from: { id: userId, is_bot: false, first_name: 'Ada' },
      chat: { id: userId, first_name: 'Ada', type: 'private' },
      date: Math.floor(Date.now() / 1000),
      text,
    },
  });
  const r = await t.request('POST', `/hooks/tg/${channelId}`, {
    raw,
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
  });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.replies, undefined, 'the confirmations are not part of the webhook answer');
}

/** The messages the fake received for this user, their texts in order. */
const messagesTo = (userId: number) =>
  fake.records
    .filter((r) => r.channel === token && r.send && String(r.recipient) === String(userId))
    .map((r) => (r.body as { text: string }).text);

async function confirmed(userId: number, count: number) {
  await waitFor(`${count} confirmation(s) to ${userId}`, async () => messagesTo(userId).length >= count);
  return messagesTo(userId);
}

describe('opt-out confirmations', () => {
  test('a keyword from the webhook gets one confirmation at the fake, in the keyword’s language; no delivery', async () => {
    await writes(501, 'STOP');
    assert.deepEqual(await confirmed(501, 1), ['You have unsubscribed from our broadcasts. Send START to subscribe again.']);
    await writes(502, 'Отписаться');
    assert.match((await confirmed(502, 1))[0], /Вы отписались от рассылки/);
    await writes(502, 'подписаться');
    assert.match((await confirmed(502, 2))[1], /Вы снова подписаны/);
    await writes(501, 'start');
    assert.match((await confirmed(501, 2))[1], /subscribed to our broadcasts again/);

    // A STOP after the opt-in: answered once more; a second STOP changes nothing and is not answered.
    await writes(501, 'stop');
    await confirmed(501, 3);
    await writes(501, 'stop');
    await writes(501, 'hello'); // the webhook answered: the second STOP's turn is over
    await writes(503, 'stop'); // and a later confirmation to someone else has left after it
    await confirmed(503, 1);
    assert.equal(messagesTo(501).length, 3);
    const [n] = await t.app.ctx.db.query<{ sends: number; deliveries: number }>(
      `SELECT (SELECT count(*)::int FROM sends WHERE bot_id = $1) AS sends,
              (SELECT count(*)::int FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id WHERE s.bot_id = $1) AS deliveries`,
      [w.botId],
    );
    assert.deepEqual(n, { sends: 0, deliveries: 0 }, 'a confirmation is no broadcast');
  });

  test('the bot’s own texts; an empty one answers nothing', async () => {
    const patched = await t.request('PATCH', `/api/bots/${w.botId}`, {
      key: w.key,
      body: { optOutReply: 'Bye! Write JOIN to come back.', optInReply: '' },
    });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.body.optOutReply, 'Bye! Write JOIN to come back.');
    assert.equal(patched.body.optInReply, '');
    await writes(601, 'unsubscribe');
    assert.deepEqual(await confirmed(601, 1), ['Bye! Write JOIN to come back.']);
    await writes(601, 'subscribe');
    await writes(602, 'stop'); // confirmed after the opt-in would have been
    await confirmed(602, 1);
    assert.equal(messagesTo(601).length, 1, 'an empty text answers nothing');
    const [sub] = await t.app.ctx.db.query<{ opted_out_at: Date | null }>(
      `SELECT opted_out_at FROM subscribers WHERE channel_id = $1 AND platform_user_id = '601'`,
      [channelId],
    );
    assert.equal(sub.opted_out_at, null, 'opted back in all the same');

    const reset = await t.request('PATCH', `/api/bots/${w.botId}`, { key: w.key, body: { optOutReply: null, optInReply: null } });
    assert.equal(reset.body.optOutReply, null);
    await writes(603, 'stop');
    assert.match((await confirmed(603, 1))[0], /You have unsubscribed/);
  });
});
