// Delivers status events to the endpoints, in the worker process, apart from the delivery loop: it
// shares nothing with the workers but the database, so a slow or failing endpoint never slows
// sending (the outbox is written set-based by the statements that record outcomes; nothing there
// waits for this).
//
// Each endpoint is delivered by one process at a time (a lease on its row) and reads its workspace's
// events after its own cursor, in commit-safe order, at most `batchSize` per POST. A 2xx moves the
// cursor past the batch; anything else (status, timeout, refused address) is retried with
// exponential backoff (`retryBaseMs` doubling, at most `maxRetryMs`, jittered), and after
// `maxAttempts` the endpoint is marked failing and left alone until an admin turns it on again —
// its cursor kept, so it then goes on from the batch that failed. At least once: a receiver
// de-duplicates by event id.
import type { Db } from '../../storage/db.ts';
import type { Sealer } from '../../security/encryption.ts';
import type { DiskGuard } from '../../storage/disk-reserve.ts';
import { postSigned } from './post.ts';
import { logAttempt } from './attempts.ts';

export interface DispatcherSettings {
  batchSize: number;
  pollMs: number;
  timeoutMs: number;
  retryBaseMs: number;
  maxRetryMs: number;
  maxAttempts: number;
  /** Endpoints POSTed to at once by this process. */
  parallel: number;
}

export const DEFAULT_DISPATCHER_SETTINGS: DispatcherSettings = {
  batchSize: 100,
  pollMs: 1_000,
  timeoutMs: 10_000,
  retryBaseMs: 5_000,
  maxRetryMs: 3_600_000,
  // 5 s, 10 s, … capped at 1 h: about 2.4 hours of retries before the endpoint is marked failing.
  maxAttempts: 12,
  parallel: 16,
};

/** Events and the delivery log are kept this long (a failing endpoint turned on later resumes within it). */
const EVENT_RETENTION = "interval '7 days'";
const ATTEMPT_RETENTION = "interval '30 days'";
const PRUNE_EVERY_MS = 10 * 60_000;

interface DueEndpoint {
  id: number;
  workspace_id: number;
  url: string;
  event_types: string[];
  secret_sealed: string;
  cursor_txid: string;
  cursor_id: number;
  attempts: number;
}

interface OutboxEvent {
  id: number;
  type: string;
  payload: object;
  created_at: Date;
  txid: string;
}

interface Logger {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export function retryDelayMs(attempt: number, s: Pick<DispatcherSettings, 'retryBaseMs' | 'maxRetryMs'>, random = Math.random): number {
  const step = Math.min(s.maxRetryMs, s.retryBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

export class StatusWebhookDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private lastPrune = 0;
  private readonly leaseSeconds: number;

  constructor(
    private readonly db: Db,
    private readonly sealer: Sealer,
    private readonly logger: Logger,
    readonly settings: DispatcherSettings = DEFAULT_DISPATCHER_SETTINGS,
    /** Embedded mode: below the disk reserve nothing new is written, so no batch is started. */
    private readonly disk: DiskGuard | null = null,
  ) {
    this.leaseSeconds = Math.ceil((settings.timeoutMs * 3) / 1000) + 5;
  }

  start() {
    this.schedule(0);
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass()
        .then((more) => this.schedule(more ? 0 : this.settings.pollMs))
        .catch((error: unknown) => {
          this.logger.error({ err: error }, 'status webhooks: pass failed; trying again');
          this.schedule(this.settings.pollMs);
        });
    }, ms);
  }

