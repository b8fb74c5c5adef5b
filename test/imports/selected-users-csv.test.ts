// SPEC section 3, "Selected users from a CSV file": each rule on its own, then properties.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { writeFileSync, mkdtempSync, createReadStream, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { CsvImportError, DEFAULT_MAX_BYTES, defaultIsValidId, parseSelectedUsersCsv } from '../../src/imports/selected-users-csv.ts';
import { bytes, chunked, collect, ids, outcome } from './helpers.ts';

const digits = (id: string) => /^\d+$/.test(id);

async function rejects(
  input: Parameters<typeof collect>[0],
  code: string,
  message: RegExp,
  line?: number,
  options: Parameters<typeof collect>[1] = {},
) {
  const r = await outcome(input, options);
  assert.ok('code' in r, `expected ${code}, got a result: ${JSON.stringify(r)}`);
  assert.equal(r.code, code, r.message);
  assert.match(r.message, message);
  if (line !== undefined) assert.equal(r.line, line, r.message);
  return r;
}

describe('encoding: UTF-8 only', () => {
  test('a UTF-8 byte-order mark is accepted and ignored, even split across chunks', async () => {
    const file = bytes('\uFEFFuser id\n123\n456\n');
    for (const input of [file, chunked(file), chunked(file, [2, 1])]) {
      const r = await collect(input);
      assert.deepEqual(ids(r), ['123', '456']);
      assert.equal(r.summary.header?.value, 'user id');
      assert.equal(r.summary.bom, true);
    }
  });

  test('a BOM in front of a first row that is an id does not stick to the id', async () => {
    const r = await collect(bytes('\uFEFF123\n456\n'), { isValidId: digits });
    assert.deepEqual(r.summary.header, { value: '123', line: 1, valid: true });
  });

  test('an invalid byte is rejected with the byte and its line', async () => {
    const file = Buffer.concat([bytes('id\n1\n2\n3\n4\n5\n'), Buffer.from([0x31, 0xff, 0x0a]), bytes('8\n')]);
    const r = await rejects(file, 'not_utf8', /^not UTF-8: invalid byte 0xFF at line 7/, 7);
    assert.match(r.message, /UTF-8/);
  });

  test('the line is right whatever the chunking, with CRLF, lone CR and quoted multi-line values', async () => {
    const cases: Array<[string, number]> = [
      ['id\r\n1\r\n2\r\n3\r\nX\r\n', 5],
      ['id\r1\r2\r3\rX\r', 5],
      ['id\n"1\n2"\n3\nX\n', 5],
      ['id\r\n"1\r\n2"\r\n3\r\nX', 5],
      ['id\n\n\n\nX', 5],
    ];
    for (const [text, line] of cases) {
      const file = Buffer.from(text.replace('X', '\u0000').replace('\u0000', 'ab\u00ff'), 'latin1'); // ÿ as the single byte 0xFF
      for (const input of [file, chunked(file), chunked(file, [3, 2])]) {
        await rejects(input, 'not_utf8', new RegExp(`invalid byte 0xFF at line ${line}`), line);
      }
    }
  });

  test('a Windows-1251 / Latin-1 file is rejected at the first non-UTF-8 byte', async () => {
    const cp1251 = Buffer.concat([bytes('123\n456\n'), Buffer.from([0xc8, 0xec, 0xff, 0x0a])]); // "Имя"
    await rejects(cp1251, 'not_utf8', /not UTF-8: incomplete character 0xC8 \(followed by 0xEC\) at line 3/, 3);
    const latin1 = Buffer.from('Benutzer\nMüller\n', 'latin1');
    await rejects(latin1, 'not_utf8', /not UTF-8: .* at line 2/, 2);
  });

  test('multi-byte characters split across chunks are fine; broken ones are caught across chunks', async () => {
    const good = bytes('titre é\nid€1\n😀2\n');
    for (const input of [chunked(good), chunked(good, [2]), chunked(good, [3, 1])]) {
      assert.deepEqual(ids(await collect(input)), ['id€1', '😀2']);
    }
    // € is E2 82 AC: cut after E2 82, then a newline
    const broken = Buffer.concat([bytes('id\n1\n'), Buffer.from([0xe2, 0x82]), bytes('\n2\n')]);
    for (const input of [broken, chunked(broken), chunked(broken, [6, 1])]) {
      await rejects(input, 'not_utf8', /not UTF-8: incomplete character 0xE2 0x82 \(followed by 0x0A\) at line 3/, 3);
    }
  });

  test('a character cut by the end of the file', async () => {
    const file = Buffer.concat([bytes('id\n1\n2'), Buffer.from([0xf0, 0x9f, 0x98])]);
    for (const input of [file, chunked(file)]) {
      await rejects(input, 'not_utf8', /not UTF-8: the file ends in the middle of a character \(0xF0 0x9F 0x98\) at line 3/, 3);
    }
  });

  test('overlong forms, surrogates and code points above U+10FFFF are not UTF-8', async () => {
    for (const seq of [
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xf8, 0x88, 0x80, 0x80, 0x80],
    ]) {
      const file = Buffer.concat([bytes('id\n'), Buffer.from(seq), bytes('\n')]);
      await rejects(file, 'not_utf8', /^not UTF-8: invalid byte (sequence )?0x.. ?.* at line 2/, 2);
    }
  });

  test('UTF-16 files are rejected as UTF-16 with a hint to save as UTF-8', async () => {
    const text = 'user id\r\n123\r\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const [file, kind] of [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), /UTF-16 \(little-endian, it starts with the byte-order mark FF FE\)/],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), be]), /UTF-16 \(big-endian/],
      [le, /UTF-16 \(little-endian, no byte-order mark\)/],
      [be, /UTF-16 \(big-endian, no byte-order mark\)/],
    ] as const) {
      for (const input of [file, chunked(file)]) {
        const r = await rejects(input, 'not_utf8', kind, 1);
        assert.match(r.message, /save it as UTF-8/);
      }
    }
  });

  test('UTF-16 that starts with a non-ASCII title is caught by its NUL bytes', async () => {
    const file = Buffer.from('Ид\n123\n', 'utf16le');
    await rejects(file, 'not_utf8', /NUL byte \(0x00\) at line 2, the file is probably UTF-16; save the file as UTF-8/, 2);
  });

  test('an Excel workbook is named as such', async () => {
    await rejects(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'not_utf8', /Excel \.xlsx/, 1);
    await rejects(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'not_utf8', /legacy Excel workbook/, 1);
  });

  test('the errors are CsvImportError instances with code and line', async () => {
    try {
      for await (const _ of parseSelectedUsersCsv(Buffer.from([0x61, 0x0a, 0xff]))) void _;
      assert.fail('no error');
    } catch (e) {
      assert.ok(e instanceof CsvImportError);
      assert.equal(e.code, 'not_utf8');
      assert.equal(e.line, 2);
    }
  });
});

