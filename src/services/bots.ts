// Bots: a workspace's chatbots, each with the IANA time zone every typed or shown date uses, the
// keywords that opt a subscriber out of broadcasts and back in, and an optional frequency cap.
import { invalid, notFound } from '../domain/errors.ts';
import type { IdRow, Queryable } from '../storage/db.ts';
import type { ServiceContext } from './context.ts';

export interface Bot {
  id: number;
  name: string;
  timeZone: string;
  optOutKeywords: string[];
  optInKeywords: string[];
  /** The answer to an opt-out / opt-in keyword: null = the default text, '' = none (opt-out-reply.ts). */
  optOutReply: string | null;
  optInReply: string | null;
  frequencyCap: FrequencyCap | null;
  createdAt: Date;
}

/** At most `count` broadcasts per subscriber within `days` days. */
export interface FrequencyCap {
  count: number;
  days: number;
}

export interface BotSettingsInput {
  name?: string;
  timeZone?: string;
  optOutKeywords?: string[];
  optInKeywords?: string[];
  optOutReply?: string | null;
  optInReply?: string | null;
  frequencyCap?: FrequencyCap | null;
}

const COLUMNS = `id, name, time_zone AS "timeZone", opt_out_keywords AS "optOutKeywords", opt_in_keywords AS "optInKeywords",
  opt_out_reply AS "optOutReply", opt_in_reply AS "optInReply",
  CASE WHEN frequency_cap_count IS NULL THEN NULL ELSE jsonb_build_object('count', frequency_cap_count, 'days', frequency_cap_days) END AS "frequencyCap",
  created_at AS "createdAt"`;

/** Keywords are matched against the whole message, trimmed and lower-cased: stored that way. */
function normaliseKeywords(words: string[] | undefined, field: string, other?: string[]): string[] | null {
  if (words === undefined) return null;
  const clean = [...new Set(words.map((w) => w.trim().toLowerCase()))];
  if (clean.some((w) => w.length === 0)) throw invalid('invalid_keyword', `${field} must not contain empty words`, { field });
  const clash = other ? clean.find((w) => other.map((o) => o.trim().toLowerCase()).includes(w)) : undefined;
  if (clash !== undefined) throw invalid('invalid_keyword', `"${clash}" cannot both opt out and opt in`, { field });
  return clean;
}

export function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

function checkZone(zone: string | undefined) {
  if (zone !== undefined && !validTimeZone(zone)) {
    throw invalid('invalid_time_zone', `timeZone "${zone}" is not an IANA time zone (e.g. Europe/Berlin)`, { field: 'timeZone' });
  }
}

export async function createBot(ctx: ServiceContext, workspaceId: number, input: { name: string; timeZone?: string }): Promise<Bot> {
  checkZone(input.timeZone);
  const [bot] = await ctx.db.query<Bot>(`INSERT INTO bots (workspace_id, name, time_zone) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`, [
    workspaceId,
    input.name,
    input.timeZone ?? 'UTC',
  ]);
  return bot;
}

export async function listBots(ctx: ServiceContext, workspaceId: number): Promise<Bot[]> {
  return ctx.db.query<Bot>(`SELECT ${COLUMNS} FROM bots WHERE workspace_id = $1 ORDER BY id`, [workspaceId]);
}

export async function getBot(q: Queryable | ServiceContext, workspaceId: number, botId: number): Promise<Bot> {
  const db = 'db' in q ? q.db : q;
  const rows = await db.query<Bot>(`SELECT ${COLUMNS} FROM bots WHERE id = $1 AND workspace_id = $2`, [botId, workspaceId]);
  if (rows.length === 0) throw notFound('bot', botId);
  return rows[0];
}

export async function updateBot(ctx: ServiceContext, workspaceId: number, botId: number, input: BotSettingsInput): Promise<Bot> {
  checkZone(input.timeZone);
  const optOut = normaliseKeywords(input.optOutKeywords, 'optOutKeywords', input.optInKeywords);
  const optIn = normaliseKeywords(input.optInKeywords, 'optInKeywords');
  const capGiven = input.frequencyCap !== undefined;
  // A keyword given alone must not clash with the stored list of the other kind: checked in SQL.
  const rows = await ctx.db.query<Bot>(
    `UPDATE bots SET name = coalesce($3, name), time_zone = coalesce($4, time_zone),
       opt_out_keywords = coalesce($5, opt_out_keywords), opt_in_keywords = coalesce($6, opt_in_keywords),
       frequency_cap_count = CASE WHEN $7 THEN $8::int ELSE frequency_cap_count END,
       frequency_cap_days = CASE WHEN $7 THEN $9::int ELSE frequency_cap_days END,
       opt_out_reply = CASE WHEN $10 THEN $11::text ELSE opt_out_reply END,
       opt_in_reply = CASE WHEN $12 THEN $13::text ELSE opt_in_reply END
     WHERE id = $1 AND workspace_id = $2 AND NOT (coalesce($5, opt_out_keywords) && coalesce($6, opt_in_keywords))
     RETURNING ${COLUMNS}`,
    [
      botId,
      workspaceId,
      input.name ?? null,
      input.timeZone ?? null,
      optOut,
      optIn,
      capGiven,
      input.frequencyCap?.count ?? null,
      input.frequencyCap?.days ?? null,
      input.optOutReply !== undefined,
      input.optOutReply ?? null,
      input.optInReply !== undefined,
      input.optInReply ?? null,
    ],
  );
  if (rows.length === 0 && (optOut || optIn)) {
    await getBot(ctx, workspaceId, botId);
    throw invalid('invalid_keyword', 'a word cannot both opt out and opt in', { field: optOut ? 'optOutKeywords' : 'optInKeywords' });
  }
  if (rows.length === 0) throw notFound('bot', botId);
  return rows[0];
}

export async function deleteBot(ctx: ServiceContext, workspaceId: number, botId: number) {
  const rows = await ctx.db.query<IdRow>('DELETE FROM bots WHERE id = $1 AND workspace_id = $2 RETURNING id', [botId, workspaceId]);
  if (rows.length === 0) throw notFound('bot', botId);
}
