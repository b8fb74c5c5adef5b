// Issue 18 point 6, first part: a subscriber's own time zone. Guessed from a WhatsApp number's
// country where it has one zone (Germany, Belarus; not +1 or +7, which span many), set or cleared
// through the API with an IANA name, and never replaced by a guess once set.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addChannel, makeWorld, type World } from '../helpers/world.ts';
import { signedWaMessage } from '../helpers/wa-webhook.ts';
import { guessTimeZone } from '../../src/domain/schedule/phone-zone.ts';

let t: TestApp;
let w: World;
let wa: number;
const PHONE_ID = '106540352242922';

before(async () => {
  t = await startTestApp();
  w = await makeWorld(t);
  const credentials = { accessToken: 'wa-token', phoneNumberId: PHONE_ID, appSecret: 'app-secret', verifyToken: 'v' };
  wa = await addChannel(t, w, 'wa', { credentials });
});
after(() => t.close());

/** A WhatsApp message from `from` through the signed webhook; the subscriber's id. */
async function writes(from: string): Promise<number> {
  const res = await t.request(
    'POST',
    `/hooks/wa/${wa}`,
    signedWaMessage({
      phoneId: PHONE_ID,
      from,
      seconds: Math.floor(Date.now() / 1000),
      messageId: `wamid.${from}.${Math.random()}`,
      appSecret: 'app-secret',
    }),
  );
  assert.equal(res.status, 200, res.text);
  const [row] = await t.app.ctx.db.query<{ id: number }>('SELECT id FROM subscribers WHERE channel_id = $1 AND platform_user_id = $2', [
    wa,
    from,
  ]);
  return Number(row.id);
}

const zoneOf = async (id: number) => (await t.request('GET', `/api/subscribers/${id}`, { key: w.key })).body.timeZone;

test('a WhatsApp number in a one-zone country gets that zone; +1 and +7 numbers keep the bot’s', async () => {
  assert.equal(await zoneOf(await writes('4915112345678')), 'Europe/Berlin');
  assert.equal(await zoneOf(await writes('375291234567')), 'Europe/Minsk');
  assert.equal(await zoneOf(await writes('14155552671')), null);
  assert.equal(await zoneOf(await writes('79161234567')), null);
  // Only WhatsApp ids are phone numbers.
  assert.equal(guessTimeZone('tg', '4915112345678'), null);
  assert.equal(guessTimeZone('viber', '4915112345678'), null);
});

test('the API sets a zone (canonical casing), refuses what is not one, clears it; a later message does not guess over it', async () => {
  const id = await writes('4915112340000');
  const set = await t.request('PUT', `/api/subscribers/${id}/time-zone`, { key: w.key, body: { timeZone: 'asia/tokyo' } });
  assert.equal(set.status, 200, set.text);
  assert.equal(set.body.timeZone, 'Asia/Tokyo');
  await writes('4915112340000');
  assert.equal(await zoneOf(id), 'Asia/Tokyo', 'a set zone is not replaced by the guess');

  for (const bad of ['Mars/Olympus', '+03:00', '']) {
    const res = await t.request('PUT', `/api/subscribers/${id}/time-zone`, { key: w.key, body: { timeZone: bad } });
    assert.equal(res.status, 400, bad);
    assert.equal(res.body.error.code, 'invalid_time_zone');
  }
  assert.equal(await zoneOf(id), 'Asia/Tokyo', 'a refused zone changes nothing');

  const cleared = await t.request('PUT', `/api/subscribers/${id}/time-zone`, { key: w.key, body: { timeZone: null } });
  assert.equal(cleared.status, 200, cleared.text);
  assert.equal(cleared.body.timeZone, null);
  const other = await t.workspace();
  const foreign = await t.request('PUT', `/api/subscribers/${id}/time-zone`, { key: other.key, body: { timeZone: 'UTC' } });
  assert.equal(foreign.status, 404, 'another workspace’s subscriber is not found');
});
