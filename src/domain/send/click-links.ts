// Click tracking (issue 18 point 2). A send with `trackClicks` sends each link button through
// Botcast: `<public URL>/r/<token>`, one token per delivery and button. The token names the
// delivery and the button and carries an HMAC under a key derived from BOTCAST_SECRET_KEY, so it
// cannot be guessed or made up; the redirect's target is read from the send's own content, never
// from the link, so it cannot be turned into an open redirect.
// Only buttons whose address has no {{variables}} are tracked: the redirect reads the address from
// the content and does not fill it in again per person. A personalised link is sent as it is.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { listVariables } from '../content/index.ts';
import type { Button } from '../content/message.ts';
import type { FrozenContent } from './content.ts';

/** The redirect's path prefix on the public URL. */
export const CLICK_PATH = '/r/';
const MAC_BYTES = 12;

function mac(key: Buffer, body: Buffer): Buffer {
  return createHmac('sha256', key).update(body).digest().subarray(0, MAC_BYTES);
}

/** `base64url(delivery id: 8 bytes | button: 1 byte | HMAC: 12 bytes)`: 28 characters. */
export function clickToken(key: Buffer, deliveryId: number, button: number): string {
  const body = Buffer.alloc(9);
  body.writeBigUInt64BE(BigInt(deliveryId));
  body.writeUInt8(button, 8);
  return Buffer.concat([body, mac(key, body)]).toString('base64url');
}

/** The delivery and button a token names, or null when it was not made with `key`. */
export function readClickToken(key: Buffer, token: string): { deliveryId: number; button: number } | null {
  if (!/^[A-Za-z0-9_-]{28}$/.test(token)) return null;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== 9 + MAC_BYTES) return null;
  const body = raw.subarray(0, 9);
  if (!timingSafeEqual(mac(key, body), raw.subarray(9))) return null;
  const deliveryId = body.readBigUInt64BE();
  if (deliveryId > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return { deliveryId: Number(deliveryId), button: body.readUInt8(8) };
}

/** A link button whose address is the same for everyone: the ones a send tracks. */
export function isTrackable(button: Button): boolean {
  return button.kind === 'url' && !!button.url && listVariables(button.url).length === 0;
}

export function tracksClicks(content: FrozenContent): boolean {
  return content.trackClicks === true && (content.buttons ?? []).some(isTrackable);
}

/** The content one delivery is sent with: its trackable buttons point at their redirect. */
export function withClickLinks(content: FrozenContent, link: { baseUrl: string; key: Buffer }, deliveryId: number): FrozenContent {
  const base = link.baseUrl.replace(/\/+$/, '');
  return {
    ...content,
    buttons: (content.buttons ?? []).map((b, i) =>
      isTrackable(b) ? { ...b, url: `${base}${CLICK_PATH}${clickToken(link.key, deliveryId, i)}` } : b,
    ),
  };
}
