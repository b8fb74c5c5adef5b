// The index rule of the deliveries table (docs/engine.md, "Invariants"; db/migrations/0012): no
// index refers — in its key, an expression or its partial-index predicate — to a column that the
// claim or the outcome of a first attempt changes. Those updates then stay on their page (HOT) and
// touch no index at all. Read from the catalog, on both engines.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '../helpers/engine.ts';
import { openStorage, type Storage } from '../../src/storage/open.ts';
import type { Queryable } from '../../src/storage/db.ts';

/**
 * Columns whose value the hot path changes on a first attempt:
 *  - the claim (the `UPDATE deliveries … SET state = 'in_flight'` of the engine's claim statement,
 *    claimDeliveries): state, claimed_by, attempts, updated_at;
 *  - the outcome (the `UPDATE deliveries … FROM unnest(…)` statements, recordOutcomes and
 *    recordSent): state, outcome, platform_message_id, claimed_by, updated_at (and attempts, for
 *    a release that does not count).
 */
const CHANGED = ['state', 'claimed_by', 'attempts', 'updated_at', 'outcome', 'platform_message_id'];
/**
 * Columns those statements write but leave as they were on a first attempt (HOT compares values,
 * so an index may use them): not_before is already -infinity when a first attempt is claimed and a
 * sent outcome keeps it; error_code and error_text are NULL and a sent outcome writes NULL. Only
 * retries and failures change them, and those are few.
 */
const WRITTEN_UNCHANGED = ['not_before', 'error_code', 'error_text'];

const ENGINE_DIR = fileURLToPath(new URL('../../src/engine/', import.meta.url));

function engineSources(dir = ENGINE_DIR): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return engineSources(path);
    return name.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

/** The claim and outcome UPDATEs of the engine's source (wherever the files live), with the columns they SET. */
function hotPathUpdates(): Array<{ kind: 'claim' | 'outcome'; columns: string[]; text: string }> {
  const found: Array<{ kind: 'claim' | 'outcome'; columns: string[]; text: string }> = [];
  for (const source of engineSources()) {
    for (const m of source.matchAll(/UPDATE deliveries(?: d)? SET([\s\S]*?)\b(FROM|WHERE)\b([\s\S]*?)(?:`|RETURNING)/g)) {
      const [text, set, , rest] = m;
      const kind = /state = 'in_flight'/.test(set) ? 'claim' : /unnest\(/.test(rest) ? 'outcome' : null;
      if (!kind) continue;
      // `col = …` at the start of each assignment (CASE … END values hold no top-level `,\s*col =`).
      const columns = [...set.matchAll(/(?:^|,)\s*([a-z_]+)\s*=/g)].map((x) => x[1]);
      found.push({ kind, columns, text });
    }
  }
  return found;
}

interface IndexColumns {
  name: string;
  definition: string;
  columns: string[];
}

/** Every index of deliveries with the columns it refers to: key and INCLUDE columns, expressions, predicate. */
async function deliveryIndexes(q: Queryable): Promise<IndexColumns[]> {
  const rows = await q.query<{ name: string; definition: string; keys: string[] | null; exprs: string | null; pred: string | null }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition,
            (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
              WHERE a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey::int2[]) AND a.attnum > 0) AS keys,
            i.indexprs::text AS exprs, i.indpred::text AS pred
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE i.indrelid = 'deliveries'::regclass ORDER BY c.relname`,
  );
  const attributes = await q.query<{ attnum: number; attname: string }>(
    `SELECT attnum::int AS attnum, attname::text AS attname FROM pg_attribute WHERE attrelid = 'deliveries'::regclass AND attnum > 0 AND NOT attisdropped`,
  );
  const byNumber = new Map(attributes.map((a) => [Number(a.attnum), a.attname]));
  // Expressions and predicates are stored as node trees; a column is a Var with its attribute number.
  const vars = (tree: string | null) => [...(tree ?? '').matchAll(/:varattno (\d+)/g)].map((m) => byNumber.get(Number(m[1])) ?? `#${m[1]}`);
  const keys = (k: string[] | string | null) =>
    k === null
      ? []
      : Array.isArray(k)
        ? k
        : k
            .replace(/^\{|\}$/g, '')
            .split(',')
            .filter(Boolean);
  return rows.map((r) => ({
    name: r.name,
    definition: r.definition,
    columns: [...new Set([...keys(r.keys), ...vars(r.exprs), ...vars(r.pred)])].sort(),
  }));
}

function violations(indexes: IndexColumns[]): string[] {
  return indexes.flatMap((ix) =>
    ix.columns
      .filter((c) => CHANGED.includes(c))
      .map((c) => `${ix.name} refers to ${c}, which the claim or the outcome changes: ${ix.definition}`),
  );
}

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

describe('engine invariants', () => {
  test('the columns the claim and outcome statements set are all accounted for', () => {
    const updates = hotPathUpdates();
    assert.ok(updates.filter((u) => u.kind === 'claim').length >= 1, 'the claim UPDATE was not found in src/engine');
    assert.ok(updates.filter((u) => u.kind === 'outcome').length >= 2, 'the outcome UPDATEs were not found in src/engine');
    for (const u of updates) {
      const unknown = u.columns.filter((c) => !CHANGED.includes(c) && !WRITTEN_UNCHANGED.includes(c));
      assert.deepEqual(
        unknown,
        [],
        `a ${u.kind} statement sets columns this test does not classify; add them to CHANGED (or, if a first attempt never changes them, WRITTEN_UNCHANGED):\n${u.text}`,
      );
    }
    const claim = updates.find((u) => u.kind === 'claim')!;
    for (const c of ['state', 'claimed_by', 'attempts']) assert.ok(claim.columns.includes(c), `claim sets ${c}`);
  });

  test('no index of deliveries refers to a column the claim or the outcome changes', async () => {
    const indexes = await deliveryIndexes(storage.db);
    assert.ok(indexes.length >= 6, `indexes found: ${indexes.map((i) => i.name).join(', ')}`);
    assert.deepEqual(violations(indexes), []);
  });

  test('the check sees expression columns and partial-index predicates', async () => {
    const seen = await storage.db
      .transaction(async (tx) => {
        await tx.exec(`CREATE INDEX deliveries_probe_expr ON deliveries ((lower(outcome))) WHERE lane_id > 0`);
        await tx.exec(`CREATE INDEX deliveries_probe_pred ON deliveries (run_id) WHERE state = 'queued'`);
        await tx.exec(`CREATE INDEX deliveries_probe_include ON deliveries (run_id) INCLUDE (claimed_by)`);
        const found = violations(await deliveryIndexes(tx));
        throw Object.assign(new Error('roll back'), { found });
      })
      .catch((error: { found?: string[] }) => error.found ?? assert.fail(String(error)));
    assert.equal(seen.length, 3, seen.join('\n'));
    assert.match(seen.join('\n'), /deliveries_probe_expr refers to outcome/);
    assert.match(seen.join('\n'), /deliveries_probe_pred refers to state/);
    assert.match(seen.join('\n'), /deliveries_probe_include refers to claimed_by/);
    const after = await deliveryIndexes(storage.db);
    assert.ok(!after.some((i) => i.name.startsWith('deliveries_probe_')), 'rolled back');
  });
});
