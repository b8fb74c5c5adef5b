// Committed snapshots, regenerated from the code so that a change to the API or the database shows
// in review and cannot drift unnoticed:
//   openapi.json            the OpenAPI document the server serves at /api/openapi.json
//   src/client/schema.d.ts  the typed client's types, made from it by openapi-typescript
//   db/schema.sql           the database schema after every migration, read from the catalog
// `node --import tsx scripts/snapshots.ts` (npm run snapshots) writes them; with --check
// (npm run snapshots:check, CI, test/unit/snapshots.test.ts) it writes nothing and fails when a
// committed file differs from what the code generates now.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';
import { loadConfig } from '../src/config.ts';
import { buildServer } from '../src/http/server.ts';
import { buildRegistry } from '../src/platforms/registry.ts';
import { createSealer } from '../src/security/encryption.ts';
import { systemClock } from '../src/services/context.ts';
import type { Db, Queryable } from '../src/storage/db.ts';
import { openPglite } from '../src/storage/drivers/pglite.ts';
import { migrate } from '../src/storage/migrate.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Snapshot {
  /** Path relative to the repository root. */
  path: string;
  content: string;
}

/** Objects with their keys sorted, at every depth: the file does not depend on registration order. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Formatted as the repository's formatter would, so formatting the tree never makes a snapshot drift. */
async function format(path: string, text: string): Promise<string> {
  const file = join(ROOT, path);
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

export async function openApiDocument(db: Db): Promise<Record<string, unknown>> {
  // Handlers never run: the database is only there because the services' context needs one.
  const config = loadConfig({ BOTCAST_SECRET_KEY: Buffer.alloc(32).toString('base64') });
  const ctx = { db, sealer: createSealer(Buffer.alloc(32)), clock: systemClock, config, platforms: buildRegistry(db) };
  const app = await buildServer(ctx, { logger: false });
  await app.ready();
  const doc = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  return sortKeys(JSON.parse(JSON.stringify(doc))) as Record<string, unknown>;
}

export async function clientTypes(doc: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0], { alphabetize: true });
  const header =
    '// The Botcast API as TypeScript types, generated from openapi.json by openapi-typescript.\n// Do not edit: run `npm run snapshots`.\n';
  return header + astToString(ast);
}

