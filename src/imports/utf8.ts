// Streaming strict UTF-8 validation (Unicode 15, table 3-7: no overlongs, no surrogates, nothing
// above U+10FFFF) that also counts physical lines, so that a problem is reported at the line a
// text editor shows: LF, CRLF and a lone CR each end a line. A sequence split across chunks is
// handled; a NUL byte is rejected (no CSV or JSON text has one; a UTF-16 file does).
import { CsvImportError } from './errors.ts';

const hex = (b: number) => '0x' + b.toString(16).toUpperCase().padStart(2, '0');
const SAVE_AS_UTF8 = 'save the file as UTF-8';

export class Utf8Validator {
  /** Line of the next byte. */
  private line = 1;
  private lastWasCR = false;
  /** Continuation bytes still expected, and the allowed range of the next one. */
  private need = 0;
  private lo = 0x80;
  private hi = 0xbf;
  private seq: number[] = [];
  private seqLine = 1;
  private failure: CsvImportError | null = null;

  /**
   * Checks one chunk. Returns -1 if all of it is fine, else the index of the first byte that
   * cannot be accepted; `error()` then says why (and the validator must not be used further).
   */
  check(buf: Uint8Array): number {
    const n = buf.length;
    let line = this.line;
    let need = this.need;
    for (let i = 0; i < n; i++) {
      const b = buf[i];
      if (need === 0) {
        if (b < 0x80) {
          if (b <= 0x0d) {
            if (b === 0x0a) {
              if (i > 0 ? buf[i - 1] !== 0x0d : !this.lastWasCR) line++;
            } else if (b === 0x0d) {
              line++;
            } else if (b === 0) {
              this.line = line;
              this.failure = new CsvImportError(
                'not_utf8',
                `not UTF-8: NUL byte (0x00) at line ${line}; a UTF-16 file? ${SAVE_AS_UTF8}`,
                line,
              );
              return i;
            }
          }
          continue;
        }
        // lead byte
        if (b >= 0xc2 && b <= 0xdf) {
          need = 1;
        } else if (b >= 0xe0 && b <= 0xef) {
          need = 2;
          if (b === 0xe0) this.lo = 0xa0;
          else if (b === 0xed) this.hi = 0x9f;
        } else if (b >= 0xf0 && b <= 0xf4) {
          need = 3;
          if (b === 0xf0) this.lo = 0x90;
          else if (b === 0xf4) this.hi = 0x8f;
        } else {
          this.failure = new CsvImportError('not_utf8', `not UTF-8: invalid byte ${hex(b)} at line ${line}; ${SAVE_AS_UTF8}`, line);
          this.line = line;
          return i;
        }
        this.seq = [b];
        this.seqLine = line;
      } else {
        if (b < this.lo || b > this.hi) {
          const what =
            b >= 0x80 && b <= 0xbf
              ? `invalid byte sequence ${[...this.seq, b].map(hex).join(' ')}` // overlong, surrogate or > U+10FFFF
              : `incomplete character ${this.seq.map(hex).join(' ')} (followed by ${hex(b)})`;
          this.failure = new CsvImportError('not_utf8', `not UTF-8: ${what} at line ${this.seqLine}; ${SAVE_AS_UTF8}`, this.seqLine);
          this.line = line;
          this.need = need;
          return i;
        }
        this.lo = 0x80;
        this.hi = 0xbf;
        need--;
        if (need > 0) this.seq.push(b);
      }
    }
    if (n > 0) this.lastWasCR = buf[n - 1] === 0x0d;
    this.line = line;
    this.need = need;
    return -1;
  }

  /** Call at the end of the input: a character cut off by the end of the file is an error. */
  finish(): CsvImportError | null {
    if (this.need === 0) return null;
    const bytes = this.seq.map(hex).join(' ');
    return (this.failure = new CsvImportError(
      'not_utf8',
      `not UTF-8: the file ends in the middle of a character (${bytes}) at line ${this.seqLine}; ${SAVE_AS_UTF8}`,
      this.seqLine,
    ));
  }

  error(): CsvImportError {
    if (!this.failure) throw new Error('Utf8Validator.error() called without a failure');
    return this.failure;
  }
}
