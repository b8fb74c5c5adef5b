// The README documents every setting Botcast reads (its configuration table cannot drift).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SETTINGS, loadConfig, ConfigError } from '../../src/config.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

test('every setting is in the README table', () => {
  const missing = SETTINGS.filter((s) => !readme.includes(`| \`${s.env}\` |`)).map((s) => s.env);
  assert.deepEqual(missing, []);
});

test('the README opens with the two commands', () => {
  const firstBlock = readme.split('```')[1];
  assert.match(firstBlock, /npm install && npm start/);
  assert.match(firstBlock, /npm test/);
});

test('configuration problems are all listed, each naming its variable', () => {
  assert.throws(
    () => loadConfig({ PORT: '70000', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' }),
    (e: unknown) =>
      e instanceof ConfigError && e.problems.length === 3 && e.problems.every((p) => /^(PORT|LOG_LEVEL|DATABASE_URL) /.test(p)),
  );
  assert.throws(() => loadConfig({ DATABASE_URL: 'postgres://x/y' }), /BOTCAST_SECRET_KEY is required/);
});

test('a BOTCAST_SECRET_KEY that is not 32 bytes is refused, also without DATABASE_URL', () => {
  for (const bad of ['short', Buffer.alloc(16, 1).toString('base64'), 'ab'.repeat(31), 'ab'.repeat(33)]) {
    assert.throws(
      () => loadConfig({ BOTCAST_SECRET_KEY: bad }),
      (e: unknown) =>
        e instanceof ConfigError &&
        e.problems.length === 1 &&
        /^BOTCAST_SECRET_KEY must be 32 bytes/.test(e.problems[0]) &&
        !e.problems[0].includes(bad),
    );
  }
  assert.throws(
    () => loadConfig({ BOTCAST_SECRET_KEY: 'short', DATABASE_URL: 'postgres://x/y' }),
    (e: unknown) => e instanceof ConfigError && e.problems.length === 1,
  );
  assert.equal(loadConfig({ BOTCAST_SECRET_KEY: 'ab'.repeat(32) }).secretKey, 'ab'.repeat(32));
});

test('BOTCAST_MAX_LATENESS_HOURS: 6 by default, a whole number of hours from 1', () => {
  assert.equal(loadConfig({}).maxLatenessHours, 6);
  assert.equal(loadConfig({ BOTCAST_MAX_LATENESS_HOURS: '24' }).maxLatenessHours, 24);
  for (const bad of ['0', '-1', '1.5', 'six'])
    assert.throws(
      () => loadConfig({ BOTCAST_MAX_LATENESS_HOURS: bad }),
      (e: unknown) => e instanceof ConfigError && e.problems.length === 1 && e.problems[0].startsWith('BOTCAST_MAX_LATENESS_HOURS '),
    );
});
