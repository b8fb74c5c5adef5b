// The database port. Feature code talks to the database only through this: SQL text and
// parameters in, plain rows out. Two drivers implement it (drivers/pglite.ts, drivers/postgres.ts)
// and run the very same statements; nothing above this file knows which one is in use.
//
// Typed rows: every call names the shape of its rows, `query<SomeRow>(sql, …)`, with the row
// interface declared beside its SQL. We keep typed query functions over plain SQL rather than a
// query builder (Kysely and the like) because the SQL must stay visible, written once and run
// identically on PGlite and PostgreSQL, and the queries are already small functions in small
// modules. The row type is a promise the SQL keeps, not a check: write it from the SELECT list and
// the column types (db/migrations), with what both drivers return:
//   bigint, integer, smallint, numeric, double precision, count(*) → number (INT8_OID and
//     NUMERIC_OID parsed below; ids and counts stay far below 2^53)
//   timestamptz, timestamp, date → Date (±infinity → ±Infinity, a number)
//   json, jsonb → the parsed value; text → string; boolean → boolean; NULL → null
//   bigint[] → numbers on PGlite but strings on PostgreSQL (node-postgres parses int8 arrays
//     itself): type as Array<number | string> and convert, or aggregate to json instead
// A call that does not name its rows gets Row: every column `unknown`, to be narrowed before use.
// Only statements whose rows are never read go without a row type (writes without RETURNING,
// locks such as `SELECT pg_advisory_xact_lock(…)`).

export type Row = Record<string, unknown>;

/** The row of an existence check, `SELECT 1 FROM … WHERE …`: only the number of rows is read. */
export interface ExistsRow {
  '?column?': number;
}

/** The row of `SELECT count(*) AS n …`. */
export interface CountRow {
  n: number;
}

/** The row of `… RETURNING id` (and `SELECT id`) when only the id is read. */
export interface IdRow {
  id: number;
}

export interface Queryable {
  /** One statement with $1.. parameters; returns its rows. */
  query<T extends object = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls onNotify with the payload of every NOTIFY on `channel` (from any process; a NOTIFY sent
   * in a transaction arrives when it commits, never when it rolls back) until the returned
   * function is called. When the listening connection was lost and is back, calls onNotify(null)
   * once: what was notified meanwhile is lost. Wake-ups only: whatever listens also polls.
   * `onLost` is called when a listening connection is lost (not when a first one cannot be made).
   */
  listen?(channel: string, onNotify: (payload: string | null) => void, onLost?: () => void): Promise<() => Promise<void>>;
  /**
   * NOTIFY at once, outside any transaction, on the listening connection when there is one (a
   * pooled connection may be busy for a while under load): a platform's "slow down" reaches the
   * other workers before the pause is written (engine/channel-pauses.ts). PostgreSQL only.
   */
  notifyNow?(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

/** Shared by both drivers: numbers come back as numbers (ids and counts stay far below 2^53). */
export const INT8_OID = 20;
export const NUMERIC_OID = 1700;
