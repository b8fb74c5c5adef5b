// Turns whatever the caller has (a Readable, an async or sync iterable of chunks, one Buffer or
// string) into a stream of raw Buffers for the import parsers, and does the checks that need the
// first bytes of the file or the running byte count:
//   - a UTF-8 byte-order mark is dropped (reported through `info.bom`);
//   - UTF-16 / UTF-32 (by byte-order mark, or ASCII text interleaved with NULs) and binary
//     spreadsheets (.xlsx/.ods ZIP, legacy .xls) are rejected with a message saying so;
//   - more than `maxBytes` bytes → `too_large`, thrown only after every byte within the limit was
//     handed on, so that the error a caller sees is always the first problem in file order,
//     whatever the chunking.
// String chunks are encoded as UTF-8 (a Readable with setEncoding() has already replaced invalid
// bytes with U+FFFD: give the parsers raw bytes).
import { CsvImportError, formatBytes } from './errors.ts';

export type ImportChunk = Buffer | Uint8Array | string;
export type ImportSource = AsyncIterable<ImportChunk> | Iterable<ImportChunk> | ImportChunk;

export interface SourceInfo {
  /** The file started with a UTF-8 byte-order mark (dropped). */
  bom: boolean;
  /** Raw bytes read so far, byte-order mark included. */
  bytes: number;
}

const SAVE_AS_UTF8 = 'save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)")';

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  throw new TypeError(`import source yielded a ${typeof chunk}, expected Buffer, Uint8Array or string`);
}

function isSingleChunk(source: ImportSource): source is ImportChunk {
  return typeof source === 'string' || source instanceof Uint8Array;
}

/** What the first (up to) 4 bytes say. Returns the number of bytes to skip (the BOM), or throws. */
function sniff(head: Buffer): number {
  const [b0, b1, b2, b3] = head;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return 3;
  const reject = (what: string) => {
    throw new CsvImportError('not_utf8', `not UTF-8: ${what}; ${SAVE_AS_UTF8}`, 1);
  };
  if (head.length >= 4 && b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0)
    reject('the file is UTF-32 (little-endian, it starts with the byte-order mark FF FE 00 00)');
  if (head.length >= 4 && b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)
    reject('the file is UTF-32 (big-endian, it starts with the byte-order mark 00 00 FE FF)');
  if (b0 === 0xff && b1 === 0xfe) reject('the file is UTF-16 (little-endian, it starts with the byte-order mark FF FE)');
  if (b0 === 0xfe && b1 === 0xff) reject('the file is UTF-16 (big-endian, it starts with the byte-order mark FE FF)');
  if (head.length >= 4 && b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0) reject('the file is UTF-16 (little-endian, no byte-order mark)');
  if (head.length >= 4 && b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0) reject('the file is UTF-16 (big-endian, no byte-order mark)');
  if (b0 === 0x50 && b1 === 0x4b && b2 === 0x03 && b3 === 0x04)
    reject('the file is a ZIP archive (an Excel .xlsx or OpenDocument workbook?), not a CSV text file');
  if (b0 === 0xd0 && b1 === 0xcf && b2 === 0x11 && b3 === 0xe0) reject('the file is a legacy Excel workbook (.xls), not a CSV text file');
  return 0;
}

/**
 * Raw bytes of the file, BOM dropped, never an empty Buffer. `info` is updated as bytes arrive.
 * Throws CsvImportError ('not_utf8' for the sniffed cases, 'too_large').
 */
export async function* fileBytes(source: ImportSource, maxBytes: number, info: SourceInfo): AsyncGenerator<Buffer> {
  const chunks: AsyncIterable<unknown> | Iterable<unknown> = isSingleChunk(source) ? [source] : source;
  let head: Buffer | null = Buffer.alloc(0); // the first bytes until there are 4 of them (then null)
  for await (const raw of chunks) {
    let buf = toBuffer(raw);
    if (buf.length === 0) continue;
    let over = false;
    if (info.bytes + buf.length > maxBytes) {
      buf = buf.subarray(0, Math.max(0, maxBytes - info.bytes));
      over = true;
    }
    info.bytes += buf.length;
    if (head !== null) {
      head = head.length === 0 ? buf : Buffer.concat([head, buf]);
      if (head.length < 4 && !over) continue;
      const skip = sniff(head);
      info.bom = skip > 0;
      buf = head.subarray(skip);
      head = null;
    }
    if (buf.length > 0) yield buf;
    if (over) throw new CsvImportError('too_large', `file is larger than ${formatBytes(maxBytes)}`);
  }
  if (head !== null && head.length > 0) {
    const skip = sniff(head);
    info.bom = skip > 0;
    if (head.length > skip) yield head.subarray(skip);
  }
}
