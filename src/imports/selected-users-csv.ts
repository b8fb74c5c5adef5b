// "Selected users" from a CSV file (SPEC section 3): a streaming, pure parser. It knows no database;
// the caller looks the ids up (in batches) among the bot's subscribers on the one selected platform.
//
// Usage — all or nothing:
//
//   for await (const batch of parseSelectedUsersCsv(request.file, { isValidId })) {
//     if (batch.header) decide whether the header row is data (see below);
//     await stage(batch.ids);                  // e.g. look up + insert into a temp/staging table
//     report(batch.malformed, batch.duplicates);
//     if (batch.final) await commit(batch.summary);
//   }
//
// A CsvImportError can be thrown AFTER some batches were yielded (a second column on line 900 000,
// invalid UTF-8 near the end, a size or row limit, an unterminated quote). The file is then rejected
// as a whole: nothing staged may be kept. Only the batch with `final: true` says "the whole file is
// valid"; commit there, never earlier. Breaking out of the loop destroys the source stream.
//
// The rules, and the decisions taken where SPEC section 3 leaves room:
//   - Encoding: UTF-8 only. A UTF-8 byte-order mark is ignored. Invalid or truncated sequences
//     (also split across chunks or cut by the end of the file), overlongs, surrogates, NUL bytes,
//     UTF-16/UTF-32 (by byte-order mark or by NUL-interleaved ASCII) and Excel workbooks are
//     rejected with code 'not_utf8' and a message that starts with "not UTF-8: " and names the
//     problem and the line (e.g. "not UTF-8: invalid byte 0xFF at line 7; save the file as UTF-8").
//   - Lines: LF, CRLF and a lone CR all end a row (CR-only files come from old Mac Excel). Line
//     numbers are physical lines, as a text editor shows them.
//   - Separators: `,` `;` and tab are ALL treated as separators everywhere (outside quotes). No
//     platform's user ids contain any of them, so there is nothing to guess: a row that splits into
//     two non-empty cells by any of them (after the title row) is a second column, and the file is
//     rejected ("more than one column at line 12: "123" and "Bob"") — safer than guessing a separator and importing
//     "123,456" as one unknown id. A value that really contains one must be quoted. The first
//     separator met is reported in the summary.
//   - Empty cells do not count: `123,` `;123;` `"123"\t` are one column. Blank lines (also lines of
//     only spaces or separators) are skipped and not counted as rows.
//   - Quotes: `"123"` or 123; `""` inside quotes is a quote; spaces around the quotes AND inside them
//     are trimmed (`  " 123 " ` is 123). Text after a closing quote (`"12"3`) makes that id
//     malformed (not fatal). A quote still open at the end of the file is fatal
//     ('unterminated_quote', naming the line where it opened).
//   - Title row: the first non-blank row is never yielded as an id. It comes once, as
//     `batch.header` on the first batch (and in the summary), with `valid` = it passes `isValidId`.
//     Being "a title of any kind", it may have several cells (`User ID, Telegram`, `id;name`): that
//     is not a second column of ids; `value` is then its first two cells joined by ", ", and
//     `valid` is false. Every other row must have one non-empty cell.
//     The parser cannot know whether it is a known subscriber; the caller decides: if `valid` and the
//     id is a known subscriber on the platform, it is data, else it is the title (and is not
//     reported as unknown or malformed). Ids later in the file equal to the header value are yielded
//     once with `sameAsHeader: true` (further repeats are ordinary duplicates of that line): if the
//     caller decided the header is data, such an id is a duplicate of `header.line`.
//   - Malformed ids (failing `isValidId`; default: non-empty, at most 128 characters, no control or
//     invisible formatting characters) and duplicates (the same id after trimming, compared
//     exactly) are reported with their line, not fatal. Only valid, first-seen ids are in `ids`.
//   - Limits: more than `maxBytes` bytes → 'too_large' "file is larger than 50 MB"; more than
//     `maxRows` rows → 'too_many_rows' "more than 1,000,000 rows". Rows are the non-blank rows after
//     the title row (a title + 1,000,000 ids is accepted).
//   - The error reported is always the first problem in file order, however the bytes are chunked.
//   - Memory: one chunk, the batches of one chunk, and the ids seen (for duplicates, `SeenIds`:
//     ~24 MB for 1,000,000 numeric ids, ~80 MB if they are not numeric). bench/csv-parse.ts: 1M
//     ids parse in ~0.6 s with ~65 MB of RSS above the baseline.
import { CsvTokenizer, type CsvRecord, type Separator } from './csv-tokenizer.ts';
import { CsvImportError, formatCount, quoteForMessage } from './errors.ts';
import { SeenIds } from './id-set.ts';
import { fileBytes, type ImportSource, type SourceInfo } from './source.ts';
import { Utf8Validator } from './utf8.ts';

