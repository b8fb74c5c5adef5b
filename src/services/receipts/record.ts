// Delivery receipts (issue 18 point 1), written set-based: a batch of receipts — from any number of
// webhook requests and channels — is at most one statement per status and way of matching
// (by key, through the subscriber), whatever its size.
//
// Each statement resolves its receipts to deliveries — by the key the platform echoes (WhatsApp
// biz_opaque_callback_data) or through the subscriber (Viber message_token, Messenger mids and
// watermark, Instagram messaging_seen) — sets the timestamp only where it is still NULL, and adds
// the rows it changed to their lanes' counters in the same statement. The lane's `delivered` counts
// deliveries with `delivered_at` or `read_at` (a read message was delivered, even when the platform
// never said so); `read` those with `read_at`. So:
// - idempotent: a repeated receipt finds its column set and changes and counts nothing;
// - out of order: a read counts the delivery as delivered too unless `delivered_at` was already
//   set, and a delivered arriving after the read sets `delivered_at` without counting it again (the
//   statement reads the other column in RETURNING, which it does not change, so that value is the
//   row's own); a later delivered never clears read_at;
// - exact under concurrency: `… IS NULL` is re-checked on the row's latest version when two batches
//   race for it (PostgreSQL re-evaluates an UPDATE's WHERE after waiting for a row lock), so two
//   batches never both count one row;
// - deliveries deleted by retention (or never Botcast's) simply match nothing.
// Only `sent` deliveries take receipts: a failed, cancelled or unknown one was not counted as sent.
import type { InboundEvent } from '../../platforms/types.ts';
import type { Queryable } from '../../storage/db.ts';

export type Receipt = Extract<InboundEvent, { type: 'receipt' }>;

/** Where a batch's receipts came from: the channel matches deliveries, the bot and platform subscribers. */
export interface ReceiptChannel {
  id: number;
  bot_id: number;
  platform: string;
}

export interface ReceiptRow {
  channel: ReceiptChannel;
  receipt: Receipt;
}

/**
 * A Messenger watermark is Meta's clock at the message; Botcast knows its own time of the send's
 * outcome (`updated_at`), written after Meta answered — a little later. Deliveries recorded up to
 * this long after the watermark are still covered by it. A broadcast reaches a person once per
 * run, so two messages to one person this close together are rare.
 */
export const WATERMARK_SLACK_SECONDS = 10;

type Column = 'delivered_at' | 'read_at';

/** `c`: the rows one statement changed (id, lane, whether the other column was NULL) → lane counters. */
function countAndReturn(column: Column): string {
  // A delivered row counts as delivered unless its read counted it already (read_at set); a read
  // row counts as read, and as delivered unless delivered_at was set.
  const read = column === 'read_at' ? 'count(*)' : '0';
  return `l AS (
      UPDATE run_lanes SET delivered = run_lanes.delivered + n.delivered, read = run_lanes.read + n.read
      FROM (SELECT c.lane_id, count(*) FILTER (WHERE c.other_null)::int AS delivered, ${read}::int AS read FROM c GROUP BY c.lane_id) n
      WHERE run_lanes.id = n.lane_id
    )
    SELECT id FROM c`;
}

const other = (column: Column): Column => (column === 'delivered_at' ? 'read_at' : 'delivered_at');

/** By the echoed delivery key, checked against the platform's message id (WhatsApp). */
function byKey(column: Column): string {
  return `WITH t AS (
      SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::timestamptz[]) AS t(id, channel_id, mid, at)
    ), c AS (
      UPDATE deliveries d SET ${column} = t.at FROM t
      WHERE d.id = t.id AND d.channel_id = t.channel_id AND d.platform_message_id = t.mid AND d.state = 'sent' AND d.${column} IS NULL
      RETURNING d.id, d.lane_id, d.${other(column)} IS NULL AS other_null
    ), ${countAndReturn(column)}`;
}

/**
 * Through the subscriber: by message id (Viber token, Messenger mids), by watermark (Messenger), or
 * up to a named message (Instagram messaging_seen: the watermark is that delivery's own time).
 */
