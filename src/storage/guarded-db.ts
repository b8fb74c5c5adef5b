// The last line of defence of the disk reserve (disk-reserve.ts): the database port of embedded
// mode, refusing to start a commit that may not finish. Below the reserve the rest of Botcast
// already starts nothing new, but what is in flight still writes its outcomes, workers heart-beat
// and sessions are touched; if the disk keeps filling (another program, a log), PGlite would hang
// in the first commit that needs a new WAL segment, deaf to SIGTERM. So while below the reserve,
// every write reads the free space first and is refused with insufficient_storage once it is
// under the critical floor. Above the reserve a write costs one property read.
import type { Db, Queryable } from './db.ts';
import { insufficientStorage, type DiskReserve } from './disk-reserve.ts';

/** Statements that write nothing (a read may be refused by nothing: the panel keeps showing history). */
const READ = /^\s*(SELECT|SHOW|EXPLAIN)\b/i;

export function guardWrites(db: Db, disk: DiskReserve): Db {
  const mayWrite = async () => {
    await disk.check();
    if (disk.critical) throw insufficientStorage(disk.state);
  };
  return {
    engine: db.engine,
    query<T extends object>(sql: string, params?: readonly unknown[]) {
      if (disk.state.ok || READ.test(sql)) return db.query<T>(sql, params);
      return mayWrite().then(() => db.query<T>(sql, params));
    },
    exec(sql: string) {
      if (disk.state.ok) return db.exec(sql);
      return mayWrite().then(() => db.exec(sql));
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      if (disk.state.ok) return db.transaction(fn);
      return mayWrite().then(() => db.transaction(fn));
    },
    listen: db.listen ? (channel, onNotify) => db.listen!(channel, onNotify) : undefined,
    async close() {
      // Closing checkpoints, which may need room that is not there: leave the folder as a kill -9
      // would (the next start replays the log; test/integration/embedded.test.ts proves it opens).
      await disk.check();
      if (disk.critical) return;
      await db.close();
    },
  };
}
