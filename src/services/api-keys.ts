// API keys of a workspace: each has a name and a role, is shown once when made, and can be revoked.
// Creating and revoking one is written to the audit log in the same transaction.
import { notFound } from '../domain/errors.ts';
import { requireRole, type Role } from '../domain/roles.ts';
import { recordAudit, type Caller } from './audit.ts';
import type { ServiceContext } from './context.ts';
import { insertApiKey } from './workspaces.ts';

export async function createApiKey(ctx: ServiceContext, caller: Caller, input: { name: string; role: Role }) {
  requireRole(caller.role, input.role, `creating an API key with the ${input.role} role`);
  return ctx.db.transaction(async (tx) => {
    const key = await insertApiKey(tx, caller.workspaceId, input.name, input.role);
    await recordAudit(tx, {
      workspaceId: caller.workspaceId,
      actor: caller.actor,
      action: 'api_key.created',
      target: `api_key:${key.id}`,
      detail: { name: input.name, role: input.role },
    });
    return key;
  });
}

interface ApiKeyRow {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function listApiKeys(ctx: ServiceContext, workspaceId: number) {
  return ctx.db.query<ApiKeyRow>(
    `SELECT id, name, prefix, role, created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"
     FROM api_keys WHERE workspace_id = $1 ORDER BY id`,
    [workspaceId],
  );
}

/** Revokes a key at once (the next request with it answers 401). Revoking a revoked key changes nothing and logs nothing. */
export async function revokeApiKey(ctx: ServiceContext, caller: Caller, id: number) {
  await ctx.db.transaction(async (tx) => {
    const rows = await tx.query<{ role: Role; revoked: boolean }>(
      'SELECT role, revoked_at IS NOT NULL AS revoked FROM api_keys WHERE id = $1 AND workspace_id = $2 FOR UPDATE',
      [id, caller.workspaceId],
    );
    if (rows.length === 0) throw notFound('API key', id);
    requireRole(caller.role, rows[0].role, `revoking an API key with the ${rows[0].role} role`);
    if (rows[0].revoked) return;
    await tx.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1', [id]);
    await recordAudit(tx, { workspaceId: caller.workspaceId, actor: caller.actor, action: 'api_key.revoked', target: `api_key:${id}` });
  });
}
