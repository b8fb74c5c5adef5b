// SPEC section 3, "Selected users from a CSV file": the title row; values, separators, line ends
// and blanks; malformed and duplicate ids.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { CsvImportError, parseSelectedUsersCsv } from '../../src/imports/selected-users-csv.ts';
import { bytes, chunked, collect, digits, ids, rejects } from './helpers.ts';

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
