// Selected users from a CSV file (SPEC section 3). The file is parsed as a stream
// (src/imports/selected-users-csv.ts); ids are looked up in batches; everything is written in one
// transaction that commits only when the whole file was read and valid — a file that breaks a
// rule imports nothing. Only people who wrote to the bot on that platform can be imported.
import type { Readable } from 'node:stream';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { CsvImportError, parseSelectedUsersCsv, defaultIsValidId } from '../../imports/selected-users-csv.ts';
import { csvReadable } from '../../imports/csv-writer.ts';
import type { ExistsRow, Queryable } from '../../storage/db.ts';
import { analyzeAfterBulkWrite } from '../../storage/queries/statistics.ts';
import type { ServiceContext } from '../context.ts';
import { getChannelRow } from '../channels.ts';

const SAMPLE = 50;

interface Problem {
  kind: 'unknown' | 'blocked' | 'malformed' | 'duplicate';
  value: string;
  line: number;
  reason: string;
}

export async function importSelectedUsers(
  ctx: ServiceContext,
  workspaceId: number,
  channelId: number,
  source: Readable | Buffer,
  fileName = '',
) {
  const channel = await getChannelRow(ctx.db, workspaceId, channelId);
  const client = ctx.platforms.get(channel.platform)!;
  const pattern = client.userIdPattern;
  const isValidId = (id: string) => defaultIsValidId(id) && (!pattern || pattern.test(id));
  try {
    const imported = await ctx.db.transaction(async (tx) => {
      const [imp] = await tx.query<{ id: number }>(
        `INSERT INTO selected_imports (workspace_id, bot_id, channel_id, file_name, summary) VALUES ($1, $2, $3, $4, '{}') RETURNING id`,
        [workspaceId, channel.bot_id, channelId, fileName.slice(0, 255)],
      );
      let seq = 0;
      let matched = 0;
      const counts = { unknown: 0, blocked: 0, malformed: 0, duplicate: 0 };
      const samples: Record<string, Problem[]> = { unknown: [], blocked: [], malformed: [], duplicate: [] };
      let headerAsData: string | null = null;
      const writeProblems = async (problems: Problem[]) => {
        if (problems.length === 0) return;
        for (const p of problems) {
          counts[p.kind] += 1;
          if (samples[p.kind].length < SAMPLE) samples[p.kind].push(p);
        }
        await tx.query(
          `INSERT INTO selected_import_problems (import_id, seq, kind, value, line, reason)
           SELECT $1, $2 + o, k, v, l, r FROM unnest($3::text[], $4::text[], $5::int[], $6::text[]) WITH ORDINALITY AS u(k, v, l, r, o)`,
          [
            imp.id,
            seq,
            problems.map((p) => p.kind),
            problems.map((p) => p.value),
            problems.map((p) => p.line),
            problems.map((p) => p.reason),
          ],
        );
        seq += problems.length;
      };
      // Ids are staged set-based as the file streams, then matched in one join at the end: a
      // lookup per batch of ids costs an index probe per id and was 3x slower at 1M ids.
      await tx.exec('CREATE TEMP TABLE import_ids (id text NOT NULL, line integer NOT NULL) ON COMMIT DROP');
      const stage = async (ids: Array<{ id: string; line: number }>) => {
        if (ids.length === 0) return;
        await tx.query('INSERT INTO import_ids (id, line) SELECT unnest($1::text[]), unnest($2::int[])', [
          ids.map((i) => i.id),
          ids.map((i) => i.line),
        ]);
      };

      let summary = null;
      for await (const batch of parseSelectedUsersCsv(source, {
        maxBytes: ctx.config.csvMaxBytes,
        maxRows: ctx.config.csvMaxRows,
        isValidId,
        batchSize: 20_000,
      })) {
        if (batch.header?.valid) {
          // The first row is a title of any kind — unless it is itself the id of a known subscriber.
          const known = await tx.query<ExistsRow>(
            'SELECT 1 FROM subscribers WHERE bot_id = $1 AND platform = $2 AND platform_user_id = $3',
            [channel.bot_id, channel.platform, batch.header.value],
          );
          if (known.length > 0) {
            headerAsData = batch.header.value;
            await stage([{ id: batch.header.value, line: batch.header.line }]);
          }
        }
        const ids = batch.ids.filter((i) => !(headerAsData !== null && i.sameAsHeader));
        const headerDuplicates = headerAsData === null ? [] : batch.ids.filter((i) => i.sameAsHeader);
        await stage(ids);
        await writeProblems([
          ...batch.malformed.map((m) => ({ kind: 'malformed' as const, value: m.value, line: m.line, reason: m.reason })),
          ...batch.duplicates.map((d) => ({
            kind: 'duplicate' as const,
            value: d.id,
            line: d.line,
            reason: `same as line ${d.firstLine}`,
          })),
          ...headerDuplicates.map((d) => ({ kind: 'duplicate' as const, value: d.id, line: d.line, reason: 'same as the first line' })),
        ]);
        if (batch.final) summary = batch.summary;
      }
      // Temp tables have no statistics until analysed: without them the planner probes the
      // subscriber index once per id instead of hashing the two sets.
      await tx.exec('ANALYZE import_ids');
      // One join does it all: the matched subscribers stored as one array on the import, the
      // unknown and blocked ids written to the report.
      const [outcome] = await tx.query<{ matched: number; unknown: number; blocked: number }>(
        `WITH j AS (
           SELECT i.id AS uid, i.line, s.id AS sid, s.status FROM import_ids i
           LEFT JOIN subscribers s ON s.bot_id = $2 AND s.platform = $3 AND s.platform_user_id = i.id
         ),
         p AS (
           INSERT INTO selected_import_problems (import_id, seq, kind, value, line, reason)
           SELECT $1, $4 + row_number() OVER (ORDER BY line), CASE WHEN sid IS NULL THEN 'unknown' ELSE 'blocked' END, uid, line,
                  CASE WHEN sid IS NULL THEN 'never wrote to the bot on this platform' ELSE 'blocked the bot' END
           FROM j WHERE sid IS NULL OR status = 'blocked'
           RETURNING kind
         ),
         u AS (
           UPDATE selected_imports SET subscriber_ids = coalesce((SELECT array_agg(sid) FROM j WHERE status = 'active'), '{}')
           WHERE id = $1 RETURNING cardinality(subscriber_ids) AS n
         )
         SELECT (SELECT n FROM u) AS matched, (SELECT count(*) FROM p WHERE kind = 'unknown') AS unknown, (SELECT count(*) FROM p WHERE kind = 'blocked') AS blocked`,
        [imp.id, channel.bot_id, channel.platform, seq],
      );
      matched = outcome.matched;
      counts.unknown = outcome.unknown;
      counts.blocked = outcome.blocked;
      for (const kind of ['unknown', 'blocked'] as const) {
        if (counts[kind] === 0) continue;
        samples[kind] = await tx.query<Problem>(
          'SELECT kind, value, line, reason FROM selected_import_problems WHERE import_id = $1 AND kind = $2 ORDER BY seq LIMIT $3',
          [imp.id, kind, SAMPLE],
        );
      }
      const result = {
        importId: imp.id,
        channelId,
        platform: channel.platform,
        rows: (summary?.rows ?? 0) + (headerAsData !== null ? 1 : 0),
        matched,
        firstRow: summary?.header
          ? { value: summary.header.value, line: summary.header.line, treatedAs: headerAsData !== null ? 'id' : 'title' }
          : null,
        unknown: { count: counts.unknown, sample: samples.unknown },
        blocked: { count: counts.blocked, sample: samples.blocked },
        malformed: { count: counts.malformed, sample: samples.malformed },
        duplicates: { count: counts.duplicate, sample: samples.duplicate },
        reportUrl: `/api/selected-user-imports/${imp.id}/report.csv`,
      };
      await tx.query('UPDATE selected_imports SET summary = $2 WHERE id = $1', [imp.id, JSON.stringify(result)]);
      return result;
    });
    // The report rows: every unknown, blocked, malformed and duplicate id of the file.
    const problems = imported.unknown.count + imported.blocked.count + imported.malformed.count + imported.duplicates.count;
    await analyzeAfterBulkWrite(ctx.db, ['selected_import_problems'], problems);
    return imported;
  } catch (error) {
    if (error instanceof CsvImportError) {
      throw new AppError(
        error.code === 'too_large' ? 'too_large' : 'invalid',
        `csv_${error.code}`,
        `${fileName || 'the file'}: ${error.message}; nothing was imported`,
        { line: error.line ?? null },
      );
    }
    throw error;
  }
}