export { CsvImportError, type CsvImportErrorCode } from './errors.ts';
export type { ImportChunk, ImportSource } from './source.ts';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_ROWS = 1_000_000;
export const DEFAULT_BATCH_SIZE = 5_000;
/** Longest id the default predicate accepts, in characters (code points). */
export const DEFAULT_MAX_ID_LENGTH = 128;
/** Bytes kept of any one cell; a longer cell is malformed whatever the predicate says. */
export const MAX_CELL_BYTES = 4096;

export interface SelectedUsersCsvOptions {
  /** Default 50 MB (52,428,800 bytes). */
  maxBytes?: number;
  /** Default 1,000,000 rows after the title row. */
  maxRows?: number;
  /** Platform-specific validity of an id (already trimmed). Default: `defaultIsValidId`. */
  isValidId?: (id: string) => boolean;
  /** Entries (ids + malformed + duplicates) per yielded batch. Default 5,000. */
  batchSize?: number;
}

export interface HeaderCandidate {
  /** The first non-blank row's value (trimmed). */
  value: string;
  line: number;
  /** It passes `isValidId`, so it may be data if it is a known subscriber's id. */
  valid: boolean;
}

export interface CsvId {
  id: string;
  line: number;
  /** Equal to the header candidate's value: a duplicate of it if the caller treats the header as data. */
  sameAsHeader?: true;
}

export interface CsvMalformedId {
  /** The cell as read (trimmed, cut to 200 characters). */
  value: string;
  line: number;
  reason: string;
}

export interface CsvDuplicateId {
  id: string;
  line: number;
  /** Line of the first occurrence. */
  firstLine: number;
}

export interface SelectedUsersSummary {
  header: HeaderCandidate | null;
  /** Non-blank rows after the header candidate. */
  rows: number;
  /** Distinct valid ids (those with `sameAsHeader` included). */
  ids: number;
  malformed: number;
  duplicates: number;
  /** File size in bytes, byte-order mark included. */
  bytes: number;
  bom: boolean;
  /** The first separator met outside quotes, null if no row had one. */
  separator: Separator | null;
}

interface BatchBody {
  /** The header candidate: on the first batch only (the first batch may also be the final one). */
  header?: HeaderCandidate;
  ids: CsvId[];
  malformed: CsvMalformedId[];
  duplicates: CsvDuplicateId[];
}

export type SelectedUsersBatch =
  | (BatchBody & { final: false })
  /** The last batch: the whole file was read and is valid. Commit here. */
  | (BatchBody & { final: true; summary: SelectedUsersSummary });

// Cc (controls), Cf (format: zero-width, bidi, soft hyphen, BOM…), line/paragraph separators.
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** Why an id fails the default rules, or null if it passes. */
export function defaultIdProblem(id: string): string | null {
  if (id === '') return 'empty';
  if (id.length > DEFAULT_MAX_ID_LENGTH && Array.from(id).length > DEFAULT_MAX_ID_LENGTH)
    return `longer than ${DEFAULT_MAX_ID_LENGTH} characters`;
  if (INVISIBLE.test(id)) return 'contains a control or invisible character';
  return null;
}

/** Default id predicate: non-empty, at most 128 characters, no control or invisible formatting characters. */
export function defaultIsValidId(id: string): boolean {
  return defaultIdProblem(id) === null;
}

/**
 * Streams the ids of a "selected users" CSV file in batches. See the top of this file for the rules.
 * Throws CsvImportError (possibly after some batches); anything else thrown is a bug or comes from
 * the source stream itself.
 */
