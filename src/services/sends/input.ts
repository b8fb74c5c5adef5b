// What a send form says, checked and resolved against the bot: content frozen, channels and tags
// resolved to ids (the timing needs no database: resolveTiming in src/domain/send/timing.ts). Every
// rule answers a 400 naming the field. The send's model itself is in src/domain/send/.
import { invalid } from '../../domain/errors.ts';
import type { ContentInput, FrozenContent } from '../../domain/send/content.ts';
import { checkTemplateChoice } from '../../domain/send/wa-template.ts';
import type { AudienceInput, ResolvedTargeting } from '../../domain/send/targeting.ts';
import type { TimingInput } from '../../domain/send/timing.ts';
import type { Queryable } from '../../storage/db.ts';
import { getScreen, validateScreen } from '../screens.ts';

export interface SendInput {
  content: ContentInput;
  channelIds: number[];
  audience: AudienceInput;
  timing?: TimingInput;
  endOpenChats?: boolean;
}

export async function freezeContent(q: Queryable, workspaceId: number, botId: number, content: ContentInput): Promise<FrozenContent> {
  const message = await freezeMessage(q, workspaceId, botId, content);
  const frozen = content.trackClicks ? { ...message, trackClicks: true } : message;
  const choice = content.whatsappTemplate;
  if (!choice) return frozen;
  checkTemplateChoice(choice, frozen.media);
  return {
    ...frozen,
    whatsappTemplate: {
      name: choice.name.trim(),
      language: choice.language.trim(),
      variables: choice.variables.map((v) => ({ value: v.value, fallback: v.fallback.trim() })),
      headerImage: choice.headerImage ?? false,
      policy: choice.policy ?? 'outside_window',
      ...(choice.category ? { category: choice.category } : {}),
    },
  };
}

async function freezeMessage(q: Queryable, workspaceId: number, botId: number, content: ContentInput): Promise<FrozenContent> {
  if (content.type === 'screen') {
    let screen;
    try {
      screen = await getScreen(q, workspaceId, content.screenId);
    } catch {
      throw invalid('unknown_screen', `content.screenId ${content.screenId} is not a screen of this bot`, { field: 'content.screenId' });
    }
    if (screen.botId !== botId)
      throw invalid('unknown_screen', `content.screenId ${content.screenId} is not a screen of this bot`, { field: 'content.screenId' });
    return {
      type: 'screen',
      screenId: screen.id,
      screenName: screen.name,
      text: screen.text,
      media: screen.media ?? null,
      buttons: screen.buttons ?? [],
    };
  }
  if (typeof content.text !== 'string' || (content.text.trim() === '' && !content.media)) {
    throw invalid('empty_text', 'content.text must not be empty', { field: 'content.text' });
  }
  validateScreen({ name: 'text', text: content.text, media: content.media ?? null, buttons: content.buttons ?? [] });
  return { type: 'text', text: content.text, media: content.media ?? null, buttons: content.buttons ?? [] };
}

export interface ResolvedChannels {
  ids: number[];
  platforms: string[];
}

export async function resolveChannels(q: Queryable, botId: number, channelIds: number[]): Promise<ResolvedChannels> {
  const unique = [...new Set(channelIds)];
  if (unique.length === 0)
    throw invalid('no_platforms', 'channelIds must name at least one channel (platform) of the bot', { field: 'channelIds' });
  const rows = await q.query<{ id: number; platform: string }>(
    'SELECT id, platform FROM channels WHERE bot_id = $1 AND id = ANY($2::bigint[]) ORDER BY id',
    [botId, unique],
  );
  const known = new Set(rows.map((r) => r.id));
  const unknown = unique.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw invalid(
      'unknown_channel',
      `channelIds: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a channel' : 'are not channels'} of this bot`,
      { field: 'channelIds', unknown },
    );
  return { ids: rows.map((r) => r.id), platforms: rows.map((r) => r.platform) };
}

/** Tags by name or id; each must exist and be in use (assigned to at least one subscriber). */
async function resolveTags(
  q: Queryable,
  botId: number,
  refs: Array<string | number> | undefined,
  field: string,
): Promise<Array<{ id: number; name: string }>> {
  if (!refs || refs.length === 0) return [];
  const names = refs.filter((r): r is string => typeof r === 'string').map((n) => n.trim());
  const ids = refs.filter((r): r is number => typeof r === 'number');
  const rows = await q.query<{ id: number; name: string; used: boolean }>(
    `SELECT t.id, t.name, EXISTS (SELECT 1 FROM subscriber_tags st WHERE st.tag_id = t.id) AS used
     FROM tags t WHERE t.bot_id = $1 AND (t.name = ANY($2::text[]) OR t.id = ANY($3::bigint[]))`,
    [botId, names, ids],
  );
  for (const ref of refs) {
    const row = rows.find((r) => (typeof ref === 'string' ? r.name === ref.trim() : r.id === ref));
    if (!row) throw invalid('unknown_tag', `${field}: tag "${ref}" does not exist in this bot`, { field, tag: ref });
    if (!row.used)
      throw invalid('tag_not_in_use', `${field}: tag "${row.name}" is not assigned to any subscriber, so it cannot be chosen`, {
        field,
        tag: row.name,
      });
  }
  return rows.map((r) => ({ id: r.id, name: r.name }));
}

export async function resolveTargeting(
  q: Queryable,
  botId: number,
  channelIds: number[],
  audience: AudienceInput,
): Promise<ResolvedTargeting> {
  const channels = await resolveChannels(q, botId, channelIds);
  if (audience.type === 'selected' && channels.ids.length !== 1) {
    throw invalid('selected_users_need_one_platform', `Selected users needs exactly one platform; ${channels.ids.length} are selected`, {
      field: 'channelIds',
    });
  }
  const include = audience.type === 'tags' ? await resolveTags(q, botId, audience.include, 'audience.include') : [];
  if (audience.type === 'tags' && include.length === 0)
    throw invalid('no_tags', 'audience.include must name at least one tag', { field: 'audience.include' });
  const exclude = audience.type === 'selected' ? [] : await resolveTags(q, botId, audience.exclude, 'audience.exclude');
  return {
    audience: audience.type,
    channelIds: channels.ids,
    platforms: channels.platforms,
    includeTagIds: include.map((t) => t.id),
    excludeTagIds: exclude.map((t) => t.id),
    includeTags: include.map((t) => t.name),
    excludeTags: exclude.map((t) => t.name),
  };
}
