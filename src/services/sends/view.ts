// How a send reads: what it says, to whom, when, and what happened (counters are summed from the
// lanes, never counted from deliveries).
import { notFound } from '../../domain/errors.ts';
import type { Queryable } from '../../storage/db.ts';
import { actorNames } from '../actor-names.ts';
import type { ServiceContext } from '../context.ts';
import type { ResolvedTargeting } from '../../domain/send/targeting.ts';
import type { ResolvedTiming } from '../../domain/send/timing.ts';
import type { freezeContent } from './input.ts';

export interface Counters {
  recipients: number;
  queued: number;
  held: number;
  inFlight: number;
  sent: number;
  failed: number;
  cancelled: number;
  unknown: number;
}

export const COUNTER_SUMS = `coalesce(sum(l.recipients),0)::int AS recipients, coalesce(sum(l.queued),0)::int AS queued, coalesce(sum(l.held),0)::int AS held,
  coalesce(sum(l.in_flight),0)::int AS "inFlight", coalesce(sum(l.sent),0)::int AS sent, coalesce(sum(l.failed),0)::int AS failed,
  coalesce(sum(l.cancelled),0)::int AS cancelled, coalesce(sum(l.unknown),0)::int AS unknown`;

export type SendStatus =
  'grace' | 'scheduled' | 'periodic' | 'delivering' | 'paused' | 'waiting_for_chats' | 'completed' | 'stopped' | 'deleted';

/** sends.content (jsonb): frozen when the send was made. */
export type StoredContent = Awaited<ReturnType<typeof freezeContent>>;
/** sends.targeting (jsonb): a broadcast's resolved targeting; external and trigger sends add where they came from. */
export type StoredTargeting = ResolvedTargeting & {
  platform?: string;
  event?: { id: number; name: string };
  trigger?: { id: number; name: string; tag: string | null; day: string };
};
/** sends.timing (jsonb): a broadcast's timing, or the delay of a trigger's send. */
export type StoredTiming = ResolvedTiming['timing'] | { type: 'trigger'; delay: unknown };
export type RunState = 'pending' | 'materialising' | 'delivering' | 'completed' | 'stopped';

interface SendRow {
  id: number;
  kind: 'broadcast' | 'external' | 'trigger';
  botId: number;
  content: StoredContent;
  targeting: StoredTargeting;
  timing: StoredTiming;
  endOpenChats: boolean;
  createdBy: string;
  createdAt: Date;
  nextRunAt: Date | null;
  deletedAt: Date | null;
  deletedBy: string | null;
  sourceId: number | null;
  /** A resend: the send and run it was made from, and the outcomes it was for (services/sends/resend.ts). */
  parentSendId: number | null;
  parentRunId: number | null;
  resendOutcomes: string[] | null;
  now: Date;
}

interface RunRow extends Counters {
  id: number;
  plannedAt: Date;
  state: RunState;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** A trigger day's run: open for that day's firings until then. */
  openUntil: Date | null;
  materialised: boolean;
  /** Paused by a person (POST /api/sends/{id}/pause): nothing of it is claimed until resumed. */
  pausedAt: Date | null;
  pausedBy: string | null;
  /** Why, when the circuit breaker paused it (not a person's choice). */
  pauseReason: string | null;
  unsubscribes: number;
  frequencyCapped: number;
}

