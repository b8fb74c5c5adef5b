import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FakeServer } from '../fakes/server.ts';
import { answer, assertDocumentedShape, fake, fixture, post, rawFixture, useFakePlatform } from './helpers.ts';
import { fakeOk } from '../fakes/platforms/ok.ts';
import { ok } from '../../src/platforms/ok/index.ts';
import { classifyOkAnswer, OK_ERRORS } from '../../src/platforms/ok/classify.ts';
import type { ChannelContext, MessageContent, Outcome } from '../../src/platforms/types.ts';

const TOKEN = 'tkn18YdUJZe:CQABPOJKAKEKEKEKE';
let channel: ChannelContext;

useFakePlatform({ platforms: [fakeOk] }, (fake) => {
  channel = { channelId: 4, baseUrl: fake.url, credentials: { accessToken: TOKEN }, webhookSecret: 'hook-secret-123' };
});

const sendContent = (content: MessageContent, recipient = 'user:123456789012'): Promise<Outcome> =>
  ok.send(channel, { recipient, message: ok.render(content), dedupKey: 'd' });

describe('ok send against the fake Graph bot API', () => {
  test('text to a user: POST /graph/me/messages?access_token=… with recipient.user_id', async () => {
    const outcome = await sendContent({ text: 'Hello' });
    assert.deepEqual(outcome, { class: 'sent', platformMessageId: 'chat:C123456789012' });
    assert.equal(fake.records[0].channel, TOKEN);
    assert.deepEqual(fake.records[0].body, fixture('ok', 'send-user-text.request.json'));
  });

  test('text to a chat: POST /graph/me/messages/{chat_id} with recipient.chat_id', async () => {
    const outcome = await sendContent({ text: 'Hello' }, 'chat:C3ecb9d02a600');
    assert.equal(outcome.class, 'sent');
    assert.equal(fake.records[0].recipient, 'chat:C3ecb9d02a600');
    assert.deepEqual(fake.records[0].body, fixture('ok', 'send-chat-text.request.json'));
  });

  test('image with caption: text and one IMAGE attachment by URL', async () => {
    await sendContent({ text: 'Look', media: { type: 'image', url: 'https://st.mycdn.me/res/i/ok_logo.png' } }, 'chat:C3ecb9d02a600');
    const body = fake.records[0].body as { recipient: unknown; message: Record<string, unknown> };
    assert.deepEqual(body.message, {
      text: 'Look',
      attachment: { type: 'IMAGE', payload: { url: 'https://st.mycdn.me/res/i/ok_logo.png' } },
    });
    assertDocumentedShape(
      { recipient: body.recipient, message: { attachment: body.message.attachment } },
      fixture('ok', 'send-chat-image.request.json'),
    );
  });

  test('URL and reply buttons: an INLINE_KEYBOARD attachment with LINK and CALLBACK buttons', async () => {
    const outcome = await sendContent(
      {
        text: 'Choose',
        media: { type: 'image', url: 'https://st.mycdn.me/res/i/ok_logo.png' },
        buttons: [
          { kind: 'reply', text: 'Yes' },
          { kind: 'url', text: 'Open', url: 'https://ok.ru' },
        ],
      },
      'chat:C3ecb9d02a600',
    );
    assert.equal(outcome.class, 'sent');
    const body = fake.records[0].body as { message: { attachments: unknown[] } };
    assert.deepEqual(body.message.attachments[1], {
      type: 'INLINE_KEYBOARD',
      payload: {
        keyboard: {
          buttons: [
            [{ type: 'CALLBACK', text: 'Yes', payload: 'Yes', intent: 'DEFAULT' }],
            [{ type: 'LINK', text: 'Open', url: 'https://ok.ru', intent: 'DEFAULT' }],
          ],
        },
      },
    });
    assertDocumentedShape(body, fixture('ok', 'send-keyboard.request.json'));
  });

  test('injected faults map to their classes, without the token in any text', async () => {
    const cases: Array<[Parameters<FakeServer['setFaults']>[0][number]['kind'], Outcome['class']]> = [
      ['rate_limited', 'rate_limited'],
      ['blocked', 'blocked'],
      ['not_found', 'invalid_recipient'],
      ['server_error', 'transient'],
      ['destroy', 'unknown'],
    ];
    for (const [kind, expected] of cases) {
      fake.setFaults([{ kind, count: 1 }]);
      const outcome = await sendContent({ text: 'hi' });
      assert.equal(outcome.class, expected, kind);
      assert.ok(!JSON.stringify(outcome).includes(TOKEN));
    }
  });

  test('checkCredentials: graph/me/info names the group; a bad token is plain words', async () => {
    assert.deepEqual(await ok.checkCredentials(channel), { ok: true, accountName: 'Botcast Test Group' });
    assert.deepEqual(await ok.checkCredentials({ ...channel, credentials: { accessToken: 'invalid' } }), {
      ok: false,
      error: 'OK says the group access token is invalid or has been replaced.',
    });
  });

  test('registerWebhook subscribes the URL with the channel secret added', async () => {
    assert.deepEqual(await ok.registerWebhook?.(channel, 'https://botcast.example/hooks/ok/4'), { ok: true });
    assert.equal(fake.records[0].method, 'subscribe');
    assert.deepEqual(fake.records[0].body, { url: 'https://botcast.example/hooks/ok/4?secret=hook-secret-123' });
  });
});

