// Drafts: the send form saved as it is (text or screen, tags, exclusion tags, selected users,
// type and platforms). Duplicate, edit, delete; sending from a draft leaves it for reuse.
import { invalid, notFound } from '../../domain/errors.ts';
import type { IdRow } from '../../storage/db.ts';
import type { ServiceContext } from '../context.ts';
import { getBot } from '../bots.ts';
import { createBroadcast } from '../sends/create.ts';
import type { SendInput } from '../sends/input.ts';

const COLUMNS = 'id, bot_id AS "botId", name, form, created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt"';

export type DraftForm = Partial<SendInput>;

interface DraftRow {
  id: number;
  botId: number;
  name: string;
  form: DraftForm;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export async function saveDraft(
  ctx: ServiceContext,
  workspaceId: number,
  botId: number,
  input: { name?: string; form: DraftForm },
  by: string,
) {
  await getBot(ctx, workspaceId, botId);
  const [row] = await ctx.db.query<DraftRow>(
    `INSERT INTO drafts (workspace_id, bot_id, name, form, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [workspaceId, botId, input.name ?? '', JSON.stringify(input.form), by],
  );
  return row;
}

export async function listDrafts(ctx: ServiceContext, workspaceId: number, botId: number) {
  await getBot(ctx, workspaceId, botId);
  return ctx.db.query<DraftRow>(`SELECT ${COLUMNS} FROM drafts WHERE bot_id = $1 ORDER BY id DESC`, [botId]);
}

export async function getDraft(ctx: ServiceContext, workspaceId: number, id: number) {
  const rows = await ctx.db.query<DraftRow>(`SELECT ${COLUMNS} FROM drafts WHERE id = $1 AND workspace_id = $2`, [id, workspaceId]);
  if (rows.length === 0) throw notFound('draft', id);
  return rows[0];
}

export async function updateDraft(ctx: ServiceContext, workspaceId: number, id: number, input: { name?: string; form?: DraftForm }) {
  const rows = await ctx.db.query<DraftRow>(
    `UPDATE drafts SET name = coalesce($3, name), form = coalesce($4, form), updated_at = now() WHERE id = $1 AND workspace_id = $2 RETURNING ${COLUMNS}`,
    [id, workspaceId, input.name ?? null, input.form ? JSON.stringify(input.form) : null],
  );
  if (rows.length === 0) throw notFound('draft', id);
  return rows[0];
}

export async function deleteDraft(ctx: ServiceContext, workspaceId: number, id: number) {
  const rows = await ctx.db.query<IdRow>('DELETE FROM drafts WHERE id = $1 AND workspace_id = $2 RETURNING id', [id, workspaceId]);
  if (rows.length === 0) throw notFound('draft', id);
}

export async function duplicateDraft(ctx: ServiceContext, workspaceId: number, id: number, by: string) {
  const draft = await getDraft(ctx, workspaceId, id);
  return saveDraft(ctx, workspaceId, draft.botId, { name: draft.name ? `${draft.name} (copy)` : '', form: draft.form }, by);
}

/** Edit, then Send: the (edited) form becomes a broadcast; the draft stays until deleted. */
export async function sendDraft(ctx: ServiceContext, workspaceId: number, id: number, overrides: DraftForm, by: string) {
  const draft = await getDraft(ctx, workspaceId, id);
  const form = { ...draft.form, ...overrides } as SendInput;
  for (const field of ['content', 'channelIds', 'audience'] as const) {
    if (form[field] === undefined) throw invalid('incomplete_draft', `the draft has no ${field} yet; edit it before sending`, { field });
  }
  return createBroadcast(ctx, workspaceId, draft.botId, form, by);
}
