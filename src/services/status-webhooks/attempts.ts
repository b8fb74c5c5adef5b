// The delivery log of a status webhook endpoint: one row per POST, newest first when read.
import { notFound } from '../../domain/errors.ts';
import type { Queryable } from '../../storage/db.ts';
import type { ServiceContext } from '../context.ts';
import type { PostResult } from './post.ts';

export interface AttemptRecord extends PostResult {
  test: boolean;
  events: number;
  firstEventId: number | null;
  lastEventId: number | null;
  /** Which try of this batch (1 = the first). */
  attempt: number;
}

export async function logAttempt(q: Queryable, webhookId: number, a: AttemptRecord) {
  await q.query(
    `INSERT INTO status_webhook_attempts (webhook_id, test, events, first_event_id, last_event_id, ok, status_code, duration_ms, error, attempt)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 WHERE EXISTS (SELECT 1 FROM status_webhooks WHERE id = $1)`,
    [webhookId, a.test, a.events, a.firstEventId, a.lastEventId, a.ok, a.statusCode, a.durationMs, a.error, a.attempt],
  );
}

export async function listAttempts(ctx: ServiceContext, workspaceId: number, webhookId: number, limit: number) {
  const owned = await ctx.db.query('SELECT 1 FROM status_webhooks WHERE id = $1 AND workspace_id = $2', [webhookId, workspaceId]);
  if (owned.length === 0) throw notFound('status webhook', webhookId);
  return ctx.db.query<AttemptRecord & { id: number; at: Date }>(
    `SELECT id, at, test, events, first_event_id AS "firstEventId", last_event_id AS "lastEventId", ok, status_code AS "statusCode",
            duration_ms AS "durationMs", error, attempt
     FROM status_webhook_attempts WHERE webhook_id = $1 ORDER BY id DESC LIMIT $2`,
    [webhookId, limit],
  );
}
