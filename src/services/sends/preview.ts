// The audience preview: before sending, how many subscribers a send reaches on each platform, and
// how many are left out and why (exclusion tags, blocked, opted out of broadcasts, over the bot's
// frequency cap, open operator chats that will be held or closed). Counts only — the same predicate the engine materialises with (storage/queries/audience.ts).
import type { ServiceContext } from '../context.ts';
import { getBot } from '../bots.ts';
import { audiencePredicate, excludedPredicate } from '../../storage/queries/audience.ts';
import { frequencyCap, optedOutPredicate } from '../../storage/queries/audience-consent.ts';
import type { AudienceInput } from '../../domain/send/targeting.ts';
import type { ContentInput } from '../../domain/send/content.ts';
import { resolveTargeting } from './input.ts';
import { reachOf, type PlatformReach } from './preview-reach.ts';
import { templateReach, type TemplateReach } from './preview-whatsapp.ts';

export interface PlatformPreview {
  channelId: number;
  platform: string;
  recipients: number;
  excluded: { exclusionTags: number; blocked: number; optedOut: number; frequencyCapped: number };
  /**
   * Left out by the platform's messaging window (src/platforms/<p>: `messagingWindow`), not counted
   * in `recipients` and never an error: `outside_window` — has not written within `hours`.
   * (VK's rule, message permission, leaves out the blocked, counted in `excluded.blocked`.)
   */
  leftOut: { count: number; reason: 'outside_window' | 'marketing_stopped' | null; hours: number | null };
  openChats: { count: number; willBe: 'held' | 'closed' };
  /** Who gets it, who is left out and why, and the estimated cost (preview-reach.ts). */
  reach?: PlatformReach;
  /** The send's WhatsApp template on this channel: free-form / template / left out (preview-whatsapp.ts). */
  whatsappTemplate?: TemplateReach;
}

const P = { include: 2, exclude: 3, send: 4, selectedIds: true };

