// Embedded PostgreSQL (PGlite, compiled to WebAssembly) in a local folder: the default mode.
// PGlite is a single connection inside this process; it queues queries itself, and a transaction
// holds it exclusively until it ends.
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { INT8_OID, NUMERIC_OID, type Db, type Queryable } from '../db.ts';
import { initPgliteFolder, PGLITE_START_PARAMS } from './pglite-memory.ts';
import { SESSION_SETTINGS } from './session.ts';

const parsers = { [INT8_OID]: (v: string) => Number(v), [NUMERIC_OID]: (v: string) => Number(v) };

export async function openPglite(dataDir: string | undefined): Promise<Db> {
  // dataDir undefined → in memory (tests). A new folder is made by a child process: see pglite-memory.ts.
  if (dataDir) await initPgliteFolder(dataDir);
  const startParams = [...PGLITE_START_PARAMS];
  const pg = await PGlite.create(dataDir ? { dataDir, parsers, startParams } : { parsers, startParams });
  for (const [name, value] of Object.entries(SESSION_SETTINGS)) await pg.exec(`SET ${name} = ${value}`);
  const wrap = (q: Pick<Transaction, 'query' | 'exec'>): Queryable => ({
    async query<T extends object>(sql: string, params?: readonly unknown[]) {
      const result = await q.query<T>(sql, params as unknown[] | undefined);
      return result.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const root = wrap(pg);
  return {
    engine: 'pglite',
    query: root.query,
    exec: root.exec,
    transaction(fn) {
      return pg.transaction((tx) => fn(wrap(tx)));
    },
    // In process: the one connection both notifies and listens.
    async listen(channel, onNotify) {
      const unlisten = await pg.listen(channel, (payload) => onNotify(payload));
      return async () => {
        if (!pg.closed) await unlisten();
      };
    },
    async close() {
      // A checkpoint writes everything to the folder before the process goes away.
      if (!pg.closed) {
        await pg.exec('CHECKPOINT').catch(() => {});
        await pg.close();
      }
    },
  };
}
