// External events (SPEC 2.2), the management side: a named event of a bot with its content, its
// own End open chats option and a secret incoming-webhook URL. The secret is stored twice: sealed
// (AES-256-GCM, like channel credentials) so the panel can show and copy the URL again, and as its
// sha256 so a call finds its event by an indexed lookup without decrypting anything. Rotating the
// secret makes the old URL answer 404 at once. The call itself is in external-call.ts.
import { createHash, randomBytes } from 'node:crypto';
import { conflict, invalid, notFound } from '../domain/errors.ts';
import type { IdRow, Queryable } from '../storage/db.ts';
import type { ServiceContext } from './context.ts';
import { getBot } from './bots.ts';
import type { ContentInput } from '../domain/send/content.ts';
import { freezeContent } from './sends/input.ts';

export interface ExternalEventInput {
  name: string;
  content: ContentInput;
  endOpenChats?: boolean;
  ignoreOptOut?: boolean;
}

const NAME_MAX = 200;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hookUrl(ctx: Pick<ServiceContext, 'config'>, secret: string): string {
  return `${ctx.config.publicUrl}/hooks/events/${secret}`;
}

/** A row of external_events (`SELECT *`, `RETURNING *`). */
interface ExternalEventRow {
  id: number;
  workspace_id: number;
  bot_id: number;
  name: string;
  content: ContentInput;
  end_open_chats: boolean;
  ignore_opt_out: boolean;
  secret_enc: string;
  secret_hash: string;
  secret_rotated_at: Date | null;
  calls: number;
  last_called_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

function present(ctx: ServiceContext, row: ExternalEventRow) {
  let url: string | null = null;
  try {
    url = hookUrl(ctx, ctx.sealer.open(row.secret_enc));
  } catch {
    url = null; // sealed with another key: rotate the secret to get a new URL
  }
  return {
    id: row.id,
    botId: row.bot_id,
    name: row.name,
    content: row.content,
    endOpenChats: row.end_open_chats,
    ignoreOptOut: row.ignore_opt_out,
    url,
    secretRotatedAt: row.secret_rotated_at,
    calls: Number(row.calls),
    lastCalledAt: row.last_called_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function checkName(raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '') throw invalid('invalid_name', 'name must not be empty', { field: 'name' });
  const name = raw.trim();
  if (name.length > NAME_MAX) throw invalid('invalid_name', `name is longer than ${NAME_MAX} characters`, { field: 'name' });
  return name;
}

async function checkContent(q: Queryable, workspaceId: number, botId: number, content: ContentInput): Promise<ContentInput> {
  await freezeContent(q, workspaceId, botId, content);
  return content.type === 'screen' ? { type: 'screen', screenId: content.screenId } : content;
}

async function row(q: Queryable, workspaceId: number, eventId: number): Promise<ExternalEventRow> {
  const rows = await q.query<ExternalEventRow>('SELECT * FROM external_events WHERE id = $1 AND workspace_id = $2', [eventId, workspaceId]);
  if (rows.length === 0) throw notFound('external event', eventId);
  return rows[0];
}

function nameTaken(name: string) {
  return conflict('event_exists', `the bot already has an external event named "${name}"`, { field: 'name' });
}

export async function listExternalEvents(ctx: ServiceContext, workspaceId: number, botId: number) {
  await getBot(ctx, workspaceId, botId);
  const rows = await ctx.db.query<ExternalEventRow>('SELECT * FROM external_events WHERE bot_id = $1 AND workspace_id = $2 ORDER BY id', [
    botId,
    workspaceId,
  ]);
  return rows.map((r) => present(ctx, r));
}

export async function getExternalEvent(ctx: ServiceContext, workspaceId: number, eventId: number) {
  return present(ctx, await row(ctx.db, workspaceId, eventId));
}

export async function createExternalEvent(ctx: ServiceContext, workspaceId: number, botId: number, input: ExternalEventInput) {
  await getBot(ctx, workspaceId, botId);
  const name = checkName(input.name);
  const content = await checkContent(ctx.db, workspaceId, botId, input.content);
  const secret = newSecret();
  const rows = await ctx.db.query<ExternalEventRow>(
    `INSERT INTO external_events (workspace_id, bot_id, name, content, end_open_chats, secret_enc, secret_hash, ignore_opt_out)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (bot_id, name) DO NOTHING RETURNING *`,
    [
      workspaceId,
      botId,
      name,
      JSON.stringify(content),
      input.endOpenChats ?? false,
      ctx.sealer.seal(secret),
      hashSecret(secret),
      input.ignoreOptOut ?? false,
    ],
  );
  if (rows.length === 0) throw nameTaken(name);
  return present(ctx, rows[0]);
}

export async function updateExternalEvent(ctx: ServiceContext, workspaceId: number, eventId: number, patch: Partial<ExternalEventInput>) {
  const current = await row(ctx.db, workspaceId, eventId);
  const name = patch.name === undefined ? current.name : checkName(patch.name);
  const content = patch.content === undefined ? current.content : await checkContent(ctx.db, workspaceId, current.bot_id, patch.content);
  const rows = await ctx.db.query<ExternalEventRow>(
    `UPDATE external_events SET name = $3, content = $4, end_open_chats = $5, ignore_opt_out = $6, updated_at = now()
     WHERE id = $1 AND workspace_id = $2
       AND NOT EXISTS (SELECT 1 FROM external_events o WHERE o.bot_id = external_events.bot_id AND o.name = $3 AND o.id <> $1)
     RETURNING *`,
    [
      eventId,
      workspaceId,
      name,
      JSON.stringify(content),
      patch.endOpenChats ?? current.end_open_chats,
      patch.ignoreOptOut ?? current.ignore_opt_out,
    ],
  );
  if (rows.length === 0) throw nameTaken(name);
  return present(ctx, rows[0]);
}

export async function deleteExternalEvent(ctx: ServiceContext, workspaceId: number, eventId: number) {
  const rows = await ctx.db.query<IdRow>('DELETE FROM external_events WHERE id = $1 AND workspace_id = $2 RETURNING id', [
    eventId,
    workspaceId,
  ]);
  if (rows.length === 0) throw notFound('external event', eventId);
}

/** A new secret URL; the old one stops working at once. */
export async function rotateExternalEventSecret(ctx: ServiceContext, workspaceId: number, eventId: number) {
  const secret = newSecret();
  const rows = await ctx.db.query<ExternalEventRow>(
    `UPDATE external_events SET secret_enc = $3, secret_hash = $4, secret_rotated_at = now(), updated_at = now()
     WHERE id = $1 AND workspace_id = $2 RETURNING *`,
    [eventId, workspaceId, ctx.sealer.seal(secret), hashSecret(secret)],
  );
  if (rows.length === 0) throw notFound('external event', eventId);
  return present(ctx, rows[0]);
}