const q = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`);

/** The schema of the public schema, as SQL, from the catalog: same migrations, same text. */
export async function dumpSchema(db: Queryable): Promise<string> {
  const out: string[] = [
    '-- The database schema after every migration in db/migrations, read from the catalog.',
    '-- Do not edit: run `npm run snapshots`.',
    '',
  ];
  const NS = `(SELECT oid FROM pg_namespace WHERE nspname = 'public')`;
  const notExtension = (oid: string, catalog: string) =>
    `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = ${oid} AND d.classid = '${catalog}'::regclass AND d.deptype = 'e')`;

  const extensions = await db.query<{ extname: string }>(`SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY extname`);
  for (const e of extensions) out.push(`CREATE EXTENSION ${q(e.extname)};`);
  if (extensions.length) out.push('');

  const enums = await db.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid WHERE t.typnamespace = ${NS} GROUP BY t.typname ORDER BY t.typname`,
  );
  for (const t of enums)
    out.push(`CREATE TYPE ${q(t.name)} AS ENUM (${t.labels.map((l) => `'${l.replace(/'/g, "''")}'`).join(', ')});`, '');

  // Sequences of their own; those of identity and serial columns come with their column.
  const sequences = await db.query<{ name: string; def: string }>(
    `SELECT c.relname AS name, format('AS %s START %s INCREMENT %s MINVALUE %s MAXVALUE %s CACHE %s%s', format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, CASE WHEN s.seqcycle THEN ' CYCLE' ELSE '' END) AS def
       FROM pg_class c JOIN pg_sequence s ON s.seqrelid = c.oid WHERE c.relnamespace = ${NS} AND c.relkind = 'S'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))
      ORDER BY c.relname`,
  );
  for (const s of sequences) out.push(`CREATE SEQUENCE ${q(s.name)} ${s.def};`);
  if (sequences.length) out.push('');

  const tables = await db.query<{ oid: number; name: string; options: string[] | null; unlogged: boolean }>(
    `SELECT c.oid::int8 AS oid, c.relname AS name, c.reloptions AS options, c.relpersistence = 'u' AS unlogged
       FROM pg_class c WHERE c.relnamespace = ${NS} AND c.relkind IN ('r', 'p') AND ${notExtension('c.oid', 'pg_class')} ORDER BY c.relname`,
  );
  for (const t of tables) {
    const columns = await db.query<{
      name: string;
      type: string;
      notnull: boolean;
      def: string | null;
      identity: string;
      generated: string;
      collation: string | null;
    }>(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS def,
              a.attidentity AS identity, a.attgenerated AS generated,
              CASE WHEN a.attcollation <> t.typcollation THEN (SELECT collname FROM pg_collation WHERE oid = a.attcollation) END AS collation
         FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
      [t.oid],
    );
    // NOT NULL is on the column (PostgreSQL 18 also lists it as a constraint).
    const constraints = await db.query<{ name: string; def: string }>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1 AND contype <> 'n' ORDER BY contype, conname`,
      [t.oid],
    );
    const lines = columns.map((c) => {
      let line = `  ${q(c.name)} ${c.type}`;
      if (c.collation) line += ` COLLATE ${q(c.collation)}`;
      if (c.generated === 's') line += ` GENERATED ALWAYS AS (${c.def}) STORED`;
      else if (c.def !== null) line += ` DEFAULT ${c.def}`;
      if (c.identity === 'a') line += ' GENERATED ALWAYS AS IDENTITY';
      if (c.identity === 'd') line += ' GENERATED BY DEFAULT AS IDENTITY';
      if (c.notnull) line += ' NOT NULL';
      return line;
    });
    for (const c of constraints) lines.push(`  CONSTRAINT ${q(c.name)} ${c.def}`);
    const options = t.options?.length ? ` WITH (${[...t.options].sort().join(', ')})` : '';
    out.push(`CREATE ${t.unlogged ? 'UNLOGGED ' : ''}TABLE ${q(t.name)} (`, lines.join(',\n'), `)${options};`, '');
  }

  const views = await db.query<{ name: string; kind: string; def: string }>(
    `SELECT c.relname AS name, c.relkind AS kind, pg_get_viewdef(c.oid, true) AS def FROM pg_class c
      WHERE c.relnamespace = ${NS} AND c.relkind IN ('v', 'm') ORDER BY c.relname`,
  );
  for (const v of views)
    out.push(`CREATE ${v.kind === 'm' ? 'MATERIALIZED ' : ''}VIEW ${q(v.name)} AS`, v.def.trim().replace(/;$/, '') + ';', '');

  // Indexes that no constraint made (those are in their table above).
  const indexes = await db.query<{ def: string }>(
    `SELECT pg_get_indexdef(i.indexrelid) AS def FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
      WHERE c.relnamespace = ${NS} AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid)
      ORDER BY t.relname, c.relname`,
  );
  for (const i of indexes) out.push(`${i.def};`);
  if (indexes.length) out.push('');

  const functions = await db.query<{ def: string }>(
    `SELECT pg_get_functiondef(p.oid) AS def FROM pg_proc p WHERE p.pronamespace = ${NS} AND ${notExtension('p.oid', 'pg_proc')}
      ORDER BY p.proname, pg_get_function_identity_arguments(p.oid)`,
  );
  for (const f of functions) out.push(f.def.trim() + ';', '');

  const triggers = await db.query<{ def: string }>(
    `SELECT pg_get_triggerdef(g.oid) AS def FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
      WHERE c.relnamespace = ${NS} AND NOT g.tgisinternal ORDER BY c.relname, g.tgname`,
  );
  for (const g of triggers) out.push(`${g.def};`);

  return out.join('\n').replace(/\n+$/, '') + '\n';
}

/** Every snapshot as the code generates it now. */
export async function generateSnapshots(): Promise<Snapshot[]> {
  const db = await openPglite(undefined);
  try {
    await migrate(db);
    const schema = await dumpSchema(db);
    const doc = await openApiDocument(db);
    return [
      { path: 'openapi.json', content: await format('openapi.json', JSON.stringify(doc, null, 2) + '\n') },
      { path: 'src/client/schema.d.ts', content: await format('src/client/schema.d.ts', await clientTypes(doc)) },
      { path: 'db/schema.sql', content: schema },
    ];
  } finally {
    await db.close();
  }
}

/** The snapshots whose committed file is missing or differs from the generated one. */
export async function staleSnapshots(snapshots?: Snapshot[]): Promise<string[]> {
  const stale: string[] = [];
  for (const s of snapshots ?? (await generateSnapshots())) {
    const committed = await readFile(join(ROOT, s.path), 'utf8').catch(() => null);
    if (committed !== s.content) stale.push(s.path);
  }
  return stale;
}

export function staleMessage(stale: string[]): string {
  return `${stale.join(', ')} ${stale.length === 1 ? 'is' : 'are'} out of date with the code: run \`npm run snapshots\` and commit the result`;
}

async function main(check: boolean) {
  const snapshots = await generateSnapshots();
  if (check) {
    const stale = await staleSnapshots(snapshots);
    if (stale.length > 0) {
      console.error(staleMessage(stale));
      process.exit(1);
    }
    console.log(`snapshots up to date: ${snapshots.map((s) => s.path).join(', ')}`);
    return;
  }
  for (const s of snapshots) {
    await mkdir(dirname(join(ROOT, s.path)), { recursive: true });
    await writeFile(join(ROOT, s.path), s.content);
  }
  console.log(`wrote ${snapshots.map((s) => s.path).join(', ')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    console.error(`unknown argument ${unknown[0]}; usage: node --import tsx scripts/snapshots.ts [--check]`);
    process.exit(2);
  }
  await main(args.includes('--check'));
}