describe('ok classification table', () => {
  const classify = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    classifyOkAnswer(answer(status, body, headers), [TOKEN]);

  test('every mapped error code gives its class', () => {
    for (const rule of OK_ERRORS) {
      const outcome = classify(
        200,
        { error_code: rule.code, error_msg: `${rule.name} : x`, error_data: null },
        { 'invocation-error': String(rule.code) },
      );
      assert.equal(outcome.class, rule.class, rule.name);
      assert.equal((outcome as { code: string }).code, String(rule.code));
      if (outcome.class === 'rate_limited') assert.equal(outcome.retryAfterMs, rule.waitMs);
    }
  });

  test('documented bodies: success flags and the error envelope', () => {
    assert.deepEqual(classify(200, { success: true }), { class: 'sent', platformMessageId: '' });
    assert.deepEqual(classify(200, fixture('ok', 'send-users.response.json')), { class: 'sent', platformMessageId: 'chat:C401b13206b00' });
    assert.equal(classify(200, { success: [false], chat_ids: [null] }).class, 'blocked');
    assert.deepEqual(classify(200, fixture('ok', 'error.response.json')), {
      class: 'permanent',
      code: '102',
      text: 'PARAM_SESSION_EXPIRED : Session key has expired',
    });
  });

  test('the invocation-error header alone is enough; 5xx transient; unparseable 2xx unknown; unknown codes permanent', () => {
    assert.equal(classify(200, 'oops', { 'invocation-error': '8' }).class, 'rate_limited');
    assert.equal(classify(502, 'bad gateway').class, 'transient');
    assert.equal(classify(200, 'not json').class, 'unknown');
    assert.equal(classify(200, { something: 1 }).class, 'unknown');
    assert.equal(classify(200, { error_code: 9999, error_msg: `bad ${TOKEN}` }).class, 'permanent');
    assert.equal((classify(200, { error_code: 9999, error_msg: `bad ${TOKEN}` }) as { text: string }).text, 'bad [redacted]');
  });
});

describe('ok webhook', () => {
  const raw = rawFixture('ok', 'webhook-text.json');

  test('secret query parameter: valid / missing 401 / wrong 403', () => {
    assert.deepEqual(ok.verifyInbound(channel, post(raw, {}, { secret: 'hook-secret-123' })), { ok: true });
    const missing = ok.verifyInbound(channel, post(raw));
    assert.equal(missing.ok === false && missing.status, 401);
    const wrong = ok.verifyInbound(channel, post(raw, {}, { secret: 'hook-secret-124' }));
    assert.equal(wrong.ok === false && wrong.status, 403);
    const noSecretOnChannel = ok.verifyInbound({ ...channel, webhookSecret: '' }, post(raw, {}, { secret: 'x' }));
    assert.equal(noSecretOnChannel.ok === false && noSecretOnChannel.status, 403);
  });

  test('parses the documented messages', () => {
    assert.deepEqual(ok.parseInbound(fixture('ok', 'webhook-text.json')), [
      { type: 'message', userId: 'user:123456789012', profile: {}, text: 'text', at: 1498581292941 },
    ]);
    assert.deepEqual(ok.parseInbound(fixture('ok', 'webhook-share.json')), [
      { type: 'message', userId: 'user:123456789012', profile: {}, text: 'https://ya.ru/', at: 1498581208140 },
    ]);
    assert.deepEqual(ok.parseInbound(fixture('ok', 'webhook-named.json'))[0], {
      type: 'message',
      userId: 'user:123456789012',
      profile: { name: 'John Smith' },
      text: 'text',
      at: 1498581292941,
    });
  });

  test('a CALLBACK tap is a message with the payload; other webhook types and garbage are ignored', () => {
    const tap = {
      webhookType: 'MESSAGE_CALLBACK',
      callbackId: 'cb1',
      payload: 'Yes',
      sender: { user_id: 'user:1', name: 'A' },
      recipient: { chat_id: 'chat:C1' },
      timestamp: 1498581292941,
    };
    assert.deepEqual(ok.parseInbound(tap), [{ type: 'message', userId: 'user:1', profile: { name: 'A' }, text: 'Yes', at: 1498581292941 }]);
    assert.deepEqual(ok.parseInbound({ webhookType: 'CHAT_SYSTEM', sender: { user_id: 'user:1' } }), []);
    for (const body of [undefined, null, [], 'x', { sender: {} }, { sender: { user_id: 'user:1' } }])
      assert.deepEqual(ok.parseInbound(body), []);
  });
});

describe('ok rendering degradations', () => {
  test('a file becomes a link; long text is cut', () => {
    const file = ok.render({ text: 'Price list', media: { type: 'file', url: 'https://example.com/p.pdf' } });
    assert.deepEqual(
      file.degradations.map((d) => d.code),
      ['file_as_link'],
    );
    assert.deepEqual(file.calls[0].body, { message: { text: 'Price list\n\nhttps://example.com/p.pdf' } });
    assert.deepEqual(
      ok.render({ text: 'x'.repeat(4500) }).degradations.map((d) => d.code),
      ['text_truncated'],
    );
  });

  test('buttons need no degradation', () => {
    assert.deepEqual(
      ok.render({
        text: 'x',
        buttons: [
          { kind: 'reply', text: 'A' },
          { kind: 'url', text: 'B', url: 'https://b.example' },
        ],
      }).degradations,
      [],
    );
  });
});
