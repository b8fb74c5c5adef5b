// The outbox of outbound status webhooks (db/migrations/0029_status_webhooks.sql). Events are
// written in the same transaction — mostly the same statement — as the change they describe, and
// only while the workspace has an enabled endpoint that takes their type: a workspace without one
// pays one probe of a tiny table per statement. A dispatcher in the worker process reads them per
// endpoint (services/status-webhooks/dispatcher.ts); nothing here waits for it.
import type { Queryable } from '../db.ts';

/** Event types an endpoint can subscribe to. */
export const STATUS_EVENT_TYPES = ['run.started', 'run.paused', 'run.resumed', 'run.completed', 'run.stopped', 'delivery.outcome'] as const;
// Extension point: delivery receipts (delivered / read) would be `delivery.receipt`, appended with
// appendStatusEvents by whoever records them, once added to the list above.
export type StatusEventType = (typeof STATUS_EVENT_TYPES)[number];

/** The run's log line types (logRun) that are also status events. */
const RUN_LOG_TYPES: Record<string, StatusEventType> = {
  started: 'run.started',
  run_paused: 'run.paused',
  run_resumed: 'run.resumed',
  finished: 'run.completed',
  stopped: 'run.stopped',
};

/** True when the workspace of `workspaceSql` has an enabled endpoint taking `typeSql`. */
const wanted = (workspaceSql: string, typeSql: string) =>
  `EXISTS (SELECT 1 FROM status_webhooks w WHERE w.workspace_id = ${workspaceSql} AND w.enabled AND ${typeSql} = ANY (w.event_types))`;

/**
 * The status event of a run's log line, when the line is one (started, paused, resumed, finished →
 * completed, stopped); written by logRun in the caller's transaction. `data`: the line's details
 * (the counters, for completed and stopped).
 */
export async function appendRunStatusEvent(q: Queryable, runId: number, logType: string, message: string, data?: object) {
  const type = RUN_LOG_TYPES[logType];
  if (!type) return;
  await q.query(
    `INSERT INTO status_events (workspace_id, type, payload)
     SELECT r.workspace_id, $2, jsonb_build_object('runId', r.id, 'sendId', r.send_id, 'kind', s.kind, 'botId', s.bot_id,
              'state', r.state, 'message', $3::text, 'details', $4::jsonb, 'at', now())
     FROM runs r JOIN sends s ON s.id = r.send_id
     WHERE r.id = $1 AND ${wanted('r.workspace_id', '$2')}`,
    [runId, type, message, data ? JSON.stringify(data) : null],
  );
}

/** Appends events of one type for a workspace (those nobody takes are not written). */
export async function appendStatusEvents(q: Queryable, workspaceId: number, type: StatusEventType, payloads: readonly object[]) {
  if (payloads.length === 0) return;
  await q.query(
    `INSERT INTO status_events (workspace_id, type, payload)
     SELECT $1, $2, p FROM jsonb_array_elements($3::jsonb) AS p WHERE ${wanted('$1::bigint', '$2')}`,
    [workspaceId, type, JSON.stringify(payloads)],
  );
}

/** Final delivery states: an outcome event is written when a delivery reaches one. */
const FINAL = `('sent', 'failed', 'cancelled', 'unknown')`;

/**
 * Wraps an outcome UPDATE of `deliveries d` (written without RETURNING) into one statement that
 * also appends a `delivery.outcome` event for each row it made final, set-based: the batch stays one
 * statement. `workspaceParam`: the placeholder of the batch's workspace id, or of NULL when the
 * caller does not know it — a one-time gate on the endpoints table then skips the join entirely
 * when the workspace (any workspace, for NULL) has no endpoint taking outcomes. Returns the ids of
 * the rows updated (or their run ids), as the UPDATE alone would.
 */
export function withOutcomeEvents(update: string, workspaceParam: string, returning: 'id' | 'run_id' = 'id'): string {
  return `WITH done AS (
      ${update}
      RETURNING d.id, d.run_id, d.channel_id, d.subscriber_id, d.recipient, d.state, d.outcome, d.error_code, d.error_text, d.attempts
    ), outcome_events AS (
      INSERT INTO status_events (workspace_id, type, payload)
      SELECT r.workspace_id, 'delivery.outcome', jsonb_build_object('deliveryId', done.id, 'runId', done.run_id, 'sendId', r.send_id,
               'channelId', done.channel_id, 'platform', c.platform, 'subscriberId', done.subscriber_id, 'platformUserId', done.recipient,
               'state', done.state, 'outcome', done.outcome, 'errorCode', done.error_code, 'errorText', done.error_text,
               'attempts', done.attempts, 'at', now())
      FROM done JOIN runs r ON r.id = done.run_id JOIN channels c ON c.id = done.channel_id
      WHERE EXISTS (SELECT 1 FROM status_webhooks g WHERE g.enabled AND 'delivery.outcome' = ANY (g.event_types)
                      AND (${workspaceParam}::bigint IS NULL OR g.workspace_id = ${workspaceParam}::bigint))
        AND done.state IN ${FINAL} AND ${wanted('r.workspace_id', `'delivery.outcome'`)}
      ORDER BY done.id
    )
    SELECT ${returning} FROM done`;
}
