import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FakeServer } from '../fakes/server.ts';
import { assertDocumentedShape, channelFor, DEAD_BASE_URL, fake, fixture, useFakePlatform } from './helpers.ts';
import { telegram, classifyTelegram, TELEGRAM_ERRORS } from '../../src/platforms/tg/index.ts';
import { CAPTION_LIMIT, TEXT_LIMIT } from '../../src/platforms/tg/render.ts';
import type { InboundRequest, Outcome } from '../../src/platforms/types.ts';

const TOKEN = '123456789:AAHsecret-Token_value';
const channel = () => channelFor(fake.url, { token: TOKEN });

useFakePlatform();

function send(content: Parameters<typeof telegram.render>[0], recipient = '111', timeoutMs?: number) {
  return telegram.send(channel(), { recipient, message: telegram.render(content), dedupKey: 'd-1', timeoutMs });
}

// ---------------------------------------------------------------- send against the fake server

test('text → sendMessage {chat_id, text}', async () => {
  const outcome = await send({ text: 'Hello' });
  assert.equal(outcome.class, 'sent');
  assert.match((outcome as { platformMessageId: string }).platformMessageId, /^\d+$/);
  assert.equal(fake.records.length, 1);
  assert.equal(fake.records[0].method, 'sendMessage');
  assert.equal(fake.records[0].channel, TOKEN);
  assert.deepEqual(fake.records[0].body, { chat_id: 111, text: 'Hello' });
});

test('image with caption → sendPhoto {chat_id, photo, caption}', async () => {
  const outcome = await send({ text: 'Look', media: { type: 'image', url: 'https://example.com/a.jpg' } });
  assert.equal(outcome.class, 'sent');
  assert.deepEqual(fake.records[0].body, { chat_id: 111, photo: 'https://example.com/a.jpg', caption: 'Look' });
  assert.equal(fake.records[0].method, 'sendPhoto');
});

test('file → sendDocument {document, caption}', async () => {
  await send({ text: 'Doc', media: { type: 'file', url: 'https://example.com/a.pdf' } });
  assert.equal(fake.records[0].method, 'sendDocument');
  assert.deepEqual(fake.records[0].body, { chat_id: 111, document: 'https://example.com/a.pdf', caption: 'Doc' });
});

test('URL buttons → inline_keyboard rows', async () => {
  await send({
    text: 'Go',
    buttons: [
      { kind: 'url', text: 'Open', url: 'https://example.com' },
      { kind: 'url', text: 'Docs', url: 'https://example.com/d' },
    ],
  });
  assert.deepEqual(fake.records[0].body, {
    chat_id: 111,
    text: 'Go',
    reply_markup: { inline_keyboard: [[{ text: 'Open', url: 'https://example.com' }], [{ text: 'Docs', url: 'https://example.com/d' }]] },
  });
});

test('reply buttons → reply keyboard', async () => {
  await send({
    text: 'Pick',
    buttons: [
      { kind: 'reply', text: 'Yes' },
      { kind: 'reply', text: 'No' },
    ],
  });
  assert.deepEqual(fake.records[0].body, {
    chat_id: 111,
    text: 'Pick',
    reply_markup: { keyboard: [[{ text: 'Yes' }], [{ text: 'No' }]], resize_keyboard: true, one_time_keyboard: true },
  });
});

test('request bodies have the documented shapes (fixtures request-*.json)', async () => {
  await send({ text: 'Go', buttons: [{ kind: 'url', text: 'Open', url: 'https://e.com' }] });
  await send({
    text: 'Pick',
    buttons: [
      { kind: 'reply', text: 'A' },
      { kind: 'reply', text: 'B' },
    ],
  });
  await send({
    text: 'Cap',
    media: { type: 'image', url: 'https://e.com/a.jpg' },
    buttons: [{ kind: 'url', text: 'Open', url: 'https://e.com' }],
  });
  await send({ text: 'Doc', media: { type: 'file', url: 'https://e.com/a.pdf' } });
  await telegram.registerWebhook!(channel(), 'https://botcast.example/hook');
  const samples = [
    'request-send-message-inline',
    'request-send-message-keyboard',
    'request-send-photo',
    'request-send-document',
    'request-set-webhook',
  ];
  assert.equal(fake.records.length, samples.length);
  fake.records.forEach((record, i) => assertDocumentedShape(record.body, fixture('tg', samples[i])));
});