export async function* parseSelectedUsersCsv(
  source: ImportSource,
  options: SelectedUsersCsvOptions = {},
): AsyncGenerator<SelectedUsersBatch, void, undefined> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const custom = options.isValidId;
  const problemOf = custom ? (id: string) => (custom(id) ? null : 'not a valid user id') : defaultIdProblem;

  const info: SourceInfo = { bom: false, bytes: 0 };
  const seen = new SeenIds();
  let header: HeaderCandidate | null = null;
  let headerPending = false;
  let rows = 0;
  let idCount = 0;
  let malformedCount = 0;
  let duplicateCount = 0;
  let sameAsHeaderSeen = false;

  let batch: BatchBody = { ids: [], malformed: [], duplicates: [] };
  let size = 0;
  const ready: BatchBody[] = [];
  const flush = () => {
    if (headerPending && header) {
      batch.header = header;
      headerPending = false;
    }
    ready.push(batch);
    batch = { ids: [], malformed: [], duplicates: [] };
    size = 0;
  };

  const onRecord = (record: CsvRecord) => {
    const fields = record.fields;
    if (fields.length === 0) return; // blank line
    const line = record.line;
    if (header === null && fields.length > 1) {
      // "the first row is a title of any kind": a title such as `User ID, Telegram` or `id;name` is
      // accepted; having several cells it cannot be an id
      header = { value: fields.map((f) => f.value).join(', '), line, valid: false };
      headerPending = true;
      return;
    }
    if (fields.length > 1) {
      throw new CsvImportError(
        'too_many_columns',
        `more than one column at line ${line}: ${quoteForMessage(fields[0].value)} and ${quoteForMessage(fields[1].value)}; ` +
          'put the user ids in a single column (a value containing , ; or a tab must be in quotes)',
        line,
      );
    }
    const field = fields[0];
    const value = field.value;
    if (header === null) {
      header = { value, line, valid: !field.badQuote && !field.truncated && problemOf(value) === null };
      headerPending = true;
      return;
    }
    rows++;
    if (rows > maxRows) {
      throw new CsvImportError('too_many_rows', `more than ${formatCount(maxRows)} rows (line ${line}); split the file`, line);
    }
    const reason = field.badQuote
      ? 'text after the closing quote'
      : field.truncated
        ? `longer than ${formatCount(MAX_CELL_BYTES)} bytes`
        : problemOf(value);
    if (reason !== null) {
      batch.malformed.push({ value: value.length > 200 ? value.slice(0, 200) + '…' : value, line, reason });
      malformedCount++;
    } else {
      const firstLine = seen.firstLineOrAdd(value, line);
      if (firstLine !== 0) {
        batch.duplicates.push({ id: value, line, firstLine });
        duplicateCount++;
      } else {
        idCount++;
        if (!sameAsHeaderSeen && header.valid && value === header.value) {
          sameAsHeaderSeen = true;
          batch.ids.push({ id: value, line, sameAsHeader: true });
        } else {
          batch.ids.push({ id: value, line });
        }
      }
    }
    if (++size >= batchSize) flush();
  };

  const tokenizer = new CsvTokenizer({
    separators: 'any',
    keepEmpty: false,
    maxFieldBytes: MAX_CELL_BYTES,
    maxFields: 2,
    onRecord,
  });
  const utf8 = new Utf8Validator();

  for await (const buf of fileBytes(source, maxBytes, info)) {
    const bad = utf8.check(buf);
    if (bad >= 0) {
      tokenizer.write(buf.subarray(0, bad)); // an earlier problem wins; then the line is the bad byte's
      throw utf8.error(tokenizer.line);
    }
    tokenizer.write(buf);
    while (ready.length > 0) yield { ...ready.shift()!, final: false };
  }
  if (utf8.incompleteAtEnd()) throw utf8.error(tokenizer.line);
  tokenizer.end();
  while (ready.length > 0) yield { ...ready.shift()!, final: false };
  if (headerPending && header) batch.header = header;
  yield {
    ...batch,
    final: true,
    summary: {
      header,
      rows,
      ids: idCount,
      malformed: malformedCount,
      duplicates: duplicateCount,
      bytes: info.bytes,
      bom: info.bom,
      separator: tokenizer.separator,
    },
  };
}