  /** One pass over the due endpoints; true when one of them has more events waiting. */
  async pass(): Promise<boolean> {
    if (this.disk?.state.ok === false) return false;
    if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) await this.prune();
    const due = await this.db.query<DueEndpoint>(
      `UPDATE status_webhooks w SET lease_until = now() + make_interval(secs => $2)
       WHERE w.id IN (
         SELECT e.id FROM status_webhooks e
         WHERE e.enabled AND e.failing_since IS NULL AND e.next_attempt_at <= now() AND (e.lease_until IS NULL OR e.lease_until < now())
           AND EXISTS (SELECT 1 FROM status_events x WHERE x.workspace_id = e.workspace_id AND (x.txid, x.id) > (e.cursor_txid, e.cursor_id)
                         AND x.txid < pg_snapshot_xmin(pg_current_snapshot()))
         ORDER BY e.next_attempt_at, e.id LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING w.id, w.workspace_id, w.url, w.event_types, w.secret_sealed, w.cursor_txid::text AS cursor_txid, w.cursor_id, w.attempts`,
      [this.settings.parallel, this.leaseSeconds],
    );
    const more = await Promise.all(due.map((endpoint) => this.deliver(endpoint)));
    return more.some(Boolean);
  }

  /** One batch to one endpoint; true when a full batch went and more may wait. */
  private async deliver(endpoint: DueEndpoint): Promise<boolean> {
    try {
      const events = await this.db.query<OutboxEvent>(
        // Ordered by x.txid, the column: a bare `txid` would name the output column, the text ('1000'
        // before '999': events out of order, the cursor moved past one not yet sent).
        `SELECT x.id, x.type, x.payload, x.created_at, x.txid::text AS txid FROM status_events x
         WHERE x.workspace_id = $1 AND (x.txid, x.id) > ($2::xid8, $3::bigint) AND x.txid < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY x.txid, x.id LIMIT $4`,
        [endpoint.workspace_id, endpoint.cursor_txid, endpoint.cursor_id, this.settings.batchSize],
      );
      if (events.length === 0) return this.release(endpoint.id);
      const last = events[events.length - 1];
      const wanted = events.filter((e) => endpoint.event_types.includes(e.type));
      if (wanted.length === 0) {
        await this.advance(endpoint.id, last, false);
        return events.length === this.settings.batchSize;
      }
      const body = {
        webhookId: endpoint.id,
        events: wanted.map((e) => ({ id: String(e.id), type: e.type, createdAt: e.created_at.toISOString(), data: e.payload })),
      };
      const result = await postSigned(endpoint.url, this.sealer.open(endpoint.secret_sealed), body, {
        timeoutMs: this.settings.timeoutMs,
        webhookId: endpoint.id,
      });
      const attempt = endpoint.attempts + 1;
      await logAttempt(this.db, endpoint.id, {
        ...result,
        test: false,
        events: wanted.length,
        firstEventId: wanted[0].id,
        lastEventId: wanted[wanted.length - 1].id,
        attempt,
      });
      if (result.ok) {
        await this.advance(endpoint.id, last, true);
        return events.length === this.settings.batchSize;
      }
      await this.failed(endpoint.id, attempt, result.error);
      return false;
    } catch (error) {
      this.logger.error(
        { err: error, webhookId: endpoint.id },
        'status webhooks: could not deliver; the lease expires and it is tried again',
      );
      return false;
    }
  }

  private async release(id: number): Promise<boolean> {
    await this.db.query('UPDATE status_webhooks SET lease_until = NULL WHERE id = $1', [id]);
    return false;
  }

  private async advance(id: number, last: OutboxEvent, delivered: boolean) {
    await this.db.query(
      `UPDATE status_webhooks SET cursor_txid = $2::xid8, cursor_id = $3, lease_until = NULL,
         attempts = CASE WHEN $4 THEN 0 ELSE attempts END, next_attempt_at = CASE WHEN $4 THEN '-infinity' ELSE next_attempt_at END,
         last_success_at = CASE WHEN $4 THEN now() ELSE last_success_at END
       WHERE id = $1`,
      [id, last.txid, last.id, delivered],
    );
  }

  private async failed(id: number, attempt: number, error: string | null) {
    const givingUp = attempt >= this.settings.maxAttempts;
    const delay = givingUp ? 0 : retryDelayMs(attempt, this.settings);
    await this.db.query(
      `UPDATE status_webhooks SET attempts = $2, lease_until = NULL,
         next_attempt_at = now() + make_interval(secs => $3::double precision / 1000),
         failing_since = CASE WHEN $4 THEN now() ELSE failing_since END
       WHERE id = $1`,
      [id, attempt, delay, givingUp],
    );
    if (givingUp) this.logger.warn({ webhookId: id, attempts: attempt, error }, 'status webhook endpoint marked failing');
  }

  private async prune() {
    this.lastPrune = Date.now();
    await this.db.query(`DELETE FROM status_events WHERE created_at < now() - ${EVENT_RETENTION}`);
    await this.db.query(`DELETE FROM status_webhook_attempts WHERE at < now() - ${ATTEMPT_RETENTION}`);
  }
}
