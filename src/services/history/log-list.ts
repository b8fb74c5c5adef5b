// The Logs page (the seed's "Broadcasts Logs subsection", SPEC 5; issue 17 point 7): the logs of
// every send and run of a workspace, newest first — one entry per run (each periodic occurrence,
// each trigger day), and one per send that never ran (scheduled, in its grace window, or deleted
// before it started). Filtered like the history (kinds, a send id) and to the runs with errors
// ("View errors"); each entry opens the log itself (GET /api/sends/{id}/log?runId=).
//
// Newest first is by when the entry happened — a run's planned time, a send's creation — so the
// keyset is (that time in microseconds, send id, run id): run ids and send ids come from two
// sequences and neither orders the other.
import { invalid } from '../../domain/errors.ts';
import { actorNames } from '../actor-names.ts';
import type { ServiceContext } from '../context.ts';
import type { Counters, RunState, StoredContent, StoredTargeting } from '../sends/view.ts';
import { parseId, parseKinds, summary } from './list.ts';

export interface LogListQuery {
  kinds?: string[];
  /** A send id. */
  q?: string;
  /** Only runs with errors (failed or unknown deliveries). */
  errors?: boolean;
  botId?: number;
  limit?: number;
  cursor?: string;
}

interface EntryRow {
  sendId: number;
  runId: number | null;
  kind: string;
  botId: number;
  content: StoredContent;
  targeting: StoredTargeting;
  createdAt: Date;
  createdBy: string;
  deletedAt: Date | null;
  parentSendId: number | null;
  state: RunState | null;
  plannedAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  at: Date;
  key: string;
  counts: Counters | null;
}

interface Cursor {
  key: string;
  sendId: number;
  runId: number;
}

function encode(c: Cursor): string {
  return Buffer.from(`log:${c.key}:${c.sendId}:${c.runId}`).toString('base64url');
}

function decode(cursor: string | undefined): Cursor | null {
  if (cursor === undefined || cursor === '') return null;
  const match = /^log:(-?\d{1,20}):(\d{1,15}):(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw invalid('invalid_cursor', 'cursor is not a cursor returned by this API', { field: 'cursor' });
  return { key: match[1], sendId: Number(match[2]), runId: Number(match[3]) };
}

/** When an entry happened, in microseconds since 1970 (exact, unlike a JavaScript Date). */
const AT = `coalesce(r.planned_at, s.created_at)`;
const AT_KEY = `(extract(epoch FROM ${AT}) * 1000000)::bigint`;

export async function listLogs(ctx: ServiceContext, workspaceId: number, query: LogListQuery) {
  const kinds = parseKinds(query.kinds);
  const sendId = parseId(query.q);
  const after = decode(query.cursor);
  const limit = query.limit ?? 50;
  // Two steps: the page's keys first (sorted without reading content or counting lanes), then
  // the 50 entries' columns and counts — not every entry's before the sort.
  const rows = await ctx.db.query<EntryRow>(
    `WITH page AS (
       SELECT s.id AS send_id, r.id AS run_id, ${AT_KEY} AS key
       FROM sends s LEFT JOIN runs r ON r.send_id = s.id
       WHERE s.workspace_id = $1 AND s.kind = ANY($2::text[]) AND ($3::bigint IS NULL OR s.id = $3) AND ($4::bigint IS NULL OR s.bot_id = $4)
         AND ($5::boolean IS NOT TRUE OR EXISTS (SELECT 1 FROM run_lanes e WHERE e.run_id = r.id AND e.failed + e.unknown > 0))
         AND ($6::bigint IS NULL OR (${AT_KEY}, s.id, coalesce(r.id, 0)) < ($6::bigint, $7::bigint, $8::bigint))
       ORDER BY key DESC, s.id DESC, coalesce(r.id, 0) DESC
       LIMIT $9)
     SELECT s.id AS "sendId", r.id AS "runId", s.kind, s.bot_id AS "botId", s.content, s.targeting, s.created_at AS "createdAt",
            s.created_by AS "createdBy", s.deleted_at AS "deletedAt", s.parent_send_id AS "parentSendId", r.state,
            r.planned_at AS "plannedAt", r.started_at AS "startedAt", r.finished_at AS "finishedAt", ${AT} AS at, p.key::text AS key,
            CASE WHEN r.id IS NOT NULL THEN c.counts END AS counts
     FROM page p JOIN sends s ON s.id = p.send_id LEFT JOIN runs r ON r.id = p.run_id
     LEFT JOIN LATERAL (
       SELECT json_build_object(
                'recipients', coalesce(sum(l.recipients), 0), 'queued', coalesce(sum(l.queued), 0), 'held', coalesce(sum(l.held), 0),
                'inFlight', coalesce(sum(l.in_flight), 0), 'sent', coalesce(sum(l.sent), 0), 'failed', coalesce(sum(l.failed), 0),
                'cancelled', coalesce(sum(l.cancelled), 0), 'unknown', coalesce(sum(l.unknown), 0)) AS counts
       FROM run_lanes l WHERE l.run_id = r.id) c ON true
     ORDER BY p.key DESC, p.send_id DESC, coalesce(p.run_id, 0) DESC`,
    [
      workspaceId,
      kinds,
      sendId,
      query.botId ?? null,
      query.errors ?? false,
      after?.key ?? null,
      after?.sendId ?? null,
      after?.runId ?? null,
      limit + 1,
    ],
  );
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit ? encode({ key: last.key, sendId: last.sendId, runId: last.runId ?? 0 }) : null;
  const channelIds = [...new Set(items.flatMap((r) => r.targeting?.channelIds ?? []))];
  const channels = new Map(
    (
      await ctx.db.query<{ id: number; platform: string }>('SELECT id, platform FROM channels WHERE id = ANY($1::bigint[])', [channelIds])
    ).map((c) => [c.id, c.platform]),
  );
  const names = await actorNames(
    ctx.db,
    workspaceId,
    items.map((r) => r.createdBy),
  );
  return {
    kinds,
    errors: query.errors ?? false,
    items: items.map((r) => {
      const counts = r.counts ? Object.fromEntries(Object.entries(r.counts).map(([k, v]) => [k, Number(v)])) : null;
      const errors = counts ? counts.failed + counts.unknown : 0;
      const run = r.runId ? `&runId=${r.runId}` : '';
      return {
        sendId: r.sendId,
        runId: r.runId,
        kind: r.kind,
        botId: r.botId,
        contentSummary: summary(r.content),
        platforms: (r.targeting?.channelIds ?? []).map((id: number) => ({ channelId: id, platform: channels.get(id) ?? 'deleted' })),
        // A run's state; a send that never ran is `not_started`, or `deleted` once deleted.
        state: r.state ?? (r.deletedAt ? 'deleted' : 'not_started'),
        at: r.at,
        plannedAt: r.plannedAt,
        startedAt: r.startedAt,
        finishedAt: r.finishedAt,
        createdAt: r.createdAt,
        createdByName: names.get(r.createdBy) ?? r.createdBy,
        deletedAt: r.deletedAt,
        parentSendId: r.parentSendId,
        counts,
        errors,
        logUrl: `/api/sends/${r.sendId}/log?limit=100${run}`,
        viewErrorsUrl: errors > 0 ? `/api/sends/${r.sendId}/log?errorsOnly=true${run}` : null,
      };
    }),
    nextCursor,
  };
}
