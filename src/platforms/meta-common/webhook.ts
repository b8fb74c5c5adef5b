// Meta webhook authenticity, identical for WhatsApp, Messenger and Instagram
// (developers.facebook.com/docs/messenger-platform/webhooks; whatsapp.github.io/WhatsApp-Nodejs-SDK
// webhooks): a GET handshake `hub.mode=subscribe&hub.verify_token=…&hub.challenge=…` answered with
// the raw challenge, and every POST signed `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(appSecret, raw body)>`.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { InboundRequest, VerifyResult } from '../types.ts';

/** Header by name, case-insensitively (the HTTP layer may or may not lower-case names). */
export function header(headers: InboundRequest['headers'], name: string): string | undefined {
  const direct = headers[name] ?? headers[name.toLowerCase()];
  if (direct !== undefined) return direct;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/**
 * Constant-time string equality: both sides are hashed first, so the comparison runs on
 * equal-length buffers and its time reveals neither the secret's content nor its length.
 */
export function safeEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;

/** Verifies `X-Hub-Signature-256` over the exact raw bytes. Missing → 401, malformed or wrong → 403. */
export function verifyHubSignature(request: InboundRequest, appSecret: string): VerifyResult {
  const signature = header(request.headers, 'x-hub-signature-256');
  if (!signature) return { ok: false, status: 401, reason: 'missing X-Hub-Signature-256 header' };
  if (!appSecret) return { ok: false, status: 403, reason: 'the channel has no appSecret to check the signature with' };
  const match = SIGNATURE.exec(signature.trim());
  if (!match) return { ok: false, status: 403, reason: 'malformed X-Hub-Signature-256 header' };
  const given = Buffer.from(match[1], 'hex');
  const expected = createHmac('sha256', appSecret).update(request.rawBody).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, status: 403, reason: 'X-Hub-Signature-256 does not match the body' };
  }
  return { ok: true };
}

/** The GET subscription handshake: 200 text/plain with the challenge when the verify token matches. */
export function verifyHubChallenge(request: InboundRequest, verifyToken: string): VerifyResult {
  const mode = request.query['hub.mode'];
  const token = request.query['hub.verify_token'];
  const challenge = request.query['hub.challenge'];
  if (mode !== 'subscribe' || token === undefined || challenge === undefined) {
    return { ok: false, status: 403, reason: 'not a hub.mode=subscribe verification request' };
  }
  if (!verifyToken || !safeEqual(token, verifyToken)) {
    return { ok: false, status: 403, reason: 'hub.verify_token does not match the channel' };
  }
  return { ok: 'handshake', status: 200, contentType: 'text/plain', body: challenge };
}

/** GET → handshake, POST → signature. */
export function verifyMetaRequest(request: InboundRequest, appSecret: string, verifyToken: string): VerifyResult {
  return request.method === 'GET' ? verifyHubChallenge(request, verifyToken) : verifyHubSignature(request, appSecret);
}
