// The file of `botcast import-subscribers`: a migration import of people who already wrote to the
// bot (SPEC section 1: subscribers are created only by inbound messages or by this import). Pure and
// streaming, like the selected-users parser; the CLI upserts the rows in batches.
//
// Formats (`format: 'auto'` looks at the first non-blank character: `[` → JSON array, `{` → JSON
// Lines, anything else → CSV):
//   - CSV with a header row naming the columns, in any order, case and spacing ignored:
//     platform_user_id (required), name, username, language, tags. Other columns are ignored (listed
//     in the summary). The separator is the first `,` `;` or tab met (normally in the header); a
//     value containing it must be quoted. Otherwise the same rules as the selected-users CSV: UTF-8
//     only (BOM ignored), LF/CRLF/CR, quotes with `""`, values trimmed, blank lines skipped.
//   - JSON Lines (one object a line) or a JSON array of objects, with the same field names.
//     platform_user_id may be a string or an integer (a number beyond 2^53 cannot be exact: it
//     must be a string).
// Values: tags are separated by `|` or `,` inside the cell (or a JSON array of strings), trimmed,
// empty ones dropped, repeats merged. A username loses a leading `@`. A language is a code like
// `en`, `pt-BR` (`pt_BR` is accepted and written `pt-BR`). Empty values are null.
// (One record is cleaned by normalizeSubscriber, in subscriber-record.ts.)
//
// A bad row (missing or malformed id, invalid JSON, a too long name, a row with more cells than the
// header has columns, even empty ones — typically an unquoted separator inside a name —, a repeated
// platform_user_id) is reported with its line and reason and skipped: not fatal. Fatal
// (CsvImportError, naming the line): not UTF-8, no platform_user_id column, a column twice, a JSON
// array that is not well formed between its elements, an unterminated quote, the size or row limit.
// As with the selected-users parser, a fatal error can come after batches were yielded: write the
// rows in one transaction committed at the `final` batch, or accept a partial import knowingly.
import { CsvTokenizer, type CsvField, type CsvRecord, type Separator } from './csv-tokenizer.ts';
import { CsvImportError, formatBytes, formatCount, quoteForMessage } from './errors.ts';
import { SeenIds } from './id-set.ts';
import { JsonArraySplitter, JsonLinesSplitter } from './json-records.ts';
import { defaultIdProblem } from './selected-users-csv.ts';
import { fileBytes, type ImportSource, type SourceInfo } from './source.ts';
import { normalizeSubscriber, type RawSubscriber, type SubscriberRow } from './subscriber-record.ts';
import { Utf8Validator } from './utf8.ts';

export { CsvImportError } from './errors.ts';
export { MAX_NAME_LENGTH, MAX_TAG_LENGTH, normalizeSubscriber, type SubscriberRow } from './subscriber-record.ts';

export type SubscribersFileFormat = 'csv' | 'jsonl' | 'json';

export const SUBSCRIBER_COLUMNS = ['platform_user_id', 'name', 'username', 'language', 'tags'] as const;
type Column = (typeof SUBSCRIBER_COLUMNS)[number];

export const SUBSCRIBERS_DEFAULT_MAX_BYTES = 1024 * 1024 * 1024;
export const SUBSCRIBERS_DEFAULT_MAX_ROWS = 10_000_000;
/** Longest JSON record, and longest CSV cell, in bytes. */
export const MAX_RECORD_BYTES = 64 * 1024;

export interface SubscribersFileOptions {
  /** 'auto' (default) decides from the first non-blank character. */
  format?: 'auto' | SubscribersFileFormat;
  /** Default 1 GB: a CLI migration file, streamed. */
  maxBytes?: number;
  /** Default 10,000,000 rows. */
  maxRows?: number;
  /** Platform-specific validity of an id (trimmed). Default: non-empty, ≤ 128 characters, no control characters. */
  isValidId?: (id: string) => boolean;
  /** Rows + problems per batch. Default 5,000. */
  batchSize?: number;
}

export interface SubscriberRowProblem {
  line: number;
  reason: string;
  /** The platform_user_id of the row, when it has a readable one. */
  platformUserId?: string;
}

