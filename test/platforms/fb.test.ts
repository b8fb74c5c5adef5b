import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FakeServer } from '../fakes/server.ts';
import { answer, assertDocumentedShape, fake, fixture, hubSignature, post, rawFixture, useFakePlatform } from './helpers.ts';
import { fakeMessenger } from '../fakes/platforms/fb.ts';
import { messenger } from '../../src/platforms/fb/index.ts';
import { MESSENGER_ERRORS } from '../../src/platforms/fb/classify.ts';
import { classifyGraphAnswer } from '../../src/platforms/meta-common/classify.ts';
import { readSendApiId } from '../../src/platforms/meta-common/send-api.ts';
import type { ChannelContext, MessageContent, Outcome } from '../../src/platforms/types.ts';

const PAGE_TOKEN = 'EAAB-page-token-secret';
let channel: ChannelContext;

useFakePlatform({ platforms: [fakeMessenger] }, (fake) => {
  channel = {
    channelId: 2,
    baseUrl: fake.url,
    credentials: { pageAccessToken: PAGE_TOKEN, appSecret: 'fb-app-secret', verifyToken: 'fb-verify' },
    webhookSecret: 'unused',
  };
});

const sendContent = (content: MessageContent, recipient = '1254477777772919'): Promise<Outcome> =>
  messenger.send(channel, { recipient, message: messenger.render(content), dedupKey: 'd' });

const bodies = () =>
  fake.records.map((r) => r.body as { recipient: { id: string }; messaging_type: string; message: Record<string, unknown> });

describe('messenger send against the fake Send API', () => {
  test('text: POST /{ver}/me/messages?access_token=… with recipient.id and messaging_type UPDATE', async () => {
    const outcome = await sendContent({ text: 'hello, world!' });
    assert.equal(outcome.class, 'sent');
    assert.match((outcome as { platformMessageId: string }).platformMessageId, /^m_/);
    assert.equal(fake.records[0].channel, PAGE_TOKEN);
    assert.deepEqual(fake.records[0].body, {
      recipient: { id: '1254477777772919' },
      messaging_type: 'UPDATE',
      message: { text: 'hello, world!' },
    });
    assertDocumentedShape(fake.records[0].body, fixture('fb', 'send-text.request.json'));
  });

  test('image with caption: the image attachment, then the text (no captions in the Send API)', async () => {
    const outcome = await sendContent({ text: 'New arrivals', media: { type: 'image', url: 'https://example.com/a.jpg' } });
    assert.equal(outcome.class, 'sent');
    const [image, text] = bodies();
    assert.deepEqual(image.message, { attachment: { type: 'image', payload: { url: 'https://example.com/a.jpg', is_reusable: true } } });
    assert.deepEqual(text.message, { text: 'New arrivals' });
    assertDocumentedShape({ recipient: image.recipient, message: image.message }, fixture('fb', 'send-image.request.json'));
  });

  test('URL buttons: a button template with web_url buttons', async () => {
    await sendContent({
      text: 'What do you want to do next?',
      buttons: [{ kind: 'url', text: 'Visit Messenger', url: 'https://www.messenger.com' }],
    });
    const [body] = bodies();
    assert.deepEqual(body.message, {
      attachment: {
        type: 'template',
        payload: {
          template_type: 'button',
          text: 'What do you want to do next?',
          buttons: [{ type: 'web_url', url: 'https://www.messenger.com', title: 'Visit Messenger' }],
        },
      },
    });
    assertDocumentedShape({ recipient: body.recipient, message: body.message }, fixture('fb', 'send-button-template.request.json'));
  });

  test('reply buttons: quick replies on the text message', async () => {
    await sendContent({
      text: 'Pick a color:',
      buttons: [
        { kind: 'reply', text: 'Red' },
        { kind: 'reply', text: 'Green' },
      ],
    });
    const [body] = bodies();
    assert.deepEqual(body.message, {
      text: 'Pick a color:',
      quick_replies: [
        { content_type: 'text', title: 'Red', payload: 'Red' },
        { content_type: 'text', title: 'Green', payload: 'Green' },
      ],
    });
    assertDocumentedShape(body, fixture('fb', 'send-quick-replies.request.json'));
  });

  test('URL and reply buttons together: a template carrying quick replies', async () => {
    const rendered = messenger.render({
      text: 'Hi',
      buttons: [
        { kind: 'url', text: 'Site', url: 'https://s.example' },
        { kind: 'reply', text: 'Ok' },
      ],
    });
    assert.deepEqual(rendered.degradations, []);
    assert.equal(rendered.calls.length, 1);
    const message = rendered.calls[0].body.message as Record<string, unknown>;
    assert.ok(message.attachment);
    assert.deepEqual(message.quick_replies, [{ content_type: 'text', title: 'Ok', payload: 'Ok' }]);
    assert.equal(
      (
        await sendContent({
          text: 'Hi',
          buttons: [
            { kind: 'url', text: 'Site', url: 'https://s.example' },
            { kind: 'reply', text: 'Ok' },
          ],
        })
      ).class,
      'sent',
    );
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
      if (outcome.class === 'rate_limited') assert.equal(outcome.retryAfterMs, 60_000);
      assert.ok(!JSON.stringify(outcome).includes(PAGE_TOKEN));
    }
  });

  test('checkCredentials: GET /me names the Page; a bad token is plain words', async () => {
    assert.deepEqual(await messenger.checkCredentials(channel), { ok: true, accountName: 'Botcast Test Page' });
    const bad = await messenger.checkCredentials({ ...channel, credentials: { ...channel.credentials, pageAccessToken: 'invalid-x' } });
    assert.deepEqual(bad, { ok: false, error: 'Meta says the access token is invalid or has expired.' });
    assert.equal(messenger.registerWebhook, undefined);
  });
});

