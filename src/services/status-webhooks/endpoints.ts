// A workspace's status webhook endpoints (admins only, routes in src/http/routes/status-webhooks.ts):
// add, change, turn off and on, remove, rotate the secret, send a test event, read the delivery log.
// The URL must be HTTPS and lead to a public address — checked here for a clear 400, and again at
// every connection (post.ts). Every change is written to the audit log in the same transaction.
import { invalid, notFound } from '../../domain/errors.ts';
import { checkBaseUrlAddresses } from '../../security/base-url.ts';
import { newWebhookSecret } from '../../security/webhook-signature.ts';
import { STATUS_EVENT_TYPES, type StatusEventType } from '../../storage/queries/status-events.ts';
import type { Queryable } from '../../storage/db.ts';
import { recordAudit, type Caller } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { postSigned, type PostResult } from './post.ts';
import { logAttempt } from './attempts.ts';

export const TEST_TIMEOUT_MS = 10_000;

export interface StatusWebhookInput {
  url?: string;
  description?: string;
  events?: StatusEventType[];
  enabled?: boolean;
}

interface WebhookRow {
  id: number;
  url: string;
  description: string;
  events: StatusEventType[];
  enabled: boolean;
  failingSince: Date | null;
  attempts: number;
  nextAttemptAt: Date | null;
  lastSuccessAt: Date | null;
  createdAt: Date;
}

const COLUMNS = `id, url, description, event_types AS events, enabled, failing_since AS "failingSince", attempts,
  CASE WHEN next_attempt_at = '-infinity' THEN NULL ELSE next_attempt_at END AS "nextAttemptAt",
  last_success_at AS "lastSuccessAt", created_at AS "createdAt"`;

/** `active`, `retrying` (a POST failed, another is planned), `failing` (gave up: turn it on again) or `disabled`. */
function view(row: WebhookRow) {
  const status = !row.enabled ? 'disabled' : row.failingSince ? 'failing' : row.attempts > 0 ? 'retrying' : 'active';
  return { ...row, status };
}

async function validUrl(ctx: ServiceContext, url: string): Promise<string> {
  const allowPrivate = ctx.config.allowPrivateBaseUrls;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid('invalid_url', 'url is not a URL', { field: 'url' });
  }
  // Plain http only where private addresses are allowed too (tests, development on one machine).
  if (parsed.protocol !== 'https:' && !(allowPrivate && parsed.protocol === 'http:')) {
    throw invalid('invalid_url', 'url must start with https://', { field: 'url' });
  }
  const problem = await checkBaseUrlAddresses(url, allowPrivate);
  if (problem) throw invalid('invalid_url', `url ${problem}`, { field: 'url' });
  return parsed.toString();
}

function validEvents(events: readonly string[] | undefined): StatusEventType[] | undefined {
  if (events === undefined) return undefined;
  const unique = [...new Set(events)];
  if (unique.length === 0) throw invalid('invalid_events', 'events must name at least one event type', { field: 'events' });
  return unique.filter((e): e is StatusEventType => (STATUS_EVENT_TYPES as readonly string[]).includes(e));
}

