// Issue 16 point 7, through the webhook route: every platform's message time is stored as the
// instant the platform meant (seconds and milliseconds alike — an Instagram time read in the wrong
// unit was stored as January 1970), (the WhatsApp `failed` status: wa-status-failed.test.ts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addChannel, makeWorld, type World } from '../helpers/world.ts';

let t: TestApp;
let w: World;
const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const hmac = (key: string, body: string) => createHmac('sha256', key).update(body).digest('hex');
const meta = { appSecret: 'app-secret', verifyToken: 'verify-me' };

before(async () => {
  t = await startTestApp();
  w = await makeWorld(t);
});
after(() => t.close());

/** A fresh bot per channel: a bot has one channel per platform. */
async function newChannel(platform: string, credentials: Record<string, string>): Promise<number> {
  const bot = await t.request('POST', '/api/bots', { key: w.key, body: { name: `${platform} bot ${Math.random()}` } });
  return addChannel(t, { ...w, botId: bot.body.id }, platform, { credentials });
}

const secretOf = async (channelId: number) =>
  t.app.ctx.sealer.open(
    (await t.app.ctx.db.query<{ webhook_secret_enc: string }>('SELECT webhook_secret_enc FROM channels WHERE id = $1', [channelId]))[0]
      .webhook_secret_enc,
  );

/** Posts a fixture the way the platform signs it, and returns the stored last message time. */
async function deliver(platform: string, credentials: Record<string, string>, body: string): Promise<string> {
  const channelId = await newChannel(platform, credentials);
  const secret = await secretOf(channelId);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  let raw = body;
  let query = '';
  if (platform === 'tg') headers['x-telegram-bot-api-secret-token'] = secret;
  if (platform === 'viber') headers['x-viber-content-signature'] = hmac(credentials.token, raw);
  if (['wa', 'fb', 'instagram'].includes(platform)) headers['x-hub-signature-256'] = `sha256=${hmac('app-secret', raw)}`;
  if (platform === 'vk') raw = JSON.stringify({ ...JSON.parse(raw), secret });
  if (platform === 'ok') query = `?secret=${encodeURIComponent(secret)}`;
  const res = await t.request('POST', `/hooks/${platform}/${channelId}${query}`, { raw, headers });
  assert.equal(res.status, 200, res.text);
  const [row] = await t.app.ctx.db.query<{ at: Date }>('SELECT last_message_at AS at FROM subscribers WHERE channel_id = $1', [channelId]);
  assert.ok(row, `${platform}: a subscriber was stored`);
  return row.at.toISOString();
}

describe('inbound message times, per platform unit', () => {
  const cases: Array<[string, string, Record<string, string>, string]> = [
    ['tg', 'tg/update-message.json', { token: '1:abc' }, '2023-11-14T22:13:20.000Z'], // `date` seconds
    ['wa', 'wa/webhook-text.json', { accessToken: 'a', phoneNumberId: '1', ...meta }, '2020-10-18T22:13:21.000Z'], // `timestamp` seconds, a string
    ['viber', 'viber/event-message.json', { token: 'viber-token' }, '2016-03-12T06:29:57.627Z'], // `timestamp` ms
    ['vk', 'vk/message-new.json', { accessToken: 'a', groupId: '214167102', confirmation: 'c0nf' }, '2023-05-05T09:24:30.000Z'], // `date` seconds
    ['fb', 'fb/webhook-text.json', { pageAccessToken: 'a', ...meta }, '2016-03-23T00:25:52.478Z'], // `timestamp` ms
    ['fb', 'fb/webhook-postback.json', { pageAccessToken: 'a', ...meta }, '2018-05-27T22:23:44.000Z'], // Meta's sample: seconds
    ['instagram', 'instagram/webhook-text.json', { pageAccessToken: 'a', ...meta }, '2019-09-23T18:14:45.349Z'], // `timestamp` ms
    ['instagram', 'instagram/webhook-postback.json', { pageAccessToken: 'a', ...meta }, '2017-08-16T17:52:56.000Z'], // seconds
    ['ok', 'ok/webhook-text.json', { accessToken: 'a' }, '2017-06-27T16:34:52.941Z'], // `timestamp` ms
  ];
  for (const [platform, file, credentials, expected] of cases) {
    test(`${platform} ${file}: stored as ${expected}`, async () => {
      assert.equal(await deliver(platform, credentials, fixture(file)), expected);
    });
  }
});
