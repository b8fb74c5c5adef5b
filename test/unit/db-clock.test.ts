// The database clock's offset (src/engine/db-clock.ts) is refreshed every 30 s, but not by a probe
// that took long (after a database outage, a stall): half its round trip would be the error, and
// this worker's slots and pause ends would move that much.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DbClock } from '../../src/engine/db-clock.ts';
import type { Queryable } from '../../src/storage/db.ts';

const OFFSET = 1_000;

/** A database whose clock is OFFSET ahead; it reads its clock at once and answers after `delayMs`. */
function database(delay: { ms: number }): Queryable {
  return {
    query: async () => {
      const now = new Date(Date.now() + OFFSET);
      await new Promise((r) => setTimeout(r, delay.ms));
      return [{ now }];
    },
  } as unknown as Queryable;
}

test('a stale offset is not replaced by a slow probe (an outage, a stall), only by one as good as the best', async () => {
  const delay = { ms: 0 };
  const clock = new DbClock(database(delay));
  for (let i = 0; i < 5; i++) await clock.probe();
  const local = Date.now();
  assert.ok(Math.abs(clock.toLocal(local + OFFSET) - local) <= 5, 'the offset from fast probes');
  // 30 s later, the next probe takes 400 ms: its reading is 200 ms off the middle of the round trip.
  Object.assign(clock, { offsetSampledAt: Date.now() - 31_000 });
  delay.ms = 400;
  await clock.probe();
  assert.ok(Math.abs(clock.toLocal(local + OFFSET) - local) <= 5, `moved by ${clock.toLocal(local + OFFSET) - local} ms`);
  // A fast one refreshes it.
  delay.ms = 0;
  await clock.probe();
  assert.ok(Math.abs(clock.toLocal(local + OFFSET) - local) <= 5);
});
