// Password hashing defaults (issue 15.7e): scrypt at OWASP's recommendation, N = 2^17, r = 8, p = 1.
// Tests elsewhere lower the cost through BOTCAST_SCRYPT_LOG_N (test/helpers/engine.ts) to stay fast.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config.ts';
import { hashPassword, verifyPassword } from '../../src/security/secrets.ts';

test('the default scrypt cost is 2^17 (r = 8, p = 1), and Node can compute it (maxmem is large enough)', async () => {
  assert.equal(loadConfig({}).scryptLogN, 17);
  const hash = await hashPassword('correct horse battery');
  assert.match(hash, /^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
  assert.equal(await verifyPassword('correct horse battery', hash), true);
});

test('the cost can be lowered for tests, not below 2^10', () => {
  assert.equal(loadConfig({ BOTCAST_SCRYPT_LOG_N: '12' }).scryptLogN, 12);
  assert.throws(() => loadConfig({ BOTCAST_SCRYPT_LOG_N: '4' }), /BOTCAST_SCRYPT_LOG_N/);
});

test('a stored hash with absurd parameters is a wrong password, not a crash', async () => {
  assert.equal(
    await verifyPassword('x', 'scrypt$1099511627776$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='),
    false,
  );
  assert.equal(await verifyPassword('x', 'bcrypt$whatever'), false);
});
