// WhatsApp Cloud API: sending against the fake server (bodies, sequences, faults), the classification
// table, webhook verification and inbound parsing of the documentation samples.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FakeServer } from '../fakes/server.ts';
import { answer, assertDocumentedShape, fake, fixture, hubSignature, post, rawFixture, useFakePlatform } from './helpers.ts';
import { fakeWhatsApp } from '../fakes/platforms/wa.ts';
import { whatsapp } from '../../src/platforms/wa/index.ts';
import { WHATSAPP_ERRORS } from '../../src/platforms/wa/classify.ts';
import { readWamid } from '../../src/platforms/wa/client.ts';
import { classifyGraphAnswer, DEFAULT_RATE_LIMIT_WAIT_MS } from '../../src/platforms/meta-common/classify.ts';
import { sendInOrder } from '../../src/platforms/meta-common/sequence.ts';
import type { ChannelContext, MessageContent, Outcome } from '../../src/platforms/types.ts';

const SECRET_TOKEN = 'EAAG-wa-secret-token';
let channel: ChannelContext;

useFakePlatform({ platforms: [fakeWhatsApp] }, (fake) => {
  channel = {
    channelId: 1,
    baseUrl: fake.url,
    credentials: { accessToken: SECRET_TOKEN, phoneNumberId: '106540352242922', appSecret: 'app-secret', verifyToken: 'verify-me' },
    webhookSecret: 'unused',
  };
});

/** biz_opaque_callback_data is documented on the send request, but not in the samples these bodies are checked against. */
const withoutCallbackData = (body: unknown) => {
  const { biz_opaque_callback_data: _, ...rest } = body as Record<string, unknown>;
  return rest;
};

const sendContent = (content: MessageContent, recipient = '16505551234', timeoutMs?: number): Promise<Outcome> =>
  whatsapp.send(channel, { recipient, message: whatsapp.render(content), dedupKey: 'd1', timeoutMs });

