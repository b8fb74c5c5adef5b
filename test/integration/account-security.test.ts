// Accounts (issue 15.7 a, e, g): sign-up and member creation do not tell whether an e-mail is
// known; passwords have a minimum and a maximum; scrypt at OWASP's cost, old hashes upgraded on login.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { hashPassword, verifyPassword } from '../../src/security/secrets.ts';
import type { CountRow } from '../../src/storage/db.ts';
import type { Json } from '../helpers/json.ts';

const PASSWORD = 'correct horse battery';
let t: TestApp;

const count = async (table: string) => Number((await t.app.ctx.db.query<CountRow>(`SELECT count(*) AS n FROM ${table}`))[0].n);
const totals = async () => ({ workspaces: await count('workspaces'), members: await count('members'), apiKeys: await count('api_keys') });

/** The shape of an answer: its keys and the types of its values, recursively. */
function shape(value: Json): Json {
  if (value === null || typeof value !== 'object') return typeof value;
  if (Array.isArray(value)) return value.map(shape);
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, shape(v as Json)]),
  );
}

const signup = (email: string, password = PASSWORD) =>
  t.request('POST', '/api/signup', { body: { workspaceName: 'Shop', email, password, name: 'Ann' } });

before(async () => {
  t = await startTestApp();
});
after(() => t.close());

describe('an e-mail is not revealed', () => {
  test('sign-up with a known e-mail answers as a fresh sign-up does, and creates nothing usable', async () => {
    const fresh = await signup('first@example.com');
    assert.equal(fresh.status, 201, fresh.text);
    const before = await totals();
    const again = await signup('FIRST@example.com', 'another long password');
    assert.equal(again.status, 201, again.text);
    assert.deepEqual(shape(again.body), shape(fresh.body));
    assert.notEqual(again.body.workspaceId, fresh.body.workspaceId);
    assert.match(again.body.apiKey.key, /^bc_/);
    assert.equal(again.body.apiKey.prefix, again.body.apiKey.key.slice(0, 10));
    assert.deepEqual(await totals(), before, 'no workspace, member or key was created');
    assert.equal((await t.request('GET', '/api/me', { key: again.body.apiKey.key })).status, 401);
    // The account itself is untouched: the first password still logs in, the second does not.
    assert.equal((await t.request('POST', '/api/auth/login', { body: { email: 'first@example.com', password: PASSWORD } })).status, 200);
    const other = await t.request('POST', '/api/auth/login', { body: { email: 'first@example.com', password: 'another long password' } });
    assert.equal(other.status, 401);
  });

  test('adding a member whose e-mail belongs to another workspace answers as for a new e-mail, and adds no one', async () => {
    const mine = await t.workspace('Mine');
    const theirs = await t.workspace('Theirs');
    const fresh = await t.request('POST', '/api/members', {
      key: mine.key,
      body: { email: 'new-colleague@example.com', password: PASSWORD },
    });
    assert.equal(fresh.status, 201, fresh.text);
    const before = await totals();
    const taken = await t.request('POST', '/api/members', { key: mine.key, body: { email: theirs.email, password: PASSWORD } });
    assert.equal(taken.status, 201, taken.text);
    assert.deepEqual(shape(taken.body), shape(fresh.body));
    assert.equal(taken.body.email, theirs.email);
    assert.deepEqual(await totals(), before);
    const members = await t.request('GET', '/api/members', { key: mine.key });
    assert.ok(!members.text.includes(theirs.email));
    const theirMembers = await t.request('GET', '/api/members', { key: theirs.key });
    assert.equal(theirMembers.body.length, 1, 'the other workspace is untouched');
  });

  test('an e-mail already in the same workspace is a conflict: the workspace can list its own members', async () => {
    const mine = await t.workspace('Mine 2');
    const r = await t.request('POST', '/api/members', { key: mine.key, body: { email: mine.email.toUpperCase(), password: PASSWORD } });
    assert.equal(r.status, 409);
    assert.equal(r.body.error.code, 'email_taken');
  });
});

describe('passwords', () => {
  for (const [what, password] of [
    ['8 spaces', ' '.repeat(8)],
    ['20 spaces and tabs', ' \t'.repeat(10)],
    ['9 characters', 'abcdefghi'],
    ['1025 characters', 'x'.repeat(1025)],
  ] as const) {
    test(`a password of ${what} is refused with a 400 naming the field, at sign-up and for new members`, async () => {
      const before = await totals();
      const r = await signup(`weak-${Math.random().toString(36).slice(2)}@example.com`, password);
      assert.equal(r.status, 400, r.text);
      assert.match(r.body.error.message, /password/);
      const mine = await t.workspace('Weak');
      const m = await t.request('POST', '/api/members', { key: mine.key, body: { email: 'weak-member@example.com', password } });
      assert.equal(m.status, 400, m.text);
      assert.match(m.body.error.message, /password/);
      assert.equal((await totals()).members, before.members + 1, 'only the helper workspace’s owner was added');
    });
  }

  test('10 characters with spaces inside, and 1024 characters, are accepted (and log in)', async () => {
    for (const password of ['a b c d e ', 'é'.repeat(1024)]) {
      const email = `ok-${Math.random().toString(36).slice(2)}@example.com`;
      assert.equal((await signup(email, password)).status, 201);
      assert.equal((await t.request('POST', '/api/auth/login', { body: { email, password } })).status, 200);
    }
  });
});

describe('password hashing', () => {
  test('new hashes use the configured scrypt cost; an old cheaper hash still logs in and is upgraded', async () => {
    const ws = await t.workspace('Rehash');
    const stored = async () =>
      (await t.app.ctx.db.query<{ password_hash: string }>('SELECT password_hash FROM members WHERE email = $1', [ws.email]))[0]
        .password_hash;
    const cost = 2 ** t.app.ctx.config.scryptLogN;
    assert.match(await stored(), new RegExp(`^scrypt\\$${cost}\\$8\\$1\\$`));
    const old = await hashPassword(PASSWORD, { logN: 10 });
    assert.match(old, /^scrypt\$1024\$8\$1\$/);
    await t.app.ctx.db.query('UPDATE members SET password_hash = $2 WHERE email = $1', [ws.email, old]);
    assert.equal((await t.request('POST', '/api/auth/login', { body: { email: ws.email, password: PASSWORD } })).status, 200);
    const upgraded = await stored();
    assert.match(upgraded, new RegExp(`^scrypt\\$${cost}\\$8\\$1\\$`));
    assert.ok(await verifyPassword(PASSWORD, upgraded));
    assert.equal((await t.request('POST', '/api/auth/login', { body: { email: ws.email, password: PASSWORD } })).status, 200);
    // A hash of the first format (scrypt, N = 2^14, as Botcast wrote them before) verifies too.
    assert.ok(await verifyPassword(PASSWORD, await hashPassword(PASSWORD, { logN: 14 })));
  });
});
