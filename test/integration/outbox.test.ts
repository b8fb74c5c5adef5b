// The outbox never skips an event whose transaction commits after a later one (the bug a plain
// id cursor has): consumers see events in commit-safe order, each exactly once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { ENGINE, createTestDatabase, type TestDatabase } from '../helpers/engine.ts';
import { openStorage, type Storage } from '../../src/storage/open.ts';
import { appendEvents, consumeEvents } from '../../src/storage/queries/outbox.ts';
import { waitFor } from '../helpers/world.ts';

let db: TestDatabase;
let storage: Storage;

before(async () => {
  db = await createTestDatabase();
  storage = await openStorage(db.config());
});
after(async () => {
  await storage.close();
  await db.drop();
});

test('an event committed late is not skipped', { skip: ENGINE !== 'postgres' && 'needs two concurrent connections' }, async () => {
  const seen: number[] = [];
  const consume = () =>
    consumeEvents(storage.db, 'test', ['chat_closed'], async (_tx, events) => {
      seen.push(...events.map((e) => Number(e.payload.n)));
    });
  const slow = new pg.Client({ connectionString: db.env.DATABASE_URL });
  await slow.connect();
  try {
    await slow.query('BEGIN');
    await slow.query(`INSERT INTO events (workspace_id, type, payload) VALUES (1, 'chat_closed', '{"n": 1}')`); // the lower id, still open
    await appendEvents(storage.db, 1, 'chat_closed', [{ n: 2 }]); // a higher id, committed
    await consume();
    assert.deepEqual(seen, [], 'nothing is read past an open transaction');
    await slow.query('COMMIT');
    // Transaction ids are the cluster's: a transaction open in any database (another test file on
    // the same server) holds events back until it ends. Held back, never skipped: wait for them.
    await waitFor('both events', async () => (await consume(), seen.length >= 2));
    assert.deepEqual(seen.sort(), [1, 2]);
    await consume();
    assert.deepEqual(seen.sort(), [1, 2], 'each once');
  } finally {
    await slow.end();
  }
});

test('events are consumed once, in order, in batches', async () => {
  await appendEvents(
    storage.db,
    1,
    'tag_assigned',
    Array.from({ length: 7 }, (_, i) => ({ n: i })),
  );
  const seen: number[] = [];
  const batches: number[] = [];
  // A transaction open elsewhere on the server may hold the events back for a while (see above).
  await waitFor('every event', async () => {
    const n = await consumeEvents(
      storage.db,
      'batches',
      ['tag_assigned'],
      async (_tx, events) => void seen.push(...events.map((e) => Number(e.payload.n))),
      3,
    );
    if (n > 0) batches.push(n);
    return seen.length >= 7;
  });
  assert.ok(
    batches.every((n) => n <= 3),
    `batches of at most 3: ${batches.join(', ')}`,
  );
  assert.deepEqual(seen, [0, 1, 2, 3, 4, 5, 6]);
});

// Transaction ids compared as text put '1000' before '999'. An embedded database starts near 750
// and passes 1,000 in its first minutes, then 10,000, …: the query ordered by its output column
// (the text) instead of the xid8, so a batch straddling the boundary came out of order, and a
// batch cut by its limit moved the cursor past the event it left out — never consumed. (9 and 10
// here: ids of transactions long over, which the consumer may read.)
test('events are consumed in transaction order across a power of ten (xid8, not its text)', async () => {
  for (const [txid, n] of [
    ['9', 1],
    ['10', 2],
  ] as const)
    await storage.db.query(`INSERT INTO events (workspace_id, type, payload, txid) VALUES (1, 'chat_closed', $1, $2::xid8)`, [
      JSON.stringify({ n }),
      txid,
    ]);
  const seen: number[] = [];
  for (let i = 0; i < 2; i++)
    await consumeEvents(
      storage.db,
      'digits',
      ['chat_closed'],
      async (_tx, events) => void seen.push(...events.map((e) => Number(e.payload.n))),
      1,
    );
  assert.deepEqual(seen, [1, 2]);
});
