// Passwords: scrypt (a slow, memory-hard KDF built into Node; no native add-on to install) at
// OWASP's recommendation (Password Storage Cheat Sheet): N = 2^17, r = 8, p = 1 — 128 MiB and a few
// hundred milliseconds per hash. Each hash carries its parameters (scrypt$N$r$p$salt$hash), so
// older, cheaper hashes still verify; the login upgrades them (needsRehash).
// API keys and session tokens: 256 random bits, stored as SHA-256 — a fast hash is right for
// high-entropy secrets, and lets a request find its key with one indexed lookup.
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;

export const DEFAULT_SCRYPT_LOG_N = 17;
const R = 8;
const P = 1;
/** Stored hashes with other parameters are refused beyond these (a corrupted or hostile row must not cost gigabytes). */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

export interface ScryptCost {
  /** log2 of scrypt's N. */
  logN: number;
}

interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

// Each hash at 2^17 holds 128 MiB while it runs (on libuv's thread pool, shared with file and DNS
// work): two at a time bound the memory to 256 MiB and leave threads for the rest. Logins queue.
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

function derive(password: string, salt: Buffer, length: number, { N, r, p }: ScryptParams): Promise<Buffer> {
  // OpenSSL needs a little more than the 128·N·r bytes of its main buffer: allow twice that.
  return limited(() => scrypt(password, salt, length, { N, r, p, maxmem: 2 * 128 * N * r * p }));
}

function paramsOf(cost: ScryptCost): ScryptParams {
  return { N: 2 ** cost.logN, r: R, p: P };
}

export async function hashPassword(password: string, cost: ScryptCost = { logN: DEFAULT_SCRYPT_LOG_N }): Promise<string> {
  const params = paramsOf(cost);
  const salt = randomBytes(16);
  const hash = await derive(password, salt, 32, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

function parseHash(stored: string): (ScryptParams & { salt: Buffer; hash: Buffer }) | null {
  const [scheme, n, r, p, salt, hash, extra] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash || extra !== undefined) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const powerOfTwo = Number.isInteger(params.N) && params.N >= 2 && (params.N & (params.N - 1)) === 0;
  if (!powerOfTwo || params.N > MAX_N) return null;
  if (!Number.isInteger(params.r) || params.r < 1 || params.r > MAX_R) return null;
  if (!Number.isInteger(params.p) || params.p < 1 || params.p > MAX_P) return null;
  const expected = Buffer.from(hash, 'base64');
  if (expected.length < 16) return null;
  return { ...params, salt: Buffer.from(salt, 'base64'), hash: expected };
}

/** True when the password matches; false for a wrong one and for a stored value that is not a usable scrypt hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.hash.length, parsed);
  return timingSafeEqual(actual, parsed.hash);
}

/** True when a stored hash was made with other parameters than `cost`: hash the password again at the next login. */
export function needsRehash(stored: string, cost: ScryptCost): boolean {
  const parsed = parseHash(stored);
  const wanted = paramsOf(cost);
  return !parsed || parsed.N !== wanted.N || parsed.r !== wanted.r || parsed.p !== wanted.p;
}

/** A hash no password matches, at `cost`: verifying against it takes as long as a real check (unknown e-mails). */
export function unmatchableHash(cost: ScryptCost): string {
  const { N, r, p } = paramsOf(cost);
  return `scrypt$${N}$${r}$${p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(32).toString('base64')}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function randomToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Constant-time string comparison (different lengths compare unequal without early exit on content). */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  if (ab.length !== bb.length) {
    timingSafeEqual(ab, ab);
    return false;
  }
  return timingSafeEqual(ab, bb);
}
