// Status callbacks from the fake platforms: after a run, the fake "delivers" and "reads" some of the
// messages it accepted and posts the platforms' receipt webhooks to Botcast — signed as each
// platform signs, in bursts (many requests at once), with duplicates and out of order (a read may
// come before its delivered) — and keeps its own record of what it reported, so a run's funnel can
// be checked against it exactly.
//
// Shapes (the same the platform modules parse, src/platforms/…/inbound.ts):
//   wa:        statuses[] {id: wamid, status: delivered|read|failed, timestamp (s), recipient_id,
//              biz_opaque_callback_data (echoed from the send), errors[] for failed}, many per body;
//   viber:     {"event":"delivered"|"seen","timestamp":ms,"message_token":<64-bit>,"user_id"}, one per body;
//   fb:        messaging[] {sender, recipient, timestamp, delivery: {mids, watermark}} / {read: {watermark}};
//   instagram: messaging[] {sender, recipient, timestamp, read: {mid}} (messaging_seen; no deliveries).
import { createHmac } from 'node:crypto';
import type { PlatformCode } from '../../src/platforms/registry.ts';
import type { FakeRecord } from './types.ts';

/** A platform whose receipt webhooks the fake can post (bodyOf: WhatsApp, Viber, Messenger, Instagram). */
export type ReceiptPlatform = PlatformCode;
type Status = 'delivered' | 'read' | 'failed';

export interface ReceiptChannel {
  platform: ReceiptPlatform;
  /** FakeRecord.channel of its sends: WhatsApp phone number id, Viber token, Meta access token. */
  fakeChannel: string;
  /** Botcast's channel id (the webhook is /hooks/<platform>/<channelId>). */
  channelId: number;
  /** What the webhook is signed with: the Meta app secret, or the Viber auth token. */
  secret: string;
}

export interface ReceiptPlanOptions {
  /** Seed of the choices (deterministic plans). */
  seed?: number;
  /** Share of accepted messages reported delivered (read or not). Default 0.8. */
  delivered?: number;
  /** Share of the delivered ones also reported read. Default 0.5. */
  read?: number;
  /** WhatsApp only: share of accepted messages that fail later (status failed, code 131026), instead of any other status. Default 0. */
  failed?: number;
  /** Share of read messages whose `delivered` is never posted (the read alone must count it delivered). Default 0.1. */
  lostDelivered?: number;
  /** Share of receipts posted twice. Default 0.1. */
  duplicates?: number;
  /** Shuffle the receipts (reads before their delivered happen). Default true. */
  outOfOrder?: boolean;
}

export interface PlannedReceipt {
  channel: ReceiptChannel;
  record: FakeRecord;
  status: Status;
}

/** The fake's own record per Botcast channel id: messages it reported delivered (read counts too), read and failed. */
export interface ChannelReport {
  platform: ReceiptPlatform;
  accepted: number;
  delivered: number;
  read: number;
  failed: number;
}

export interface ReceiptPlan {
  receipts: PlannedReceipt[];
  report: Map<number, ChannelReport>;
}

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Decides, for every message the fake accepted on the given channels, what it reports. */
export function planReceipts(records: readonly FakeRecord[], channels: ReceiptChannel[], options: ReceiptPlanOptions = {}): ReceiptPlan {
  const random = seeded(options.seed ?? 1);
  const byFake = new Map(channels.map((c) => [`${c.platform}:${c.fakeChannel}`, c]));
  const receipts: PlannedReceipt[] = [];
  const report = new Map<number, ChannelReport>();
  for (const record of records) {
    const channel = byFake.get(`${record.platform}:${record.channel}`);
    if (!channel || !record.send || !record.delivered || record.messageId === undefined || record.duplicate) continue;
    const r = report.get(channel.channelId) ?? { platform: channel.platform, accepted: 0, delivered: 0, read: 0, failed: 0 };
    report.set(channel.channelId, r);
    r.accepted += 1;
    if (channel.platform === 'wa' && random() < (options.failed ?? 0)) {
      receipts.push({ channel, record, status: 'failed' });
      r.failed += 1;
      continue;
    }
    if (random() >= (options.delivered ?? 0.8)) continue;
    const read = random() < (options.read ?? 0.5);
    // Instagram reports no deliveries: only the read says anything.
    const postDelivered = channel.platform !== 'instagram' && !(read && random() < (options.lostDelivered ?? 0.1));
    if (postDelivered) receipts.push({ channel, record, status: 'delivered' });
    if (read) receipts.push({ channel, record, status: 'read' });
    if (postDelivered || read) r.delivered += 1;
    if (read) r.read += 1;
  }
  const duplicates = receipts.filter(() => random() < (options.duplicates ?? 0.1));
  receipts.push(...duplicates);
  if (options.outOfOrder ?? true) {
    for (let i = receipts.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [receipts[i], receipts[j]] = [receipts[j], receipts[i]];
    }
  }
  return { receipts, report };
}