describe('messenger classification table', () => {
  const classify = (status: number, body: unknown) =>
    classifyGraphAnswer(answer(status, body), { table: MESSENGER_ERRORS, readId: readSendApiId, secrets: [PAGE_TOKEN] });

  test('every mapped code (and subcode) gives its class and wait', () => {
    for (const rule of MESSENGER_ERRORS) {
      const codes = typeof rule.code === 'number' ? [rule.code] : [rule.code[0], rule.code[1]];
      for (const code of codes) {
        const error = {
          message: 'm',
          type: 'OAuthException',
          code,
          ...(rule.subcode !== undefined && { error_subcode: rule.subcode }),
          fbtrace_id: 'x',
        };
        const outcome = classify(400, { error });
        assert.equal(outcome.class, rule.class, `${code}/${rule.subcode ?? '-'}`);
        if (outcome.class === 'rate_limited') assert.equal(outcome.retryAfterMs, rule.waitMs);
      }
    }
  });

  test('a subcode refines its code: 100 is permanent, 100/2018001 invalid_recipient; 200/1545041 blocked', () => {
    assert.equal(classify(400, { error: { code: 100, message: 'x' } }).class, 'permanent');
    assert.equal(
      classify(400, { error: { code: 100, error_subcode: 2018001, message: 'No matching user found' } }).class,
      'invalid_recipient',
    );
    assert.equal(classify(403, { error: { code: 200, error_subcode: 1545041, message: 'x' } }).class, 'blocked');
    assert.equal(classify(403, { error: { code: 200, error_subcode: 99, message: 'x' } }).class, 'permanent');
  });

  test('documented bodies: success, 551 blocked, 190 permanent', () => {
    assert.deepEqual(classify(200, fixture('fb', 'send-success.response.json')), {
      class: 'sent',
      platformMessageId: 'AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P',
    });
    assert.deepEqual(classify(400, fixture('fb', 'error-551.response.json')), {
      class: 'blocked',
      code: '551/1545041',
      text: "(#551) This person isn't available right now.",
    });
    assert.equal(classify(400, fixture('fb', 'error-190.response.json')).class, 'permanent');
  });

  test('5xx transient; unparseable 2xx unknown', () => {
    assert.equal(classify(503, 'unavailable').class, 'transient');
    assert.equal(classify(200, '<html>').class, 'unknown');
  });
});

