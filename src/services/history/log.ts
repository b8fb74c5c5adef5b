// The log of a send: what happened to it as a whole (created, by whom, scheduled for, started,
// ended, platforms, tags, audience per platform, chats closed or held, rate-limit pauses) and to
// every recipient that did not get it (platform error code and text, error class). Exportable as
// CSV, streamed page by page and safe against spreadsheet formula injection.
import { invalid, notFound } from '../../domain/errors.ts';
import { csvReadable } from '../../imports/csv-writer.ts';
import type { IdRow } from '../../storage/db.ts';
import type { ServiceContext } from '../context.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { getSend } from '../sends/view.ts';

export interface LogQuery {
  runId?: number;
  errorsOnly?: boolean;
  limit?: number;
  cursor?: string;
}

/**
 * Failed and unknown deliveries of alias `d`. `error_code IS NOT NULL` adds nothing to the meaning
 * (a check constraint gives every such row a code) but lets the planner use deliveries_errors_idx,
 * whose predicate it is (db/migrations/0012).
 */
export const errorRows = (d: string) => `(${d}.error_code IS NOT NULL AND ${d}.state IN ('failed', 'unknown'))`;

const DELIVERY_COLUMNS = `d.id, d.run_id AS "runId", d.subscriber_id AS "subscriberId", d.recipient, c.platform, d.state,
  d.outcome AS "errorClass", d.error_code AS "errorCode", d.error_text AS "errorText", d.attempts, d.platform_message_id AS "platformMessageId",
  d.updated_at AS "at", d.delivered_at AS "deliveredAt", d.read_at AS "readAt"`;
interface DeliveryRow {
  id: number;
  runId: number;
  subscriberId: number;
  recipient: string;
  platform: string;
  state: 'queued' | 'held' | 'in_flight' | 'sent' | 'failed' | 'cancelled' | 'unknown';
  errorClass: string | null;
  errorCode: string | null;
  errorText: string | null;
  attempts: number;
  platformMessageId: string | null;
  at: Date;
  deliveredAt: Date | null;
  readAt: Date | null;
}

interface RunEventRow {
  id: number;
  at: Date;
  type: string;
  message: string;
  data: unknown;
}

async function runOf(ctx: ServiceContext, sendId: number, runId: number | undefined): Promise<number | null> {
  if (runId !== undefined) {
    const rows = await ctx.db.query<IdRow>('SELECT id FROM runs WHERE id = $1 AND send_id = $2', [runId, sendId]);
    if (rows.length === 0) throw notFound('run', runId);
    return runId;
  }
  const rows = await ctx.db.query<{ id: number }>('SELECT id FROM runs WHERE send_id = $1 ORDER BY id DESC LIMIT 1', [sendId]);
  return rows[0]?.id ?? null;
}

export async function getLog(ctx: ServiceContext, workspaceId: number, sendId: number, query: LogQuery) {
  const send = await getSend(ctx, workspaceId, sendId);
  const runId = await runOf(ctx, sendId, query.runId);
  const limit = query.limit ?? 100;
  const after = decodeCursor(query.cursor);
  const events = runId
    ? await ctx.db.query<RunEventRow>('SELECT id, at, type, message, data FROM run_events WHERE run_id = $1 ORDER BY id', [runId])
    : [];
  const deliveries = runId
    ? await ctx.db.query<DeliveryRow>(
        `SELECT ${DELIVERY_COLUMNS} FROM deliveries d JOIN channels c ON c.id = d.channel_id
         WHERE d.run_id = $1 AND ($2::boolean IS NOT TRUE OR ${errorRows('d')}) AND ($3::bigint IS NULL OR d.id > $3)
         ORDER BY d.id LIMIT $4`,
        [runId, query.errorsOnly ?? false, after, limit + 1],
      )
    : [];
  // Deliveries page forwards (oldest first), so the cursor is "after id".
  const page = toPage(deliveries, limit);
  const audience = events.filter((e) => e.type === 'audience').map((e) => e.data);
  return {
    send: {
      id: send.id,
      kind: send.kind,
      status: send.status,
      contentSummary: send.content?.text?.slice(0, 200) ?? '',
      createdAt: send.createdAt,
      createdBy: send.createdBy,
      createdByName: send.createdByName,
      deletedAt: send.deletedAt,
      deletedBy: send.deletedByName,
      timing: send.timing,
      platforms: send.platforms,
      tags: send.targeting?.includeTags ?? [],
      excludeTags: send.targeting?.excludeTags ?? [],
      endOpenChats: send.endOpenChats,
    },
    run: send.runs.find((r) => r.id === runId) ?? null,
    runs: send.runs.map((r) => ({ id: r.id, plannedAt: r.plannedAt, state: r.state, startedAt: r.startedAt, finishedAt: r.finishedAt })),
    audience,
    events: withDeletion(events, send),
    deliveries: page,
  };
}

