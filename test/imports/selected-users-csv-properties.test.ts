// SPEC section 3, "Selected users from a CSV file": properties over generated and random files.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultIsValidId } from '../../src/imports/selected-users-csv.ts';
import { bytes, chunked, collect, outcome } from './helpers.ts';

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
