import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FakeServer } from '../fakes/server.ts';
import { assertDocumentedShape, channelFor, DEAD_BASE_URL, fake, fixture, rawFixture, useFakePlatform } from './helpers.ts';
import { vk, classifyVk, VK_ERRORS, randomIdFor } from '../../src/platforms/vk/index.ts';
import { INLINE_MAX_BUTTONS, LABEL_LIMIT, TEXT_LIMIT } from '../../src/platforms/vk/render.ts';
import type { InboundRequest, MessageContent, Outcome } from '../../src/platforms/types.ts';

const TOKEN = 'vk1.a.community-token-secret';
const SECRET = 's3cr3t-callback';
const GROUP = '214167102';
const channel = () => channelFor(fake.url, { accessToken: TOKEN, groupId: GROUP, confirmation: 'a1b2c3d4' }, SECRET);

useFakePlatform();

function send(content: MessageContent, recipient = '612444319', dedupKey = 'delivery-1', timeoutMs?: number) {
  return vk.send(channel(), { recipient, message: vk.render(content), dedupKey, timeoutMs });
}

const bodyOf = (i = 0) => fake.records[i].body as Record<string, string>;

// ---------------------------------------------------------------- send against the fake server

test('text → messages.send form with access_token, v, peer_id, random_id, message', async () => {
  const outcome = await send({ text: 'Привет' });
  assert.equal(outcome.class, 'sent');
  assert.equal(fake.records[0].method, 'messages.send');
  assert.equal(fake.records[0].channel, TOKEN);
  assert.deepEqual(bodyOf(), {
    peer_id: '612444319',
    random_id: String(randomIdFor('delivery-1')),
    message: 'Привет',
    access_token: TOKEN,
    v: '5.199',
  });
  assertDocumentedShape(bodyOf(), fixture('vk', 'request-messages-send'));
});

test('random_id: deterministic, 31-bit, non-zero, distinct per call index', () => {
  const a = randomIdFor('delivery-1');
  assert.equal(a, randomIdFor('delivery-1'));
  assert.notEqual(a, randomIdFor('delivery-2'));
  assert.notEqual(a, randomIdFor('delivery-1', 1));
  for (let i = 0; i < 2000; i++) {
    const id = randomIdFor(`k${i}`, i % 3);
    assert.ok(Number.isInteger(id) && id > 0 && id <= 0x7fffffff);
  }
});

test('a retried delivery (same dedupKey) is delivered once: VK de-duplicates on random_id', async () => {
  fake.setFaults([{ kind: 'timeout', count: 1, delivered: true }]);
  const first = await send({ text: 'once' }, '5', 'delivery-9', 100);
  assert.equal(first.class, 'unknown');
  assert.equal(vk.deduplicates, true);
  const retry = await send({ text: 'once' }, '5', 'delivery-9');
  assert.equal(retry.class, 'sent');
  assert.equal(fake.records.length, 2);
  assert.equal(fake.records[1].duplicate, true);
  assert.deepEqual([...fake.deliveriesPerRecipient().entries()], [['5', 1]]);
});

test('a retry of a delivered random_id is answered as the repeat before any fault the fake would draw', async () => {
  // The chaos run found a retried VK delivery told "blocked" after the fake had shown it.
  fake.setFaults([{ kind: 'timeout', count: 1, delivered: true }, { kind: 'blocked' }]);
  assert.equal((await send({ text: 'once' }, '6', 'delivery-10', 100)).class, 'unknown');
  const retry = await send({ text: 'once' }, '6', 'delivery-10');
  assert.equal(retry.class, 'sent');
  assert.equal(fake.records[1].duplicate, true);
  assert.equal(fake.records[1].fault, undefined);
  assert.equal((await send({ text: 'new' }, '7', 'delivery-11')).class, 'blocked');
});

test('image → link in the text (image_as_link)', async () => {
  await send({ text: 'Look', media: { type: 'image', url: 'https://e.com/a.jpg' } });
  assert.equal(bodyOf().message, 'Look\n\nhttps://e.com/a.jpg');
});

