// Broadcasting history: Active, Scheduled, Periodic, Completed, Deleted (Drafts are in drafts.ts).
// A type filter (broadcast / external / trigger; none = all), search by send id, keyset pagination.
// Completed lists finished runs (each periodic occurrence is its own entry, and a trigger's day run
// once it has nothing left to send); the others list sends. Which run is where: run-activity.ts.
import { funnelOf, receiptRates } from '../receipts/funnel.ts';
import { sparklinesOf } from './sparkline.ts';
import { invalid } from '../../domain/errors.ts';
import { actorNames } from '../actor-names.ts';
import type { ServiceContext } from '../context.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import type { Counters, RunState, StoredContent, StoredTargeting, StoredTiming } from '../sends/view.ts';
import { runBusy, runIdleOpen, runInActive, type ActivePhase } from './run-activity.ts';

export const SECTIONS = ['active', 'scheduled', 'periodic', 'completed', 'deleted'] as const;
export type Section = (typeof SECTIONS)[number];
export const KINDS = ['broadcast', 'external', 'trigger'] as const;

export interface HistoryQuery {
  section: Section;
  kinds?: string[];
  /** A send id (search by id). */
  q?: string;
  botId?: number;
  limit?: number;
  cursor?: string;
}

export function summary(content: { type: string; text?: string; screenName?: string }): string {
  const text = (content.text ?? '').replace(/\s+/g, ' ').trim();
  const short = text.length > 80 ? text.slice(0, 79) + '…' : text;
  return content.type === 'screen' ? `Screen "${content.screenName ?? ''}": ${short}` : short;
}

export function parseKinds(kinds: string[] | undefined): string[] {
  const list = (kinds ?? [])
    .flatMap((k) => k.split(','))
    .map((k) => k.trim())
    .filter(Boolean);
  for (const k of list)
    if (!(KINDS as readonly string[]).includes(k))
      throw invalid('invalid_filter', `kinds: "${k}" is not one of broadcast, external, trigger`, { field: 'kinds' });
  return list.length === 0 ? [...KINDS] : list;
}

