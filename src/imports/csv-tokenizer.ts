// A small push-based CSV tokenizer over raw bytes (already validated as UTF-8 by the caller),
// written for the import parsers instead of csv-parse because they need, all at once: physical line
// numbers of every record and of an opening quote, a chunk boundary anywhere (inside a quote, a
// `""` escape, a CRLF), bounded memory on hostile input (a field is cut at `maxFieldBytes`, a record
// keeps at most `maxFields` fields), lenient quoting, and speed (1M ids well under a second).
//
// Rules (RFC 4180, lenient where the RFC says "invalid"):
//   - records end at LF, CRLF or a lone CR (old Mac "CSV (Macintosh)" exports); line numbers count
//     those the same way, inside quoted values too, so they match a text editor;
//   - separators: `,` `;` and tab. Mode 'any': all three always separate (a value containing one
//     must be quoted); mode 'detect': the first one met outside quotes becomes the only separator
//     and the other two are ordinary characters from then on;
//   - a field is quoted when its first non-space byte is `"`; `""` inside is one quote; spaces
//     around the quotes are ignored; text after the closing quote (`"12"3`) keeps the field, with
//     `badQuote` set and the raw text as value; a `"` inside an unquoted field is an ordinary
//     character;
//   - every value is trimmed (String.prototype.trim: spaces, tabs, NBSP, U+FEFF…), quoted or not.
import { CsvImportError } from './errors.ts';

export type Separator = ',' | ';' | '\t';

export interface CsvField {
  /** Trimmed value. */
  value: string;
  /** 0-based position of the field in its record (counting empty fields). */
  index: number;
  quoted: boolean;
  /** Something other than spaces followed the closing quote; `value` is the raw text. */
  badQuote: boolean;
  /** The field had more than `maxFieldBytes` bytes; `value` is its beginning only. */
  truncated: boolean;
}

/** Passed to `onRecord`; the object, its array and its fields are reused: valid only during the call. */
export interface CsvRecord {
  /** The stored fields: all of them with `keepEmpty`, else only the non-empty ones. At most `maxFields`. */
  fields: CsvField[];
  /** Number of fields in the record, empty and unstored ones included. */
  count: number;
  /** Physical line where the record starts. */
  line: number;
}

export interface CsvTokenizerOptions {
  separators: 'any' | 'detect';
  /** Store empty fields too (positional files); without it a blank line is a record with no fields. */
  keepEmpty: boolean;
  maxFieldBytes: number;
  maxFields: number;
  /** Called synchronously for every record, blank ones included; may throw to stop everything. */
  onRecord(record: CsvRecord): void;
}

// byte classes
const CONTENT = 0;
const SEP = 1;
const CR = 2;
const LF = 3;
const QUOTE = 4;
const SPACE = 5;

// states
const REC_START = 0;
const FIELD_START = 1;
const UNQUOTED = 2;
const QUOTED = 3;
const QUOTE_SEEN = 4;
const AFTER_QUOTED = 5;

const SEPARATOR_BYTES = [0x2c, 0x3b, 0x09];

export class CsvTokenizer {
  /** Line of the next byte. */
  line = 1;
  /** The first separator met outside quotes, if any. */
  separator: Separator | null = null;

  private readonly cls = new Uint8Array(256);
  /** 1 for the bytes that end an unquoted field. */
  private readonly stop = new Uint8Array(256);
  private readonly opts: CsvTokenizerOptions;
  private state = REC_START;
  private lastWasCR = false;
  private recordLine = 1;
  private quoteLine = 1;
  private readonly record: CsvRecord = { fields: [], count: 0, line: 1 };
  /** Field objects reused from record to record. */
  private readonly pool: CsvField[] = [];
  private count = 0;
  private readonly scratch: Buffer;
  private scratchLen = 0;
  private scratchTruncated = false;
  private lastTruncated = false;
  /** The value of a quoted field whose closing quote was seen. */
  private quotedValue = '';
  private quotedTruncated = false;
  /** Set while reading the raw text after a closing quote: what came before it. */
  private badPrefix: string | null = null;