test('multi-call message: calls in order, id of the first call', async () => {
  // The fake numbers messages sequentially: learn the next id, then photo = id+1, text = id+2.
  const probe = (await send({ text: 'probe' })) as { platformMessageId: string };
  fake.reset();
  const outcome = await send({ text: 'x'.repeat(CAPTION_LIMIT + 10), media: { type: 'image', url: 'https://example.com/a.jpg' } });
  assert.deepEqual(
    fake.records.map((r) => r.method),
    ['sendPhoto', 'sendMessage'],
  );
  assert.deepEqual(outcome, { class: 'sent', platformMessageId: String(Number(probe.platformMessageId) + 1) });
});

test('a failing later call decides the outcome', async () => {
  fake.setFaults([{ kind: 'rate_limited', method: 'sendMessage', retryAfterSec: 2 }]);
  const outcome = await send({ text: 'y'.repeat(CAPTION_LIMIT + 1), media: { type: 'image', url: 'https://example.com/a.jpg' } });
  assert.deepEqual(outcome, { class: 'rate_limited', retryAfterMs: 2000, code: '429', text: 'Too Many Requests: retry after 2' });
});

test('faults from the fake server classify', async () => {
  const cases: Array<[Parameters<FakeServer['setFaults']>[0][number], Partial<Outcome>]> = [
    [
      { kind: 'rate_limited', retryAfterSec: 41 },
      { class: 'rate_limited', retryAfterMs: 41_000 },
    ],
    [{ kind: 'blocked' }, { class: 'blocked', code: '403' }],
    [{ kind: 'not_found' }, { class: 'invalid_recipient', code: '400' }],
    [
      { kind: 'server_error', status: 502 },
      { class: 'transient', code: '502' },
    ],
  ];
  for (const [rule, expected] of cases) {
    fake.setFaults([rule]);
    const outcome = await send({ text: 'hi' });
    for (const [key, value] of Object.entries(expected))
      assert.equal((outcome as Record<string, unknown>)[key], value, `${rule.kind}.${key}`);
  }
});

test('timeout and dropped connection → unknown; refused connection → transient; token never shown', async () => {
  fake.setFaults([
    { kind: 'timeout', recipient: '1' },
    { kind: 'destroy', recipient: '2' },
  ]);
  const timedOut = await send({ text: 'hi' }, '1', 100);
  assert.equal(timedOut.class, 'unknown');
  const dropped = await send({ text: 'hi' }, '2');
  assert.equal(dropped.class, 'unknown');
  const refused = await telegram.send(channelFor(DEAD_BASE_URL, { token: TOKEN }), {
    recipient: '3',
    message: telegram.render({ text: 'hi' }),
    dedupKey: 'k',
  });
  assert.equal(refused.class, 'transient');
  for (const outcome of [timedOut, dropped, refused]) {
    assert.ok(!JSON.stringify(outcome).includes('AAHsecret'), JSON.stringify(outcome));
  }
});

test('missing token → permanent without a request', async () => {
  const outcome = await telegram.send(channelFor(fake.url, {}), { recipient: '1', message: telegram.render({ text: 'x' }), dedupKey: 'k' });
  assert.equal(outcome.class, 'permanent');
  assert.equal(fake.records.length, 0);
});

// ---------------------------------------------------------------- classification table

test('classification of documented answers (fixtures)', () => {
  const cases: Array<[string, number, Outcome['class'], string?]> = [
    ['answer-send-message', 200, 'sent'],
    ['error-429', 429, 'rate_limited'],
    ['error-403-blocked', 403, 'blocked'],
    ['error-403-deactivated', 403, 'blocked'],
    ['error-403-cant-initiate', 403, 'blocked'],
    ['error-400-chat-not-found', 400, 'invalid_recipient'],
    ['error-400-migrated', 400, 'permanent', 'migrated'],
    ['error-401', 401, 'permanent'],
    ['error-409', 409, 'permanent'],
  ];
  for (const [name, status, cls, code] of cases) {
    const outcome = classifyTelegram(status, fixture('tg', name));
    assert.equal(outcome.class, cls, name);
    if (code) assert.equal((outcome as { code: string }).code, code);
  }
  assert.deepEqual(classifyTelegram(200, fixture('tg', 'answer-send-message')), { class: 'sent', platformMessageId: '4242' });
  assert.equal((classifyTelegram(429, fixture('tg', 'error-429')) as { retryAfterMs: number }).retryAfterMs, 41_000);
});

