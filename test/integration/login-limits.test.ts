// Login limits (issue 15.5): failed logins count per (e-mail, source address) and per source
// address, so that whoever guesses from one address is stopped there — and cannot lock the owner,
// who logs in from elsewhere, out of their own account. Failures of one e-mail from everywhere only
// slow its logins down. Attempts are kept one day.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import type { CountRow } from '../../src/storage/db.ts';

const PASSWORD = 'correct horse battery'; // the password t.workspace() signs up with
let t: TestApp;

const login = (email: string, password: string, remoteAddress: string, headers: Record<string, string> = {}) =>
  t.request('POST', '/api/auth/login', { body: { email, password }, remoteAddress, headers });

async function failures(email: string, ip: string, times: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await login(email, `wrong guess ${i}`, ip)).status);
  return statuses;
}

const attempts = async (where = 'true', params: unknown[] = []) =>
  Number((await t.app.ctx.db.query<CountRow>(`SELECT count(*) AS n FROM login_attempts WHERE ${where}`, params))[0].n);

before(async () => {
  t = await startTestApp();
});
after(() => t.close());

describe('an attacker cannot lock the owner out', () => {
  test('20 wrong passwords from address A: A is refused after 10, the owner logs in from address B', async () => {
    const victim = await t.workspace('Victim');
    const statuses = await failures(victim.email, '203.0.113.7', 20);
    assert.deepEqual(statuses, [...Array(10).fill(401), ...Array(10).fill(429)]);
    const owner = await login(victim.email, PASSWORD, '198.51.100.20');
    assert.equal(owner.status, 200, owner.text);
    assert.equal(owner.body.workspaceId, victim.workspaceId);
  });

  test('the refused address gets 429 with Retry-After, even with the right password, until its window has passed', async () => {
    const victim = await t.workspace('Victim 2');
    await failures(victim.email, '203.0.113.8', 10);
    const refused = await login(victim.email, PASSWORD, '203.0.113.8');
    assert.equal(refused.status, 429);
    assert.equal(refused.body.error.code, 'too_many_attempts');
    const retryAfter = Number(refused.headers['retry-after']);
    assert.ok(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 15 * 60, `Retry-After: ${refused.headers['retry-after']}`);
    assert.equal(refused.body.error.details.retryAfterSeconds, retryAfter);
    // Refused attempts are not recorded: the address cannot push its own window further out.
    assert.equal(await attempts('lower(email) = lower($1)', [victim.email]), 10);
    // Fifteen minutes later (the failures aged in the database, whose clock the limits read).
    await t.app.ctx.db.query(
      `UPDATE login_attempts SET attempted_at = attempted_at - interval '16 minutes' WHERE lower(email) = lower($1)`,
      [victim.email],
    );
    assert.equal((await login(victim.email, PASSWORD, '203.0.113.8')).status, 200);
  });

  test('a successful login clears its own address’s failures, not the failures from elsewhere', async () => {
    const victim = await t.workspace('Victim 3');
    await failures(victim.email, '203.0.113.9', 3);
    await failures(victim.email, '198.51.100.30', 2); // the owner's own typos
    assert.equal((await login(victim.email, PASSWORD, '198.51.100.30')).status, 200);
    assert.equal(await attempts('lower(email) = lower($1) AND ip = $2', [victim.email, '198.51.100.30']), 0);
    assert.equal(await attempts('lower(email) = lower($1) AND ip = $2', [victim.email, '203.0.113.9']), 3);
  });

  test('one address failing across many e-mails is capped at 50 failures in 15 minutes', async () => {
    const victim = await t.workspace('Victim 4');
    const ip = '192.0.2.50';
    for (let i = 0; i < 50; i++) {
      const r = await login(`nobody-${i}@example.com`, 'wrong guess', ip);
      assert.equal(r.status, 401, `attempt ${i + 1}`);
    }
    const refused = await login(victim.email, PASSWORD, ip);
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.equal((await login(victim.email, PASSWORD, '192.0.2.51')).status, 200, 'other addresses are not affected');
  });

  test('failures of one e-mail from many addresses slow its logins down but never lock it', async () => {
    const victim = await t.workspace('Victim 5');
    for (let i = 0; i < 12; i++) assert.equal((await login(victim.email, 'wrong guess', `10.9.0.${i + 1}`)).status, 401);
    const started = performance.now();
    const owner = await login(victim.email, PASSWORD, '10.9.1.1');
    const tookMs = performance.now() - started;
    assert.equal(owner.status, 200, owner.text);
    // 12 failures in the window: 250 ms for each beyond the 9th (src/services/login-limits.ts).
    assert.ok(tookMs >= 700, `the login answered after ${Math.round(tookMs)} ms, without the slow-down`);
  });
});

describe('upkeep', () => {
  test('attempts older than a day are deleted when someone logs in', async () => {
    const victim = await t.workspace('Purge');
    await t.app.ctx.db.query(
      `INSERT INTO login_attempts (email, attempted_at) VALUES ('old@example.com', now() - interval '25 hours'),
       ('old@example.com', now() - interval '3 days'), ('recent@example.com', now() - interval '23 hours')`,
    );
    assert.equal((await login(victim.email, PASSWORD, '192.0.2.80')).status, 200);
    assert.equal(await attempts(`email = 'old@example.com'`), 0);
    assert.equal(await attempts(`email = 'recent@example.com'`), 1);
  });
});

describe('the source address', () => {
  test('behind a trusted proxy, X-Forwarded-For names the address; otherwise the header is ignored', async () => {
    const proxied = await startTestApp({ config: { trustProxy: '127.0.0.1' } });
    try {
      const victim = await proxied.workspace('Proxied');
      const via = (forwardedFor: string, password = 'wrong guess') =>
        proxied.request('POST', '/api/auth/login', {
          body: { email: victim.email, password },
          remoteAddress: '127.0.0.1',
          headers: { 'x-forwarded-for': forwardedFor },
        });
      for (let i = 0; i < 10; i++) assert.equal((await via('203.0.113.70')).status, 401);
      assert.equal((await via('203.0.113.70', PASSWORD)).status, 429);
      assert.equal((await via('198.51.100.70', PASSWORD)).status, 200, 'the proxy itself is not what gets limited');
    } finally {
      await proxied.close();
    }
    // Not trusted (the default): a client cannot pick its own address with the header.
    const victim = await t.workspace('Direct');
    for (let i = 0; i < 10; i++) {
      await login(victim.email, 'wrong guess', '192.0.2.90', { 'x-forwarded-for': `198.51.100.${100 + i}` });
    }
    assert.equal((await login(victim.email, PASSWORD, '192.0.2.90', { 'x-forwarded-for': '198.51.100.200' })).status, 429);
  });
});
