// A WhatsApp channel's message templates (issue 16 point 2): read from the platform on demand and
// daily (the scheduler's port), kept per channel (db/migrations/0024), offered by the send form and
// checked when a send that carries one is made — so a send never starts with a template the
// platform would refuse for its name, language or number of parameters.
import { invalid } from '../domain/errors.ts';
import { bodyParameterCount, headerFormat, type WhatsAppTemplateChoice } from '../domain/send/wa-template.ts';
import type { ChannelRow } from '../storage/queries/channels.ts';
import type { Queryable } from '../storage/db.ts';
import type { ServiceContext } from './context.ts';
import { channelContext, getChannelRow } from './channels.ts';

interface TemplateRow {
  name: string;
  language: string;
  category: string;
  status: string;
  components: Record<string, unknown>[];
}

function presentTemplate(t: TemplateRow) {
  return {
    name: t.name,
    language: t.language,
    category: t.category,
    status: t.status,
    components: t.components,
    bodyParameters: bodyParameterCount(t.components),
    headerFormat: headerFormat(t.components),
  };
}

async function readList(ctx: ServiceContext, row: ChannelRow & { templates_refreshed_at?: Date | null; templates_error?: string | null }) {
  const templates = await ctx.db.query<TemplateRow>(
    'SELECT name, language, category, status, components FROM whatsapp_templates WHERE channel_id = $1 ORDER BY name, language',
    [row.id],
  );
  return {
    channelId: row.id,
    refreshedAt: row.templates_refreshed_at ? row.templates_refreshed_at.toISOString() : null,
    error: row.templates_error ?? null,
    templates: templates.map(presentTemplate),
  };
}

function requireTemplates(ctx: ServiceContext, row: ChannelRow) {
  const client = ctx.platforms.get(row.platform);
  if (!client?.listTemplates)
    throw invalid('templates_not_supported', `${client?.displayName ?? row.platform} has no message templates; only WhatsApp channels do`, {
      field: 'id',
    });
  return client.listTemplates.bind(client);
}

export async function listChannelTemplates(ctx: ServiceContext, workspaceId: number, channelId: number) {
  const row = await getChannelRow(ctx.db, workspaceId, channelId);
  requireTemplates(ctx, row);
  return readList(ctx, row);
}

/** Reads the list from the platform and replaces the stored one; a failure is kept (and shown), the old list stays. */
async function refreshRow(ctx: ServiceContext, row: ChannelRow) {
  const list = requireTemplates(ctx, row);
  const result = await list(channelContext(ctx, row));
  await ctx.db.transaction(async (tx) => {
    if (result.ok) {
      await tx.query('DELETE FROM whatsapp_templates WHERE channel_id = $1', [row.id]);
      const unique = new Map(result.templates.map((t) => [`${t.name}\u0000${t.language}`, t]));
      if (unique.size > 0)
        await tx.query(
          `INSERT INTO whatsapp_templates (channel_id, name, language, category, status, components)
           SELECT $1, t.name, t.language, t.category, t.status, t.components
           FROM jsonb_to_recordset($2::jsonb) AS t(name text, language text, category text, status text, components jsonb)`,
          [row.id, JSON.stringify([...unique.values()])],
        );
    }
    await tx.query('UPDATE channels SET templates_refreshed_at = now(), templates_error = $2 WHERE id = $1', [
      row.id,
      result.ok ? null : result.error.slice(0, 500),
    ]);
  });
}

export async function refreshChannelTemplates(ctx: ServiceContext, workspaceId: number, channelId: number) {
  const row = await getChannelRow(ctx.db, workspaceId, channelId);
  await refreshRow(ctx, row);
  return readList(ctx, await getChannelRow(ctx.db, workspaceId, channelId));
}

/** The scheduler's daily pass: channels whose list is a day old (or never read), a few at a time. */
export async function refreshStaleTemplates(ctx: ServiceContext, limit = 20): Promise<number> {
  const platforms = [...ctx.platforms.values()].filter((p) => p.listTemplates).map((p) => p.code);
  if (platforms.length === 0) return 0;
  const rows = await ctx.db.query<ChannelRow>(
    `SELECT * FROM channels WHERE platform = ANY($1::text[]) AND status <> 'disabled'
       AND (templates_refreshed_at IS NULL OR templates_refreshed_at < now() - interval '1 day')
     ORDER BY templates_refreshed_at NULLS FIRST, id LIMIT $2`,
    [platforms, limit],
  );
  for (const row of rows) await refreshRow(ctx, row);
  return rows.length;
}

/**
 * A send's template, checked against each WhatsApp channel it goes out on: approved there in that
 * language, with as many body parameters as the mapping fills, and an image header only when the
 * message has an image. Returns the choice with the template's category (marketing or not).
 */
export async function checkTemplateForChannels(
  q: Queryable,
  channelIds: number[],
  platforms: string[],
  choice: WhatsAppTemplateChoice,
  templatePlatforms: ReadonlySet<string>,
): Promise<WhatsAppTemplateChoice> {
  const ids = channelIds.filter((_, i) => templatePlatforms.has(platforms[i]));
  const field = 'content.whatsappTemplate';
  if (ids.length === 0)
    throw invalid('template_needs_whatsapp', 'A WhatsApp template needs a WhatsApp channel among the platforms', { field: 'channelIds' });
  let category: string | undefined;
  for (const id of ids) {
    const [t] = await q.query<TemplateRow>(
      'SELECT name, language, category, status, components FROM whatsapp_templates WHERE channel_id = $1 AND name = $2 AND language = $3',
      [id, choice.name, choice.language],
    );
    if (!t)
      throw invalid(
        'unknown_template',
        `Template "${choice.name}" (${choice.language}) is not in the channel’s list: refresh the templates, or pick another`,
        { field: `${field}.name`, channelId: id },
      );
    if (t.status.toUpperCase() !== 'APPROVED')
      throw invalid('template_not_approved', `Template "${choice.name}" (${choice.language}) is ${t.status.toLowerCase()}, not approved`, {
        field: `${field}.name`,
        channelId: id,
      });
    const expected = bodyParameterCount(t.components);
    if (expected !== choice.variables.length)
      throw invalid(
        'template_variables_mismatch',
        `Template "${choice.name}" has ${expected} variable${expected === 1 ? '' : 's'} in its body; ${choice.variables.length} mapped`,
        { field: `${field}.variables`, expected },
      );
    const header = headerFormat(t.components);
    if (header === 'IMAGE' && !choice.headerImage)
      throw invalid('template_header_image_required', `Template "${choice.name}" has an image header: use the message’s image for it`, {
        field: `${field}.headerImage`,
      });
    if (header !== 'IMAGE' && choice.headerImage)
      throw invalid('template_has_no_image_header', `Template "${choice.name}" has no image header`, { field: `${field}.headerImage` });
    category = t.category.toUpperCase();
  }
  return { ...choice, category };
}