function bySubscriber(column: Column): string {
  return `WITH u AS (
      SELECT u.*, sub.id AS sid FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::boolean[], $8::timestamptz[])
        AS u(channel_id, bot_id, platform, uid, mid, wm, up_to, at)
      JOIN subscribers sub ON sub.bot_id = u.bot_id AND sub.platform = u.platform AND sub.platform_user_id = u.uid
    ), w AS (
      SELECT u.sid, u.channel_id, u.at, coalesce(u.wm + interval '${WATERMARK_SLACK_SECONDS} seconds', (
        SELECT x.updated_at FROM deliveries x
        WHERE x.subscriber_id = u.sid AND x.channel_id = u.channel_id AND x.platform_message_id = u.mid AND x.state = 'sent'
        ORDER BY x.id DESC LIMIT 1)) AS upto
      FROM u WHERE u.wm IS NOT NULL OR u.up_to
    ), t AS (
      SELECT x.id, u.at FROM u
      JOIN deliveries x ON x.subscriber_id = u.sid AND x.channel_id = u.channel_id AND x.platform_message_id = u.mid
      WHERE u.wm IS NULL AND NOT u.up_to
      UNION ALL
      SELECT x.id, w.at FROM w
      JOIN deliveries x ON x.subscriber_id = w.sid AND x.channel_id = w.channel_id AND x.state = 'sent' AND x.updated_at <= w.upto
    ), c AS (
      UPDATE deliveries d SET ${column} = t.at FROM t
      WHERE d.id = t.id AND d.state = 'sent' AND d.${column} IS NULL
      RETURNING d.id, d.lane_id, d.${other(column)} IS NULL AS other_null
    ), ${countAndReturn(column)}`;
}

const STATEMENTS = {
  key: { delivered_at: byKey('delivered_at'), read_at: byKey('read_at') },
  subscriber: { delivered_at: bySubscriber('delivered_at'), read_at: bySubscriber('read_at') },
};

function keyOf(r: Receipt): string | null {
  return r.deliveryKey !== undefined && /^\d{1,18}$/.test(r.deliveryKey) ? r.deliveryKey : null;
}

export interface RecordedReceipts {
  /** Deliveries whose delivered_at this batch set. */
  delivered: number;
  /** Deliveries whose read_at this batch set. */
  read: number;
}

/** Records a batch of receipts (call it in a transaction to make the batch atomic). */
export async function recordReceipts(q: Queryable, rows: ReceiptRow[], now = Date.now()): Promise<RecordedReceipts> {
  const result = { delivered: 0, read: 0 };
  // Platform timestamps ahead of this server's clock are taken as now.
  const at = (r: Receipt) => new Date(Math.min(r.at ?? now, now)).toISOString();
  for (const status of ['delivered', 'read'] as const) {
    const column = status === 'delivered' ? 'delivered_at' : 'read_at';
    const mine = rows.filter((x) => x.receipt.status === status);
    const keyed = mine.filter((x) => keyOf(x.receipt) !== null && x.receipt.platformMessageId !== undefined);
    const viaUser = mine.filter(
      (x) =>
        keyOf(x.receipt) === null &&
        x.receipt.userId !== undefined &&
        (x.receipt.platformMessageId !== undefined || x.receipt.watermark !== undefined),
    );
    let changed = 0;
    if (keyed.length > 0) {
      const params = [
        keyed.map((x) => keyOf(x.receipt)),
        keyed.map((x) => x.channel.id),
        keyed.map((x) => x.receipt.platformMessageId),
        keyed.map((x) => at(x.receipt)),
      ];
      changed += (await q.query(STATEMENTS.key[column], params)).length;
    }
    if (viaUser.length > 0) {
      const params = [
        viaUser.map((x) => x.channel.id),
        viaUser.map((x) => x.channel.bot_id),
        viaUser.map((x) => x.channel.platform),
        viaUser.map((x) => x.receipt.userId),
        viaUser.map((x) => x.receipt.platformMessageId ?? null),
        viaUser.map((x) => (x.receipt.watermark === undefined ? null : new Date(x.receipt.watermark).toISOString())),
        viaUser.map((x) => x.receipt.upTo === true),
        viaUser.map((x) => at(x.receipt)),
      ];
      changed += (await q.query(STATEMENTS.subscriber[column], params)).length;
    }
    result[status] += changed;
  }
  return result;
}