describe('the title row', () => {
  test('the first row is a title of any kind and is not an id', async () => {
    for (const title of ['user_id', 'ID пользователя', '"Users, exported 2024"', '#', 'tg']) {
      const r = await collect(`${title}\n1001\n1002\n`);
      assert.deepEqual(ids(r), ['1001', '1002']);
      assert.equal(r.malformed.length, 0);
      assert.equal(r.summary.header?.line, 1);
      assert.equal(r.summary.rows, 2);
    }
  });

  test('a title with several cells is still a title of any kind; data rows must have one', async () => {
    for (const title of ['User ID, Telegram', 'id;name;phone', 'id\tcomment', '"a","b"']) {
      const r = await collect(`${title}\n1001\n1002;\n`);
      assert.deepEqual(ids(r), ['1001', '1002']);
      assert.equal(r.summary.header?.valid, false);
    }
    assert.deepEqual((await collect('id;name\n1\n')).summary.header, { value: 'id, name', line: 1, valid: false });
  });

  test('the first row is surfaced as a header candidate: valid when it passes the id predicate', async () => {
    const title = await collect('telegram id\n1001\n', { isValidId: digits });
    assert.deepEqual(title.summary.header, { value: 'telegram id', line: 1, valid: false });
    const data = await collect('1000\n1001\n', { isValidId: digits });
    assert.deepEqual(data.summary.header, { value: '1000', line: 1, valid: true });
    assert.deepEqual(ids(data), ['1001']);
  });

  test('blank lines before the title are skipped; the title keeps its line', async () => {
    const r = await collect('\n\n  \n"1000"\n1001\n');
    assert.deepEqual(r.summary.header, { value: '1000', line: 4, valid: true });
  });

  test('an id repeating the header value is flagged once, then counted as a duplicate', async () => {
    const r = await collect('1000\n1001\n1000\n1000\n', { isValidId: digits });
    assert.deepEqual(r.ids, [
      { id: '1001', line: 2 },
      { id: '1000', line: 3, sameAsHeader: true },
    ]);
    assert.deepEqual(r.duplicates, [{ id: '1000', line: 4, firstLine: 3 }]);
  });

  test('a file with only a title, and an empty file, end with an empty final batch', async () => {
    const only = await collect('user id\r\n');
    assert.equal(only.ids.length, 0);
    assert.equal(only.summary.header?.value, 'user id');
    const empty = await collect('');
    assert.equal(empty.summary.header, null);
    assert.equal(empty.batches, 1);
    const bom = await collect('\uFEFF');
    assert.equal(bom.summary.header, null);
  });
});

