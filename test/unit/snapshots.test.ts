// The committed snapshots (openapi.json, src/client/schema.d.ts, db/schema.sql) match what the code
// generates now: a route or migration changed without `npm run snapshots` fails here, and in CI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { staleMessage, staleSnapshots } from '../../scripts/snapshots.ts';

test('the committed snapshots are up to date', { timeout: 600_000 }, async () => {
  const stale = await staleSnapshots();
  assert.deepEqual(stale, [], staleMessage(stale));
});
