// Planner statistics after a bulk write (issue 21 point 2). The planner chooses by its statistics:
// a table that gained a million rows since it was last analysed is planned as if it were still
// small (an audience preview at 1M: 4–5.6 s with stale statistics, 0.6 s after ANALYZE). PostgreSQL's
// autovacuum would catch up within a minute or so if it is on; PGlite has none. So a write that
// adds many rows analyses the tables it wrote, on both engines, once it has committed.
//
// ANALYZE reads a fixed-size sample (30,000 rows at the default statistics target), so its cost
// does not grow with the table; below the threshold a write cannot move the statistics much.
import type { Queryable } from '../db.ts';

/** Rows a bulk write must have written before its tables are analysed. */
export const ANALYZE_AFTER_ROWS = 5_000;

const TABLES = new Set(['subscribers', 'subscriber_tags', 'selected_import_problems', 'deliveries']);

/**
 * ANALYZE `tables` if `rows` reached the threshold. A failing ANALYZE is not reported: the write
 * it follows has committed, and stale statistics only make plans slower. Returns whether it analysed.
 */
export async function analyzeAfterBulkWrite(db: Queryable, tables: readonly string[], rows: number): Promise<boolean> {
  if (rows < ANALYZE_AFTER_ROWS || tables.length === 0) return false;
  // The names are spliced into the statement: only known tables.
  for (const t of tables) if (!TABLES.has(t)) throw new Error(`analyzeAfterBulkWrite: unknown table ${t}`);
  try {
    await db.exec(`ANALYZE ${tables.join(', ')}`);
    return true;
  } catch {
    return false;
  }
}
