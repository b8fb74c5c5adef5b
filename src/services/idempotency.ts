// Idempotency-Key (external event calls): a retried call answers the first call's result. The key
// is bound to the request it was first used with, as Stripe does: the same key with another
// request is refused (422 idempotency_key_reused) instead of answering the first request's result
// as if it were this one's. The request is compared by a fingerprint — SHA-256 of the method, the
// target and the body as canonical JSON (keys sorted, no spaces) — so a client that serialises the
// same body differently on retry is still replayed.
import { createHash } from 'node:crypto';
import { AppError, invalid } from '../domain/errors.ts';

const MAX_KEY_LENGTH = 255;

export function checkIdempotencyKey(header: unknown): string | null {
  if (header === undefined) return null;
  if (typeof header !== 'string' || header.trim() === '' || header.length > MAX_KEY_LENGTH || !/^[\x20-\x7e]+$/.test(header)) {
    throw invalid('invalid_request', `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} printable ASCII characters`, {
      field: 'Idempotency-Key',
    });
  }
  return header;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestFingerprint(method: string, target: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${target}\n`).update(canonicalJson(body)).digest('hex');
}

/** The stored fingerprint differs: NULL (a key stored before fingerprints) is taken as the same request. */
export function checkSameRequest(stored: string | null, fingerprint: string, key: string): void {
  if (stored !== null && stored !== fingerprint) {
    throw new AppError(
      'unprocessable',
      'idempotency_key_reused',
      `Idempotency-Key "${key}" was already used with a different request; use a new key for a new request`,
    );
  }
}
