// What an external event's caller sent, checked: the body of POST /hooks/events/<secret> parsed into
// its platform, its users (platform user ids or Botcast subscriber ids) and its data, or a 400 naming
// the field. The rules of the call itself are in external-call.ts.
import { invalid } from '../domain/errors.ts';
import { findUnstorable, type Unstorable, type ValuePath } from '../domain/storable.ts';
import { PLATFORM_CODES, isPlatformCode } from '../platforms/types.ts';

export const EXTERNAL_BODY_LIMIT = 1_048_576;
export const MAX_USERS = 100_000;
const MAX_ID_LENGTH = 256;
export type UserRef = { kind: 'platform'; value: string; given: unknown } | { kind: 'subscriber'; id: number; given: unknown };

export interface ExternalCall {
  platform: string;
  users: 'everyone' | UserRef[];
  data: Record<string, unknown>;
}

export const bad = (field: string, message: string) => invalid('invalid_request', `${field} ${message}`, { field });

/** users[0], data.order.id: the way this call's other errors name a field. */
function fieldName(path: ValuePath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** NUL, a lone surrogate or absurd nesting (src/domain/storable.ts): refused before anything is stored. */
function unstorableField(found: Unstorable) {
  if (found.kind === 'too_deep') {
    const at = fieldName(found.path.slice(0, 4));
    return bad('body', `${found.problem} (at ${at || 'the top'}${found.path.length > 4 ? '…' : ''})`);
  }
  return bad(found.path.length === 0 ? 'body' : fieldName(found.path), found.problem);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function userRef(item: unknown, i: number): UserRef {
  const field = `users[${i}]`;
  const hint =
    'must be a platform user id (a string or whole number), or a Botcast subscriber id as {"subscriberId": 42} or "subscriber:42"';
  if (typeof item === 'string') {
    const value = item.trim();
    if (value === '') throw bad(field, 'must not be empty');
    if (value.length > MAX_ID_LENGTH) throw bad(field, `is longer than ${MAX_ID_LENGTH} characters`);
    const sub = /^subscriber:(\d{1,15})$/.exec(value);
    if (sub) return { kind: 'subscriber', id: Number(sub[1]), given: item };
    if (value.startsWith('subscriber:')) throw bad(field, 'must be "subscriber:" followed by a subscriber id (digits)');
    return { kind: 'platform', value, given: item };
  }
  if (typeof item === 'number') {
    if (!Number.isInteger(item) || item < 0) throw bad(field, hint);
    if (!Number.isSafeInteger(item)) throw bad(field, 'is a number too large to be exact in JSON; send the id as a string');
    return { kind: 'platform', value: String(item), given: item };
  }
  if (isPlainObject(item)) {
    const keys = Object.keys(item);
    const id = item.subscriberId;
    if (keys.length !== 1 || keys[0] !== 'subscriberId') throw bad(field, hint);
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1)
      throw bad(`${field}.subscriberId`, 'must be a subscriber id (a whole number, 1 or more)');
    return { kind: 'subscriber', id, given: item };
  }
  throw bad(field, hint);
}

/** Parses and checks a call's body; every problem is a 400 naming the field. */
export function parseExternalCall(raw: Buffer): ExternalCall {
  if (raw.length === 0)
    throw invalid('malformed_json', 'request body is empty; send a JSON object {"platform", "users", "data"}', { field: 'body' });
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw invalid('malformed_json', `request body is not valid JSON: ${(error as Error).message}`, { field: 'body' });
  }
  if (!isPlainObject(body)) throw bad('body', 'must be a JSON object {"platform", "users", "data"}');
  const unstorable = findUnstorable(body);
  if (unstorable) throw unstorableField(unstorable);
  for (const key of Object.keys(body)) {
    if (!['platform', 'users', 'data'].includes(key)) throw bad(key, 'is not a known field (expected platform, users, data)');
  }
  const { platform, users, data } = body;
  if (platform === undefined) throw bad('platform', 'is required');
  if (typeof platform !== 'string' || (platform !== 'any' && !isPlatformCode(platform)))
    throw bad('platform', `must be one of ${PLATFORM_CODES.join(', ')}, any`);
  if (users === undefined) throw bad('users', 'is required');
  let refs: ExternalCall['users'];
  if (users === 'everyone') refs = 'everyone';
  else if (Array.isArray(users)) {
    if (users.length === 0) throw bad('users', 'must list at least one user (or be "everyone")');
    if (users.length > MAX_USERS) throw bad('users', `lists more than ${MAX_USERS} users`);
    refs = users.map(userRef);
  } else throw bad('users', 'must be a list of user ids or "everyone"');
  if (data !== undefined && data !== null && !isPlainObject(data)) throw bad('data', 'must be a JSON object');
  return { platform, users: refs, data: (data as Record<string, unknown> | null | undefined) ?? {} };
}
