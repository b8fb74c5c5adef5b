// Keyset pagination: lists are ordered by id descending (newest first) and continue after the
// last id seen. The cursor is opaque to clients; one that does not parse is a 400 naming it.
import { invalid } from '../domain/errors.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function decodeCursor(cursor: string | undefined, field = 'cursor'): number | null {
  if (cursor === undefined || cursor === '') return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^id:(\d{1,15})$/.exec(text);
  if (!match) throw invalid('invalid_cursor', `${field} is not a cursor returned by this API`);
  return Number(match[1]);
}

export function encodeCursor(id: number): string {
  return Buffer.from(`id:${id}`).toString('base64url');
}

/** Call with limit+1 rows fetched; returns the page and the cursor of the next one. */
export function toPage<T extends { id: number }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1].id) : null };
}