test('URL buttons → inline keyboard with open_link actions (documented shape)', async () => {
  await send({ text: 'Go', buttons: [{ kind: 'url', text: 'Open', url: 'https://vk.com' }] });
  const keyboard = JSON.parse(bodyOf().keyboard);
  assert.deepEqual(keyboard, { inline: true, buttons: [[{ action: { type: 'open_link', link: 'https://vk.com', label: 'Open' } }]] });
  assertDocumentedShape(keyboard, fixture('vk', 'request-keyboard-inline'));
});

test('reply buttons → inline keyboard with text actions (documented shape)', async () => {
  await send({
    text: 'Pick',
    buttons: [
      { kind: 'reply', text: 'Yes' },
      { kind: 'reply', text: 'No' },
    ],
  });
  const keyboard = JSON.parse(bodyOf().keyboard);
  assert.deepEqual(keyboard.buttons, [
    [{ action: { type: 'text', label: 'Yes', payload: '{"button":"Yes"}' } }],
    [{ action: { type: 'text', label: 'No', payload: '{"button":"No"}' } }],
  ]);
  assertDocumentedShape(keyboard, fixture('vk', 'request-keyboard-inline'));
});

test('faults from the fake server classify', async () => {
  const cases: Array<[Parameters<FakeServer['setFaults']>[0][number], Partial<Outcome>]> = [
    [{ kind: 'rate_limited' }, { class: 'rate_limited', retryAfterMs: 1000, code: '6' }],
    [{ kind: 'blocked' }, { class: 'blocked', code: '901' }],
    [{ kind: 'not_found' }, { class: 'invalid_recipient', code: '113' }],
    [
      { kind: 'server_error', status: 503 },
      { class: 'transient', code: '503' },
    ],
    [{ kind: 'destroy' }, { class: 'unknown' }],
  ];
  for (const [rule, expected] of cases) {
    fake.setFaults([rule]);
    const outcome = await send({ text: 'hi' });
    for (const [key, value] of Object.entries(expected))
      assert.equal((outcome as Record<string, unknown>)[key], value, `${rule.kind}.${key}`);
  }
  const refused = await vk.send(channelFor(DEAD_BASE_URL, { accessToken: TOKEN }), {
    recipient: '1',
    message: vk.render({ text: 'x' }),
    dedupKey: 'k',
  });
  assert.equal(refused.class, 'transient');
  assert.ok(!JSON.stringify(refused).includes(TOKEN));
});

test('multi-part message: each part has its own random_id; the id of the first part is returned', async () => {
  const text = `${'a'.repeat(TEXT_LIMIT - 10)} ${'b'.repeat(100)}`;
  const outcome = await send({ text, buttons: [{ kind: 'reply', text: 'OK' }] });
  assert.equal(fake.records.length, 2);
  assert.deepEqual(
    fake.records.map((r) => (r.body as Record<string, string>).random_id),
    [String(randomIdFor('delivery-1', 0)), String(randomIdFor('delivery-1', 1))],
  );
  assert.equal(bodyOf(0).keyboard, undefined);
  assert.ok(bodyOf(1).keyboard);
  assert.equal(outcome.class, 'sent');
});

// ---------------------------------------------------------------- classification table

test('every code of VK_ERRORS maps as listed', () => {
  for (const [code, row] of Object.entries(VK_ERRORS)) {
    const outcome = classifyVk(200, { error: { error_code: Number(code), error_msg: `msg ${code}` } });
    assert.equal(outcome.class, row.class, `error ${code}`);
    if (outcome.class === 'rate_limited') assert.equal(outcome.retryAfterMs, row.retryAfterMs);
    else assert.equal((outcome as { code: string }).code, code);
  }
  assert.deepEqual(
    [6, 9, 29].map((c) => classifyVk(200, { error: { error_code: c } }).class),
    ['rate_limited', 'rate_limited', 'rate_limited'],
  );
  assert.equal(classifyVk(200, { error: { error_code: 4242, error_msg: 'new' } }).class, 'permanent');
});

