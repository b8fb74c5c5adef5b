// CSV for exports (delivery logs, import reports: unknown / blocked / malformed / duplicate ids):
// RFC 4180 with CRLF line ends, UTF-8 with an optional byte-order mark (Excel needs it to read
// UTF-8), and spreadsheet formula injection neutralised (OWASP "CSV Injection").
//
// Decisions:
//   - A STRING cell whose first character is `=` `+` `-` `@`, a tab or a CR gets a leading `'`
//     (OWASP's list), so a spreadsheet shows it as text instead of evaluating it: `=1+2` → `'=1+2`,
//     `-5` (the string) → `'-5`. The `'` is visible in the cell; that is the price of safety, and a
//     user id or a message text starting with `-` or `+` (a phone number "+7999…") is shown with it.
//   - A NUMBER or BIGINT cell is written as the number and never prefixed: `-5` stays `-5` and sorts
//     and sums as a number. It cannot carry a formula. NaN and ±Infinity are written as empty cells.
//     So: pass numbers as numbers, and anything typed by a person (names, texts, ids from files) as
//     strings.
//   - Cells are quoted when they contain `"` `,` `;` a tab, CR or LF, or begin or end with a space
//     (`;` and tab too, so a spreadsheet guessing another separator does not split the cell; and the
//     spaces, because many readers trim them). `"` inside is doubled.
//   - null/undefined → empty; boolean → true/false; Date → ISO 8601 (UTC); other objects → JSON.
import { Readable } from 'node:stream';

export type CsvSeparator = ',' | ';' | '\t';

export interface CsvRowOptions {
  /** Default `,`. */
  separator?: CsvSeparator;
}

/** The UTF-8 byte-order mark, as a string (write it first) and as bytes. */
export const UTF8_BOM = '\uFEFF';
export const UTF8_BOM_BYTES: Buffer = Buffer.from([0xef, 0xbb, 0xbf]);

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /["\r\n,;\t]|^ | $/;

/** One cell's text, neutralised and quoted as needed. */
export function csvCell(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) text = Number.isNaN(value.getTime()) ? '' : value.toISOString();
  else if (typeof value === 'string') text = value;
  else text = JSON.stringify(value) ?? String(value);
  if (FORMULA_START.test(text)) text = "'" + text;
  return NEEDS_QUOTES.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

/** One CSV row, CRLF included. */
export function csvRow(cells: readonly unknown[], options: CsvRowOptions = {}): string {
  const separator = options.separator ?? ',';
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) out += separator;
    out += csvCell(cells[i]);
  }
  return out + '\r\n';
}

export interface CsvStreamOptions extends CsvRowOptions {
  /** Start with a UTF-8 byte-order mark (default true: Excel then reads UTF-8 correctly). */
  bom?: boolean;
  /** A header row written first. */
  header?: readonly unknown[];
  /** Rows are gathered into chunks of about this many bytes (default 64 KB). */
  chunkBytes?: number;
}

/**
 * A byte stream (not object mode) of CSV from rows, for an HTTP response or a file. Pull based:
 * the next row is only taken from `rows` when the consumer wants more, so a slow client holds the
 * database cursor back instead of filling memory; destroying the stream ends the iteration
 * (`return()` on the iterator, which closes a cursor written as a generator with `finally`).
 */
export function csvReadable(
  rows: AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>,
  options: CsvStreamOptions = {},
): Readable {
  const chunkBytes = options.chunkBytes ?? 64 * 1024;
  async function* chunks(): AsyncGenerator<Buffer> {
    let pending = options.bom === false ? '' : UTF8_BOM;
    if (options.header) pending += csvRow(options.header, options);
    for await (const row of rows) {
      pending += csvRow(row, options);
      if (pending.length >= chunkBytes) {
        yield Buffer.from(pending, 'utf8');
        pending = '';
      }
    }
    if (pending.length > 0) yield Buffer.from(pending, 'utf8');
  }
  return Readable.from(chunks(), { objectMode: false, highWaterMark: chunkBytes });
}
