// The `botcast import-subscribers` file: CSV with a header, JSON Lines, JSON array.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  CsvImportError,
  normalizeSubscriber,
  parseSubscribersFile,
  type SubscriberRow,
  type SubscriberRowProblem,
  type SubscribersFileOptions,
  type SubscribersFileSummary,
} from '../../src/imports/subscribers-file.ts';
import { bytes, chunked } from './helpers.ts';

interface Result {
  rows: SubscriberRow[];
  problems: SubscriberRowProblem[];
  summary: SubscribersFileSummary;
}

async function parse(input: string | Buffer | Buffer[], options: SubscribersFileOptions = {}): Promise<Result> {
  const out: Partial<Result> & { rows: SubscriberRow[]; problems: SubscriberRowProblem[] } = { rows: [], problems: [] };
  for await (const batch of parseSubscribersFile(typeof input === 'string' ? bytes(input) : input, options)) {
    out.rows.push(...batch.rows);
    out.problems.push(...batch.problems);
    if (batch.final) out.summary = batch.summary;
  }
  assert.ok(out.summary, 'no final batch');
  return out as Result;
}

async function fails(
  input: string | Buffer | Buffer[],
  code: string,
  message: RegExp,
  line?: number,
  options: SubscribersFileOptions = {},
) {
  await assert.rejects(parse(input, options), (e: unknown) => {
    assert.ok(e instanceof CsvImportError, String(e));
    assert.equal(e.code, code, e.message);
    assert.match(e.message, message);
    if (line !== undefined) assert.equal(e.line, line, e.message);
    return true;
  });
}

const row = (line: number, platformUserId: string, extra: Partial<SubscriberRow> = {}): SubscriberRow => ({
  line,
  platformUserId,
  name: null,
  username: null,
  language: null,
  tags: [],
  ...extra,
});