  constructor(opts: CsvTokenizerOptions) {
    this.opts = opts;
    this.scratch = Buffer.allocUnsafe(opts.maxFieldBytes);
    for (const b of SEPARATOR_BYTES) {
      this.cls[b] = SEP;
      this.stop[b] = 1;
    }
    this.cls[0x0d] = CR;
    this.cls[0x0a] = LF;
    this.cls[0x22] = QUOTE;
    this.cls[0x20] = SPACE;
    this.stop[0x0d] = 1;
    this.stop[0x0a] = 1;
  }

  write(chunk: Buffer): void {
    const n = chunk.length;
    if (n === 0) return;
    const cls = this.cls;
    const stop = this.stop;
    let state = this.state;
    let line = this.line;
    let fieldStart = 0;
    let i = 0;
    while (i < n) {
      switch (state) {
        case REC_START: {
          // the LF of a CRLF whose CR ended the previous record
          if (chunk[i] === 0x0a && (i > 0 ? chunk[i - 1] === 0x0d : this.lastWasCR)) {
            i++;
            continue;
          }
          this.recordLine = line;
          state = FIELD_START;
          continue;
        }
        case FIELD_START: {
          const b = chunk[i];
          const c = cls[b];
          if (c === CONTENT) {
            state = UNQUOTED;
            fieldStart = i;
            continue;
          }
          i++;
          if (c === SPACE) continue;
          if (c === QUOTE) {
            state = QUOTED;
            this.quoteLine = line;
            fieldStart = i;
            continue;
          }
          this.pushField('', false, false, false);
          if (c === SEP) {
            this.sawSeparator(b);
          } else {
            line++; // CR, or an LF not preceded by CR (a CR would have ended the record)
            this.line = line;
            this.endRecord();
            state = REC_START;
          }
          continue;
        }
        case UNQUOTED: {
          let j = i;
          while (j < n && stop[chunk[j]] === 0) j++;
          if (j === n) {
            i = n;
            continue;
          }
          let value = this.take(chunk, fieldStart, j);
          const bad = this.badPrefix !== null;
          if (bad) {
            value = this.badPrefix + value;
            this.badPrefix = null;
          }
          this.pushField(value, bad, bad, this.lastTruncated);
          const b = chunk[j];
          i = j + 1;
          if (cls[b] === SEP) {
            this.sawSeparator(b);
            state = FIELD_START;
          } else {
            line++;
            this.line = line;
            this.endRecord();
            state = REC_START;
          }
          continue;
        }
        case QUOTED: {
          let j = i;
          for (; j < n; j++) {
            const b = chunk[j];
            if (b === 0x22) break;
            if (b === 0x0d) line++;
            else if (b === 0x0a && !(j > 0 ? chunk[j - 1] === 0x0d : this.lastWasCR)) line++;
          }
          if (j === n) {
            i = n;
            continue;
          }
          state = QUOTE_SEEN;
          i = j + 1;
          continue;
        }
        case QUOTE_SEEN: {
          // the previous byte (possibly the last one of the previous chunk) was a quote
          if (chunk[i] === 0x22) {
            if (i === 0) this.appendQuote();
            else this.append(chunk, fieldStart, i); // up to and including the first quote
            i++;
            fieldStart = i;
            state = QUOTED;
            continue;
          }
          this.quotedValue = this.take(chunk, fieldStart, i === 0 ? 0 : i - 1);
          this.quotedTruncated = this.lastTruncated;
          state = AFTER_QUOTED;
          continue;
        }
        case AFTER_QUOTED: {
          const b = chunk[i];
          const c = cls[b];
          if (c === SPACE) {
            i++;
            continue;
          }
          if (c === SEP || c === CR || c === LF) {
            i++;
            this.pushField(this.quotedValue, true, false, this.quotedTruncated);
            if (c === SEP) {
              this.sawSeparator(b);
              state = FIELD_START;
            } else {
              line++;
              this.line = line;
              this.endRecord();
              state = REC_START;
            }
            continue;
          }
          // text after the closing quote: keep reading it as an unquoted tail
          this.badPrefix = this.quotedValue + '"';
          state = UNQUOTED;
          fieldStart = i;
          continue;
        }
      }
    }
    if (state === UNQUOTED || state === QUOTED) this.append(chunk, fieldStart, n);
    else if (state === QUOTE_SEEN) this.append(chunk, fieldStart, n - 1);
    this.lastWasCR = chunk[n - 1] === 0x0d;
    this.state = state;
    this.line = line;
  }