describe('whatsapp send against the fake Cloud API', () => {
  test('text: POST /{ver}/{phone-number-id}/messages with Bearer auth and the documented body', async () => {
    const outcome = await sendContent({ text: 'Hello' });
    assert.equal(outcome.class, 'sent');
    assert.match((outcome as { platformMessageId: string }).platformMessageId, /^wamid\./);
    const [record] = fake.records;
    assert.equal(record.channel, '106540352242922');
    assert.deepEqual(record.body, {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '16505551234',
      type: 'text',
      text: { preview_url: false, body: 'Hello' },
      biz_opaque_callback_data: 'botcast-delivery:d1', // echoed in status webhooks (a later `failed` finds its delivery)
    });
    assertDocumentedShape(withoutCallbackData(record.body), fixture('wa', 'send-text.request.json'));
  });

  test('image with caption: one image message with the text as caption', async () => {
    const outcome = await sendContent({ text: 'Our new catalogue', media: { type: 'image', url: 'https://example.com/a.png' } });
    assert.equal(outcome.class, 'sent');
    assert.equal(fake.records.length, 1);
    const body = fake.records[0].body as Record<string, unknown>;
    assert.deepEqual(body.image, { link: 'https://example.com/a.png', caption: 'Our new catalogue' });
    assertDocumentedShape(withoutCallbackData(body), fixture('wa', 'send-image.request.json'));
  });

  test('one URL button: interactive cta_url', async () => {
    const outcome = await sendContent({
      text: 'See what is new',
      buttons: [{ kind: 'url', text: 'Open site', url: 'https://example.com' }],
    });
    assert.equal(outcome.class, 'sent');
    const body = fake.records[0].body as { interactive: Record<string, unknown> };
    assert.deepEqual(body.interactive, {
      type: 'cta_url',
      body: { text: 'See what is new' },
      action: { name: 'cta_url', parameters: { display_text: 'Open site', url: 'https://example.com' } },
    });
    assertDocumentedShape(withoutCallbackData(body), fixture('wa', 'send-cta-url.request.json'));
  });

  test('reply buttons with an image: interactive button message with an image header', async () => {
    const content: MessageContent = {
      text: 'Coming tomorrow?',
      media: { type: 'image', url: 'https://example.com/p.png' },
      buttons: [
        { kind: 'reply', text: 'Yes' },
        { kind: 'reply', text: 'No' },
      ],
    };
    const outcome = await sendContent(content);
    assert.equal(outcome.class, 'sent');
    const body = fake.records[0].body as { interactive: Record<string, unknown> };
    assert.deepEqual(body.interactive, {
      type: 'button',
      header: { type: 'image', image: { link: 'https://example.com/p.png' } },
      body: { text: 'Coming tomorrow?' },
      action: {
        buttons: [
          { type: 'reply', reply: { id: 'Yes', title: 'Yes' } },
          { type: 'reply', reply: { id: 'No', title: 'No' } },
        ],
      },
    });
    assertDocumentedShape(withoutCallbackData(body), fixture('wa', 'send-reply-buttons.request.json'));
  });

  test('a file is a document message with a filename', async () => {
    await sendContent({ text: 'Invoice', media: { type: 'file', url: 'https://example.com/files/invoice%2001.pdf' } });
    const body = fake.records[0].body as Record<string, unknown>;
    assert.deepEqual(body.document, { link: 'https://example.com/files/invoice%2001.pdf', caption: 'Invoice', filename: 'invoice 01.pdf' });
    assertDocumentedShape(withoutCallbackData(body), fixture('wa', 'send-document.request.json'));
  });

  test('calls run in order; the outcome is sent with the FIRST call id', async () => {
    const message = whatsapp.render({ text: 'x'.repeat(1500), media: { type: 'image', url: 'https://example.com/a.png' } });
    assert.equal(message.calls.length, 2);
    const outcome = await whatsapp.send(channel, { recipient: '1555', message, dedupKey: 'd' });
    assert.equal(outcome.class, 'sent');
    assert.deepEqual(
      fake.records.map((r) => (r.body as { type: string }).type),
      ['image', 'text'],
    );
    const ids: string[] = [];
    const first = await sendInOrder(message.calls, async () => {
      ids.push(`id-${ids.length + 1}`);
      return { class: 'sent', platformMessageId: ids[ids.length - 1] };
    });
    assert.deepEqual(first, { class: 'sent', platformMessageId: 'id-1' });
  });

  test('the first failing call decides the outcome and stops the sequence', async () => {
    const good = whatsapp.render({ text: 'one' }).calls[0];
    const bad = { method: 'messages', body: { messaging_product: 'whatsapp', type: 'sticker' } };
    const outcome = await whatsapp.send(channel, {
      recipient: '1555',
      message: { platform: 'wa', calls: [good, bad, good], degradations: [] },
      dedupKey: 'd',
    });
    assert.equal(outcome.class, 'permanent');
    assert.equal((outcome as { code: string }).code, '131009');
    assert.equal(fake.records.length, 2);
  });

  test('injected faults map to their classes', async () => {
    const cases: Array<[Parameters<FakeServer['setFaults']>[0][number]['kind'], Outcome['class']]> = [
      ['rate_limited', 'rate_limited'],
      // WhatsApp has no "blocked" error: the fake answers the marketing opt-out (131050), which is
      // not a block either — the subscriber is flagged and left out of later marketing templates.
      ['blocked', 'marketing_stopped'],
      ['not_found', 'invalid_recipient'],
      ['server_error', 'transient'],
      ['destroy', 'unknown'],
    ];
    for (const [kind, expected] of cases) {
      fake.setFaults([{ kind, count: 1 }]);
      const outcome = await sendContent({ text: 'hi' });
      assert.equal(outcome.class, expected, kind);
      if (outcome.class === 'rate_limited') assert.equal(outcome.retryAfterMs, 1000);
      assert.ok(!JSON.stringify(outcome).includes(SECRET_TOKEN));
    }
  });

  test('a send that gets no answer in time is unknown', async () => {
    fake.setFaults([{ kind: 'timeout', count: 1 }]);
    const outcome = await sendContent({ text: 'hi' }, '1555', 150);
    assert.equal(outcome.class, 'unknown');
  });

  test('missing credentials are a permanent outcome, not an exception', async () => {
    const outcome = await whatsapp.send(
      { ...channel, credentials: {} },
      { recipient: '1', message: whatsapp.render({ text: 'x' }), dedupKey: 'd' },
    );
    assert.deepEqual(outcome, { class: 'permanent', code: 'missing_credentials', text: 'The channel lacks: accessToken, phoneNumberId.' });
  });

  test('checkCredentials reads the phone number object; a bad token gives plain words without the token', async () => {
    assert.deepEqual(await whatsapp.checkCredentials(channel), { ok: true, accountName: 'Botcast Test Business +1 555-010-0000' });
    assert.equal(fake.records[0].method, 'phone_number');
    const bad = await whatsapp.checkCredentials({ ...channel, credentials: { ...channel.credentials, accessToken: 'invalid-token' } });
    assert.equal(bad.ok, false);
    assert.match(bad.error ?? '', /invalid or has expired/);
    assert.ok(!(bad.error ?? '').includes('invalid-token'));
  });
});

