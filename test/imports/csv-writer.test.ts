import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { csvCell, csvReadable, csvRow, UTF8_BOM, UTF8_BOM_BYTES } from '../../src/imports/csv-writer.ts';
import { collect } from './helpers.ts';

/** Lets queued stream work run (a few event-loop turns), without depending on wall-clock time. */
async function settle(turns = 20): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(parts);
}

describe('csvRow: RFC 4180', () => {
  test('plain cells, CRLF at the end', () => {
    assert.equal(csvRow(['a', 'b c', 1, 2.5]), 'a,b c,1,2.5\r\n');
    assert.equal(csvRow([]), '\r\n');
  });

  test('quotes when needed, doubling quotes', () => {
    assert.equal(csvRow(['a,b', 'say "hi"', 'x\ny', 'x\r\ny', 'a;b', 'a\tb']), '"a,b","say ""hi""","x\ny","x\r\ny","a;b","a\tb"\r\n');
    assert.equal(csvRow([' lead', 'trail ', 'mid dle']), '" lead","trail ",mid dle\r\n');
  });

  test('other separators', () => {
    assert.equal(csvRow(['a', 'b;c', 'd,e'], { separator: ';' }), 'a;"b;c";"d,e"\r\n');
    assert.equal(csvRow(['a', 'b'], { separator: '\t' }), 'a\tb\r\n');
  });

  test('types: null/undefined empty, booleans, bigint, dates in ISO, objects as JSON, NaN empty', () => {
    const d = new Date('2024-03-01T10:00:00Z');
    assert.equal(
      csvRow([null, undefined, true, false, 12n, d, { a: 1 }, NaN, Infinity]),
      ',,true,false,12,2024-03-01T10:00:00.000Z,"{""a"":1}",,\r\n',
    );
  });
});

describe('formula injection (OWASP)', () => {
  test('a string starting with = + - @ tab or CR gets a leading quote mark', () => {
    assert.equal(csvCell('=1+2'), "'=1+2");
    assert.equal(csvCell('=HYPERLINK("http://evil","x")'), `"'=HYPERLINK(""http://evil"",""x"")"`);
    assert.equal(csvCell('+79991234567'), "'+79991234567");
    assert.equal(csvCell('-5'), "'-5");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('\t=1'), `"'\t=1"`);
    assert.equal(csvCell('\r=1'), `"'\r=1"`);
    assert.equal(csvCell("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
  });

  test('numbers are written as numbers: -5 stays -5', () => {
    assert.equal(csvCell(-5), '-5');
    assert.equal(csvCell(-0.25), '-0.25');
    assert.equal(csvCell(-12n), '-12');
    assert.equal(csvRow([-5, '-5']), "-5,'-5\r\n");
  });

  test('other strings are untouched', () => {
    for (const s of ['hello', '1-2', 'a=b', "it's", '', '42']) assert.equal(csvCell(s), s);
  });

  test('property: no cell of a row, as a spreadsheet reads it, starts with a formula character', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme-ascii' }), { maxLength: 6 }), (cells) => {
        const row = csvRow(cells);
        assert.ok(row.endsWith('\r\n'));
        for (const cell of cells) {
          const out = csvCell(cell);
          const unquoted = out.startsWith('"') ? out.slice(1, -1).replace(/""/g, '"') : out;
          assert.ok(!/^[=+\-@\t\r]/.test(unquoted), JSON.stringify(out));
          assert.ok(unquoted === cell || unquoted === "'" + cell);
        }
      }),
    );
  });
});

describe('csvReadable', () => {
  test('BOM, header, rows; bytes not objects', async () => {
    const out = await readAll(
      csvReadable(
        [
          ['1', 'Ann'],
          [2, '=x'],
        ],
        { header: ['id', 'name'] },
      ),
    );
    assert.deepEqual(out.subarray(0, 3), UTF8_BOM_BYTES);
    assert.equal(out.toString('utf8'), UTF8_BOM + "id,name\r\n1,Ann\r\n2,'=x\r\n");
    const noBom = await readAll(csvReadable([['a']], { bom: false }));
    assert.equal(noBom.toString(), 'a\r\n');
  });

  test('what it writes, the selected-users parser reads back', async () => {
    const idsIn = ['123', 'a,b', 'x;y', 'q"uote', 'tab\tin', ' sp ace'];
    const out = await readAll(
      csvReadable(
        (async function* () {
          for (const id of idsIn) yield [id];
        })(),
        { header: ['user id'] },
      ),
    );
    const r = await collect(out, { isValidId: () => true });
    assert.deepEqual(
      r.ids.map((x) => x.id),
      ['123', 'a,b', 'x;y', 'q"uote', 'tab\tin', 'sp ace'],
    );
  });

  test('backpressure: rows are pulled only as the consumer reads, and destroy stops the source', async () => {
    let pulled = 0;
    let closed = false;
    async function* rows() {
      try {
        for (let i = 0; ; i++) {
          pulled++;
          yield [i, 'x'.repeat(100)];
        }
      } finally {
        closed = true;
      }
    }
    const stream = csvReadable(rows(), { chunkBytes: 1024 });
    await new Promise((resolve) => stream.once('readable', resolve));
    await settle();
    const before = pulled;
    assert.ok(before < 400, `pulled ${before} rows with nobody reading`);
    stream.read();
    await settle();
    assert.ok(pulled > before);
    stream.destroy();
    await settle();
    assert.ok(closed);
  });
});