async function row(q: Queryable, workspaceId: number, id: number, lock = false): Promise<WebhookRow> {
  const [found] = await q.query<WebhookRow>(
    `SELECT ${COLUMNS} FROM status_webhooks WHERE id = $1 AND workspace_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [id, workspaceId],
  );
  if (!found) throw notFound('status webhook', id);
  return found;
}

export async function listStatusWebhooks(ctx: ServiceContext, workspaceId: number) {
  const rows = await ctx.db.query<WebhookRow>(`SELECT ${COLUMNS} FROM status_webhooks WHERE workspace_id = $1 ORDER BY id`, [workspaceId]);
  return rows.map(view);
}

/** Adds an endpoint; the answer carries its secret, the only time it is shown. */
export async function createStatusWebhook(ctx: ServiceContext, caller: Caller, input: StatusWebhookInput & { url: string }) {
  const url = await validUrl(ctx, input.url);
  const events = validEvents(input.events) ?? [...STATUS_EVENT_TYPES];
  const secret = newWebhookSecret();
  return ctx.db.transaction(async (tx) => {
    const [{ id }] = await tx.query<{ id: number }>(
      `INSERT INTO status_webhooks (workspace_id, url, description, event_types, secret_sealed, enabled, created_by)
       VALUES ($1, $2, $3, $4::text[], $5, $6, $7) RETURNING id`,
      [caller.workspaceId, url, input.description ?? '', events, ctx.sealer.seal(secret), input.enabled ?? true, caller.actor],
    );
    await recordAudit(tx, {
      workspaceId: caller.workspaceId,
      actor: caller.actor,
      action: 'status_webhook.created',
      target: `status_webhook:${id}`,
      detail: { url, events },
    });
    return { ...view(await row(tx, caller.workspaceId, id)), secret };
  });
}

/**
 * Changes an endpoint. Turning on a failing one goes on from where it stopped (nothing skipped
 * that is still kept); turning on a disabled one starts from now (it took no events while off).
 */
export async function updateStatusWebhook(ctx: ServiceContext, caller: Caller, id: number, input: StatusWebhookInput) {
  const url = input.url === undefined ? undefined : await validUrl(ctx, input.url);
  const events = validEvents(input.events);
  return ctx.db.transaction(async (tx) => {
    const before = await row(tx, caller.workspaceId, id, true);
    const turnOn = input.enabled === true && (!before.enabled || before.failingSince !== null);
    await tx.query(
      `UPDATE status_webhooks SET url = coalesce($2, url), description = coalesce($3, description),
         event_types = coalesce($4::text[], event_types), enabled = coalesce($5, enabled),
         failing_since = CASE WHEN $6 THEN NULL ELSE failing_since END,
         attempts = CASE WHEN $6 THEN 0 ELSE attempts END,
         next_attempt_at = CASE WHEN $6 THEN '-infinity' ELSE next_attempt_at END,
         cursor_txid = CASE WHEN $6 AND NOT enabled THEN pg_snapshot_xmin(pg_current_snapshot()) ELSE cursor_txid END,
         cursor_id = CASE WHEN $6 AND NOT enabled THEN 0 ELSE cursor_id END
       WHERE id = $1`,
      [id, url ?? null, input.description ?? null, events ?? null, input.enabled ?? null, turnOn],
    );
    await recordAudit(tx, {
      workspaceId: caller.workspaceId,
      actor: caller.actor,
      action: 'status_webhook.changed',
      target: `status_webhook:${id}`,
      detail: { fields: Object.keys(input), ...(url && url !== before.url ? { from: before.url, to: url } : {}) },
    });
    return view(await row(tx, caller.workspaceId, id));
  });
}

export async function deleteStatusWebhook(ctx: ServiceContext, caller: Caller, id: number) {
  await ctx.db.transaction(async (tx) => {
    const before = await row(tx, caller.workspaceId, id, true);
    await tx.query('DELETE FROM status_webhooks WHERE id = $1', [id]);
    await recordAudit(tx, {
      workspaceId: caller.workspaceId,
      actor: caller.actor,
      action: 'status_webhook.deleted',
      target: `status_webhook:${id}`,
      detail: { url: before.url },
    });
  });
}

/** A new secret, in this answer only; the old one stops signing at once. */
export async function rotateStatusWebhookSecret(ctx: ServiceContext, caller: Caller, id: number) {
  const secret = newWebhookSecret();
  await ctx.db.transaction(async (tx) => {
    await row(tx, caller.workspaceId, id, true);
    await tx.query('UPDATE status_webhooks SET secret_sealed = $2 WHERE id = $1', [id, ctx.sealer.seal(secret)]);
    await recordAudit(tx, {
      workspaceId: caller.workspaceId,
      actor: caller.actor,
      action: 'status_webhook.secret_rotated',
      target: `status_webhook:${id}`,
    });
  });
  return { secret };
}

/**
 * POSTs one `test` event to the endpoint now, signed like every other, and logs it in its delivery
 * log. It touches neither the endpoint's queue of events nor its failing state.
 */
export async function sendTestEvent(ctx: ServiceContext, caller: Caller, id: number): Promise<PostResult> {
  const [found] = await ctx.db.query<{ url: string; secret_sealed: string }>(
    'SELECT url, secret_sealed FROM status_webhooks WHERE id = $1 AND workspace_id = $2',
    [id, caller.workspaceId],
  );
  if (!found) throw notFound('status webhook', id);
  const event = {
    id: `test_${Date.now().toString(36)}`,
    type: 'test',
    createdAt: ctx.clock.now().toISOString(),
    data: { message: 'A test event from Botcast: this endpoint is reachable and the signature can be checked.' },
  };
  const result = await postSigned(
    found.url,
    ctx.sealer.open(found.secret_sealed),
    { webhookId: id, events: [event] },
    {
      timeoutMs: TEST_TIMEOUT_MS,
      webhookId: id,
    },
  );
  await logAttempt(ctx.db, id, { ...result, test: true, events: 1, firstEventId: null, lastEventId: null, attempt: 1 });
  return result;
}