export interface SubscribersFileSummary {
  format: SubscribersFileFormat;
  /** Records read (CSV: non-blank rows after the header). */
  records: number;
  /** Good rows yielded. */
  rows: number;
  problems: number;
  bytes: number;
  bom: boolean;
  /** CSV only: the header cells as written, the ignored ones, and the separator. */
  columns?: string[];
  ignoredColumns?: string[];
  separator?: Separator | null;
}

interface BatchBody {
  rows: SubscriberRow[];
  problems: SubscriberRowProblem[];
}

export type SubscribersFileBatch =
  | (BatchBody & { final: false })
  /** The last batch: the whole file was read and is valid. */
  | (BatchBody & { final: true; summary: SubscribersFileSummary });

const columnKey = (cell: string) =>
  cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * Streams the subscribers of an import file in batches of good rows and row problems. Throws
 * CsvImportError for a file that cannot be read as a whole (possibly after some batches).
 */
export async function* parseSubscribersFile(
  source: ImportSource,
  options: SubscribersFileOptions = {},
): AsyncGenerator<SubscribersFileBatch, void, undefined> {
  const maxBytes = options.maxBytes ?? SUBSCRIBERS_DEFAULT_MAX_BYTES;
  const maxRows = options.maxRows ?? SUBSCRIBERS_DEFAULT_MAX_ROWS;
  const batchSize = Math.max(1, options.batchSize ?? 5_000);
  const custom = options.isValidId;
  const idProblem = custom ? (id: string) => (custom(id) ? null : 'not a valid user id') : defaultIdProblem;

  const info: SourceInfo = { bom: false, bytes: 0 };
  const seen = new SeenIds();
  let records = 0;
  let rowCount = 0;
  let problemCount = 0;
  let batch: BatchBody = { rows: [], problems: [] };
  let size = 0;
  const ready: BatchBody[] = [];

  const add = (result: SubscriberRow | SubscriberRowProblem) => {
    if ('reason' in result) {
      batch.problems.push(result);
      problemCount++;
    } else {
      batch.rows.push(result);
      rowCount++;
    }
    if (++size >= batchSize) {
      ready.push(batch);
      batch = { rows: [], problems: [] };
      size = 0;
    }
  };

  const countRecord = (line: number) => {
    if (++records > maxRows) {
      throw new CsvImportError('too_many_rows', `more than ${formatCount(maxRows)} rows (line ${line}); split the file`, line);
    }
  };

  /** Validates, dedups and adds one record. */
  const accept = (raw: RawSubscriber, line: number) => {
    const result = normalizeSubscriber(raw, line, idProblem);
    if (typeof result === 'string') {
      const id = typeof raw.platform_user_id === 'string' ? raw.platform_user_id.trim() : undefined;
      add(id ? { line, reason: result, platformUserId: id } : { line, reason: result });
      return;
    }
    const first = seen.firstLineOrAdd(result.platformUserId, line);
    if (first !== 0) {
      add({
        line,
        reason: `duplicate: platform_user_id ${quoteForMessage(result.platformUserId)} is already at line ${first}`,
        platformUserId: result.platformUserId,
      });
      return;
    }
    add(result);
  };

  // ---- CSV
  let columns: string[] | undefined;
  const ignoredColumns: string[] = [];
  let positions: Array<Column | null> = [];
  const onCsvRecord = (record: CsvRecord) => {
    const fields = record.fields;
    if (fields.every((f: CsvField) => f.value === '')) return; // blank line
    const line = record.line;
    if (columns === undefined) {
      columns = fields.map((f) => f.value);
      positions = fields.map((f) => {
        const key = columnKey(f.value);
        return (SUBSCRIBER_COLUMNS as readonly string[]).includes(key) ? (key as Column) : null;
      });
      positions.forEach((c, i) => {
        if (c === null && fields[i].value !== '') ignoredColumns.push(fields[i].value);
        else if (c !== null && positions.indexOf(c) !== i) {
          throw new CsvImportError('bad_header', `the column ${c} appears twice in the header at line ${line}`, line);
        }
      });
      if (!positions.includes('platform_user_id')) {
        throw new CsvImportError(
          'bad_header',
          `missing platform_user_id column in the header at line ${line} (found: ${columns.map((c) => quoteForMessage(c, 30)).join(', ')}); ` +
            `the first row must name the columns: ${SUBSCRIBER_COLUMNS.join(', ')}`,
          line,
        );
      }
      return;
    }
    countRecord(line);
    // More cells than the header, even empty ones: `3,Smith, John,j,en,` must not import "John" as
    // the username. Rows written by the same program as their header have the same shape.
    if (record.count > positions.length) {
      add({
        line,
        reason: `${record.count} cells but the header has ${positions.length} columns (a value containing the separator must be in quotes)`,
      });
      return;
    }
    const raw: Record<string, string> = {};
    for (let i = 0; i < positions.length && i < fields.length; i++) {
      const column = positions[i];
      if (column === null) continue;
      const f = fields[i];
      if (f.badQuote) {
        add({ line, reason: `text after the closing quote in the ${column} column` });
        return;
      }
      if (f.truncated) {
        add({ line, reason: `the ${column} value is longer than ${formatBytes(MAX_RECORD_BYTES)}` });
        return;
      }
      raw[column] = f.value;
    }
    accept(raw, line);
  };

  // ---- JSON
  const onJsonRecord = (text: string | null, line: number) => {
    countRecord(line);
    if (text === null) {
      add({ line, reason: `the record is longer than ${formatBytes(MAX_RECORD_BYTES)}` });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      add({ line, reason: `invalid JSON: ${(e as Error).message}` });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      add({ line, reason: 'not a JSON object' });
      return;
    }
    accept(value as RawSubscriber, line);
  };

  interface Parser {
    line: number;
    write(chunk: Buffer): void;
    end(): void;
  }
  let format: SubscribersFileFormat | null = options.format && options.format !== 'auto' ? options.format : null;
  let parser: Parser | null = null;
  let csv: CsvTokenizer | null = null;
  const makeParser = (f: SubscribersFileFormat): Parser => {
    if (f === 'csv') {
      return (csv = new CsvTokenizer({
        separators: 'detect',
        keepEmpty: true,
        maxFieldBytes: MAX_RECORD_BYTES,
        maxFields: 256,
        onRecord: onCsvRecord,
      }));
    }
    const sink = { maxRecordBytes: MAX_RECORD_BYTES, onRecord: onJsonRecord };
    return f === 'json' ? new JsonArraySplitter(sink) : new JsonLinesSplitter(sink);
  };
  if (format) parser = makeParser(format);
  const held: Buffer[] = []; // bytes before the first non-blank one, while the format is unknown

  const utf8 = new Utf8Validator();
  const feed = (buf: Buffer) => {
    if (parser === null) {
      let k = 0;
      while (k < buf.length && (buf[k] === 0x20 || buf[k] === 0x09 || buf[k] === 0x0a || buf[k] === 0x0d)) k++;
      if (k === buf.length) {
        held.push(buf);
        return;
      }
      format = buf[k] === 0x5b ? 'json' : buf[k] === 0x7b ? 'jsonl' : 'csv';
      parser = makeParser(format);
      for (const h of held.splice(0)) parser.write(h);
    }
    parser.write(buf);
  };
  const lineNow = () => {
    if (parser) return parser.line;
    const text = Buffer.concat(held).toString('latin1'); // only blanks are held
    return 1 + (text.match(/\r\n|\r|\n/g)?.length ?? 0);
  };

  for await (const buf of fileBytes(source, maxBytes, info)) {
    const bad = utf8.check(buf);
    if (bad >= 0) {
      if (bad > 0) feed(buf.subarray(0, bad));
      throw utf8.error(lineNow());
    }
    feed(buf);
    while (ready.length > 0) yield { ...ready.shift()!, final: false };
  }
  if (utf8.incompleteAtEnd()) throw utf8.error(lineNow());
  if (parser === null) {
    if (format === null) throw new CsvImportError('empty', 'the file is empty: expected a header row (CSV) or JSON');
    parser = makeParser(format);
  }
  parser.end();
  if (format === 'csv' && columns === undefined) {
    throw new CsvImportError('empty', 'the file is empty: expected a header row naming the columns, starting with platform_user_id');
  }
  while (ready.length > 0) yield { ...ready.shift()!, final: false };
  const tokenizer = csv as CsvTokenizer | null;
  yield {
    ...batch,
    final: true,
    summary: {
      format: format ?? 'csv',
      records,
      rows: rowCount,
      problems: problemCount,
      bytes: info.bytes,
      bom: info.bom,
      ...(format === 'csv' ? { columns: columns ?? [], ignoredColumns, separator: tokenizer?.separator ?? null } : {}),
    },
  };
}
