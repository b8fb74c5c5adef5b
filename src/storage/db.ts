// The database port. Feature code talks to the database only through this: SQL text and
// parameters in, plain rows out. Two drivers implement it (drivers/pglite.ts, drivers/postgres.ts)
// and run the very same statements; nothing above this file knows which one is in use.

export type Row = Record<string, any>;

export interface Queryable {
  /** One statement with $1.. parameters; returns its rows. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Shared by both drivers: numbers come back as numbers (ids and counts stay far below 2^53). */
export const INT8_OID = 20;
export const NUMERIC_OID = 1700;