export async function previewAudience(
  ctx: ServiceContext,
  workspaceId: number,
  botId: number,
  input: { channelIds: number[]; audience: AudienceInput; endOpenChats?: boolean; content?: ContentInput },
) {
  await getBot(ctx, workspaceId, botId);
  const targeting = await resolveTargeting(ctx.db, botId, input.channelIds, input.audience);
  let selected: number[] = [];
  if (input.audience.type === 'selected') {
    if (input.audience.importId !== undefined) {
      const rows = await ctx.db.query<{ ids: number[] }>(
        'SELECT subscriber_ids AS ids FROM selected_imports WHERE id = $1 AND workspace_id = $2',
        [input.audience.importId, workspaceId],
      );
      selected = (rows[0]?.ids ?? []).map(Number);
    } else selected = input.audience.subscriberIds ?? [];
  }
  const include = targeting.includeTagIds ?? [];
  const exclude = targeting.excludeTagIds ?? [];
  const [bot] = await ctx.db.query<{ count: number | null; days: number | null }>(
    'SELECT frequency_cap_count AS count, frequency_cap_days AS days FROM bots WHERE id = $1',
    [botId],
  );
  // The same rules as materialisation (engine/sql/runs.ts): opted-out first, then the cap.
  const cap = frequencyCap({ count: '$5', days: '$6', botId: '$7', runId: '0' });
  const matched = audiencePredicate(targeting.audience, P);
  const optedOut = optedOutPredicate();
  const capped = cap.predicate();
  const reach = `${matched} AND NOT ${optedOut} AND NOT ${capped}`;
  const matchedBeforeExclusion = audiencePredicate(targeting.audience, P, { withExclusion: false });
  const platforms: PlatformPreview[] = [];
  for (const [i, channelId] of targeting.channelIds.entries()) {
    const params = [channelId, include, exclude, selected, bot.count, bot.days, botId];
    // The same test the claim makes (engine/sql/claim.ts), judged now: a window may still close before delivery.
    const window = ctx.platforms.get(targeting.platforms[i])?.messagingWindow;
    const hours = window?.kind === 'since_last_inbound' ? Math.floor(window.hours) : null;
    const outside =
      hours === null ? 'false' : `(s.last_inbound_at IS NULL OR s.last_inbound_at < now() - make_interval(hours => ${hours}))`;
    const [row] = await ctx.db.query<{
      recipients: number;
      outside: number;
      excluded: number;
      blocked: number;
      opted_out: number;
      capped: number;
      chats: number;
    }>(
      `SELECT
         (SELECT count(*) FROM subscribers s WHERE s.channel_id = $1 AND s.status = 'active' AND ${reach} AND NOT ${outside})::int AS recipients,
         (SELECT count(*) FROM subscribers s WHERE s.channel_id = $1 AND s.status = 'active' AND ${reach} AND ${outside})::int AS outside,
         (CASE WHEN cardinality($3::bigint[]) = 0 THEN 0 ELSE
           (SELECT count(*) FROM subscribers s WHERE s.channel_id = $1 AND s.status = 'active' AND ${matchedBeforeExclusion} AND ${excludedPredicate(P)}) END)::int AS excluded,
         (SELECT count(*) FROM subscribers s WHERE s.channel_id = $1 AND s.status = 'blocked' AND ${matchedBeforeExclusion})::int AS blocked,
         (SELECT count(*) FROM subscribers s WHERE s.channel_id = $1 AND s.status = 'active' AND ${matched} AND ${optedOut})::int AS opted_out,
         (CASE WHEN $5::int IS NULL THEN 0 ELSE
           (SELECT count(*) FROM subscribers s WHERE s.channel_id = $1 AND s.status = 'active' AND ${matched} AND NOT ${optedOut} AND ${capped}) END)::int AS capped,
         (SELECT count(*) FROM operator_chats o JOIN subscribers s ON s.id = o.subscriber_id
           WHERE o.closed_at IS NULL AND s.channel_id = $1 AND s.status = 'active' AND ${reach})::int AS chats`,
      params,
    );
    const client = ctx.platforms.get(targeting.platforms[i]);
    const template = client?.renderTemplate ? await templateReach(ctx.db, input.content?.whatsappTemplate, hours, reach, params) : null;
    platforms.push({
      channelId,
      platform: targeting.platforms[i],
      // With a template, those outside the window get it instead of being left out.
      recipients: template ? template.freeForm + template.template : row.recipients,
      excluded: { exclusionTags: row.excluded, blocked: row.blocked, optedOut: row.opted_out, frequencyCapped: row.capped },
      leftOut: template
        ? { count: template.marketingStopped, reason: 'marketing_stopped', hours }
        : { count: row.outside, reason: hours === null ? null : 'outside_window', hours },
      openChats: { count: row.chats, willBe: input.endOpenChats ? 'closed' : 'held' },
      ...(template ? { whatsappTemplate: template } : {}),
    });
  }
  for (const p of platforms) p.reach = await reachOf(ctx, workspaceId, botId, p, input.content);
  const sum = (f: (p: PlatformPreview) => number) => platforms.reduce((a, p) => a + f(p), 0);
  return {
    recipients: sum((p) => p.recipients),
    excluded: {
      exclusionTags: sum((p) => p.excluded.exclusionTags),
      blocked: sum((p) => p.excluded.blocked),
      optedOut: sum((p) => p.excluded.optedOut),
      frequencyCapped: sum((p) => p.excluded.frequencyCapped),
    },
    outsideWindow: sum((p) => (p.leftOut.reason === 'outside_window' ? p.leftOut.count : 0)),
    openChats: { count: sum((p) => p.openChats.count), willBe: input.endOpenChats ? 'closed' : 'held' },
    platforms,
    includeTags: targeting.includeTags,
    excludeTags: targeting.excludeTags,
  };
}
