// Splitting JSON Lines and JSON-array files into the text of their records, streaming, with the
// physical line where each record starts and bounded memory (a record longer than `maxRecordBytes`
// is not kept: it is reported as too long and skipped). Each record's text is then JSON.parse'd by
// the caller, so one bad record is one bad row, not a failed file. Input bytes are already
// validated as UTF-8 by the caller. Lines end at LF, CRLF or a lone CR.
import { CsvImportError } from './errors.ts';

export interface JsonRecordSink {
  maxRecordBytes: number;
  /** `text` is null when the record had more than `maxRecordBytes` bytes. */
  onRecord(text: string | null, line: number): void;
}

/** Bytes of the record in progress, kept up to a cap. */
class Pieces {
  private parts: Buffer[] = [];
  private bytes = 0;
  tooLong = false;
  constructor(private readonly max: number) {}

  add(chunk: Buffer, s: number, e: number): void {
    if (e <= s || this.tooLong) return;
    if (this.bytes + (e - s) > this.max) {
      this.tooLong = true;
      this.parts = [];
      return;
    }
    this.parts.push(Buffer.from(chunk.subarray(s, e))); // a copy: the source may reuse its buffers
    this.bytes += e - s;
  }

  /** The text of parts + chunk[s, e); resets. null if too long. */
  take(chunk: Buffer, s: number, e: number): string | null {
    let text: string | null;
    if (this.parts.length === 0 && !this.tooLong) {
      text = e - s > this.max ? null : chunk.toString('utf8', s, e);
    } else {
      this.add(chunk, s, e);
      text = this.tooLong ? null : Buffer.concat(this.parts).toString('utf8');
    }
    this.parts = [];
    this.bytes = 0;
    this.tooLong = false;
    return text;
  }
}

const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/** JSON Lines: one record a line; blank lines skipped. */
export class JsonLinesSplitter {
  /** Line of the next byte. */
  line = 1;
  private lastWasCR = false;
  private readonly pieces: Pieces;
  private started = false; // bytes of the current line seen

  constructor(private readonly sink: JsonRecordSink) {
    this.pieces = new Pieces(sink.maxRecordBytes);
  }

  write(chunk: Buffer): void {
    const n = chunk.length;
    let start = 0;
    for (let i = 0; i < n; i++) {
      const b = chunk[i];
      if (b !== 0x0a && b !== 0x0d) continue;
      const crlf = b === 0x0a && (i > 0 ? chunk[i - 1] === 0x0d : this.lastWasCR);
      if (!crlf) {
        this.emit(chunk, start, i);
        this.line++;
      }
      start = i + 1;
    }
    if (start < n) {
      this.pieces.add(chunk, start, n);
      this.started = true;
    }
    this.lastWasCR = chunk[n - 1] === 0x0d;
  }

  end(): void {
    if (this.started) this.emit(Buffer.alloc(0), 0, 0);
  }

  private emit(chunk: Buffer, s: number, e: number): void {
    this.started = false;
    const text = this.pieces.take(chunk, s, e);
    if (text !== null && text.trim() === '') return;
    this.sink.onRecord(text, this.line);
  }
}

// JSON array states
const BEFORE = 0;
const EXPECT_VALUE = 1; // after `[` or `,`
const IN_VALUE = 2;
const AFTER_VALUE = 3;
const DONE = 4;

/** A JSON array of records, `[ {...}, {...} ]`: each element is one record. */
export class JsonArraySplitter {
  /** Line of the next byte. */
  line = 1;
  private lastWasCR = false;
  private state = BEFORE;
  private readonly pieces: Pieces;
  private openLine = 1;
  private valueLine = 1;
  private afterComma = false;
  // inside a value
  private depth = 0;
  private inString = false;
  private escaped = false;
  private primitive = false;

  constructor(private readonly sink: JsonRecordSink) {
    this.pieces = new Pieces(sink.maxRecordBytes);
  }

  write(chunk: Buffer): void {
    const n = chunk.length;
    let valueStart = 0;
    for (let i = 0; i < n; i++) {
      const b = chunk[i];
      if (b === 0x0a) {
        if (!(i > 0 ? chunk[i - 1] === 0x0d : this.lastWasCR)) this.line++;
      } else if (b === 0x0d) {
        this.line++;
      }
      switch (this.state) {
        case BEFORE:
          if (isSpace(b)) continue;
          if (b !== 0x5b) this.fail(`invalid JSON at line ${this.line}: a JSON file must be an array of objects, starting with [`);
          this.openLine = this.line;
          this.state = EXPECT_VALUE;
          this.afterComma = false;
          continue;
        case EXPECT_VALUE:
          if (isSpace(b)) continue;
          if (b === 0x5d) {
            if (this.afterComma) this.fail(`invalid JSON at line ${this.line}: a comma before ] (nothing after the last comma)`);
            this.state = DONE;
            continue;
          }
          if (b === 0x2c) this.fail(`invalid JSON at line ${this.line}: an empty element (two commas in a row)`);
          this.state = IN_VALUE;
          this.valueLine = this.line;
          valueStart = i;
          this.depth = 0;
          this.inString = false;
          this.escaped = false;
          this.primitive = false;
          if (b === 0x7b || b === 0x5b) this.depth = 1;
          else if (b === 0x22) this.inString = true;
          else this.primitive = true;
          continue;
        case IN_VALUE: {
          if (this.inString) {
            if (this.escaped) this.escaped = false;
            else if (b === 0x5c) this.escaped = true;
            else if (b === 0x22) {
              this.inString = false;
              if (this.depth === 0) this.endValue(chunk, valueStart, i + 1);
            }
            continue;
          }
          if (this.primitive) {
            if (isSpace(b) || b === 0x2c || b === 0x5d || b === 0x7d) {
              this.endValue(chunk, valueStart, i);
              this.afterValue(b); // the byte that ended the value belongs to what follows it
            }
            continue;
          }
          if (b === 0x22) this.inString = true;
          else if (b === 0x7b || b === 0x5b) this.depth++;
          else if (b === 0x7d || b === 0x5d) {
            if (--this.depth === 0) this.endValue(chunk, valueStart, i + 1);
          }
          continue;
        }
        case AFTER_VALUE:
          this.afterValue(b);
          continue;
        case DONE:
          if (isSpace(b)) continue;
          this.fail(`invalid JSON at line ${this.line}: text after the end of the array`);
      }
    }
    if (this.state === IN_VALUE) this.pieces.add(chunk, valueStart, n);
    this.lastWasCR = chunk[n - 1] === 0x0d;
  }

  end(): void {
    if (this.state === BEFORE) this.fail('the file is empty: expected a JSON array of objects', 'empty');
    if (this.state !== DONE) {
      this.fail(`invalid JSON: the array that starts at line ${this.openLine} is not closed (the file ends at line ${this.line})`);
    }
  }

  private afterValue(b: number): void {
    if (isSpace(b)) return;
    if (b === 0x2c) {
      this.state = EXPECT_VALUE;
      this.afterComma = true;
    } else if (b === 0x5d) {
      this.state = DONE;
    } else {
      this.fail(`invalid JSON at line ${this.line}: expected , or ] after the element that starts at line ${this.valueLine}`);
    }
  }

  private endValue(chunk: Buffer, s: number, e: number): void {
    this.state = AFTER_VALUE;
    this.sink.onRecord(this.pieces.take(chunk, s, e), this.valueLine);
  }

  private fail(message: string, code: 'invalid_json' | 'empty' = 'invalid_json'): never {
    throw new CsvImportError(code, message, code === 'empty' ? undefined : this.line);
  }
}
