// Channel credentials are encrypted at rest with AES-256-GCM under a key from the environment
// (BOTCAST_SECRET_KEY); in embedded mode it is generated once into the data folder.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export interface Sealer {
  seal(plain: string): string;
  open(sealed: string): string;
  /** 32 bytes derived from the key for one purpose (HMAC-SHA256 of `purpose`): stable while the key is. */
  derive(purpose: string): Buffer;
}

export function createSealer(key: Buffer): Sealer {
  if (key.length !== 32) throw new Error('the encryption key must be 32 bytes');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    },
    open(sealed) {
      if (sealed === '') return '';
      const [version, iv, tag, body] = sealed.split(':');
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('unrecognised encrypted value');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
    derive(purpose) {
      return createHmac('sha256', key).update(`botcast:${purpose}`).digest();
    },
  };
}

/** Accepts a 32-byte key as base64 (44 chars) or hex (64 chars). */
export function parseKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  const b = Buffer.from(trimmed, 'base64');
  return b.length === 32 ? b : null;
}
