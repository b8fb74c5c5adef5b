// Delivery receipts (issue 18 point 1), written set-based: a batch of receipts — from any number of
// webhook requests and channels — is two statements, one per status, whatever its size.
//
// Each statement first resolves its receipts to deliveries, by the key the platform echoes
// (WhatsApp biz_opaque_callback_data) or through the subscriber (Viber message_token, Messenger
// mids and watermark, Instagram messaging_seen), then sets the timestamp only where it is still
// NULL and adds the rows it changed to their lane's counter, in the same statement. So:
// - idempotent: a repeated receipt finds the column set and changes and counts nothing;
// - out of order: a read also marks the message delivered (a read message was delivered), and the
//   delivered statement runs first, so `delivered >= read` holds; a delivered arriving after the
//   read finds delivered_at set and changes nothing — it never clears read_at;
// - exact under concurrency: `delivered_at IS NULL` is re-checked on the row's latest version when
//   two batches race for it (PostgreSQL re-evaluates an UPDATE's WHERE after waiting for a row lock),
//   so two batches never both count one row;
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

/** Platform timestamps ahead of this server's clock are taken as now. */
function timeOf(receipt: Receipt, now: number): string {
  return new Date(Math.min(receipt.at ?? now, now)).toISOString();
}

function keyOf(r: Receipt): string | null {
  return r.deliveryKey !== undefined && /^\d{1,18}$/.test(r.deliveryKey) ? r.deliveryKey : null;
}

/** The receipts, one array per column (unnest), without the ones that can match nothing. */
function columns(rows: ReceiptRow[], now: number) {
  const usable = rows.filter(({ receipt: r }) =>
    keyOf(r) !== null ? r.platformMessageId !== undefined : r.userId !== undefined && (r.platformMessageId !== undefined || r.watermark !== undefined),
  );
  return {
    count: usable.length,
    params: [
      usable.map((x) => x.channel.id),
      usable.map((x) => x.channel.bot_id),
      usable.map((x) => x.channel.platform),
      usable.map((x) => keyOf(x.receipt)),
      usable.map((x) => (keyOf(x.receipt) === null ? (x.receipt.userId ?? null) : null)),
      usable.map((x) => x.receipt.platformMessageId ?? null),
      usable.map((x) => (x.receipt.watermark === undefined ? null : new Date(x.receipt.watermark).toISOString())),
      usable.map((x) => x.receipt.upTo === true),
      usable.map((x) => timeOf(x.receipt, now)),
    ],
  };
}

/**
 * One statement: receipts → deliveries (`t`), the update of `column` where it is NULL (`c`), and the
 * lanes' counter (`l`). Returns the ids it changed.
 */
function statement(column: 'delivered_at' | 'read_at', counter: 'delivered' | 'read'): string {
  return `WITH u AS (
      SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::timestamptz[], $8::boolean[], $9::timestamptz[])
        AS u(channel_id, bot_id, platform, did, uid, mid, wm, up_to, at)
    ), s AS (
      SELECT u.*, sub.id AS sid FROM u
      JOIN subscribers sub ON sub.bot_id = u.bot_id AND sub.platform = u.platform AND sub.platform_user_id = u.uid
      WHERE u.did IS NULL
    ), w AS (
      -- Watermarks: Messenger's own, or the named message's time (Instagram messaging_seen).
      SELECT s.sid, s.channel_id, s.at, coalesce(s.wm + interval '${WATERMARK_SLACK_SECONDS} seconds', (
        SELECT x.updated_at FROM deliveries x
        WHERE x.subscriber_id = s.sid AND x.channel_id = s.channel_id AND x.platform_message_id = s.mid AND x.state = 'sent'
        ORDER BY x.id DESC LIMIT 1)) AS upto
      FROM s WHERE s.wm IS NOT NULL OR s.up_to
    ), t AS (
      SELECT u.did AS id, u.channel_id, u.mid, u.at FROM u WHERE u.did IS NOT NULL
      UNION ALL
      SELECT x.id, s.channel_id, x.platform_message_id, s.at FROM s
      JOIN deliveries x ON x.subscriber_id = s.sid AND x.channel_id = s.channel_id AND x.platform_message_id = s.mid
      WHERE s.wm IS NULL AND NOT s.up_to
      UNION ALL
      SELECT x.id, w.channel_id, x.platform_message_id, w.at FROM w
      JOIN deliveries x ON x.subscriber_id = w.sid AND x.channel_id = w.channel_id AND x.state = 'sent' AND x.updated_at <= w.upto
    ), c AS (
      UPDATE deliveries d SET ${column} = t.at FROM t
      WHERE d.id = t.id AND d.channel_id = t.channel_id AND d.platform_message_id IS NOT DISTINCT FROM t.mid AND d.state = 'sent' AND d.${column} IS NULL
      RETURNING d.id, d.lane_id
    ), l AS (
      UPDATE run_lanes SET ${counter} = run_lanes.${counter} + n.n
      FROM (SELECT lane_id, count(*)::int AS n FROM c GROUP BY lane_id) n WHERE run_lanes.id = n.lane_id
    )
    SELECT id FROM c`;
}

const DELIVERED = statement('delivered_at', 'delivered');
const READ = statement('read_at', 'read');

export interface RecordedReceipts {
  delivered: number;
  read: number;
}

/** Records a batch of receipts: one statement per status (call it in a transaction to make the batch atomic). */
export async function recordReceipts(q: Queryable, rows: ReceiptRow[], now = Date.now()): Promise<RecordedReceipts> {
  const result = { delivered: 0, read: 0 };
  if (rows.length === 0) return result;
  // A read implies the message was delivered: reads go into the delivered statement too.
  const delivered = columns(rows, now);
  if (delivered.count > 0) result.delivered = (await q.query(DELIVERED, delivered.params)).length;
  const read = columns(
    rows.filter((r) => r.receipt.status === 'read'),
    now,
  );
  if (read.count > 0) result.read = (await q.query(READ, read.params)).length;
  return result;
}
