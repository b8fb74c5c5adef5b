// Streaming strict UTF-8 validation (Unicode table 3-7: no overlongs, no surrogates, nothing above
// U+10FFFF), chunk boundaries anywhere. A NUL byte is rejected too: no CSV or JSON text has one, a
// UTF-16 file does.
//
// Fast path: node's native `isUtf8` (simdutf) on everything but a possibly incomplete last
// character, plus `indexOf(0)`; only a failing chunk and the few bytes around chunk boundaries go
// through the byte-by-byte state machine, which finds the exact place and kind of the problem.
// The validator does not count lines: the parsers do (they know about quotes), and pass the line of
// the offending byte when they build the error (`error(line)`): the parser tokenizes everything
// before the byte `check` returned, then its current line is the line of that byte — and of the
// start of an interrupted character, since a character never spans a line end.
import { isUtf8 } from 'node:buffer';
import { CsvImportError } from './errors.ts';

const hex = (b: number) => '0x' + b.toString(16).toUpperCase().padStart(2, '0');
const SAVE_AS_UTF8 = 'save the file as UTF-8';

export class Utf8Validator {
  /** Continuation bytes still expected, and the allowed range of the next one. */
  private need = 0;
  private lo = 0x80;
  private hi = 0xbf;
  /** Bytes of the character in progress. */
  private seq: number[] = [];
  private problem: string | null = null;

  /**
   * Checks one chunk. Returns -1 if all of it is fine so far, else the index of the first byte that
   * cannot be accepted; then call `error(line)` (and use the validator no more).
   */
  check(buf: Uint8Array): number {
    const n = buf.length;
    let i = 0;
    // finish a character left open by the previous chunk
    while (this.need > 0 && i < n) {
      if (!this.step(buf[i])) return i;
      i++;
    }
    if (i === n) return -1;
    // the last character may be cut by the end of the chunk: keep it out of the native check
    let cut = n;
    for (let k = n - 1; k >= Math.max(i, n - 3); k--) {
      const b = buf[k];
      if (b < 0x80) break;
      if (b >= 0xc0) {
        const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
        if (k + len > n) cut = k;
        break;
      }
    }
    const body = i === 0 && cut === n ? buf : buf.subarray(i, cut);
    if (isUtf8(body) && body.indexOf(0) === -1) {
      for (let k = cut; k < n; k++) if (!this.step(buf[k])) return k;
      return -1;
    }
    for (let k = i; k < n; k++) if (!this.step(buf[k])) return k;
    return -1; // not reached: the native check failed, so the state machine fails too
  }

  /** Call at the end of the input: true if a character is cut off by the end of the file. */
  incompleteAtEnd(): boolean {
    if (this.need === 0) return false;
    this.problem = `the file ends in the middle of a character (${this.seq.map(hex).join(' ')})`;
    return true;
  }

  /** The error for the failure found by `check` or `incompleteAtEnd`, at the given line. */
  error(line: number): CsvImportError {
    if (this.problem === null) throw new Error('Utf8Validator.error() called without a failure');
    const message =
      this.problem === 'NUL'
        ? `not UTF-8: NUL byte (0x00) at line ${line}, the file is probably UTF-16; ${SAVE_AS_UTF8}`
        : `not UTF-8: ${this.problem} at line ${line}; ${SAVE_AS_UTF8}`;
    return new CsvImportError('not_utf8', message, line);
  }

  /** One byte through the state machine; false (and `problem` set) if it is not acceptable. */
  private step(b: number): boolean {
    if (this.need === 0) {
      if (b < 0x80) {
        if (b === 0) {
          this.problem = 'NUL';
          return false;
        }
        return true;
      }
      if (b >= 0xc2 && b <= 0xdf) {
        this.need = 1;
      } else if (b >= 0xe0 && b <= 0xef) {
        this.need = 2;
        if (b === 0xe0) this.lo = 0xa0;
        else if (b === 0xed) this.hi = 0x9f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        this.need = 3;
        if (b === 0xf0) this.lo = 0x90;
        else if (b === 0xf4) this.hi = 0x8f;
      } else {
        this.problem = `invalid byte ${hex(b)}`;
        return false;
      }
      this.seq = [b];
      return true;
    }
    if (b < this.lo || b > this.hi) {
      this.problem =
        b >= 0x80 && b <= 0xbf
          ? `invalid byte sequence ${[...this.seq, b].map(hex).join(' ')}` // overlong, surrogate or above U+10FFFF
          : `incomplete character ${this.seq.map(hex).join(' ')} (followed by ${hex(b)})`;
      return false;
    }
    this.lo = 0x80;
    this.hi = 0xbf;
    this.need--;
    this.seq.push(b);
    return true;
  }
}