describe('whatsapp classification table', () => {
  const secrets = [SECRET_TOKEN];
  const classify = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    classifyGraphAnswer(answer(status, body, headers), { table: WHATSAPP_ERRORS, readId: readWamid, secrets });

  test('every mapped code gives its class (and its documented or chosen wait)', () => {
    for (const rule of WHATSAPP_ERRORS) {
      const codes = typeof rule.code === 'number' ? [rule.code] : [rule.code[0], rule.code[1]];
      for (const code of codes) {
        // 133004 sits inside the 133000–133010 range with its own class; the range ends must not be it.
        const outcome = classify(400, { error: { message: `(#${code}) title`, type: 'OAuthException', code, fbtrace_id: 'x' } });
        assert.equal(outcome.class, rule.class, `code ${code}`);
        assert.equal((outcome as { code: string }).code, String(code));
        if (outcome.class === 'rate_limited') assert.equal(outcome.retryAfterMs, rule.waitMs);
      }
    }
  });

  test('documented error body: 131030 is invalid_recipient, text keeps the details', () => {
    const outcome = classify(400, fixture('wa', 'error-131030.response.json'));
    assert.equal(outcome.class, 'invalid_recipient');
    assert.equal((outcome as { code: string }).code, '131030/2655007');
    assert.match((outcome as { text: string }).text, /not in allowed list — Recipient phone number/);
  });

  test('documented success body is sent with messages[0].id', () => {
    assert.deepEqual(classify(200, fixture('wa', 'send-success.response.json')), {
      class: 'sent',
      platformMessageId: 'wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA',
    });
  });

  test('HTTP 5xx is transient whatever the body; 429 without a code waits the default', () => {
    assert.equal(classify(502, '<html>Bad gateway</html>').class, 'transient');
    assert.equal(classify(500, { error: { code: 131026, message: 'x' } }).class, 'transient');
    assert.deepEqual(classify(429, 'slow down'), {
      class: 'rate_limited',
      retryAfterMs: DEFAULT_RATE_LIMIT_WAIT_MS,
      code: 'http_429',
      text: 'HTTP 429: slow down',
    });
  });

  test('a 2xx that cannot be parsed is unknown (it may have been sent)', () => {
    assert.equal(classify(200, 'not json').class, 'unknown');
    assert.equal(classify(200, { messaging_product: 'whatsapp' }).class, 'unknown');
  });

  test('X-Business-Use-Case-Usage estimated_time_to_regain_access beats the default wait', () => {
    const usage = JSON.stringify({
      '102290129340398': [{ type: 'whatsapp', call_count: 100, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: 3 }],
    });
    const outcome = classify(400, { error: { code: 80007, message: 'rate' } }, { 'x-business-use-case-usage': usage });
    assert.deepEqual(outcome.class === 'rate_limited' && outcome.retryAfterMs, 180_000);
  });

  test('unmapped 4xx codes are permanent; credentials never reach the text', () => {
    const outcome = classify(400, { error: { code: 987654, message: `token ${SECRET_TOKEN} rejected` } });
    assert.equal(outcome.class, 'permanent');
    assert.equal((outcome as { text: string }).text, 'token [redacted] rejected');
  });
});

