// What cannot be stored (src/domain/storable.ts), and the error handler's safety net for what the
// input checks miss: a database error that only input can cause is a 400, not a 500.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { MAX_JSON_DEPTH, findUnstorable } from '../../src/domain/storable.ts';
import { registerErrorHandling } from '../../src/http/errors.ts';

test('a NUL character is found with the path to it, in values and in field names', () => {
  assert.deepEqual(findUnstorable({ content: { buttons: [{ text: 'a\u0000b' }] } })?.path, ['content', 'buttons', 0, 'text']);
  assert.equal(findUnstorable({ content: { buttons: [{ text: 'a\u0000b' }] } })?.kind, 'nul');
  const key = findUnstorable({ data: { ['k\u0000']: 1 } });
  assert.deepEqual(key?.path, ['data']);
  assert.match(key!.problem, /field name/);
});

test('a lone surrogate is found; a surrogate pair (an emoji) is text like any other', () => {
  assert.equal(findUnstorable({ name: 'ok 😀 ok' }), null);
  for (const odd of ['\ud800', 'a\ud83d', '\ude00b', '\ude00\ud83d']) {
    assert.equal(findUnstorable({ name: odd })?.kind, 'surrogate', JSON.stringify(odd));
  }
});

test('nesting deeper than the limit is found; the limit itself is fine', () => {
  const nest = (levels: number) => {
    let value: unknown = 1;
    for (let i = 0; i < levels; i++) value = { a: value };
    return value;
  };
  assert.equal(findUnstorable(nest(MAX_JSON_DEPTH)), null);
  assert.equal(findUnstorable(nest(MAX_JSON_DEPTH + 1))?.kind, 'too_deep');
  assert.equal(findUnstorable(nest(5000))?.kind, 'too_deep');
});

test('a number that is not finite (what coercion makes of 400 digits) is found; Buffers are not walked', () => {
  assert.deepEqual(findUnstorable({ ids: [1, Infinity] })?.path, ['ids', 1]);
  assert.equal(findUnstorable({ rate: 1.5, big: 1e308, flag: true, none: null }), null);
  assert.equal(findUnstorable(Buffer.from('a\u0000b')), null);
  // A parsed query string has a prototype of its own, without Object.prototype.
  const query = Object.create(Object.create(null)) as Record<string, unknown>;
  query.q = '\u0000';
  assert.equal(findUnstorable(query)?.kind, 'nul');
});

test('a database error that only input can cause answers 400 in the error shape; any other stays a 500', async () => {
  const app = Fastify({ logger: false });
  registerErrorHandling(app);
  const dbError = (code: string) => Object.assign(new Error(`database error ${code}`), { code });
  app.get('/out-of-range', async () => {
    throw dbError('22003');
  });
  app.get('/untranslatable', async () => {
    throw dbError('22P05');
  });
  app.get('/unique', async () => {
    throw dbError('23505');
  });
  for (const url of ['/out-of-range', '/untranslatable']) {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 400, url);
    assert.deepEqual(res.json(), {
      error: { code: 'invalid_value', message: 'a value is out of range or contains an invalid character' },
    });
  }
  assert.equal((await app.inject({ method: 'GET', url: '/unique' })).statusCode, 500);
  await app.close();
});