describe('messenger webhook', () => {
  const raw = rawFixture('fb', 'webhook-text.json');

  test('signature valid / missing / wrong / body changed', () => {
    const signature = hubSignature(raw, 'fb-app-secret');
    assert.deepEqual(messenger.verifyInbound(channel, post(raw, { 'x-hub-signature-256': signature })), { ok: true });
    const missing = messenger.verifyInbound(channel, post(raw));
    assert.equal(missing.ok === false && missing.status, 401);
    const wrong = messenger.verifyInbound(channel, post(raw, { 'x-hub-signature-256': hubSignature(raw, 'another') }));
    assert.equal(wrong.ok === false && wrong.status, 403);
    const changed = messenger.verifyInbound(channel, post(Buffer.concat([raw, Buffer.from(' ')]), { 'x-hub-signature-256': signature }));
    assert.equal(changed.ok === false && changed.status, 403);
  });

  test('GET handshake', () => {
    const get = (mode: string, token: string) =>
      messenger.verifyInbound(channel, {
        method: 'GET',
        headers: {},
        rawBody: Buffer.alloc(0),
        query: { 'hub.mode': mode, 'hub.verify_token': token, 'hub.challenge': 'CHALLENGE_ACCEPTED' },
      });
    assert.deepEqual(get('subscribe', 'fb-verify'), {
      ok: 'handshake',
      status: 200,
      contentType: 'text/plain',
      body: 'CHALLENGE_ACCEPTED',
    });
    assert.equal((get('subscribe', 'nope') as { status: number }).status, 403);
    assert.equal((get('unsubscribe', 'fb-verify') as { status: number }).status, 403);
  });

  test('parses the documented text message, skips echoes, takes postbacks', () => {
    assert.deepEqual(messenger.parseInbound(fixture('fb', 'webhook-text.json')), [
      { type: 'message', userId: '<PSID>', profile: {}, text: 'hello, world!', at: 1458692752478 },
    ]);
    assert.deepEqual(messenger.parseInbound(fixture('fb', 'webhook-echo.json')), []);
    assert.deepEqual(messenger.parseInbound(fixture('fb', 'webhook-postback.json')), [
      { type: 'message', userId: '<PSID>', profile: {}, text: '<TITLE_FOR_THE_CTA>', at: 1527459824000 },
    ]);
    assert.deepEqual(messenger.parseInbound(fixture('instagram', 'webhook-text.json')), [], 'an Instagram body is not a Page body');
  });
});

describe('messenger rendering degradations', () => {
  const codes = (content: MessageContent) => messenger.render(content).degradations.map((d) => d.code);

  test('4 URL buttons → numbered links', () => {
    const buttons = [1, 2, 3, 4].map((i) => ({ kind: 'url' as const, text: `L${i}`, url: `https://${i}.example` }));
    const rendered = messenger.render({ text: 'Links', buttons });
    assert.deepEqual(
      rendered.degradations.map((d) => d.code),
      ['buttons_as_text'],
    );
    assert.equal(
      (rendered.calls[0].body.message as { text: string }).text,
      'Links\n\n1. L1: https://1.example\n2. L2: https://2.example\n3. L3: https://3.example\n4. L4: https://4.example',
    );
  });

  test('template text over 640 → links in the text', () => {
    assert.deepEqual(codes({ text: 'x'.repeat(700), buttons: [{ kind: 'url', text: 'L', url: 'https://l.example' }] }), [
      'buttons_as_text',
    ]);
  });

  test('14 reply buttons → 13 quick replies', () => {
    const rendered = messenger.render({
      text: 'Pick',
      buttons: Array.from({ length: 14 }, (_, i) => ({ kind: 'reply' as const, text: `R${i}` })),
    });
    assert.deepEqual(
      rendered.degradations.map((d) => d.code),
      ['buttons_truncated'],
    );
    assert.equal((rendered.calls[0].body.message as { quick_replies: unknown[] }).quick_replies.length, 13);
  });

  test('long titles cut to 20, text over 2000 cut, files as attachments with is_reusable', () => {
    assert.deepEqual(codes({ text: 'Hi', buttons: [{ kind: 'reply', text: 'This title is far too long' }] }), ['button_title_truncated']);
    assert.deepEqual(codes({ text: 'x'.repeat(2500) }), ['text_truncated']);
    const file = messenger.render({ text: '', media: { type: 'file', url: 'https://example.com/a.pdf' } });
    assert.deepEqual(file.degradations, []);
    assert.deepEqual(
      file.calls.map((c) => c.body.message),
      [{ attachment: { type: 'file', payload: { url: 'https://example.com/a.pdf', is_reusable: true } } }],
    );
  });
});
