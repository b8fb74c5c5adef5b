// The audit log (db/migrations/0014_audit_log.sql): who changed what in a workspace. A service
// records its row with the same Queryable as the change itself — inside the change's transaction,
// so the log never claims a change that was rolled back, nor misses one that was committed.
import type { Role } from '../domain/roles.ts';
import type { Queryable } from '../storage/db.ts';

/** Who acts: `member:<id>` or `api_key:<id>` (src/http/auth.ts `actor`), or `system` for Botcast itself (the demo). */
export type Actor = string;

export const SYSTEM_ACTOR: Actor = 'system';

/** Who asks for a change: their workspace, their role (nobody gives or touches a role above their own) and how the log names them. */
export interface Caller {
  workspaceId: number;
  role: Role;
  actor: Actor;
}

export interface AuditEntry {
  workspaceId: number;
  actor: Actor;
  /** What happened, `<thing>.<verb>`: `channel.created`, `channel.base_url_changed`… */
  action: string;
  /** What it happened to, `<thing>:<id>`: `channel:42`. */
  target: string;
  /** The facts worth keeping (field names, old and new URLs); never a credential. */
  detail?: Record<string, unknown>;
}

export interface AuditRow {
  id: number;
  workspace_id: number;
  actor: string;
  action: string;
  target: string;
  detail: Record<string, unknown>;
  created_at: Date;
}

export async function recordAudit(q: Queryable, entry: AuditEntry): Promise<void> {
  await q.query('INSERT INTO audit_log (workspace_id, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5::jsonb)', [
    entry.workspaceId,
    entry.actor,
    entry.action,
    entry.target,
    JSON.stringify(entry.detail ?? {}),
  ]);
}

export interface AuditEntryView {
  id: number;
  actor: string;
  action: string;
  target: string;
  detail: Record<string, unknown>;
  createdAt: Date;
}

/** A workspace's log, newest first, `limit` rows after the cursor's id; `action` keeps one action (`api_key.revoked`) or a family (`api_key.`). */
export async function listAudit(q: Queryable, workspaceId: number, options: { limit: number; beforeId: number | null; action?: string }) {
  const action = options.action ?? null;
  return q.query<AuditEntryView>(
    `SELECT id, actor, action, target, detail, created_at AS "createdAt" FROM audit_log
     WHERE workspace_id = $1 AND ($2::bigint IS NULL OR id < $2)
       AND ($3::text IS NULL OR action = $3 OR (right($3, 1) = '.' AND left(action, length($3)) = $3))
     ORDER BY id DESC LIMIT $4`,
    [workspaceId, options.beforeId, action, options.limit + 1],
  );
}
