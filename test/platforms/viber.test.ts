import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FakeServer } from '../fakes/server.ts';
import { assertDocumentedShape, channelFor, DEAD_BASE_URL, fake, fixture, rawFixture, useFakePlatform } from './helpers.ts';
import { viber, classifyViber, VIBER_STATUSES, signViber } from '../../src/platforms/viber/index.ts';
import { KEYBOARD_MAX_BUTTONS, PICTURE_TEXT_LIMIT, TEXT_LIMIT } from '../../src/platforms/viber/render.ts';
import type { InboundRequest, MessageContent, Outcome } from '../../src/platforms/types.ts';

const TOKEN = '445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9';
const channel = () => channelFor(fake.url, { token: TOKEN, senderName: 'Botcast Shop' });

useFakePlatform();

function send(content: MessageContent, recipient = '01234567890A=', timeoutMs?: number) {
  return viber.send(channel(), { recipient, message: viber.render(content), dedupKey: 'd-1', timeoutMs });
}

const bodyOf = (i = 0) => fake.records[i].body as Record<string, unknown>;

// ---------------------------------------------------------------- send against the fake server

test('text → send_message with receiver, sender.name, type text; token in X-Viber-Auth-Token', async () => {
  const outcome = await send({ text: 'Hello world!' });
  assert.equal(outcome.class, 'sent');
  assert.equal(fake.records[0].method, 'send_message');
  assert.equal(fake.records[0].channel, TOKEN); // the fake keys channels by the X-Viber-Auth-Token header
  assert.deepEqual(bodyOf(), {
    receiver: '01234567890A=',
    min_api_version: 1,
    sender: { name: 'Botcast Shop' },
    type: 'text',
    text: 'Hello world!',
  });
  assertDocumentedShape(bodyOf(), fixture('viber', 'request-send-text'));
});

test('message_token (64-bit) is kept exactly', async () => {
  const outcome = (await send({ text: 'x' })) as { class: string; platformMessageId: string };
  assert.match(outcome.platformMessageId, /^57413118035\d{8}$/);
  const text = rawFixture('viber', 'answer-send-message').toString();
  assert.deepEqual(classifyViber(200, JSON.parse(text), text), { class: 'sent', platformMessageId: '5741311803571721087' });
});

test('image with caption → picture message (documented shape)', async () => {
  await send({ text: 'Photo description', media: { type: 'image', url: 'https://e.com/img.jpg' } });
  assert.deepEqual(bodyOf(), {
    receiver: '01234567890A=',
    min_api_version: 1,
    sender: { name: 'Botcast Shop' },
    type: 'picture',
    text: 'Photo description',
    media: 'https://e.com/img.jpg',
  });
  assertDocumentedShape(bodyOf(), fixture('viber', 'request-send-picture'));
});

test('URL and reply buttons → keyboard with open-url / reply (documented shape)', async () => {
  await send({
    text: 'Pick',
    buttons: [
      { kind: 'url', text: 'Open', url: 'https://e.com' },
      { kind: 'reply', text: 'Yes' },
    ],
  });
  assert.deepEqual(bodyOf().keyboard, {
    Type: 'keyboard',
    DefaultHeight: false,
    Buttons: [
      { Columns: 6, Rows: 1, ActionType: 'open-url', ActionBody: 'https://e.com', Text: 'Open' },
      { Columns: 6, Rows: 1, ActionType: 'reply', ActionBody: 'Yes', Text: 'Yes' },
    ],
  });
  assertDocumentedShape(bodyOf(), fixture('viber', 'request-send-text'));
});

test('sender name defaults to "Botcast" and is cut to 28 characters', async () => {
  await viber.send(channelFor(fake.url, { token: TOKEN }), { recipient: 'u', message: viber.render({ text: 'x' }), dedupKey: 'k' });
  await viber.send(channelFor(fake.url, { token: TOKEN, senderName: 'N'.repeat(40) }), {
    recipient: 'u',
    message: viber.render({ text: 'x' }),
    dedupKey: 'k',
  });
  assert.deepEqual(
    fake.records.map((r) => (r.body as { sender: { name: string } }).sender.name),
    ['Botcast', 'N'.repeat(28)],
  );
});