describe('whatsapp webhook verification', () => {
  const raw = rawFixture('wa', 'webhook-text.json');

  test('valid signature over the raw bytes', () => {
    assert.deepEqual(whatsapp.verifyInbound(channel, post(raw, { 'x-hub-signature-256': hubSignature(raw, 'app-secret') })), { ok: true });
  });

  test('header names are matched case-insensitively', () => {
    assert.deepEqual(whatsapp.verifyInbound(channel, post(raw, { 'X-Hub-Signature-256': hubSignature(raw, 'app-secret') })), { ok: true });
  });

  test('missing signature → 401, wrong secret / malformed → 403', () => {
    assert.equal(
      whatsapp.verifyInbound(channel, post(raw)).ok === false && (whatsapp.verifyInbound(channel, post(raw)) as { status: number }).status,
      401,
    );
    const wrong = whatsapp.verifyInbound(channel, post(raw, { 'x-hub-signature-256': hubSignature(raw, 'other-secret') }));
    assert.deepEqual(wrong.ok === false && wrong.status, 403);
    const malformed = whatsapp.verifyInbound(channel, post(raw, { 'x-hub-signature-256': 'sha256=abc' }));
    assert.deepEqual(malformed.ok === false && malformed.status, 403);
  });

  test('body changed after signing → 403 (even re-serialised identical JSON)', () => {
    const signature = hubSignature(raw, 'app-secret');
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8'))));
    const tampered = Buffer.from(raw.toString('utf8').replace('Hello this is an answer', 'Hello this is an answe!'));
    for (const body of [reserialised, tampered]) {
      const result = whatsapp.verifyInbound(channel, post(body, { 'x-hub-signature-256': signature }));
      assert.deepEqual(result.ok === false && result.status, 403);
    }
  });

  test('GET hub.challenge handshake; wrong verify token → 403', () => {
    const get = (token: string) =>
      whatsapp.verifyInbound(channel, {
        method: 'GET',
        headers: {},
        rawBody: Buffer.alloc(0),
        query: { 'hub.mode': 'subscribe', 'hub.verify_token': token, 'hub.challenge': '1158201444' },
      });
    assert.deepEqual(get('verify-me'), { ok: 'handshake', status: 200, contentType: 'text/plain', body: '1158201444' });
    assert.deepEqual(get('nope'), { ok: false, status: 403, reason: 'hub.verify_token does not match the channel' });
  });
});

describe('whatsapp inbound parsing (documentation samples)', () => {
  test('text message with the contact name', () => {
    assert.deepEqual(whatsapp.parseInbound(fixture('wa', 'webhook-text.json')), [
      { type: 'message', userId: '16315551234', profile: { name: 'Kerry Fisher' }, text: 'Hello this is an answer', at: 1603059201000 },
    ]);
  });

  test('tapped reply button: the button title is the text', () => {
    const [event] = whatsapp.parseInbound(fixture('wa', 'webhook-button-reply.json'));
    assert.deepEqual(event, {
      type: 'message',
      userId: 'PHONE_NUMBER_ID',
      profile: { name: 'NAME' },
      text: 'button-text',
      at: 1603059201000,
    });
  });

  test('delivered status notifications are ignored', () => {
    assert.deepEqual(whatsapp.parseInbound(fixture('wa', 'webhook-status.json')), []);
  });

  test('a failed status → send_failed with the wamid, the echoed delivery key and the classified code', () => {
    assert.deepEqual(whatsapp.parseInbound(fixture('wa', 'webhook-status-failed.json')), [
      {
        type: 'send_failed',
        platformMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDNjQ4NzJBMzVBQTFFQkM1NUIA',
        deliveryKey: 'DELIVERY_ID',
        outcome: 'invalid_recipient',
        code: '131026',
        text: 'Message undeliverable — Message Undeliverable.',
        at: 1750263773000,
      },
    ]);
  });

  test('marketing opt-out (user_preferences stop) → marketing stopped (not blocked), resume → resumed and unblocked', () => {
    const body = fixture('wa', 'webhook-user-preferences.json') as {
      entry: { changes: { value: { user_preferences: { value: string }[] } }[] }[];
    };
    assert.deepEqual(whatsapp.parseInbound(body), [{ type: 'marketing', userId: '16505551234', stopped: true, at: 1731705721000 }]);
    body.entry[0].changes[0].value.user_preferences[0].value = 'resume';
    assert.deepEqual(whatsapp.parseInbound(body), [
      { type: 'marketing', userId: '16505551234', stopped: false, at: 1731705721000 },
      { type: 'unblocked', userId: '16505551234', at: 1731705721000 },
    ]);
  });

  test('garbage is no events, never an exception', () => {
    for (const body of [
      undefined,
      null,
      'x',
      42,
      [],
      { object: 'page' },
      { object: 'whatsapp_business_account', entry: [{ changes: [{ value: { messages: [{}] } }] }] },
    ]) {
      assert.deepEqual(whatsapp.parseInbound(body), []);
    }
  });
});
