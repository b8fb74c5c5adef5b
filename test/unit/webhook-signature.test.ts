// The status webhook signature as a receiver checks it, and the retry delays of the dispatcher.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { newWebhookSecret, signatureHeader, verifySignature } from '../../src/security/webhook-signature.ts';
import { retryDelayMs } from '../../src/services/status-webhooks/dispatcher.ts';

test('the header is t=<unix>,v1=<hex HMAC-SHA256 of "t.body">, as a receiver recomputes it with plain crypto', () => {
  const secret = newWebhookSecret();
  const body = '{"webhookId":1,"events":[]}';
  const header = signatureHeader(secret, body, 1_764_866_400);
  const expected = createHmac('sha256', secret).update(`1764866400.${body}`).digest('hex');
  assert.equal(header, `t=1764866400,v1=${expected}`);
  assert.equal(verifySignature(secret, header, body, { nowSeconds: 1_764_866_400 + 299 }), true);
  assert.equal(verifySignature(secret, header, body, { nowSeconds: 1_764_866_400 + 301 }), false, 'older than 5 minutes');
  assert.equal(verifySignature(secret, header, `${body} `, { nowSeconds: 1_764_866_400 }), false);
  assert.equal(
    verifySignature(secret, `t=1764866401,v1=${expected}`, body, { nowSeconds: 1_764_866_400 }),
    false,
    'the timestamp is signed',
  );
  assert.equal(verifySignature(secret, 'v1=abc', body), false);
  // During a rotation a receiver may be sent several v1 values; any one that matches will do.
  assert.equal(verifySignature(secret, `t=1764866400,v1=${'0'.repeat(64)},v1=${expected}`, body, { nowSeconds: 1_764_866_400 }), true);
});

test('each secret is new', () => {
  assert.notEqual(newWebhookSecret(), newWebhookSecret());
});

test('retry delays double from the base, jittered to half–full of the step, capped', () => {
  const s = { retryBaseMs: 5_000, maxRetryMs: 3_600_000 };
  assert.equal(
    retryDelayMs(1, s, () => 1),
    5_000,
  );
  assert.equal(
    retryDelayMs(1, s, () => 0),
    2_500,
  );
  assert.equal(
    retryDelayMs(4, s, () => 1),
    40_000,
  );
  assert.equal(
    retryDelayMs(20, s, () => 1),
    3_600_000,
  );
});