test('faults from the fake server classify', async () => {
  const cases: Array<[Parameters<FakeServer['setFaults']>[0][number], Partial<Outcome>]> = [
    [{ kind: 'rate_limited' }, { class: 'rate_limited', retryAfterMs: 60_000, code: '12' }],
    [{ kind: 'blocked' }, { class: 'blocked', code: '6' }],
    [{ kind: 'not_found' }, { class: 'invalid_recipient', code: '5' }],
    [{ kind: 'server_error' }, { class: 'transient', code: '500' }],
    [{ kind: 'destroy' }, { class: 'unknown' }],
  ];
  for (const [rule, expected] of cases) {
    fake.setFaults([rule]);
    const outcome = await send({ text: 'hi' });
    for (const [key, value] of Object.entries(expected))
      assert.equal((outcome as Record<string, unknown>)[key], value, `${rule.kind}.${key}`);
  }
  const refused = await viber.send(channelFor(DEAD_BASE_URL, { token: TOKEN }), {
    recipient: 'u',
    message: viber.render({ text: 'x' }),
    dedupKey: 'k',
  });
  assert.equal(refused.class, 'transient');
});

// ---------------------------------------------------------------- classification table

test('every status of VIBER_STATUSES maps as listed; 0 sent; unknown status transient', () => {
  for (const [code, row] of Object.entries(VIBER_STATUSES)) {
    const body = { status: Number(code), status_message: row.name };
    const outcome = classifyViber(200, body, JSON.stringify(body));
    assert.equal(outcome.class, row.class, `status ${code}`);
    assert.equal((outcome as { code: string }).code, code);
  }
  assert.equal(classifyViber(200, { status: 99, status_message: 'general error' }, '').class, 'transient');
  const tooMany = fixture('viber', 'answer-too-many');
  assert.deepEqual(classifyViber(200, tooMany, JSON.stringify(tooMany)), {
    class: 'rate_limited',
    retryAfterMs: 60_000,
    code: '12',
    text: 'Too many requests',
  });
  const notSubscribed = fixture('viber', 'answer-not-subscribed');
  assert.equal(classifyViber(200, notSubscribed, JSON.stringify(notSubscribed)).class, 'blocked');
});

test('HTTP 5xx transient; unreadable 2xx unknown (no idempotency on Viber); 404 permanent', () => {
  assert.equal(classifyViber(503, undefined, '').class, 'transient');
  assert.deepEqual(classifyViber(200, undefined, '<html>'), {
    class: 'unknown',
    code: 'bad_response',
    text: 'HTTP 200 with an unreadable body',
  });
  assert.equal(classifyViber(404, undefined, '').class, 'permanent');
});

// ---------------------------------------------------------------- render degradations

test('render: picture description limit → picture, then the text with the keyboard', () => {
  const text = 'd'.repeat(PICTURE_TEXT_LIMIT + 1);
  const r = viber.render({ text, media: { type: 'image', url: 'https://e.com/a.jpg' }, buttons: [{ kind: 'reply', text: 'OK' }] });
  assert.deepEqual(
    r.calls.map((c) => c.body.type),
    ['picture', 'text'],
  );
  assert.equal(r.calls[0].body.text, '');
  assert.equal(r.calls[0].body.keyboard, undefined);
  assert.ok(r.calls[1].body.keyboard);
  assert.deepEqual(
    r.degradations.map((d) => d.code),
    ['caption_split'],
  );
  const exact = viber.render({ text: 'd'.repeat(PICTURE_TEXT_LIMIT), media: { type: 'image', url: 'https://e.com/a.jpg' } });
  assert.equal(exact.calls.length, 1);
});

test('render: file as link, > 24 buttons truncated, long text split', () => {
  const file = viber.render({ text: 'See', media: { type: 'file', url: 'https://e.com/a.pdf' } });
  assert.deepEqual(
    file.calls.map((c) => c.body),
    [{ type: 'text', text: 'See\n\nhttps://e.com/a.pdf' }],
  );
  assert.deepEqual(
    file.degradations.map((d) => d.code),
    ['file_as_link'],
  );
  const many = viber.render({ text: 'x', buttons: Array.from({ length: 30 }, (_, i) => ({ kind: 'reply' as const, text: `b${i}` })) });
  assert.equal((many.calls[0].body.keyboard as { Buttons: unknown[] }).Buttons.length, KEYBOARD_MAX_BUTTONS);
  assert.deepEqual(
    many.degradations.map((d) => d.code),
    ['buttons_truncated'],
  );
  const long = viber.render({ text: 'w '.repeat(TEXT_LIMIT) });
  assert.equal(long.calls.length, 2);
  assert.ok(long.calls.every((c) => (c.body.text as string).length <= TEXT_LIMIT));
  assert.deepEqual(
    long.degradations.map((d) => d.code),
    ['text_split'],
  );
});

// ---------------------------------------------------------------- inbound

const post = (raw: Buffer, headers: Record<string, string | undefined>): InboundRequest => ({
  method: 'POST',
  headers,
  query: {},
  rawBody: raw,
});

