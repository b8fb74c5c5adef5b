// No credential in a log line: Telegram tokens in error messages and stacks are scrubbed, and
// secret-bearing fields are censored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

test('a Telegram token in an error message or stack never reaches the log', () => {
  const { lines, logger } = capture();
  const token = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
  logger.error({ err: new Error(`connect ECONNREFUSED https://api.telegram.org/bot${token}/sendMessage`) }, 'send failed');
  const out = lines.join('');
  assert.ok(!out.includes(token), out);
  assert.match(out, /bot\[redacted\]/);
});

test('credentials, passwords and authorization headers are censored', () => {
  const { lines, logger } = capture();
  logger.info({ credentials: { token: 'abc' }, password: 'hunter2', req: { headers: { authorization: 'Bearer bc_secret' } } }, 'x');
  const out = lines.join('');
  for (const secret of ['abc', 'hunter2', 'bc_secret']) assert.ok(!out.includes(secret), `${secret} leaked: ${out}`);
});
