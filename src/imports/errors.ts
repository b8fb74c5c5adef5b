// The one error type of every import file parser (selected-users CSV, subscribers CSV/JSON).
// A CsvImportError is a problem with the *file*, meant to be shown to the person who uploaded it:
// the message names the problem and, where there is one, the line. Everything else thrown by a
// parser is a bug.

export type CsvImportErrorCode =
  /** Not UTF-8: an invalid or truncated byte sequence, UTF-16/UTF-32, NUL bytes, an Excel workbook. */
  | 'not_utf8'
  /** A row has more than one non-empty column (selected users), or the header is unusable. */
  | 'too_many_columns'
  /** More bytes than `maxBytes`. */
  | 'too_large'
  /** More data rows than `maxRows`. */
  | 'too_many_rows'
  /** A quoted value is still open at the end of the file. */
  | 'unterminated_quote'
  /** Subscribers file: the header has no platform_user_id column, or a column twice. */
  | 'bad_header'
  /** Subscribers file: the file has nothing in it (no header row / no JSON). */
  | 'empty'
  /** Subscribers file: a JSON array that is not well formed around its elements. */
  | 'invalid_json';

export class CsvImportError extends Error {
  override readonly name = 'CsvImportError';
  constructor(
    readonly code: CsvImportErrorCode,
    message: string,
    /** 1-based physical line of the file (as a text editor counts them), when the problem has one. */
    readonly line?: number,
  ) {
    super(message);
  }
}

/** 1000000 → "1,000,000" (fixed format, not locale dependent). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A byte limit as people say it: 52428800 → "50 MB", 1536 → "1.5 KB", 1000 → "1,000 bytes". */
export function formatBytes(n: number): string {
  const MB = 1024 * 1024;
  if (n >= MB && (n * 10) % MB === 0) return `${n / MB} MB`;
  if (n >= 1024 && (n * 10) % 1024 === 0) return `${n / 1024} KB`;
  return `${formatCount(n)} bytes`;
}

/** Shortens a value for an error message or a report: at most `max` characters, JSON-quoted. */
export function quoteForMessage(value: string, max = 60): string {
  const chars = Array.from(value);
  const short = chars.length > max ? chars.slice(0, max).join('') + '…' : value;
  return JSON.stringify(short);
}
