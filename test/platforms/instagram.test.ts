import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { answer, assertDocumentedShape, fake, fixture, hubSignature, post, rawFixture, useFakePlatform } from './helpers.ts';
import { fakeInstagram } from '../fakes/platforms/instagram.ts';
import { fakeMessenger } from '../fakes/platforms/fb.ts';
import { instagram } from '../../src/platforms/instagram/index.ts';
import { INSTAGRAM_ERRORS } from '../../src/platforms/instagram/classify.ts';
import { classifyGraphAnswer } from '../../src/platforms/meta-common/classify.ts';
import { readSendApiId } from '../../src/platforms/meta-common/send-api.ts';
import type { ChannelContext, MessageContent, Outcome } from '../../src/platforms/types.ts';

const PAGE_TOKEN = 'EAAB-ig-page-token';
let channel: ChannelContext;

// Both Send API fakes share paths: Instagram is reached through the explicit /instagram prefix.
useFakePlatform({ platforms: [fakeMessenger, fakeInstagram] }, (fake) => {
  channel = {
    channelId: 3,
    baseUrl: `${fake.url}/instagram`,
    credentials: { pageAccessToken: PAGE_TOKEN, appSecret: 'ig-secret', verifyToken: 'ig-verify' },
    webhookSecret: 'unused',
  };
});

const sendContent = (content: MessageContent): Promise<Outcome> =>
  instagram.send(channel, { recipient: '<IGSID>', message: instagram.render(content), dedupKey: 'd' });
const messages = () => fake.records.map((r) => (r.body as { message: Record<string, unknown> }).message);

describe('instagram send against the fake', () => {
  test('text: the Send API body with recipient.id and no messaging_type', async () => {
    const outcome = await sendContent({ text: 'Hi there' });
    assert.equal(outcome.class, 'sent');
    assert.equal(fake.records[0].platform, 'instagram');
    assert.deepEqual(fake.records[0].body, { recipient: { id: '<IGSID>' }, message: { text: 'Hi there' } });
  });

  test('image with caption: image attachment (url only), then the text', async () => {
    await sendContent({ text: 'Look', media: { type: 'image', url: 'https://example.com/i.jpg' } });
    assert.deepEqual(messages(), [{ attachment: { type: 'image', payload: { url: 'https://example.com/i.jpg' } } }, { text: 'Look' }]);
  });

  test('URL buttons: button template; reply buttons: quick replies (documented shapes)', async () => {
    await sendContent({ text: 'Visit us', buttons: [{ kind: 'url', text: 'Shop', url: 'https://shop.example' }] });
    assertDocumentedShape(fake.records[0].body, fixture('instagram', 'send-button-template.request.json'));
    fake.reset();
    await sendContent({
      text: 'Which?',
      buttons: [
        { kind: 'reply', text: 'A' },
        { kind: 'reply', text: 'B' },
      ],
    });
    assert.deepEqual(messages()[0].quick_replies, [
      { content_type: 'text', title: 'A', payload: 'A' },
      { content_type: 'text', title: 'B', payload: 'B' },
    ]);
    assertDocumentedShape(fake.records[0].body, fixture('instagram', 'send-quick-replies.request.json'));
  });

  test('faults: rate limited, blocked, not found (2534014), server error', async () => {
    const expected: Record<string, Outcome['class']> = {
      rate_limited: 'rate_limited',
      blocked: 'blocked',
      not_found: 'invalid_recipient',
      server_error: 'transient',
    };
    for (const [kind, cls] of Object.entries(expected)) {
      fake.setFaults([{ kind: kind as 'blocked', count: 1 }]);
      const outcome = await sendContent({ text: 'x' });
      assert.equal(outcome.class, cls, kind);
      assert.ok(!JSON.stringify(outcome).includes(PAGE_TOKEN));
    }
  });

  test('checkCredentials names the linked Instagram account', async () => {
    assert.deepEqual(await instagram.checkCredentials(channel), { ok: true, accountName: '@botcast.test' });
    const messengerOnly = await instagram.checkCredentials({ ...channel, baseUrl: fake.url });
    assert.deepEqual(messengerOnly, { ok: false, error: 'This Facebook Page has no linked Instagram professional account.' });
  });
});