describe('values, separators, line ends, blanks', () => {
  test('ids quoted or not, with "" escapes', async () => {
    const r = await collect('id\n"123"\n456\n"a""b"\n""""\n');
    assert.deepEqual(ids(r), ['123', '456', 'a"b', '"']);
  });

  test('a quoted id may contain a separator or a line break (then it is malformed by the default rules)', async () => {
    const r = await collect('id\n"12,3"\n"4;5"\n"6\n7"\n8\n');
    assert.deepEqual(ids(r), ['12,3', '4;5', '8']);
    assert.deepEqual(r.malformed, [{ value: '6\n7', line: 4, reason: 'contains a control or invisible character' }]);
    assert.deepEqual(
      r.ids.map((x) => x.line),
      [2, 3, 6],
    );
    assert.equal(r.duplicates.length, 0);
    assert.equal((await collect('id\n"6\n7"\n8\n')).ids[0].line, 4);
  });

  for (const [name, sep] of [
    ['comma', ','],
    ['semicolon', ';'],
    ['tab', '\t'],
  ] as const) {
    test(`${name} as separator: one non-empty cell a row is fine`, async () => {
      const r = await collect(`user id${sep}\n123${sep}\n${sep}456${sep}\n"789"${sep}${sep}\n${sep}${sep}\n`);
      assert.deepEqual(ids(r), ['123', '456', '789']);
      assert.equal(r.summary.separator, sep);
      assert.equal(r.summary.rows, 3);
    });
    test(`${name} as separator: two non-empty cells in a row reject the file`, async () => {
      await rejects(`id\n1\n2${sep}x\n`, 'too_many_columns', /^more than one column at line 3: "2" and "x"/, 3);
    });
  }

  test('LF, CRLF and lone CR give the same ids and lines; the final line end is optional', async () => {
    const expected = [
      { id: '1', line: 2 },
      { id: '2', line: 4 },
    ];
    for (const eol of ['\n', '\r\n', '\r']) {
      for (const tail of [eol, '']) {
        const file = bytes(['id', '1', '', '2'].join(eol) + tail);
        for (const input of [file, chunked(file)]) assert.deepEqual((await collect(input)).ids, expected, JSON.stringify(eol + tail));
      }
    }
  });

  test('blank lines and surrounding spaces are ignored (inside quotes too)', async () => {
    const r = await collect('  id  \n\n   \n  123  \n " 456 " \n"\t789"\n\u00a0321\u00a0\n\n');
    assert.deepEqual(ids(r), ['123', '456', '789', '321']);
    assert.deepEqual(
      r.ids.map((x) => x.line),
      [4, 5, 6, 7],
    );
    assert.equal(r.summary.rows, 4);
    assert.equal(r.malformed.length, 0);
  });

  test('a file with more than one non-empty column is rejected', async () => {
    const lines = ['user id', ...Array.from({ length: 10 }, (_, i) => String(100 + i)), '111,Bob Smith'];
    await rejects(
      lines.join('\n'),
      'too_many_columns',
      /^more than one column at line 12: "111" and "Bob Smith"; put the user ids in a single column/,
      12,
    );
    await rejects('id;name\n1;Ann\n', 'too_many_columns', /more than one column at line 2: "1" and "Ann"/, 2);
    await rejects('id\n"1" , "2"\n', 'too_many_columns', /line 2/, 2);
  });

  test('a rejection can come after batches were yielded: no final batch then', async () => {
    const file = 'id\n' + Array.from({ length: 50 }, (_, i) => `${i + 1}\n`).join('') + '51,52\n';
    const seen: boolean[] = [];
    await assert.rejects(
      async () => {
        for await (const batch of parseSelectedUsersCsv(chunked(bytes(file), [16]), { batchSize: 10 })) seen.push(batch.final);
      },
      (e: unknown) => e instanceof CsvImportError && e.code === 'too_many_columns' && e.line === 52,
    );
    assert.ok(seen.length >= 5);
    assert.ok(seen.every((final) => !final));
  });

  test('text after a closing quote makes the id malformed, not the file', async () => {
    const r = await collect('id\n"12"3\n4\n');
    assert.deepEqual(r.malformed, [{ value: '12"3', line: 2, reason: 'text after the closing quote' }]);
    assert.deepEqual(ids(r), ['4']);
  });

  test('a quote inside an unquoted value is an ordinary character', async () => {
    assert.deepEqual(ids(await collect('id\n12"3\n')), ['12"3']);
  });
});