test('documented answers (fixtures)', () => {
  assert.deepEqual(classifyVk(200, fixture('vk', 'answer-send')), { class: 'sent', platformMessageId: '2171' });
  assert.deepEqual(classifyVk(200, fixture('vk', 'error-901')), {
    class: 'blocked',
    code: '901',
    text: "Can't send messages for users without permission",
  });
  assert.deepEqual(classifyVk(200, fixture('vk', 'error-6')), {
    class: 'rate_limited',
    retryAfterMs: 1000,
    code: '6',
    text: 'Too many requests per second',
  });
  assert.equal(classifyVk(200, fixture('vk', 'answer-send-peer-ids')).class, 'blocked');
  assert.deepEqual(classifyVk(200, { response: [{ peer_id: 1, message_id: 77, conversation_message_id: 3 }] }), {
    class: 'sent',
    platformMessageId: '77',
  });
});

test('HTTP 5xx transient; unreadable 2xx unknown (retry is safe: VK de-duplicates); other statuses permanent', () => {
  assert.equal(classifyVk(502, undefined).class, 'transient');
  assert.deepEqual(classifyVk(200, undefined), { class: 'unknown', code: 'bad_response', text: 'HTTP 200 with an unreadable body' });
  assert.equal(classifyVk(404, undefined).class, 'permanent');
});

// ---------------------------------------------------------------- render degradations

test('render: more than 10 buttons → truncated; rows within 6; labels ≤ 40', () => {
  const buttons = Array.from({ length: 13 }, (_, i) => ({ kind: 'reply' as const, text: `Option ${i} ${'x'.repeat(i === 0 ? 50 : 0)}` }));
  const r = vk.render({ text: 'Pick', buttons });
  const keyboard = JSON.parse(r.calls[0].body.keyboard as string) as {
    inline: boolean;
    buttons: Array<Array<{ action: { label: string } }>>;
  };
  assert.equal(keyboard.buttons.flat().length, INLINE_MAX_BUTTONS);
  assert.ok(keyboard.buttons.length <= 6);
  assert.ok(keyboard.buttons.every((row) => row.length <= 5));
  assert.ok(keyboard.buttons.flat().every((b) => b.action.label.length <= LABEL_LIMIT));
  assert.deepEqual(r.degradations.map((d) => d.code).sort(), ['button_text_truncated', 'buttons_truncated']);
});

test('render: media as links, long text split', () => {
  const file = vk.render({ text: '', media: { type: 'file', url: 'https://e.com/a.pdf' } });
  assert.equal(file.calls[0].body.message, 'https://e.com/a.pdf');
  assert.deepEqual(
    file.degradations.map((d) => d.code),
    ['file_as_link'],
  );
  const image = vk.render({ text: 'x', media: { type: 'image', url: 'https://e.com/a.png' } });
  assert.deepEqual(
    image.degradations.map((d) => d.code),
    ['image_as_link'],
  );
  const long = vk.render({ text: 'z'.repeat(TEXT_LIMIT * 2 + 1) });
  assert.equal(long.calls.length, 3);
  assert.ok(long.calls.every((c) => (c.body.message as string).length <= TEXT_LIMIT));
  assert.deepEqual(
    long.degradations.map((d) => d.code),
    ['text_split'],
  );
});

// ---------------------------------------------------------------- inbound

const post = (raw: Buffer | string): InboundRequest => ({
  method: 'POST',
  headers: {},
  query: {},
  rawBody: Buffer.isBuffer(raw) ? raw : Buffer.from(raw),
});

test('verifyInbound: confirmation handshake answers the confirmation string', () => {
  assert.deepEqual(vk.verifyInbound(channel(), post(rawFixture('vk', 'confirmation'))), {
    ok: 'handshake',
    status: 200,
    contentType: 'text/plain',
    body: 'a1b2c3d4',
  });
  const other = vk.verifyInbound(channel(), post('{"type":"confirmation","group_id":1}'));
  assert.equal(other.ok === false && other.status, 403);
  const noConf = vk.verifyInbound(
    channelFor(fake.url, { accessToken: TOKEN, groupId: GROUP }, SECRET),
    post(rawFixture('vk', 'confirmation')),
  );
  assert.equal(noConf.ok, false);
});