test('verifyInbound: valid / wrong / missing / body changed after signing / malformed', () => {
  const raw = rawFixture('viber', 'event-message');
  const signature = signViber(raw, TOKEN);
  assert.match(signature, /^[0-9a-f]{64}$/);
  assert.deepEqual(viber.verifyInbound(channel(), post(raw, { 'x-viber-content-signature': signature })), { ok: true });
  assert.deepEqual(viber.verifyInbound(channel(), post(raw, { 'X-Viber-Content-Signature': signature })), { ok: true });
  const wrongKey = viber.verifyInbound(channel(), post(raw, { 'x-viber-content-signature': signViber(raw, 'other-token') }));
  assert.equal(wrongKey.ok === false && wrongKey.status, 403);
  const missing = viber.verifyInbound(channel(), post(raw, {}));
  assert.equal(missing.ok === false && missing.status, 401);
  const changed = Buffer.from(raw.toString().replace('a message to the service', 'a message to the servicf'));
  const tampered = viber.verifyInbound(channel(), post(changed, { 'x-viber-content-signature': signature }));
  assert.equal(tampered.ok === false && tampered.status, 403);
  const malformed = viber.verifyInbound(channel(), post(raw, { 'x-viber-content-signature': 'zz' }));
  assert.equal(malformed.ok === false && malformed.status, 403);
});

test('parseInbound: documented callbacks', () => {
  const at = 1_457_764_197_627;
  assert.deepEqual(viber.parseInbound(fixture('viber', 'event-message')), [
    { type: 'message', userId: '01234567890A=', profile: { name: 'John McClane', language: 'en' }, at, text: 'a message to the service' },
  ]);
  assert.deepEqual(viber.parseInbound(fixture('viber', 'event-subscribed')), [
    { type: 'unblocked', userId: '01234567890A=', profile: { name: 'John McClane', language: 'en' }, at },
  ]);
  assert.deepEqual(viber.parseInbound(fixture('viber', 'event-unsubscribed')), [{ type: 'blocked', userId: '01234567890A=', at }]);
  // Opened the chat but not subscribed: cannot be messaged yet → nothing.
  assert.deepEqual(viber.parseInbound(fixture('viber', 'event-conversation-started')), []);
  const subscribedStart = { ...fixture<Record<string, unknown>>('viber', 'event-conversation-started'), subscribed: true };
  assert.deepEqual(viber.parseInbound(subscribedStart), [
    { type: 'unblocked', userId: '01234567890A=', profile: { name: 'John McClane', language: 'en' }, at },
  ]);
  assert.deepEqual(viber.parseInbound(fixture('viber', 'event-webhook')), []);
  // A receipt (issue 18): read from the text, so that the 64-bit message_token stays exact.
  assert.deepEqual(viber.parseInboundText!(rawFixture('viber', 'event-delivered').toString('utf8')), [
    { type: 'receipt', status: 'delivered', userId: '01234567890A=', platformMessageId: '4912661846655238145', at },
  ]);
});

// ---------------------------------------------------------------- credentials & webhook

test('checkCredentials: get_account_info ok / bad token / unreachable', async () => {
  assert.deepEqual(await viber.checkCredentials(channel()), { ok: true, accountName: 'Fake Viber Bot' });
  assert.equal(fake.records[0].method, 'get_account_info');
  const bad = await viber.checkCredentials(channelFor(fake.url, { token: 'invalid-token-1' }));
  assert.equal(bad.ok, false);
  assert.match(bad.error ?? '', /does not accept this auth token/);
  assert.ok(!(bad.error ?? '').includes('invalid-token-1'));
  const down = await viber.checkCredentials(channelFor(DEAD_BASE_URL, { token: TOKEN }));
  assert.equal(down.ok, false);
  assert.equal(down.unreachable, true, 'never reached: not a rejected token');
  assert.equal(bad.unreachable, undefined);
  assert.ok(!(down.error ?? '').includes(TOKEN));
});

test('registerWebhook: set_webhook with url, event types, send_name', async () => {
  assert.deepEqual(await viber.registerWebhook!(channel(), 'https://botcast.example/hooks/viber/1'), { ok: true });
  assert.equal(fake.records[0].method, 'set_webhook');
  assert.deepEqual(fake.records[0].body, {
    url: 'https://botcast.example/hooks/viber/1',
    event_types: ['subscribed', 'unsubscribed', 'conversation_started', 'delivered', 'seen', 'failed'],
    send_name: true,
    send_photo: false,
  });
  assertDocumentedShape(fake.records[0].body, fixture('viber', 'request-set-webhook'));
});

test('client facts', () => {
  assert.equal(viber.deduplicates, false);
  assert.deepEqual(viber.credentialFields, ['token']);
});