const PAGE_ID = '1234567890';

function waStatus(p: PlannedReceipt) {
  const body = (p.record.body ?? {}) as { biz_opaque_callback_data?: string };
  return {
    id: p.record.messageId,
    status: p.status,
    timestamp: String(Math.floor(Date.now() / 1000)),
    recipient_id: p.record.recipient,
    ...(body.biz_opaque_callback_data ? { biz_opaque_callback_data: body.biz_opaque_callback_data } : {}),
    ...(p.status === 'failed'
      ? {
          errors: [
            {
              code: 131026,
              title: 'Message undeliverable',
              message: 'Message undeliverable',
              error_data: { details: 'Receiver is incapable of receiving this message' },
            },
          ],
        }
      : {}),
  };
}

function metaEvent(p: PlannedReceipt) {
  const base = { sender: { id: p.record.recipient }, recipient: { id: PAGE_ID }, timestamp: Date.now() };
  if (p.channel.platform === 'instagram') return { ...base, read: { mid: p.record.messageId } };
  if (p.status === 'read') return { ...base, read: { watermark: p.record.t } };
  return { ...base, delivery: { mids: [p.record.messageId], watermark: p.record.t } };
}

/** The body (exact text, as signed) of one webhook request carrying these receipts of one channel. */
function bodyOf(channel: ReceiptChannel, list: PlannedReceipt[]): string {
  switch (channel.platform) {
    case 'wa':
      return JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: 'WABA',
            changes: [
              {
                field: 'messages',
                value: { messaging_product: 'whatsapp', metadata: { phone_number_id: channel.fakeChannel }, statuses: list.map(waStatus) },
              },
            ],
          },
        ],
      });
    case 'fb':
    case 'instagram':
      return JSON.stringify({
        object: channel.platform === 'fb' ? 'page' : 'instagram',
        entry: [{ id: PAGE_ID, time: Date.now(), messaging: list.map(metaEvent) }],
      });
    case 'viber': {
      const p = list[0];
      // The 64-bit token is written as the bare number Viber sends (JSON.stringify cannot).
      return `{"event":"${p.status === 'read' ? 'seen' : p.status}","timestamp":${Date.now()},"chat_hostname":"SN-CHAT-01_","message_token":${p.record.messageId},"user_id":${JSON.stringify(p.record.recipient)}}`;
    }
    default:
      throw new Error(`the fake posts no receipts for ${channel.platform}`);
  }
}

function headersOf(channel: ReceiptChannel, raw: string): Record<string, string> {
  const mac = createHmac('sha256', channel.secret).update(raw).digest('hex');
  return channel.platform === 'viber'
    ? { 'content-type': 'application/json', 'x-viber-content-signature': mac }
    : { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${mac}` };
}

export interface PostOptions {
  /** Requests in flight at once (the burst). Default 32. */
  concurrency?: number;
  /** Receipts per request where the platform batches them (WhatsApp statuses, Meta messaging[]); Viber is always 1. Default 1. */
  perRequest?: number;
}

export interface PostResult {
  requests: number;
  receipts: number;
  ms: number;
  /** Requests not answered 200. */
  refused: number;
}

/** Sends one webhook request to Botcast (path /hooks/…), answers its HTTP status. */
export type WebhookPoster = (path: string, headers: Record<string, string>, raw: string) => Promise<number>;

/** A poster over the network, to a Botcast listening at baseUrl. */
export function httpPoster(baseUrl: string): WebhookPoster {
  return async (path, headers, raw) => {
    const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: raw });
    await res.arrayBuffer();
    return res.status;
  };
}

/** Posts the plan's receipts to Botcast's webhooks as fast as `concurrency` allows. */
export async function postReceipts(post: WebhookPoster, plan: ReceiptPlan, options: PostOptions = {}): Promise<PostResult> {
  const perRequest = Math.max(1, options.perRequest ?? 1);
  const bodies: Array<{ channel: ReceiptChannel; raw: string; count: number }> = [];
  // Consecutive receipts of one channel share a request (order within the plan is kept).
  let current: PlannedReceipt[] = [];
  const flush = () => {
    if (current.length > 0) bodies.push({ channel: current[0].channel, raw: bodyOf(current[0].channel, current), count: current.length });
    current = [];
  };
  for (const p of plan.receipts) {
    const limit = p.channel.platform === 'viber' ? 1 : perRequest;
    if (current.length > 0 && (current[0].channel !== p.channel || current.length >= limit)) flush();
    current.push(p);
  }
  flush();
  const started = Date.now();
  let next = 0;
  let refused = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const b = bodies[next++];
      const status = await post(`/hooks/${b.channel.platform}/${b.channel.channelId}`, headersOf(b.channel, b.raw), b.raw);
      if (status !== 200) refused += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 32, bodies.length) }, worker));
  return { requests: bodies.length, receipts: plan.receipts.length, ms: Date.now() - started, refused };
}
