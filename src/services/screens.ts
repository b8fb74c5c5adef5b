// Screens: named, prebuilt bot messages (text with {{variables}}, optional image or file, buttons).
import { invalid, notFound } from '../domain/errors.ts';
import type { Button, MessageContent } from '../platforms/types.ts';
import type { IdRow, Queryable } from '../storage/db.ts';
import type { ServiceContext } from './context.ts';
import { getBot } from './bots.ts';

export interface ScreenInput {
  name: string;
  text: string;
  media?: { type: 'image' | 'file'; url: string } | null;
  buttons?: Button[];
}

const COLUMNS = 'id, bot_id AS "botId", name, text, media, buttons, created_at AS "createdAt", updated_at AS "updatedAt"';
interface ScreenRow {
  id: number;
  botId: number;
  name: string;
  text: string;
  media: MessageContent['media'] | null;
  buttons: Button[];
  createdAt: Date;
  updatedAt: Date;
}
export const MAX_BUTTONS = 20;

function httpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

export function validateScreen(input: ScreenInput) {
  if (input.text.trim() === '' && !input.media)
    throw invalid('empty_screen', 'text must not be empty unless the screen has an image or file', { field: 'text' });
  if (input.media && !httpUrl(input.media.url)) throw invalid('invalid_url', 'media.url must be an http(s) URL', { field: 'media.url' });
  const buttons = input.buttons ?? [];
  if (buttons.length > MAX_BUTTONS) throw invalid('too_many_buttons', `a screen has at most ${MAX_BUTTONS} buttons`, { field: 'buttons' });
  buttons.forEach((b, i) => {
    if (b.text.trim() === '') throw invalid('invalid_button', `buttons[${i}].text must not be empty`, { field: `buttons[${i}].text` });
    // Its label comes back as the person's message, matched whole as opt-out keywords are (64 at most).
    if (b.kind === 'opt_out' && b.text.trim().length > 64)
      throw invalid('invalid_button', `buttons[${i}].text of a "Not interested" button must be at most 64 characters`, {
        field: `buttons[${i}].text`,
      });
    if (b.kind === 'url' && (!b.url || !httpUrl(b.url)))
      throw invalid('invalid_button', `buttons[${i}].url must be an http(s) URL`, { field: `buttons[${i}].url` });
  });
}

export async function createScreen(ctx: ServiceContext, workspaceId: number, botId: number, input: ScreenInput) {
  await getBot(ctx, workspaceId, botId);
  validateScreen(input);
  const [row] = await ctx.db.query<ScreenRow>(
    `INSERT INTO screens (workspace_id, bot_id, name, text, media, buttons) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
    [workspaceId, botId, input.name, input.text, input.media ? JSON.stringify(input.media) : null, JSON.stringify(input.buttons ?? [])],
  );
  return row;
}

export async function listScreens(ctx: ServiceContext, workspaceId: number, botId: number) {
  await getBot(ctx, workspaceId, botId);
  return ctx.db.query<ScreenRow>(`SELECT ${COLUMNS} FROM screens WHERE bot_id = $1 ORDER BY id`, [botId]);
}

export async function getScreen(q: Queryable, workspaceId: number, screenId: number) {
  const rows = await q.query<ScreenRow>(`SELECT ${COLUMNS} FROM screens WHERE id = $1 AND workspace_id = $2`, [screenId, workspaceId]);
  if (rows.length === 0) throw notFound('screen', screenId);
  return rows[0];
}

export async function updateScreen(ctx: ServiceContext, workspaceId: number, screenId: number, input: Partial<ScreenInput>) {
  const current = await getScreen(ctx.db, workspaceId, screenId);
  const next: ScreenInput = {
    name: input.name ?? current.name,
    text: input.text ?? current.text,
    media: input.media === undefined ? current.media : input.media,
    buttons: input.buttons ?? current.buttons,
  };
  validateScreen(next);
  const [row] = await ctx.db.query<ScreenRow>(
    `UPDATE screens SET name = $3, text = $4, media = $5, buttons = $6, updated_at = now()
     WHERE id = $1 AND workspace_id = $2 RETURNING ${COLUMNS}`,
    [screenId, workspaceId, next.name, next.text, next.media ? JSON.stringify(next.media) : null, JSON.stringify(next.buttons ?? [])],
  );
  return row;
}

export async function deleteScreen(ctx: ServiceContext, workspaceId: number, screenId: number) {
  const rows = await ctx.db.query<IdRow>('DELETE FROM screens WHERE id = $1 AND workspace_id = $2 RETURNING id', [screenId, workspaceId]);
  if (rows.length === 0) throw notFound('screen', screenId);
}
