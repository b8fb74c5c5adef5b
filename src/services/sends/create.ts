// Creating a broadcast: the content and targeting are frozen into the send, the selected users
// (if any) written with it, and the first run time set — all in one transaction, so a rejected
// form leaves nothing behind.
import { invalid } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { getBot } from '../bots.ts';
import { resolveTiming } from '../../domain/send/timing.ts';
import { freezeContent, resolveTargeting, type SendInput } from './input.ts';
import { getSend } from './view.ts';
import { notifyWake } from '../../storage/queries/wake.ts';
import { checkSendTemplate } from './template-check.ts';

export const MAX_SELECTED = 1_000_000;

export async function createBroadcast(ctx: ServiceContext, workspaceId: number, botId: number, input: SendInput, createdBy: string) {
  const bot = await getBot(ctx, workspaceId, botId);
  const now = ctx.clock.now();
  const sendId = await ctx.db.transaction(async (tx) => {
    const content = await freezeContent(tx, workspaceId, botId, input.content);
    const targeting = await resolveTargeting(tx, botId, input.channelIds, input.audience);
    if (content.whatsappTemplate) content.whatsappTemplate = await checkSendTemplate(ctx, tx, targeting, content.whatsappTemplate);
    const { timing, firstRunAt } = resolveTiming(input.timing, bot.timeZone, now, ctx.config.graceSeconds);
    const [send] = await tx.query<{ id: number }>(
      `INSERT INTO sends (workspace_id, bot_id, kind, content, targeting, timing, end_open_chats, created_by, next_run_at, created_at)
       VALUES ($1, $2, 'broadcast', $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        workspaceId,
        botId,
        JSON.stringify(content),
        JSON.stringify(targeting),
        JSON.stringify(timing),
        input.endOpenChats ?? false,
        createdBy,
        firstRunAt.toISOString(),
        now.toISOString(),
      ],
    );
    if (input.audience.type === 'selected') await attachSelected(tx, send.id, targeting.channelIds[0], input.audience);
    // Schedulers arm their timer for its first run (the end of the grace window).
    await notifyWake(tx, 'schedule');
    return send.id;
  });
  return getSend(ctx, workspaceId, sendId);
}

async function attachSelected(
  tx: Parameters<Parameters<ServiceContext['db']['transaction']>[0]>[0],
  sendId: number,
  channelId: number,
  audience: { subscriberIds?: number[]; importId?: number },
) {
  if (audience.importId !== undefined) {
    const [row] = await tx.query<{ n: number }>(
      `WITH r AS (
         INSERT INTO send_recipients (send_id, subscriber_id)
         SELECT $1, unnest(i.subscriber_ids) FROM selected_imports i WHERE i.id = $2 AND i.channel_id = $3
         ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*) AS n FROM r`,
      [sendId, audience.importId, channelId],
    );
    if (row.n === 0)
      throw invalid('empty_import', `audience.importId ${audience.importId} has no matched users for this platform`, {
        field: 'audience.importId',
      });
    return;
  }
  const ids = [...new Set(audience.subscriberIds ?? [])];
  if (ids.length === 0)
    throw invalid('no_recipients', 'audience.subscriberIds must list at least one subscriber (or give audience.importId)', {
      field: 'audience.subscriberIds',
    });
  if (ids.length > MAX_SELECTED)
    throw invalid('too_many_recipients', `audience.subscriberIds lists more than ${MAX_SELECTED} subscribers`, {
      field: 'audience.subscriberIds',
    });
  const inserted = await tx.query<{ subscriber_id: number }>(
    `INSERT INTO send_recipients (send_id, subscriber_id)
     SELECT $1, s.id FROM subscribers s WHERE s.channel_id = $2 AND s.id = ANY($3::bigint[]) RETURNING subscriber_id`,
    [sendId, channelId, ids],
  );
  if (inserted.length !== ids.length) {
    const known = new Set(inserted.map((r) => r.subscriber_id));
    const unknown = ids.filter((id) => !known.has(id));
    throw invalid(
      'unknown_subscribers',
      `audience.subscriberIds: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''} did not write to the bot on this platform`,
      {
        field: 'audience.subscriberIds',
        unknown: unknown.slice(0, 1000),
      },
    );
  }
}