describe('malformed and duplicate ids', () => {
  test('malformed ids are reported with line and reason, not fatal (default rules)', async () => {
    const long = 'x'.repeat(129);
    const r = await collect(`id\n1\nab\u0007c\n${long}\n${'y'.repeat(128)}\nzero\u200bwidth\n2\n`);
    assert.deepEqual(ids(r), ['1', 'y'.repeat(128), '2']);
    assert.deepEqual(
      r.malformed.map((m) => [m.line, m.reason]),
      [
        [3, 'contains a control or invisible character'],
        [4, 'longer than 128 characters'],
        [6, 'contains a control or invisible character'],
      ],
    );
    assert.equal(r.summary.malformed, 3);
  });

  test('the platform predicate decides validity', async () => {
    const r = await collect('Telegram ID\n123\n12a\n-5\n 456 \n', { isValidId: digits });
    assert.deepEqual(ids(r), ['123', '456']);
    assert.deepEqual(r.malformed, [
      { value: '12a', line: 3, reason: 'not a valid user id' },
      { value: '-5', line: 4, reason: 'not a valid user id' },
    ]);
  });

  test('a cell longer than 4096 bytes is malformed whatever the predicate, and its value is cut', async () => {
    const r = await collect(`id\n${'9'.repeat(5000)}\n1\n`, { isValidId: () => true });
    assert.equal(r.malformed[0].reason, 'longer than 4,096 bytes');
    assert.ok(r.malformed[0].value.length <= 201);
    assert.deepEqual(ids(r), ['1']);
  });

  test('duplicates (exact, after trimming) are reported with their line and the first line', async () => {
    const r = await collect(
      'id\n123\n 123 \n"123"\n0123\nabc\nABC\nabc\n123456789012345678\n123456789012345678\n1234567890123456789012\n1234567890123456789012\n',
    );
    assert.deepEqual(ids(r), ['123', '0123', 'abc', 'ABC', '123456789012345678', '1234567890123456789012']);
    assert.deepEqual(r.duplicates, [
      { id: '123', line: 3, firstLine: 2 },
      { id: '123', line: 4, firstLine: 2 },
      { id: 'abc', line: 8, firstLine: 6 },
      { id: '123456789012345678', line: 10, firstLine: 9 },
      { id: '1234567890123456789012', line: 12, firstLine: 11 },
    ]);
    assert.equal(r.summary.duplicates, 5);
    assert.equal(r.summary.ids, 6);
  });

  test('numeric ids that differ only past the 9th digit are not merged', async () => {
    const list = ['1', '1000000001', '2000000001', '999999999', '1999999999', '100000000000000001', '100000000000000002'];
    const r = await collect('id\n' + list.join('\n'));
    assert.deepEqual(ids(r), list);
    assert.equal(r.duplicates.length, 0);
  });
});

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

