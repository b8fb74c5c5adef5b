// A person stopped or resumed marketing messages (WhatsApp user_preferences): the subscriber's
// marketing flag (db/migrations/0024), apart from `blocked` — marketing templates leave them out,
// free-form messages in the window and utility templates still reach them. The last word of the
// batch for each person decides.
import type { InboundEvent } from '../platforms/types.ts';
import type { Queryable } from '../storage/db.ts';
import type { ChannelRow } from '../storage/queries/channels.ts';

export async function applyMarketingPreferences(q: Queryable, channel: Pick<ChannelRow, 'bot_id' | 'platform'>, events: InboundEvent[]) {
  const last = new Map<string, boolean>();
  for (const e of events) if (e.type === 'marketing') last.set(e.userId, e.stopped);
  if (last.size === 0) return;
  const users = [...last.keys()];
  await q.query(
    `UPDATE subscribers s SET marketing_stopped_at = CASE WHEN u.stopped THEN coalesce(s.marketing_stopped_at, now()) END
     FROM unnest($3::text[], $4::boolean[]) AS u(uid, stopped)
     WHERE s.bot_id = $1 AND s.platform = $2 AND s.platform_user_id = u.uid`,
    [channel.bot_id, channel.platform, users, users.map((u) => last.get(u))],
  );
}