test('every row of TELEGRAM_ERRORS is reachable', () => {
  const samples: Record<string, string> = {
    'bot was blocked by the user': 'Forbidden: bot was blocked by the user',
    'user is deactivated': 'Forbidden: user is deactivated',
    "bot can't initiate conversation": "Forbidden: bot can't initiate conversation with a user",
    'bot was kicked from': 'Forbidden: bot was kicked from the supergroup chat',
    'bot is not a member of': 'Forbidden: bot is not a member of the channel chat',
    'chat not found': 'Bad Request: chat not found',
    'user not found|PEER_ID_INVALID': 'Bad Request: PEER_ID_INVALID',
  };
  for (const row of TELEGRAM_ERRORS) {
    const description = row.pattern ? samples[row.pattern.source] : `Some other error ${row.status}`;
    assert.ok(description, `sample for ${row.pattern?.source}`);
    const outcome = classifyTelegram(row.status, { ok: false, error_code: row.status, description });
    assert.equal(outcome.class, row.class, `${row.status} ${description}`);
  }
  assert.equal(
    classifyTelegram(403, { ok: false, error_code: 403, description: 'Forbidden: not enough rights to send photos' }).class,
    'permanent',
  );
});

test('5xx transient, 429 without parameters default wait, unreadable 2xx unknown, odd statuses permanent', () => {
  assert.equal(classifyTelegram(500, undefined).class, 'transient');
  assert.equal(classifyTelegram(503, { ok: false, error_code: 503, description: 'Service Unavailable' }).class, 'transient');
  assert.deepEqual(classifyTelegram(429, undefined), { class: 'rate_limited', retryAfterMs: 1000, code: '429', text: 'HTTP 429' });
  assert.deepEqual(classifyTelegram(200, undefined), { class: 'unknown', code: 'bad_response', text: 'HTTP 200 with an unreadable body' });
  assert.equal(classifyTelegram(418, undefined).class, 'permanent');
  assert.equal(
    classifyTelegram(200, { ok: false, error_code: 400, description: 'Bad Request: chat not found' }).class,
    'invalid_recipient',
  );
});

// ---------------------------------------------------------------- render degradations

test('render: long caption → photo without caption, then text with the keyboard', () => {
  const text = 'c'.repeat(CAPTION_LIMIT + 1);
  const r = telegram.render({
    text,
    media: { type: 'image', url: 'https://e.com/p.png' },
    buttons: [{ kind: 'url', text: 'Go', url: 'https://e.com' }],
  });
  assert.deepEqual(
    r.calls.map((c) => c.method),
    ['sendPhoto', 'sendMessage'],
  );
  assert.deepEqual(r.calls[0].body, { photo: 'https://e.com/p.png' });
  assert.equal(r.calls[1].body.text, text);
  assert.ok(r.calls[1].body.reply_markup);
  assert.deepEqual(
    r.degradations.map((d) => d.code),
    ['caption_split'],
  );
});

test('render: caption of exactly 1024 stays a caption', () => {
  const r = telegram.render({ text: 'c'.repeat(CAPTION_LIMIT), media: { type: 'image', url: 'https://e.com/p.png' } });
  assert.equal(r.calls.length, 1);
  assert.deepEqual(r.degradations, []);
});

test('render: text > 4096 split on boundaries, keyboard on the last part', () => {
  const para = `${'word '.repeat(600).trim()}\n\n`;
  const text = para.repeat(3).trim();
  assert.ok(text.length > TEXT_LIMIT);
  const r = telegram.render({ text, buttons: [{ kind: 'reply', text: 'OK' }] });
  assert.ok(r.calls.length >= 2);
  for (const c of r.calls) assert.ok((c.body.text as string).length <= TEXT_LIMIT);
  assert.equal(
    r.calls
      .map((c) => c.body.text)
      .join(' ')
      .replace(/\s+/g, ' '),
    text.replace(/\s+/g, ' '),
  );
  assert.equal(r.calls.filter((c) => c.body.reply_markup).length, 1);
  assert.ok(r.calls[r.calls.length - 1].body.reply_markup);
  assert.deepEqual(
    r.degradations.map((d) => d.code),
    ['text_split'],
  );
});

