// Late failures a platform reports after it accepted a message (WhatsApp `statuses` with `failed`):
// the delivery, found by the key the platform echoes back and checked against the platform's
// message id, goes from `sent` to `failed` with the platform's code. Only `sent` rows change, so a
// receipt delivered twice (platforms retry webhooks) changes nothing the second time, and nothing
// is ever sent again because of it (the run's retry policy never sees a final row).
//
// Why not look deliveries up by platform_message_id alone: an index on that column would turn the
// outcome write of every delivery into a non-HOT update (docs/engine.md, invariant 7), and a scan
// of the channel's deliveries per receipt would not scale. A receipt without the echoed key (a
// message sent before Botcast set it) finds no delivery and changes nothing.
import type { InboundEvent } from '../platforms/types.ts';
import type { Queryable } from '../storage/db.ts';

type SendFailed = Extract<InboundEvent, { type: 'send_failed' }>;

export async function applySendFailures(
  q: Queryable,
  channel: { id: number; bot_id: number; platform: string },
  events: SendFailed[],
): Promise<number> {
  if (events.length === 0) return 0;
  const channelId = channel.id;
  const keyed = events.filter((e) => e.deliveryKey !== undefined && /^\d{1,18}$/.test(e.deliveryKey));
  const params = (list: SendFailed[]) => [
    channelId,
    list.map((e) => e.platformMessageId),
    list.map((e) => e.outcome),
    list.map((e) => e.code),
    list.map((e) => e.text.slice(0, 2000)),
  ];
  let changed = 0;
  if (keyed.length > 0) {
    const rows = await q.query<{ id: number }>(
      `UPDATE deliveries d SET state = 'failed', outcome = u.outcome, error_code = u.code, error_text = u.text, updated_at = now()
       FROM unnest($6::bigint[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, mid, outcome, code, text)
       WHERE d.id = u.id AND d.channel_id = $1 AND d.platform_message_id = u.mid AND d.state = 'sent'
       RETURNING d.id`,
      [...params(keyed), keyed.map((e) => e.deliveryKey)],
    );
    changed += rows.length;
  }
  // Viber `failed` names the person and the message_token instead: found through the subscriber
  // (deliveries_subscriber_idx, 0026).
  const byUser = events.filter((e) => e.deliveryKey === undefined && e.userId !== undefined);
  if (byUser.length > 0) {
    const rows = await q.query<{ id: number }>(
      `UPDATE deliveries d SET state = 'failed', outcome = u.outcome, error_code = u.code, error_text = u.text, updated_at = now()
       FROM unnest($6::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(uid, mid, outcome, code, text)
       JOIN subscribers s ON s.bot_id = $7 AND s.platform = $8 AND s.platform_user_id = u.uid
       WHERE d.subscriber_id = s.id AND d.channel_id = $1 AND d.platform_message_id = u.mid AND d.state = 'sent'
       RETURNING d.id`,
      [...params(byUser), byUser.map((e) => e.userId), channel.bot_id, channel.platform],
    );
    changed += rows.length;
  }
  return changed;
}