describe('CSV', () => {
  test('a header names the columns in any order, case and spacing; all fields read', async () => {
    const r = await parse('\uFEFFTags,Platform User ID,name,Username,language\r\n"vip|new, promo",123,Ann Lee,@ann,pt_BR\r\n,124,,,\r\n');
    assert.deepEqual(r.rows, [
      row(2, '123', { name: 'Ann Lee', username: 'ann', language: 'pt-BR', tags: ['vip', 'new', 'promo'] }),
      row(3, '124'),
    ]);
    assert.equal(r.summary.format, 'csv');
    assert.equal(r.summary.separator, ',');
    assert.equal(r.summary.bom, true);
    assert.deepEqual(r.problems, []);
  });

  test('semicolon and tab separators are detected from the header; commas in values are then plain', async () => {
    const semi = await parse('platform_user_id;name;tags\n1;Smith, John;a,b|c\n');
    assert.deepEqual(semi.rows, [row(2, '1', { name: 'Smith, John', tags: ['a', 'b', 'c'] })]);
    const tab = await parse('platform_user_id\tname\n2\tJo; Ann\n');
    assert.deepEqual(tab.rows, [row(2, '2', { name: 'Jo; Ann' })]);
  });

  test('only platform_user_id is required; other columns are ignored and listed', async () => {
    const r = await parse('platform_user_id,city\n7,Paris\n');
    assert.deepEqual(r.rows, [row(2, '7')]);
    assert.deepEqual(r.summary.ignoredColumns, ['city']);
  });

  test('a missing platform_user_id column is fatal and names the header line', async () => {
    await fails('\n\nid,name\n1,Ann\n', 'bad_header', /missing platform_user_id column in the header at line 3 \(found: "id", "name"\)/, 3);
  });

  test('a column twice is fatal', async () => {
    await fails('platform_user_id,name,Name\n1,a,b\n', 'bad_header', /the column name appears twice in the header at line 1/, 1);
  });

  test('bad rows are reported with line and reason, and skipped', async () => {
    const file = [
      'platform_user_id,name,username,language,tags',
      '1,Ann,ann,en,a', // 2 ok
      ',NoId,,,', // 3
      '3,Smith, John,j,en,', // 4 unquoted comma in the name
      '4,Bob,b,english,', // 5
      '5,Bo\u0007b,,,', // 6
      '1,Ann again,,,', // 7 duplicate
      '6,Eve,e v,,', // 8 username with a space
      `7,${'n'.repeat(257)},,,`, // 9
      `8,,,,${'t'.repeat(101)}`, // 10
      '"9"x,,,,', // 11
      '10,Ok,,,', // 12 ok
    ].join('\n');
    const r = await parse(file);
    assert.deepEqual(
      r.rows.map((x) => [x.line, x.platformUserId]),
      [
        [2, '1'],
        [12, '10'],
      ],
    );
    assert.deepEqual(
      r.problems.map((p) => [p.line, p.reason]),
      [
        [3, 'platform_user_id is missing'],
        [4, '6 cells but the header has 5 columns (a value containing the separator must be in quotes)'],
        [5, 'language "english" is not a language code like en or pt-BR'],
        [6, 'name contains a control character'],
        [7, 'duplicate: platform_user_id "1" is already at line 2'],
        [8, 'username "e v" contains a space'],
        [9, 'name is longer than 256 characters'],
        [10, `tag "${'t'.repeat(60)}…" is longer than 100 characters`],
        [11, 'text after the closing quote in the platform_user_id column'],
      ],
    );
    assert.equal(r.summary.records, 11);
    assert.equal(r.summary.rows, 2);
    assert.equal(r.summary.problems, 9);
  });

  test('the platform predicate decides id validity', async () => {
    const r = await parse('platform_user_id\n12\nab\n', { isValidId: (id) => /^\d+$/.test(id) });
    assert.deepEqual(r.problems, [{ line: 3, reason: 'platform_user_id "ab" is not valid: not a valid user id', platformUserId: 'ab' }]);
  });

  test('not UTF-8 is fatal and names the line', async () => {
    const file = Buffer.concat([bytes('platform_user_id,name\n1,a\n2,'), Buffer.from([0xe9]), bytes('lo\n')]);
    for (const input of [file, chunked(file)]) {
      await fails(input, 'not_utf8', /^not UTF-8: incomplete character 0xE9 \(followed by 0x6C\) at line 3/, 3);
    }
    await fails(Buffer.from('\ufeffplatform_user_id\n1\n', 'utf16le'), 'not_utf8', /UTF-16/, 1);
  });

  test('unterminated quote, empty file, row limit', async () => {
    await fails('platform_user_id,name\n1,"Ann\n2,b\n', 'unterminated_quote', /line 2/, 2);
    await fails('', 'empty', /the file is empty/);
    await fails('\n  \n', 'empty', /the file is empty/);
    await fails('platform_user_id\n1\n2\n3\n', 'too_many_rows', /^more than 2 rows \(line 4\)/, 4, { maxRows: 2 });
    await fails('platform_user_id\n1\n2\n3\n', 'too_large', /^file is larger than 10 bytes$/, undefined, { maxBytes: 10 });
  });
});

describe('JSON Lines', () => {
  test('one object a line; bad lines are problems with their line', async () => {
    const file = [
      '{"platform_user_id": 1, "name": "A", "tags": ["x", "y", "x"]}',
      '{bad json}',
      '',
      '[1]',
      '{"platform_user_id": 12345678901234567890}',
      '{"platform_user_id": "2", "language": "de", "username": "@d", "extra": true}',
      '{"platform_user_id": "3", "tags": "a|b"}',
      '{"platform_user_id": "4", "name": 5}',
      '{"platform_user_id": "5", "tags": [1]}',
      '  ',
    ].join('\r\n');
    const r = await parse(file);
    assert.equal(r.summary.format, 'jsonl');
    assert.deepEqual(r.rows, [
      row(1, '1', { name: 'A', tags: ['x', 'y'] }),
      row(6, '2', { language: 'de', username: 'd' }),
      row(7, '3', { tags: ['a', 'b'] }),
    ]);
    assert.deepEqual(
      r.problems.map((p) => [p.line, p.reason.replace(/:.*/, '')]),
      [
        [2, 'invalid JSON'],
        [4, 'not a JSON object'],
        [5, 'platform_user_id is a number that is not an exact integer'],
        [8, 'name must be a string'],
        [9, 'tags must be strings'],
      ],
    );
  });

  test('a record over 64 KB is a problem, not a memory blow-up', async () => {
    const r = await parse(`{"platform_user_id":"1","name":"${'x'.repeat(70_000)}"}\n{"platform_user_id":"2"}\n`);
    assert.deepEqual(r.problems, [{ line: 1, reason: 'the record is longer than 64 KB' }]);
    assert.deepEqual(r.rows, [row(2, '2')]);
  });
});

