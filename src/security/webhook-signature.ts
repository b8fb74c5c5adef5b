// Signatures of Botcast's outbound status webhooks, as Stripe signs its own:
//   Botcast-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed by the endpoint's secret>
// The timestamp is inside what is signed, so a receiver that refuses old timestamps (5 minutes
// here) cannot be fed a recorded request again later. The key is the secret's text as shown once
// (`bcwh_…`), UTF-8.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'botcast-signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** A new endpoint secret: 192 random bits, with a prefix that says what it is. */
export function newWebhookSecret(): string {
  return `bcwh_${randomBytes(24).toString('base64url')}`;
}

export function signatureFor(secret: string, body: string, unixSeconds: number): string {
  return createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
}

/** The header value for a body sent now (or at `unixSeconds`). */
export function signatureHeader(secret: string, body: string, unixSeconds = Math.floor(Date.now() / 1000)): string {
  return `t=${unixSeconds},v1=${signatureFor(secret, body, unixSeconds)}`;
}

/**
 * What a receiver does: true when one of the header's v1 signatures matches the raw body under the
 * secret and its timestamp is within `toleranceSeconds` of `nowSeconds`. Compared in constant time.
 */
export function verifySignature(
  secret: string,
  header: string,
  body: string,
  options: { toleranceSeconds?: number; nowSeconds?: number } = {},
): boolean {
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t)) return false;
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return false;
  const expected = Buffer.from(signatureFor(secret, body, t), 'hex');
  return parts
    .filter(([k, v]) => k === 'v1' && typeof v === 'string' && /^[0-9a-f]{64}$/.test(v))
    .some(([, v]) => timingSafeEqual(Buffer.from(v, 'hex'), expected));
}
