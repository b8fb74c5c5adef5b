// SPEC section 3, "Selected users from a CSV file": the size and row limits, and streaming in
// batches from a file, a string or bytes.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { writeFileSync, mkdtempSync, createReadStream, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MAX_BYTES, parseSelectedUsersCsv } from '../../src/imports/selected-users-csv.ts';
import { bytes, chunked, collect, ids, rejects } from './helpers.ts';

describe('limits', () => {
  test('the size limit is stated in the error', async () => {
    await rejects('id\n' + '1234567\n'.repeat(20), 'too_large', /^file is larger than 100 bytes$/, undefined, { maxBytes: 100 });
    await rejects(chunked(bytes('id\n' + '1234567\n'.repeat(300))), 'too_large', /^file is larger than 2 KB$/, undefined, {
      maxBytes: 2048,
    });
    const exact = bytes('id\n' + '1234567\n'.repeat(12)).subarray(0, 99);
    assert.equal((await collect(exact, { maxBytes: 99 })).summary.bytes, 99);
  });

  test('the default size limit is 50 MB, stated as such', async () => {
    assert.equal(DEFAULT_MAX_BYTES, 50 * 1024 * 1024);
    async function* big() {
      yield bytes('user id\n1\n');
      const spaces = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i < 51; i++) yield spaces;
    }
    await rejects(big(), 'too_large', /^file is larger than 50 MB$/);
  });

  test('the row limit is stated in the error; the title row is not counted', async () => {
    await rejects('id\n1\n2\n3\n4\n', 'too_many_rows', /^more than 3 rows \(line 5\)/, 5, { maxRows: 3 });
    assert.equal((await collect('id\n1\n2\n\n3\n\n', { maxRows: 3 })).summary.rows, 3);
  });

  test('the default row limit: 1,000,000 rows pass, one more is "more than 1,000,000 rows"', async () => {
    const parts = ['id'];
    for (let i = 0; i < 1_000_001; i++) parts.push(String(1_000_000 + i));
    const file = bytes(parts.join('\n'));
    await rejects(file, 'too_many_rows', /^more than 1,000,000 rows \(line 1000002\)/, 1_000_002);
    const ok = await collect(file.subarray(0, file.lastIndexOf(0x0a)));
    assert.equal(ok.summary.ids, 1_000_000);
  });

  test('an unterminated quote at the end of the file names the line where it opened', async () => {
    await rejects(
      'id\n1\n"2\n3\n4\n',
      'unterminated_quote',
      /^unterminated quote: the quoted value that starts at line 3 is never closed/,
      3,
    );
    await rejects(chunked(bytes('id\r\n1\r\n  "2""')), 'unterminated_quote', /line 3/, 3);
  });
});

describe('streaming', () => {
  test('batches hold at most batchSize entries; only the last is final', async () => {
    const file = 'id\n' + Array.from({ length: 23 }, (_, i) => `${i % 20}\n`).join('');
    const sizes: number[] = [];
    const finals: boolean[] = [];
    for await (const b of parseSelectedUsersCsv(bytes(file), { batchSize: 5 })) {
      sizes.push(b.ids.length + b.malformed.length + b.duplicates.length);
      finals.push(b.final);
    }
    assert.deepEqual(sizes, [5, 5, 5, 5, 3]);
    assert.deepEqual(finals, [false, false, false, false, true]);
  });

  test('reads a file stream, and a string or Uint8Array source', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'botcast-csv-'));
    try {
      const path = join(dir, 'ids.csv');
      writeFileSync(path, '\uFEFFid;\r\n' + Array.from({ length: 20_000 }, (_, i) => `"${i + 1}";\r\n`).join(''));
      const r = await collect(createReadStream(path, { highWaterMark: 1000 }));
      assert.equal(r.summary.ids, 20_000);
      assert.equal(r.ids[19_999].line, 20_001);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.deepEqual(ids(await collect(Readable.from([bytes('id\n1\n'), 'é\n', new Uint8Array([0x32, 0x0a])]))), ['1', 'é', '2']);
  });

  test('stopping early destroys the source stream', async () => {
    let destroyed = false;
    async function* endless() {
      try {
        yield 'id\n';
        for (let i = 0; ; i++) yield `${i}\n`;
      } finally {
        destroyed = true;
      }
    }
    for await (const batch of parseSelectedUsersCsv(endless(), { batchSize: 10 })) {
      if (batch.ids.length > 0) break;
    }
    assert.ok(destroyed);
  });

  test('a failing source stream fails the parse with its own error', async () => {
    const source = new Readable({
      read() {
        this.destroy(new Error('connection reset'));
      },
    });
    await assert.rejects(collect(source), /connection reset/);
  });
});