export async function getSelectedImport(q: Queryable, workspaceId: number, importId: number) {
  const rows = await q.query<{ summary: unknown }>('SELECT summary FROM selected_imports WHERE id = $1 AND workspace_id = $2', [
    importId,
    workspaceId,
  ]);
  if (rows.length === 0) throw notFound('import', importId);
  return rows[0].summary;
}

/** The problems of an import as a CSV file, streamed in pages (a 1M-row report never sits in memory). */
export async function selectedImportReport(ctx: ServiceContext, workspaceId: number, importId: number) {
  await getSelectedImport(ctx.db, workspaceId, importId);
  async function* rows() {
    let after = -1;
    for (;;) {
      const page = await ctx.db.query<{ seq: number; kind: string; value: string; line: number; reason: string }>(
        'SELECT seq, kind, value, line, reason FROM selected_import_problems WHERE import_id = $1 AND seq > $2 ORDER BY seq LIMIT 5000',
        [importId, after],
      );
      for (const p of page) yield [p.value, p.kind, p.line, p.reason];
      if (page.length < 5000) return;
      after = page[page.length - 1].seq;
    }
  }
  return csvReadable(rows(), { header: ['user_id', 'problem', 'line', 'details'] });
}

export function requireCsv(contentType: string | undefined) {
  if (contentType && !/^(text\/csv|text\/plain|application\/octet-stream|application\/vnd\.ms-excel)/i.test(contentType)) {
    throw invalid('unsupported_media_type', 'send the CSV file as the request body with content-type text/csv');
  }
}
