// The PostgreSQL driver under faults and load. A connection lost in the middle of a transaction (PostgreSQL restarting, a backend terminated)
// fails that transaction and nothing more. node-postgres's pool takes its error listener off a
// client while it is checked out, so the client's 'error' event on the lost socket had no listener
// and ended the whole worker process: in the chaos run, two of three workers died during a database
// outage — one of them the worker that held a 429 pause not yet written (issue 20 points 1 and 3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { ENGINE, PG_ADMIN_URL, createTestDatabase } from '../helpers/engine.ts';
import { openPostgres } from '../../src/storage/drivers/postgres.ts';
import { waitFor } from '../helpers/world.ts';
import { announcePause } from '../../src/engine/channel-pauses.ts';
import { WAKE_CHANNEL, parsePauseTopic } from '../../src/storage/queries/wake.ts';

test(
  'a backend terminated inside a transaction fails the transaction, not the process; the pool goes on',
  { skip: ENGINE !== 'postgres' && 'PostgreSQL driver' },
  async () => {
    const database = await createTestDatabase('postgres');
    const db = await openPostgres(database.env.DATABASE_URL, { poolSize: 2 });
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    // An unhandled 'error' event would be thrown from the socket's callback: an uncaught exception.
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      let pid = 0;
      await assert.rejects(
        db.transaction(async (tx) => {
          [{ pid }] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          // Between two statements, as a claim awaits its run's details: the socket closes meanwhile.
          await admin.query('SELECT pg_terminate_backend($1)', [pid]);
          await waitFor(
            'the backend to be gone',
            async () => (await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rows.length === 0,
            10_000,
            10,
          );
          await tx.query('SELECT 1');
        }),
      );
      // The pool hands out a working connection again (the lost one was not put back).
      for (let i = 0; i < 3; i++) assert.deepEqual(await db.query('SELECT 1 AS one'), [{ one: 1 }]);
      assert.deepEqual(uncaught, []);
    } finally {
      process.off('uncaughtException', onUncaught);
      await admin.end();
      await db.close();
      await database.drop();
    }
  },
);

test(
  'a pause is announced to the other workers at once, even when every pooled connection of the worker that read the 429 is busy',
  { skip: ENGINE !== 'postgres' && 'PostgreSQL driver' },
  async () => {
    const database = await createTestDatabase('postgres');
    // The worker that read the 429, with its one pooled connection taken by a slow statement (a
    // claim, an outcome write under load), and another worker listening.
    const reader = await openPostgres(database.env.DATABASE_URL, { poolSize: 1 });
    const other = await openPostgres(database.env.DATABASE_URL, { poolSize: 1 });
    try {
      const stopReader = await reader.listen!(WAKE_CHANNEL, () => {});
      let heard: (topic: { channelId: number; untilMs: number }) => void = () => {};
      const heardPause = new Promise<{ channelId: number; untilMs: number }>((resolve) => (heard = resolve));
      const stopOther = await other.listen!(WAKE_CHANNEL, (payload) => {
        const pause = payload ? parsePauseTopic(payload) : null;
        if (pause) heard(pause);
      });
      const busy = reader.query('SELECT pg_sleep(3)').then(() => 'the pool was free again' as const);
      announcePause({ db: reader }, 42, 1_800_000_000_000);
      const first = await Promise.race([heardPause, busy]);
      assert.deepEqual(first, { channelId: 42, untilMs: 1_800_000_000_000 }, 'heard before the pooled connection was free');
      await busy;
      await stopOther();
      await stopReader();
    } finally {
      await reader.close();
      await other.close();
      await database.drop();
    }
  },
);

test(
  'backends terminated under a load of statements and transactions: every failure is a rejected statement, none ends the process',
  { skip: ENGINE !== 'postgres' && 'PostgreSQL driver' },
  async () => {
    const database = await createTestDatabase('postgres');
    const db = await openPostgres(database.env.DATABASE_URL, { poolSize: 6 });
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    let stop = false;
    let failures = 0;
    try {
      // Single statements (pool.query: the pool's own once-listener was not enough) and
      // transactions, as a worker's claims, mark raises and outcome writes.
      const load = Array.from({ length: 8 }, async (_, i) => {
        while (!stop) {
          try {
            if (i % 2)
              await db.transaction(async (tx) => {
                await tx.query('SELECT 1');
                await tx.query('SELECT pg_sleep(0.005)');
              });
            else await db.query('SELECT pg_sleep(0.004)');
          } catch {
            failures += 1;
            await new Promise((r) => setImmediate(r));
          }
        }
      });
      const name = new URL(database.env.DATABASE_URL).pathname.slice(1);
      for (let k = 0; k < 15; k++) {
        const before = failures;
        await waitFor(
          'statements under way',
          async () => (await admin.query(`SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND state = 'active'`, [name])).rows.length > 0,
          10_000,
          5,
        );
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
        await waitFor('a statement to fail', async () => failures > before, 10_000, 5);
      }
      stop = true;
      await Promise.all(load);
      assert.deepEqual(await db.query('SELECT 1 AS one'), [{ one: 1 }]);
      assert.deepEqual(uncaught, []);
    } finally {
      stop = true;
      process.off('uncaughtException', onUncaught);
      await admin.end();
      await db.close();
      await database.drop();
    }
  },
);
