// A fingerprint of every table's rows: compare two to prove that nothing was written in between.
import type { Db } from '../../src/storage/db.ts';

/** Columns that reading changes (not a write of the request's data): left out of the fingerprint. */
// An API key's last use is written at most once a minute by any request, a read included: a run
// of odd requests longer than a minute would otherwise see a change it did not make.
const VOLATILE: Record<string, string[]> = { api_keys: ['last_used_at'] };
/** Tables a refused request may write by design: a call with a wrong secret counts a miss. */
const COUNTERS = ['external_event_misses'];

/** table → md5 of all its rows (in a stable order), in one statement. */
export async function databaseFingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const columns = tables
    .filter(({ name }) => !COUNTERS.includes(name))
    .map(({ name }) => {
      const row = (VOLATILE[name] ?? []).reduce((expr, column) => `${expr} - '${column}'`, 'to_jsonb(t)');
      return `(SELECT md5(coalesce(string_agg((${row})::text, '|' ORDER BY (${row})::text), '')) FROM "${name}" t) AS "${name}"`;
    });
  const rows = await db.query<Record<string, string>>(`SELECT ${columns.join(', ')}`);
  return rows[0];
}
