// Drafts: the send form saved as it is (text or screen, tags, exclusion tags, selected users,
// type and platforms), under a name the user sets and edits (without one, the start of its text).
// Duplicate, edit, delete; sending from a draft leaves it for reuse, with the edits saved into it
// when asked.
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

const NAME_FROM_TEXT = 60;

/** A draft's name: the one given, trimmed; else the start of its text, cut at a word, without a trailing space. */
export function draftName(name: string | undefined, form: DraftForm | undefined): string {
  const given = name?.replace(/\s+/g, ' ').trim();
  if (given) return given;
  const content = form?.content as { type?: string; text?: string } | undefined;
  const text = (content?.type === 'text' ? (content.text ?? '') : '').replace(/\s+/g, ' ').trim();
  if (text.length <= NAME_FROM_TEXT) return text;
  const cut = text.slice(0, NAME_FROM_TEXT);
  const atWord = cut.lastIndexOf(' ') > NAME_FROM_TEXT / 2 ? cut.slice(0, cut.lastIndexOf(' ')) : cut;
  return `${atWord.trimEnd()}…`;
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
    [workspaceId, botId, draftName(input.name, input.form), JSON.stringify(input.form), by],
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
  // A name cleared to blanks falls back to the start of the (new or kept) text, as a new draft's does.
  if (input.name !== undefined && !input.name.trim() && !input.form)
    input = { ...input, form: (await getDraft(ctx, workspaceId, id)).form };
  const rows = await ctx.db.query<DraftRow>(
    `UPDATE drafts SET name = coalesce($3, name), form = coalesce($4, form), updated_at = now() WHERE id = $1 AND workspace_id = $2 RETURNING ${COLUMNS}`,
    [id, workspaceId, input.name === undefined ? null : draftName(input.name, input.form), input.form ? JSON.stringify(input.form) : null],
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

/**
 * Edit, then Send: the (edited) form becomes a broadcast; the draft stays until deleted. With
 * `saveEdits`, the edited form is saved into the draft too — only once the broadcast is made, so a
 * refused send leaves the draft as it was.
 */
export async function sendDraft(
  ctx: ServiceContext,
  workspaceId: number,
  id: number,
  overrides: DraftForm,
  by: string,
  options: { saveEdits?: boolean } = {},
) {
  const draft = await getDraft(ctx, workspaceId, id);
  const form = { ...draft.form, ...overrides } as SendInput;
  for (const field of ['content', 'channelIds', 'audience'] as const) {
    if (form[field] === undefined)
      throw invalid('incomplete_draft', `This draft has no ${FIELD_WORDS[field]} yet: add it before sending.`, { field });
  }
  const created = await createBroadcast(ctx, workspaceId, draft.botId, form, by);
  if (options.saveEdits) await updateDraft(ctx, workspaceId, id, { form });
  return created;
}

const FIELD_WORDS = { content: 'message', channelIds: 'platform', audience: 'recipients' };