describe('JSON array', () => {
  test('objects over several lines, each with the line where it starts', async () => {
    const file = '[\n  {"platform_user_id": "1",\n   "name": "A"},\n  {"platform_user_id": "1"}, 5,\n  {"x": "}]"}\n]\n';
    for (const input of [bytes(file), chunked(bytes(file)), chunked(bytes(file), [5, 3])]) {
      const r = await parse(input);
      assert.equal(r.summary.format, 'json');
      assert.deepEqual(r.rows, [row(2, '1', { name: 'A' })]);
      assert.deepEqual(
        r.problems.map((p) => [p.line, p.reason]),
        [
          [4, 'duplicate: platform_user_id "1" is already at line 2'],
          [4, 'not a JSON object'],
          [5, 'platform_user_id is missing'],
        ],
      );
    }
  });

  test('structure errors around the elements are fatal, with the line', async () => {
    await fails('[{"platform_user_id": "1"}\n {"a":1}]', 'invalid_json', /expected , or \] after the element that starts at line 1/, 2);
    await fails('[{"platform_user_id": "1"},\n]', 'invalid_json', /a comma before \]/, 2);
    await fails('[{"platform_user_id": "1"}', 'invalid_json', /the array that starts at line 1 is not closed/);
    await fails('[]\n[]', 'invalid_json', /text after the end of the array/, 2);
    await fails('[1,,2]', 'invalid_json', /an empty element/, 1);
    assert.equal((await parse('[ ]')).summary.rows, 0);
  });

  test('format can be forced', async () => {
    await fails('platform_user_id\n1\n', 'invalid_json', /must be an array of objects/, 1, { format: 'json' });
    const r = await parse('{"platform_user_id":"1"}\n', { format: 'jsonl' });
    assert.equal(r.rows.length, 1);
  });
});

describe('normalizeSubscriber and robustness', () => {
  test('normalisation rules', () => {
    assert.deepEqual(
      normalizeSubscriber({ platform_user_id: ' 42 ', name: '  ', username: '@', language: 'EN', tags: ' a |, b,a ' }, 9),
      row(9, '42', { language: 'EN', tags: ['a', 'b'] }),
    );
    assert.equal(normalizeSubscriber({ platform_user_id: true }, 1), 'platform_user_id must be a string or an integer');
    assert.equal(
      normalizeSubscriber({ platform_user_id: '1', tags: { a: 1 } }, 1),
      'tags must be a string (tags separated by | or ,) or an array of strings',
    );
  });

  test('random input never throws anything but CsvImportError, whatever the chunking', async () => {
    const alphabet = fc.constantFrom(...'{}[]",;:\n\r\t 1a\\'.split(''), 'platform_user_id', 'name', 'tags', '\u00e9', '\u00ff');
    await fc.assert(
      fc.asyncProperty(
        fc.array(alphabet, { maxLength: 80 }),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }),
        async (parts, cuts) => {
          const file = bytes(parts.join(''));
          const run = async (input: Buffer | Buffer[]) => {
            try {
              const r = await parse(input, { batchSize: 2 });
              return { rows: r.rows, problems: r.problems };
            } catch (e) {
              if (!(e instanceof CsvImportError)) throw e;
              return { code: e.code, message: e.message, line: e.line };
            }
          };
          assert.deepEqual(await run(chunked(file, cuts)), await run(file));
        },
      ),
      { numRuns: 500 },
    );
  });
});
