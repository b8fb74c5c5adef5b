// The Telegram client's setup calls (getMe, setWebhook), its facts, and paid broadcasts, against
// the fake Telegram server. Sending and parsing are in tg.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { channelFor, DEAD_BASE_URL, fake, useFakePlatform } from './helpers.ts';
import { telegram } from '../../src/platforms/tg/index.ts';
import { CAPTION_LIMIT } from '../../src/platforms/tg/render.ts';

const TOKEN = '123456789:AAHsecret-Token_value';
const channel = () => channelFor(fake.url, { token: TOKEN });

useFakePlatform();

// ---------------------------------------------------------------- credentials & webhook

test('checkCredentials: getMe ok / rejected token without leaking it / unreachable', async () => {
  assert.deepEqual(await telegram.checkCredentials(channel()), { ok: true, accountName: 'Fake Bot (@fake_bot)' });
  assert.equal(fake.records[0].method, 'getMe');
  const bad = await telegram.checkCredentials(channelFor(fake.url, { token: '999:invalid-token' }));
  assert.equal(bad.ok, false);
  assert.match(bad.error ?? '', /does not accept this bot token/);
  assert.ok(!(bad.error ?? '').includes('invalid-token'));
  const down = await telegram.checkCredentials(channelFor(DEAD_BASE_URL, { token: TOKEN }));
  assert.equal(down.ok, false);
  assert.ok(!(down.error ?? '').includes('AAHsecret'));
});

test('registerWebhook: setWebhook with secret_token = webhookSecret', async () => {
  const result = await telegram.registerWebhook!(channel(), 'https://botcast.example/hooks/tg/1');
  assert.deepEqual(result, { ok: true });
  assert.equal(fake.records[0].method, 'setWebhook');
  assert.deepEqual(fake.records[0].body, {
    url: 'https://botcast.example/hooks/tg/1',
    secret_token: 'whsec_test-123',
    allowed_updates: ['message', 'my_chat_member'],
  });
  const invalid = await telegram.registerWebhook!(channelFor(fake.url, { token: TOKEN }, 'has spaces!'), 'https://x');
  assert.equal(invalid.ok, false);
});

test('client facts', () => {
  assert.equal(telegram.code, 'tg');
  assert.equal(telegram.defaultRatePerSecond, 30);
  assert.equal(telegram.deduplicates, false);
  assert.deepEqual(telegram.credentialFields, ['token']);
});

test('paid broadcast channel: every call of the message carries allow_paid_broadcast: true', async () => {
  const paid = { ...channel(), paidBroadcast: true };
  const message = telegram.render({ text: 'x'.repeat(CAPTION_LIMIT + 10), media: { type: 'image', url: 'https://example.com/a.jpg' } });
  assert.ok(message.calls.length >= 2, 'a photo and the rest of its caption');
  const outcome = await telegram.send(paid, { recipient: '111', message, dedupKey: 'd-1' });
  assert.equal(outcome.class, 'sent');
  assert.equal(fake.records.length, message.calls.length);
  assert.ok(fake.records.every((r) => (r.body as { allow_paid_broadcast?: unknown }).allow_paid_broadcast === true));
});
