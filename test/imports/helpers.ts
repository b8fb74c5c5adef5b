// Shared helpers of the import tests.
import assert from 'node:assert/strict';
import {
  parseSelectedUsersCsv,
  type CsvDuplicateId,
  type CsvId,
  type CsvMalformedId,
  type SelectedUsersCsvOptions,
  type SelectedUsersSummary,
} from '../../src/imports/selected-users-csv.ts';

export interface Collected {
  ids: CsvId[];
  malformed: CsvMalformedId[];
  duplicates: CsvDuplicateId[];
  summary: SelectedUsersSummary;
  batches: number;
}

export const bytes = (s: string | number[]): Buffer => (typeof s === 'string' ? Buffer.from(s, 'utf8') : Buffer.from(s));

/** Cuts a buffer into chunks: at the given sizes (cycled), or 1 byte each by default. */
export function chunked(buf: Buffer, sizes: number[] = [1]): Buffer[] {
  const out: Buffer[] = [];
  let k = 0;
  for (let at = 0; at < buf.length;) {
    const size = Math.max(1, sizes[k++ % sizes.length]);
    out.push(buf.subarray(at, at + size));
    at += size;
  }
  return out;
}

/** Parses everything; asserts the batch protocol (header on the first batch only, final last). */
export async function collect(
  input: string | Buffer | Iterable<Buffer | string> | AsyncIterable<Buffer | string>,
  options: SelectedUsersCsvOptions = {},
): Promise<Collected> {
  const source = typeof input === 'string' ? bytes(input) : input;
  const out: Omit<Collected, 'summary'> & { summary?: SelectedUsersSummary } = { ids: [], malformed: [], duplicates: [], batches: 0 };
  let headerSeenAt = -1;
  for await (const batch of parseSelectedUsersCsv(source, options)) {
    if (out.summary) throw new Error('a batch after the final one');
    if (batch.header) {
      if (headerSeenAt !== -1) throw new Error('header on two batches');
      if (out.batches !== 0) throw new Error('header not on the first batch');
      headerSeenAt = out.batches;
    }
    out.batches++;
    out.ids.push(...batch.ids);
    out.malformed.push(...batch.malformed);
    out.duplicates.push(...batch.duplicates);
    if (batch.final) {
      out.summary = batch.summary;
      if ((batch.summary.header !== null) !== (headerSeenAt !== -1)) throw new Error('summary header and batch header disagree');
    }
  }
  if (!out.summary) throw new Error('no final batch');
  return out as Collected;
}

/** The CsvImportError (code + message + line) a parse ends with, or 'ok'. */
export async function outcome(
  input: Parameters<typeof collect>[0],
  options: SelectedUsersCsvOptions = {},
): Promise<Collected | { code: string; message: string; line: number | undefined }> {
  try {
    return await collect(input, options);
  } catch (e) {
    const err = e as { name?: string; code?: string; message: string; line?: number };
    if (err.name !== 'CsvImportError') throw e;
    return { code: err.code!, message: err.message, line: err.line };
  }
}

export const ids = (c: Collected) => c.ids.map((x) => x.id);

/** An id predicate of the tests: digits only. */
export const digits = (id: string) => /^\d+$/.test(id);

/** Asserts that a parse fails with `code`, a message matching `message`, and (when given) `line`. */
export async function rejects(
  input: Parameters<typeof collect>[0],
  code: string,
  message: RegExp,
  line?: number,
  options: Parameters<typeof collect>[1] = {},
) {
  const r = await outcome(input, options);
  assert.ok('code' in r, `expected ${code}, got a result: ${JSON.stringify(r)}`);
  assert.equal(r.code, code, r.message);
  assert.match(r.message, message);
  if (line !== undefined) assert.equal(r.line, line, r.message);
  return r;
}