test('render: split never cuts a surrogate pair', () => {
  const text = '😀'.repeat(TEXT_LIMIT); // 8192 UTF-16 units, no spaces
  const r = telegram.render({ text });
  assert.equal(r.calls.map((c) => c.body.text).join(''), text);
  for (const c of r.calls) assert.ok(!/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(c.body.text as string));
});

test('render: url + reply buttons → reply keyboard, links in text, degradation', () => {
  const r = telegram.render({
    text: 'Hi',
    buttons: [
      { kind: 'url', text: 'Site', url: 'https://e.com' },
      { kind: 'reply', text: 'Yes' },
    ],
  });
  assert.equal(r.calls.length, 1);
  assert.equal(r.calls[0].body.text, 'Hi\n\nSite: https://e.com');
  assert.deepEqual(r.calls[0].body.reply_markup, { keyboard: [[{ text: 'Yes' }]], resize_keyboard: true, one_time_keyboard: true });
  assert.deepEqual(
    r.degradations.map((d) => d.code),
    ['url_buttons_as_links'],
  );
});

test('render: url button without url is dropped with a degradation', () => {
  const r = telegram.render({ text: 'Hi', buttons: [{ kind: 'url', text: 'Broken' }] });
  assert.equal(r.calls[0].body.reply_markup, undefined);
  assert.deepEqual(
    r.degradations.map((d) => d.code),
    ['buttons_invalid'],
  );
});

// ---------------------------------------------------------------- inbound

const inbound = (headers: Record<string, string | undefined>, body = '{}'): InboundRequest => ({
  method: 'POST',
  headers,
  query: {},
  rawBody: Buffer.from(body),
});

test('verifyInbound: valid, wrong, missing, case-insensitive header', () => {
  const ch = channelFor(fake.url, { token: TOKEN }, 'whsec_test-123');
  assert.deepEqual(telegram.verifyInbound(ch, inbound({ 'x-telegram-bot-api-secret-token': 'whsec_test-123' })), { ok: true });
  assert.deepEqual(telegram.verifyInbound(ch, inbound({ 'X-Telegram-Bot-Api-Secret-Token': 'whsec_test-123' })), { ok: true });
  const wrong = telegram.verifyInbound(ch, inbound({ 'x-telegram-bot-api-secret-token': 'whsec_test-124' }));
  assert.equal(wrong.ok === false && wrong.status, 403);
  const shorter = telegram.verifyInbound(ch, inbound({ 'x-telegram-bot-api-secret-token': 'whsec' }));
  assert.equal(shorter.ok === false && shorter.status, 403);
  const missing = telegram.verifyInbound(ch, inbound({}));
  assert.equal(missing.ok === false && missing.status, 401);
});

test('parseInbound: private message with profile', () => {
  assert.deepEqual(telegram.parseInbound(fixture('tg', 'update-message')), [
    {
      type: 'message',
      userId: '123456789',
      profile: { name: 'Ada Lovelace', username: 'ada_l', language: 'en' },
      text: '/start',
      at: 1_700_000_000_000,
    },
  ]);
});

test('parseInbound: my_chat_member kicked → blocked, member → unblocked', () => {
  assert.deepEqual(telegram.parseInbound(fixture('tg', 'update-my-chat-member-kicked')), [
    { type: 'blocked', userId: '123456789', at: 1_700_000_200_000 },
  ]);
  assert.deepEqual(telegram.parseInbound(fixture('tg', 'update-my-chat-member-member')), [
    { type: 'unblocked', userId: '123456789', profile: { name: 'Ada', language: 'de' }, at: 1_700_000_300_000 },
  ]);
});

test('parseInbound: group messages, callback queries and junk are ignored', () => {
  assert.deepEqual(telegram.parseInbound(fixture('tg', 'update-group-message')), []);
  assert.deepEqual(telegram.parseInbound(fixture('tg', 'update-callback-query')), []);
  assert.deepEqual(telegram.parseInbound(null), []);
  assert.deepEqual(telegram.parseInbound('nope'), []);
});
