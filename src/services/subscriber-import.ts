// The migration import: people who already wrote to the bot elsewhere, from a CSV or JSON file
// (platform_user_id, name, username, language, tags). Streamed in batches, written in one
// transaction (a fatal error — not UTF-8, no platform_user_id column — imports nothing); bad rows
// are skipped and reported with their line. Existing subscribers keep their profile and gain the
// tags. Tags assigned by a migration import do not fire trigger events: they are history, not news.
import type { Readable } from 'node:stream';
import { AppError, invalid } from '../domain/errors.ts';
import { CsvImportError, parseSubscribersFile, type SubscriberRowProblem } from '../imports/subscribers-file.ts';
import { analyzeAfterBulkWrite } from '../storage/queries/statistics.ts';
import type { ServiceContext } from './context.ts';
import { getBot } from './bots.ts';
import { ensureTags } from './tags.ts';

export interface SubscriberImportResult {
  /** Records read (CSV: non-blank rows after the header). */
  rows: number;
  created: number;
  existing: number;
  /** Tag assignments added (a subscriber who already had the tag is not counted). */
  tagged: number;
  skipped: number;
  problems: SubscriberRowProblem[];
  format: string;
}

export interface SubscriberImportOptions {
  /**
   * All or nothing (the API): a bad row refuses the whole file, naming its line, instead of being
   * skipped. The file is still read to the end so that the answer lists every bad line (first 50).
   */
  strict?: boolean;
  maxBytes?: number;
  maxRows?: number;
}

const STRICT_SAMPLE = 50;

export async function importSubscribers(
  ctx: ServiceContext,
  workspaceId: number,
  botId: number,
  platform: string,
  source: Readable | Buffer,
  fileLabel: string,
  options: SubscriberImportOptions = {},
): Promise<SubscriberImportResult> {
  await getBot(ctx, workspaceId, botId);
  const [channel] = await ctx.db.query<{ id: number }>('SELECT id FROM channels WHERE bot_id = $1 AND platform = $2', [botId, platform]);
  if (!channel) throw invalid('unknown_channel', `bot ${botId} has no ${platform} channel; connect it first`, { field: 'platform' });
  const pattern = ctx.platforms.get(platform as never)?.userIdPattern;
  try {
    const result = await ctx.db.transaction(async (tx) => {
      const result: SubscriberImportResult = { rows: 0, created: 0, existing: 0, tagged: 0, skipped: 0, problems: [], format: '' };
      const parsing = parseSubscribersFile(source, {
        isValidId: pattern ? (id) => pattern.test(id) : undefined,
        maxBytes: options.maxBytes,
        maxRows: options.maxRows,
      });
      for await (const batch of parsing) {
        result.skipped += batch.problems.length;
        if (result.problems.length < 1000) result.problems.push(...batch.problems.slice(0, 1000 - result.problems.length));
        if (batch.final) {
          result.format = batch.summary.format;
          result.rows = batch.summary.records;
        }
        // Strict and already refused: the rest is read only to list its bad lines, not written.
        if (batch.rows.length === 0 || (options.strict && result.skipped > 0)) continue;
        // A big file could fill the data folder's disk inside this one transaction, and PGlite then
        // fails obscurely or never finishes its commit: below the reserve it is rolled back instead.
        await ctx.disk?.checkWritable();
        const rows = batch.rows;
        const inserted = await tx.query<{ id: number; platform_user_id: string }>(
          `INSERT INTO subscribers (workspace_id, bot_id, channel_id, platform, platform_user_id, name, username, language)
           SELECT $1, $2, $3, $4, u.uid, coalesce(u.name, ''), coalesce(u.username, ''), coalesce(u.lang, '')
           FROM unnest($5::text[], $6::text[], $7::text[], $8::text[]) AS u(uid, name, username, lang)
           ON CONFLICT (bot_id, platform, platform_user_id) DO NOTHING RETURNING id, platform_user_id`,
          [
            workspaceId,
            botId,
            channel.id,
            platform,
            rows.map((r) => r.platformUserId),
            rows.map((r) => r.name),
            rows.map((r) => r.username),
            rows.map((r) => r.language),
          ],
        );
        result.created += inserted.length;
        result.existing += rows.length - inserted.length;
        const tagged = rows.filter((r) => r.tags.length > 0);
        if (tagged.length === 0) continue;
        const tagIds = await ensureTags(tx, workspaceId, botId, [...new Set(tagged.flatMap((r) => r.tags))]);
        const ids = await tx.query<{ id: number; platform_user_id: string }>(
          'SELECT id, platform_user_id FROM subscribers WHERE bot_id = $1 AND platform = $2 AND platform_user_id = ANY($3::text[])',
          [botId, platform, tagged.map((r) => r.platformUserId)],
        );
        const byUid = new Map(ids.map((r) => [r.platform_user_id, r.id]));
        const pairs = tagged
          .flatMap((r) => r.tags.map((t) => [byUid.get(r.platformUserId)!, tagIds.get(t)!] as const))
          .filter(([s, t]) => s && t);
        const added = await tx.query<{ n: number }>(
          `WITH i AS (INSERT INTO subscriber_tags (subscriber_id, tag_id) SELECT unnest($1::bigint[]), unnest($2::bigint[])
           ON CONFLICT DO NOTHING RETURNING 1) SELECT count(*)::int AS n FROM i`,
          [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
        );
        result.tagged += added[0].n;
      }
      if (options.strict && result.skipped > 0) {
        const first = result.problems[0];
        const more = result.skipped > 1 ? ` (and ${result.skipped - 1} more bad rows)` : '';
        throw new AppError('invalid', 'import_bad_rows', `${fileLabel}:${first.line}: ${first.reason}${more}; nothing was imported`, {
          line: first.line,
          errorCount: result.skipped,
          errors: result.problems.slice(0, STRICT_SAMPLE).map((p) => ({ line: p.line, reason: p.reason })),
        });
      }
      return result;
    });
    await analyzeAfterBulkWrite(ctx.db, ['subscribers'], result.created);
    await analyzeAfterBulkWrite(ctx.db, ['subscriber_tags'], result.tagged);
    return result;
  } catch (error) {
    if (error instanceof CsvImportError) {
      throw new AppError(
        error.code === 'too_large' ? 'too_large' : 'invalid',
        `import_${error.code}`,
        `${fileLabel}${error.line ? `:${error.line}` : ''}: ${error.message}; nothing was imported`,
        { line: error.line ?? null },
      );
    }
    throw error;
  }
}
