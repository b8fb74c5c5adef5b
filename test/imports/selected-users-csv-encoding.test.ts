// SPEC section 3, "Selected users from a CSV file": UTF-8 only — the byte-order mark, invalid and
// cut characters, other encodings named (UTF-16, Windows-1251, an Excel workbook), with their line.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { CsvImportError, parseSelectedUsersCsv } from '../../src/imports/selected-users-csv.ts';
import { bytes, chunked, collect, digits, ids, rejects } from './helpers.ts';

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