/**
 * The deletion as the log's last line. It is the send's event, not a run's: finished runs' logs stay
 * as they were, and a send deleted before it started has no run to log on.
 */
function withDeletion(events: RunEventRow[], send: { deletedAt: Date | null; deletedByName: string | null }): RunEventRow[] {
  if (!send.deletedAt) return events;
  const message = `Deleted by ${send.deletedByName ?? 'someone (not recorded before this version)'}`;
  return [...events, { id: 0, at: send.deletedAt, type: 'send_deleted', message, data: null }];
}

/** Searching the log by send id: the same as reading the send's log. */
export async function findLog(ctx: ServiceContext, workspaceId: number, q: string, query: LogQuery) {
  const id = q.trim().replace(/^#/, '');
  if (!/^\d{1,15}$/.test(id))
    throw invalid('invalid_filter', `Type a send id to find its log: a number such as 128 or #128 (“${q.trim()}” is not one).`, {
      field: 'sendId',
    });
  return getLog(ctx, workspaceId, Number(id), query);
}

export async function exportLog(ctx: ServiceContext, workspaceId: number, sendId: number, query: { runId?: number; errorsOnly?: boolean }) {
  const send = await getSend(ctx, workspaceId, sendId);
  const runIds = query.runId !== undefined ? [await runOf(ctx, sendId, query.runId)] : send.runs.map((r) => r.id);
  async function* rows() {
    for (const runId of runIds) {
      if (runId === null) continue;
      const events = await ctx.db.query<Omit<RunEventRow, 'id' | 'data'>>(
        'SELECT at, type, message FROM run_events WHERE run_id = $1 ORDER BY id',
        [runId],
      );
      for (const e of events) yield [new Date(e.at).toISOString(), sendId, runId, 'event', e.type, '', '', '', '', '', e.message, '', ''];
      let after = 0;
      for (;;) {
        const page = await ctx.db.query<DeliveryRow>(
          `SELECT ${DELIVERY_COLUMNS} FROM deliveries d JOIN channels c ON c.id = d.channel_id
           WHERE d.run_id = $1 AND d.id > $2 AND ($3::boolean IS NOT TRUE OR ${errorRows('d')})
           ORDER BY d.id LIMIT 5000`,
          [runId, after, query.errorsOnly ?? false],
        );
        for (const d of page) {
          yield [
            new Date(d.at).toISOString(),
            sendId,
            runId,
            'delivery',
            d.state,
            d.platform,
            d.recipient,
            d.subscriberId,
            d.errorClass ?? '',
            d.errorCode ?? '',
            d.errorText ?? '',
            d.deliveredAt ? new Date(d.deliveredAt).toISOString() : '',
            d.readAt ? new Date(d.readAt).toISOString() : '',
          ];
        }
        if (page.length < 5000) break;
        after = page[page.length - 1].id;
      }
    }
  }
  return csvReadable(rows(), {
    header: [
      'time',
      'send_id',
      'run_id',
      'entry',
      'type_or_state',
      'platform',
      'recipient',
      'subscriber_id',
      'error_class',
      'error_code',
      'message',
      'delivered_at',
      'read_at',
    ],
  });
}