describe('instagram classification table', () => {
  const classify = (error: Record<string, unknown>) =>
    classifyGraphAnswer(answer(400, { error }), { table: INSTAGRAM_ERRORS, readId: readSendApiId, secrets: [] });

  test('every mapped code (Instagram rows and the inherited Messenger rows) gives its class', () => {
    for (const rule of INSTAGRAM_ERRORS) {
      const code = typeof rule.code === 'number' ? rule.code : rule.code[0];
      const outcome = classify({ code, message: 'm', ...(rule.subcode !== undefined && { error_subcode: rule.subcode }) });
      assert.equal(outcome.class, rule.class, `${code}/${rule.subcode ?? '-'}`);
    }
  });

  test('Instagram subcodes refine the shared codes', () => {
    assert.equal(classify({ code: 100, error_subcode: 2534014, message: 'No matching user found' }).class, 'invalid_recipient');
    // Outside the 24 h window: left out as outside_window, not an error, not retried (issue 16 point 1).
    assert.equal(classify({ code: 10, error_subcode: 2534022, message: 'outside of allowed window' }).class, 'outside_window');
    assert.equal(classify({ code: 551, error_subcode: 1545041, message: 'unavailable' }).class, 'blocked');
  });
});

describe('instagram webhook', () => {
  test('signature and handshake (same scheme as every Meta webhook)', () => {
    const raw = rawFixture('instagram', 'webhook-text.json');
    assert.deepEqual(instagram.verifyInbound(channel, post(raw, { 'x-hub-signature-256': hubSignature(raw, 'ig-secret') })), { ok: true });
    const missing = instagram.verifyInbound(channel, post(raw));
    assert.equal(missing.ok === false && missing.status, 401);
    const changed = instagram.verifyInbound(
      channel,
      post(Buffer.from(raw.toString().replace('MESSAGE_CONTENT', 'MESSAGE_CONTENT!')), {
        'x-hub-signature-256': hubSignature(raw, 'ig-secret'),
      }),
    );
    assert.equal(changed.ok === false && changed.status, 403);
    const handshake = instagram.verifyInbound(channel, {
      method: 'GET',
      headers: {},
      rawBody: Buffer.alloc(0),
      query: { 'hub.mode': 'subscribe', 'hub.verify_token': 'ig-verify', 'hub.challenge': '42' },
    });
    assert.deepEqual(handshake, { ok: 'handshake', status: 200, contentType: 'text/plain', body: '42' });
  });

  test('parses documented messages and quick-reply taps, skips echoes', () => {
    assert.deepEqual(instagram.parseInbound(fixture('instagram', 'webhook-text.json')), [
      { type: 'message', userId: '<IGSID>', profile: {}, text: '<MESSAGE_CONTENT>', at: 1569262485349 },
    ]);
    assert.deepEqual(instagram.parseInbound(fixture('instagram', 'webhook-quick-reply.json')), [
      { type: 'message', userId: '<IGSID>', profile: {}, text: '<SOME_TEXT>', at: 1502905976377 },
    ]);
    assert.deepEqual(instagram.parseInbound(fixture('instagram', 'webhook-echo.json')), []);
    assert.deepEqual(instagram.parseInbound(fixture('fb', 'webhook-text.json')), []);
  });
});

describe('instagram rendering degradations', () => {
  test('text is limited to 1000 bytes (not characters)', () => {
    const rendered = instagram.render({ text: 'я'.repeat(600) }); // 1200 bytes
    assert.deepEqual(
      rendered.degradations.map((d) => d.code),
      ['text_truncated'],
    );
    assert.ok(Buffer.byteLength((rendered.calls[0].body.message as { text: string }).text) <= 1000);
  });

  test('a file cannot be attached: it becomes a link', () => {
    const rendered = instagram.render({ text: 'Menu', media: { type: 'file', url: 'https://example.com/menu.pdf' } });
    assert.deepEqual(
      rendered.degradations.map((d) => d.code),
      ['file_as_link'],
    );
    assert.deepEqual(
      rendered.calls.map((c) => c.body.message),
      [{ text: 'Menu\n\nhttps://example.com/menu.pdf' }],
    );
  });

  test('more than 3 URL buttons → links; more than 13 replies → cut', () => {
    const urls = [1, 2, 3, 4].map((i) => ({ kind: 'url' as const, text: `U${i}`, url: `https://${i}.example` }));
    const replies = Array.from({ length: 15 }, (_, i) => ({ kind: 'reply' as const, text: `R${i}` }));
    assert.deepEqual(
      instagram.render({ text: 'x', buttons: [...urls, ...replies] }).degradations.map((d) => d.code),
      ['buttons_as_text', 'buttons_truncated'],
    );
  });
});