test('verifyInbound: secret valid / wrong / missing / body changed', () => {
  const raw = rawFixture('vk', 'message-new');
  assert.deepEqual(vk.verifyInbound(channel(), post(raw)), { ok: true });
  const wrong = vk.verifyInbound(channelFor(fake.url, { accessToken: TOKEN, groupId: GROUP }, 'other-secret'), post(raw));
  assert.equal(wrong.ok === false && wrong.status, 403);
  const body = JSON.parse(raw.toString()) as Record<string, unknown>;
  delete body.secret;
  const missing = vk.verifyInbound(channel(), post(JSON.stringify(body)));
  assert.equal(missing.ok === false && missing.status, 401);
  const tampered = vk.verifyInbound(channel(), post(raw.toString().replace(SECRET, 's3cr3t-callbacX')));
  assert.equal(tampered.ok === false && tampered.status, 403);
  const junk = vk.verifyInbound(channel(), post('not json'));
  assert.equal(junk.ok === false && junk.status, 403);
});

test('parseInbound: message_new, message_deny, message_allow; chats and other events ignored', () => {
  assert.deepEqual(vk.parseInbound(fixture('vk', 'message-new')), [
    { type: 'message', userId: '612444319', profile: {}, text: 'Привет', at: 1_683_278_670_000 },
  ]);
  assert.deepEqual(vk.parseInbound(fixture('vk', 'message-deny')), [{ type: 'blocked', userId: '612444319' }]);
  assert.deepEqual(vk.parseInbound(fixture('vk', 'message-allow')), [{ type: 'unblocked', userId: '612444319' }]);
  assert.deepEqual(vk.parseInbound(fixture('vk', 'message-new-chat')), []);
  assert.deepEqual(vk.parseInbound(fixture('vk', 'wall-post-new')), []);
  assert.deepEqual(vk.parseInbound(fixture('vk', 'confirmation')), []);
  // API < 5.103: object is the message itself.
  assert.deepEqual(vk.parseInbound({ type: 'message_new', object: { from_id: 5, peer_id: 5, text: 'old', date: 1 } }), [
    { type: 'message', userId: '5', profile: {}, text: 'old', at: 1000 },
  ]);
});

// ---------------------------------------------------------------- credentials

test('checkCredentials: groups.getById ok / bad token / wrong community', async () => {
  assert.deepEqual(await vk.checkCredentials(channel()), { ok: true, accountName: 'Fake Community' });
  assert.equal(fake.records[0].method, 'groups.getById');
  assertDocumentedShape(fake.records[0].body, fixture('vk', 'request-groups-get-by-id'));
  const bad = await vk.checkCredentials(channelFor(fake.url, { accessToken: 'vk1.invalid' }));
  assert.equal(bad.ok, false);
  assert.match(bad.error ?? '', /does not accept this access token/);
  assert.ok(!(bad.error ?? '').includes('vk1.invalid'));
  const down = await vk.checkCredentials(channelFor(DEAD_BASE_URL, { accessToken: TOKEN }));
  assert.equal(down.ok, false);
  assert.ok(!(down.error ?? '').includes(TOKEN));
});

test('client facts', () => {
  assert.equal(vk.defaultRatePerSecond, 20);
  assert.equal(typeof vk.registerWebhook, 'function'); // the Callback API server, where the token allows it
  // The confirmation string is optional: VK shows it only once the server is being added (channel page, PATCH).
  assert.deepEqual(vk.credentialFields, ['accessToken', 'groupId']);
});

test('random_id: the same for a retried delivery, never shared by two deliveries', () => {
  assert.equal(randomIdFor('12345'), randomIdFor('12345'));
  const seen = new Set<number>();
  for (let id = 1; id <= 200_000; id++) {
    for (const call of [0, 1]) {
      const r = randomIdFor(String(id), call);
      assert.ok(r > 0 && r <= 0x7fffffff);
      assert.ok(!seen.has(r), `delivery ${id} call ${call} collides`);
      seen.add(r);
    }
  }
});