  /** End of input: finishes the last record. Throws `unterminated_quote` if a quote is open. */
  end(): void {
    const empty = Buffer.alloc(0);
    switch (this.state) {
      case REC_START:
        return;
      case FIELD_START:
        this.pushField('', false, false, false);
        break;
      case UNQUOTED: {
        let value = this.take(empty, 0, 0);
        const bad = this.badPrefix !== null;
        if (bad) value = this.badPrefix + value;
        this.pushField(value, bad, bad, this.lastTruncated);
        break;
      }
      case QUOTED:
        throw new CsvImportError(
          'unterminated_quote',
          `unterminated quote: the quoted value that starts at line ${this.quoteLine} is never closed`,
          this.quoteLine,
        );
      case QUOTE_SEEN:
        this.pushField(this.take(empty, 0, 0), true, false, this.lastTruncated);
        break;
      case AFTER_QUOTED:
        this.pushField(this.quotedValue, true, false, this.quotedTruncated);
        break;
    }
    this.state = REC_START;
    this.endRecord();
  }

  private sawSeparator(b: number): void {
    if (this.separator !== null) return;
    this.separator = b === 0x2c ? ',' : b === 0x3b ? ';' : '\t';
    if (this.opts.separators === 'detect') {
      for (const other of SEPARATOR_BYTES) {
        if (other === b) continue;
        this.cls[other] = CONTENT;
        this.stop[other] = 0;
      }
    }
  }

  private pushField(value: string, quoted: boolean, badQuote: boolean, truncated: boolean): void {
    const index = this.count++;
    if (value === '' && !badQuote && !this.opts.keepEmpty) return;
    const fields = this.record.fields;
    const k = fields.length;
    if (k >= this.opts.maxFields) return;
    let field = this.pool[k];
    if (field === undefined) {
      field = { value, index, quoted, badQuote, truncated };
      this.pool.push(field);
    } else {
      field.value = value;
      field.index = index;
      field.quoted = quoted;
      field.badQuote = badQuote;
      field.truncated = truncated;
    }
    fields.push(field);
  }

  private endRecord(): void {
    const record = this.record;
    record.count = this.count;
    record.line = this.recordLine;
    this.count = 0;
    try {
      this.opts.onRecord(record);
    } finally {
      record.fields.length = 0;
    }
  }

  /** The field's bytes: what was saved from earlier chunks plus chunk[s, e); decoded and trimmed. */
  private take(chunk: Buffer, s: number, e: number): string {
    const max = this.scratch.length;
    if (this.scratchLen === 0 && !this.scratchTruncated) {
      if (e - s <= max) {
        this.lastTruncated = false;
        return chunk.toString('utf8', s, e).trim();
      }
      this.lastTruncated = true;
      return chunk.toString('utf8', s, s + max).trim();
    }
    this.append(chunk, s, e);
    const value = this.scratch.toString('utf8', 0, this.scratchLen).trim();
    this.lastTruncated = this.scratchTruncated;
    this.scratchLen = 0;
    this.scratchTruncated = false;
    return value;
  }

  private append(chunk: Buffer, s: number, e: number): void {
    const len = e - s;
    if (len <= 0) return;
    const room = this.scratch.length - this.scratchLen;
    if (len > room) this.scratchTruncated = true;
    const copy = Math.min(len, room);
    if (copy > 0) this.scratchLen += chunk.copy(this.scratch, this.scratchLen, s, s + copy);
  }

  private appendQuote(): void {
    if (this.scratchLen < this.scratch.length) this.scratch[this.scratchLen++] = 0x22;
    else this.scratchTruncated = true;
  }
}