export function parseId(q: string | undefined): number | null {
  if (q === undefined || q.trim() === '') return null;
  const id = q.trim().replace(/^#/, '');
  if (!/^\d{1,15}$/.test(id))
    throw invalid('invalid_filter', `Type a send id to search: a number such as 128 or #128 (“${q.trim()}” is not one).`, { field: 'q' });
  return Number(id);
}

/** A send (Active, Scheduled, Periodic) or, with the run columns, a finished run (Completed). */
interface HistoryRow {
  sendId: number;
  kind: 'broadcast' | 'external' | 'trigger';
  botId: number;
  content: StoredContent;
  targeting: StoredTargeting;
  timing: StoredTiming;
  endOpenChats: boolean;
  createdAt: Date;
  createdBy: string;
  nextRunAt: Date | null;
  runId: number | null;
  startedAt: Date | null;
  counts: Counters | null;
  plannedAt?: Date;
  finishedAt?: Date | null;
  runState?: RunState;
  openUntil?: Date | null;
  deletedAt: Date | null;
  deletedBy: string | null;
  busy?: boolean;
  /** A live run is paused by a person. */
  paused?: boolean;
}

export async function listHistory(ctx: ServiceContext, workspaceId: number, query: HistoryQuery) {
  if (!(SECTIONS as readonly string[]).includes(query.section))
    throw invalid('invalid_filter', `section must be one of ${SECTIONS.join(', ')}`, { field: 'section' });
  const kinds = parseKinds(query.kinds);
  const sendId = parseId(query.q);
  const after = decodeCursor(query.cursor);
  const limit = query.limit ?? 50;
  const params = [workspaceId, kinds, sendId, after, limit + 1, query.botId ?? null];
  const common = `s.workspace_id = $1 AND s.kind = ANY($2::text[]) AND ($3::bigint IS NULL OR s.id = $3) AND ($6::bigint IS NULL OR s.bot_id = $6)`;
  const sendColumns = `s.id AS "sendId", s.kind, s.bot_id AS "botId", s.content, s.targeting, s.timing, s.end_open_chats AS "endOpenChats", s.created_at AS "createdAt",
    s.created_by AS "createdBy", s.next_run_at AS "nextRunAt", s.deleted_at AS "deletedAt", s.deleted_by AS "deletedBy"`;

  let rows: Array<HistoryRow & { cursorId: number }>;
  if (query.section === 'completed') {
    const runs = await ctx.db.query<HistoryRow & { runId: number }>(
      `SELECT r.id AS "runId", ${sendColumns}, r.planned_at AS "plannedAt", r.started_at AS "startedAt", r.finished_at AS "finishedAt", r.state AS "runState",
              CASE WHEN r.state = 'delivering' THEN r.open_until END AS "openUntil",
              (SELECT json_build_object(${countsJson()}) FROM run_lanes l WHERE l.run_id = r.id) AS counts
       FROM runs r JOIN sends s ON s.id = r.send_id
       WHERE r.workspace_id = $1 AND (r.state IN ('completed', 'stopped') OR ${runIdleOpen('r')}) AND ${common} AND ($4::bigint IS NULL OR r.id < $4)
       ORDER BY r.id DESC LIMIT $5`,
      params,
    );
    rows = runs.map((r) => ({ ...r, cursorId: r.runId }));
  } else {
    // A deleted send stays in Active while a run of it delivers (deleting a periodic one may leave its run going).
    const section = {
      active: `(EXISTS (SELECT 1 FROM runs a WHERE a.send_id = s.id AND ${runInActive('a')})
                 OR (s.deleted_at IS NULL AND s.next_run_at IS NOT NULL AND s.timing->>'type' = 'instant'))`,
      scheduled: `s.deleted_at IS NULL AND s.next_run_at IS NOT NULL AND s.timing->>'type' = 'delayed'`,
      periodic: `s.deleted_at IS NULL AND s.next_run_at IS NOT NULL AND s.timing->>'type' = 'periodic'`,
      deleted: `s.deleted_at IS NOT NULL`,
    }[query.section];
    // Counted over the runs the section is about: Active's live runs, every run of a deleted send.
    const counted = query.section === 'deleted' ? 'true' : runInActive('r');
    const sends = await ctx.db.query<HistoryRow>(
      `SELECT ${sendColumns},
              (SELECT min(r.started_at) FROM runs r WHERE r.send_id = s.id AND ${counted}) AS "startedAt",
              (SELECT max(r.id) FROM runs r WHERE r.send_id = s.id) AS "runId",
              (SELECT json_build_object(${countsJson()}) FROM run_lanes l JOIN runs r ON r.id = l.run_id
                 WHERE r.send_id = s.id AND ${counted}) AS counts,
              EXISTS (SELECT 1 FROM runs r WHERE r.send_id = s.id AND ${runInActive('r')} AND ${runBusy('r')}) AS busy,
              EXISTS (SELECT 1 FROM runs r WHERE r.send_id = s.id AND ${runInActive('r')} AND r.paused_at IS NOT NULL) AS paused
       FROM sends s
       WHERE ${common} AND ${section} AND ($4::bigint IS NULL OR s.id < $4)
       ORDER BY s.id DESC LIMIT $5`,
      params,
    );
    rows = sends.map((r) => ({ ...r, cursorId: r.sendId }));
  }
  const channelIds = [...new Set(rows.flatMap((r) => r.targeting?.channelIds ?? []))];
  const channels = new Map(
    (
      await ctx.db.query<{ id: number; platform: string }>('SELECT id, platform FROM channels WHERE id = ANY($1::bigint[])', [channelIds])
    ).map((c) => [c.id, c.platform]),
  );
  const now = Date.now();
  const page = toPage(
    rows.map((r) => ({ ...r, id: r.cursorId as number })),
    limit,
  );
  const phases = new Map(page.items.map((r) => [r.sendId, query.section === 'active' ? activePhase(r) : null]));
  const holdsExpire = await earliestHoldExpiry(
    ctx,
    page.items.filter((r) => phases.get(r.sendId) === 'waiting_for_chats').map((r) => r.sendId),
  );
  const names = await actorNames(
    ctx.db,
    workspaceId,
    page.items.flatMap((r) => [r.createdBy, r.deletedBy ?? '']),
  );
  // Completed rows are runs: their delivered / read rates (Active and Scheduled rows leave them null).
  const runIds = page.items.flatMap((r) => (r.runId ? [Number(r.runId)] : []));
  const funnels = await funnelOf(ctx.db, ctx.platforms, runIds);
  const sparks = query.section === 'completed' ? await sparklinesOf(ctx.db, runIds) : new Map<number, number[]>();
  return {
    section: query.section,
    kinds,
    items: page.items.map((r) => {
      const counts = r.counts ?? emptyCounts();
      const errors = counts.failed + counts.unknown;
      const inGrace = phases.get(r.sendId) === 'grace';
      return {
        id: r.sendId as number,
        runId: (r.runId as number | null) ?? null,
        kind: r.kind,
        botId: r.botId,
        contentSummary: summary(r.content),
        platforms: (r.targeting?.channelIds ?? []).map((id: number) => ({ channelId: id, platform: channels.get(id) ?? 'deleted' })),
        tags: r.targeting?.includeTags ?? [],
        excludeTags: r.targeting?.excludeTags ?? [],
        timing: r.timing,
        endOpenChats: r.endOpenChats,
        createdAt: r.createdAt,
        createdBy: r.createdBy,
        createdByName: names.get(r.createdBy) ?? r.createdBy,
        nextRunAt: r.nextRunAt,
        plannedAt: r.plannedAt ?? null,
        startedAt: r.startedAt ?? null,
        finishedAt: r.finishedAt ?? null,
        state: r.runState ?? null,
        phase: phases.get(r.sendId) ?? null,
        holdsExpireAt: holdsExpire.get(r.sendId) ?? null,
        openUntil: r.openUntil ?? null,
        deletedAt: r.deletedAt,
        deletedBy: r.deletedBy ? (names.get(r.deletedBy) ?? r.deletedBy) : null,
        counts,
        errors,
        viewErrorsUrl: errors > 0 && r.runId ? `/api/sends/${r.sendId}/log?errorsOnly=true&runId=${r.runId}` : null,
        graceSecondsLeft: inGrace ? Math.max(0, Math.round((new Date(r.nextRunAt!).getTime() - now) / 1000)) : null,
        receipts: receiptRates(funnels.get(Number(r.runId)) ?? []),
        spark: sparks.get(Number(r.runId)) ?? null,
      };
    }),
    nextCursor: page.nextCursor,
  };
}

/** An Active send's phase: its grace window, delivering, paused by a person, or only waiting for operator chats to close. */
function activePhase(r: HistoryRow): ActivePhase {
  if (r.deletedAt === null && r.nextRunAt && r.timing?.type === 'instant' && !r.busy && !(r.counts?.held ?? 0)) return 'grace';
  if (r.paused) return 'paused';
  if (r.busy) return 'delivering';
  return (r.counts?.held ?? 0) > 0 ? 'waiting_for_chats' : 'delivering';
}

/** When the first hold of each send's live runs expires (then its recipient counts as failed, hold_expired). */
async function earliestHoldExpiry(ctx: ServiceContext, sendIds: number[]): Promise<Map<number, Date>> {
  if (sendIds.length === 0) return new Map();
  const rows = await ctx.db.query<{ sendId: number; at: Date }>(
    `SELECT r.send_id AS "sendId", min(d.hold_expires_at) AS at FROM runs r JOIN deliveries d ON d.run_id = r.id
     WHERE r.send_id = ANY($1::bigint[]) AND r.state = 'delivering' AND d.hold_expires_at IS NOT NULL GROUP BY r.send_id`,
    [sendIds],
  );
  return new Map(rows.map((r) => [r.sendId, r.at]));
}

function countsJson(): string {
  return `'recipients', coalesce(sum(l.recipients),0), 'queued', coalesce(sum(l.queued),0), 'held', coalesce(sum(l.held),0),
          'inFlight', coalesce(sum(l.in_flight),0), 'sent', coalesce(sum(l.sent),0), 'failed', coalesce(sum(l.failed),0),
          'cancelled', coalesce(sum(l.cancelled),0), 'unknown', coalesce(sum(l.unknown),0)`;
}

function emptyCounts() {
  return { recipients: 0, queued: 0, held: 0, inFlight: 0, sent: 0, failed: 0, cancelled: 0, unknown: 0 };
}