describe('properties', () => {
  const idChars = fc.constantFrom(...'0123456789abcXYZ é€😀,;"\'-+=@'.split(/(?:)/u));
  const idArb = fc
    .array(idChars, { minLength: 1, maxLength: 12 })
    .map((cs) => cs.join(''))
    .filter((s) => s.trim() === s && s !== '' && defaultIsValidId(s));
  const fileArb = fc.record({
    title: fc.oneof(idArb, fc.constant('user id')),
    rows: fc.array(fc.tuple(idArb, fc.nat(5), fc.nat(3), fc.nat(2), fc.boolean()), { maxLength: 30 }),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    finalEol: fc.boolean(),
    cuts: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }),
  });

  const quote = (s: string) => '"' + s.replace(/"/g, '""') + '"';
  const encode = (id: string, quoting: number) => (/[",;]/.test(id) || quoting === 0 ? quote(quoting === 1 ? ` ${id} ` : id) : id);
  const decorate = (cell: string, style: number) => [cell, `${cell},`, `;${cell};`, `\t${cell}`, `  ${cell}  `, `,,${cell}`][style];

  test('valid generated files round-trip: ids, lines, duplicates, header, whatever the chunking', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async ({ title, rows, eol, bom, finalEol, cuts }) => {
        const lines = [encode(title, 2)];
        const expected: Array<{ id: string; line: number; sameAsHeader?: true }> = [];
        const dups: Array<{ id: string; line: number; firstLine: number }> = [];
        const first = new Map<string, number>();
        let sameAsHeader = false;
        for (const [id, style, quoting, blanks, blankFirst] of rows) {
          if (blankFirst) for (let b = 0; b < blanks; b++) lines.push(['', ' ', ';;', '""'][b % 4]);
          lines.push(decorate(encode(id, quoting), style));
          const line = lines.length;
          const seen = first.get(id);
          if (seen !== undefined) dups.push({ id, line, firstLine: seen });
          else {
            first.set(id, line);
            if (id === title && !sameAsHeader) {
              sameAsHeader = true;
              expected.push({ id, line, sameAsHeader: true });
            } else expected.push({ id, line });
          }
        }
        const text = (bom ? '\uFEFF' : '') + lines.join(eol) + (finalEol ? eol : '');
        const file = bytes(text);
        for (const input of [file, chunked(file, cuts)]) {
          const r = await collect(input, { batchSize: 7 });
          assert.deepEqual(r.ids, expected);
          assert.deepEqual(r.duplicates, dups);
          assert.deepEqual(r.malformed, []);
          assert.deepEqual(r.summary.header, { value: title, line: 1, valid: true });
        }
      }),
      { numRuns: 300 },
    );
  });

  const structural = fc.constantFrom(
    0x22,
    0x2c,
    0x3b,
    0x09,
    0x0a,
    0x0d,
    0x20,
    0x31,
    0x32,
    0x61,
    0xc3,
    0xa9,
    0xe2,
    0x82,
    0xac,
    0xf0,
    0x9f,
    0xff,
    0x00,
    0xef,
    0xbb,
    0xbf,
  );
  const bytesArb = fc.oneof(
    fc.uint8Array({ maxLength: 200 }),
    fc.array(structural, { maxLength: 200 }).map((a) => Uint8Array.from(a)),
    fc.string({ unit: 'binary', maxLength: 100 }).map((s) => new TextEncoder().encode(s)),
  );

  test('random input never throws anything but CsvImportError, and chunking never changes the outcome', async () => {
    await fc.assert(
      fc.asyncProperty(
        bytesArb,
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 }),
        fc.record({ maxBytes: fc.integer({ min: 0, max: 250 }), maxRows: fc.integer({ min: 0, max: 20 }) }, { requiredKeys: [] }),
        async (raw, cuts, limits) => {
          const file = Buffer.from(raw);
          const whole = await outcome(file, { batchSize: 3, ...limits });
          const pieces = await outcome(chunked(file, cuts), { batchSize: 3, ...limits });
          const norm = (r: typeof whole) => ('code' in r ? r : { ...r, batches: 0 });
          assert.deepEqual(norm(pieces), norm(whole));
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('not_utf8 exactly when a strict UTF-8 decoder fails or there is a NUL byte', async () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    await fc.assert(
      fc.asyncProperty(bytesArb, fc.boolean(), async (raw, withStructure) => {
        // without separators and quotes no other error can come first: then it is an equivalence
        const body = withStructure ? Buffer.from(raw) : Buffer.from(raw.map((b) => ([0x2c, 0x3b, 0x09, 0x22].includes(b) ? 0x61 : b)));
        const file = Buffer.concat([bytes('a\n'), body]); // no sniffable start (BOM, UTF-16, workbook)
        let invalid = file.includes(0);
        try {
          strict.decode(file);
        } catch {
          invalid = true;
        }
        const r = await outcome(file);
        const notUtf8 = 'code' in r && r.code === 'not_utf8';
        if (notUtf8) assert.ok(invalid, r.message);
        if (invalid) assert.ok('code' in r, 'an invalid file must be rejected');
        if (!withStructure) assert.equal(notUtf8, invalid, JSON.stringify(r));
      }),
      { numRuns: 1000 },
    );
  });
});
