// Bots: a workspace's chatbots, each with the IANA time zone every typed or shown date uses.
import { invalid, notFound } from '../domain/errors.ts';
import type { IdRow, Queryable } from '../storage/db.ts';
import type { ServiceContext } from './context.ts';

export interface Bot {
  id: number;
  name: string;
  timeZone: string;
  createdAt: Date;
}

const COLUMNS = 'id, name, time_zone AS "timeZone", created_at AS "createdAt"';

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

export async function updateBot(
  ctx: ServiceContext,
  workspaceId: number,
  botId: number,
  input: { name?: string; timeZone?: string },
): Promise<Bot> {
  checkZone(input.timeZone);
  const rows = await ctx.db.query<Bot>(
    `UPDATE bots SET name = coalesce($3, name), time_zone = coalesce($4, time_zone)
     WHERE id = $1 AND workspace_id = $2 RETURNING ${COLUMNS}`,
    [botId, workspaceId, input.name ?? null, input.timeZone ?? null],
  );
  if (rows.length === 0) throw notFound('bot', botId);
  return rows[0];
}

export async function deleteBot(ctx: ServiceContext, workspaceId: number, botId: number) {
  const rows = await ctx.db.query<IdRow>('DELETE FROM bots WHERE id = $1 AND workspace_id = $2 RETURNING id', [botId, workspaceId]);
  if (rows.length === 0) throw notFound('bot', botId);
}