export async function getSend(ctx: ServiceContext | { db: Queryable }, workspaceId: number, sendId: number) {
  const db = ctx.db;
  const rows = await db.query<SendRow>(
    `SELECT s.id, s.kind, s.bot_id AS "botId", s.content, s.targeting, s.timing, s.end_open_chats AS "endOpenChats",
            s.created_by AS "createdBy", s.created_at AS "createdAt", s.next_run_at AS "nextRunAt", s.deleted_at AS "deletedAt",
            s.deleted_by AS "deletedBy", s.source_id AS "sourceId", s.parent_send_id AS "parentSendId",
            s.parent_run_id AS "parentRunId", s.resend_outcomes AS "resendOutcomes", now() AS now
     FROM sends s WHERE s.id = $1 AND s.workspace_id = $2`,
    [sendId, workspaceId],
  );
  if (rows.length === 0) throw notFound('send', sendId);
  const send = rows[0];
  const runs = await db.query<RunRow>(
    `SELECT r.id, r.planned_at AS "plannedAt", r.state, r.started_at AS "startedAt", r.finished_at AS "finishedAt",
            r.open_until AS "openUntil", r.paused_at AS "pausedAt", r.paused_by AS "pausedBy", r.pause_reason AS "pauseReason", coalesce(bool_and(l.materialised), true) AS materialised, ${COUNTER_SUMS},
            r.unsubscribes, coalesce(sum(l.capped), 0)::int AS "frequencyCapped"
     FROM runs r LEFT JOIN run_lanes l ON l.run_id = r.id WHERE r.send_id = $1 GROUP BY r.id ORDER BY r.id DESC LIMIT 100`,
    [sendId],
  );
  const channels = await db.query<{ id: number; platform: string }>('SELECT id, platform FROM channels WHERE id = ANY($1::bigint[])', [
    send.targeting.channelIds ?? [],
  ]);
  const totals = runs.reduce(
    (acc: Counters, r) => {
      for (const k of Object.keys(acc) as Array<keyof Counters>) acc[k] += r[k];
      return acc;
    },
    { recipients: 0, queued: 0, held: 0, inFlight: 0, sent: 0, failed: 0, cancelled: 0, unknown: 0 },
  );
  const status = statusOf(send, runs);
  const resends = await resendsOf(db, sendId);
  const names = await actorNames(db, workspaceId, [send.createdBy, send.deletedBy ?? '', ...runs.map((r) => r.pausedBy ?? '')]);
  const { now, ...rest } = send;
  return {
    ...rest,
    createdByName: names.get(send.createdBy) ?? send.createdBy,
    deletedByName: send.deletedBy ? (names.get(send.deletedBy) ?? send.deletedBy) : null,
    status,
    graceEndsAt: status === 'grace' ? send.nextRunAt : null,
    secondsUntilStart: send.nextRunAt
      ? Math.max(0, Math.round((new Date(send.nextRunAt).getTime() - new Date(now).getTime()) / 1000))
      : null,
    platforms: channels.map((c) => ({ channelId: c.id, platform: c.platform })),
    counts: totals,
    resends,
    runs: runs.map(({ materialised: _materialised, pausedBy, ...run }) => ({
      ...run,
      pausedByName: pausedBy ? (names.get(pausedBy) ?? pausedBy) : null,
    })),
  };
}

/** Resends made from a send (services/sends/resend.ts), oldest first, for "Resends: #M" on its page. */
export async function resendsOf(q: Queryable, sendId: number) {
  return q.query<{ id: number; parentRunId: number | null; outcomes: string[]; createdAt: Date }>(
    `SELECT id, parent_run_id AS "parentRunId", coalesce(resend_outcomes, '{}') AS outcomes, created_at AS "createdAt"
     FROM sends WHERE parent_send_id = $1 ORDER BY id LIMIT 100`,
    [sendId],
  );
}

function statusOf(send: SendRow, runs: RunRow[]): SendStatus {
  // The same rule as the history's sections (services/history/run-activity.ts), on the summed counters.
  const now = new Date(send.now).getTime();
  const live = runs.filter((r) => ['pending', 'materialising', 'delivering'].includes(r.state));
  const busy = (r: RunRow) => r.state !== 'delivering' || !r.materialised || r.queued + r.inFlight > 0;
  const active = live.filter((r) => busy(r) || r.held > 0 || !r.openUntil || new Date(r.openUntil).getTime() <= now);
  if (active.some((r) => r.pausedAt)) return 'paused';
  if (active.some(busy)) return 'delivering';
  if (active.some((r) => r.held > 0)) return 'waiting_for_chats';
  if (active.length > 0) return 'delivering';
  if (send.deletedAt) return 'deleted';
  if (send.timing?.type === 'periodic') return send.nextRunAt ? 'periodic' : runs[0]?.state === 'stopped' ? 'stopped' : 'completed';
  if (runs.length === 0) return send.timing?.type === 'instant' ? 'grace' : 'scheduled';
  return runs[0].state === 'stopped' ? 'stopped' : 'completed';
}
