// Panel sessions: a member sees and ends their own; an admin ends another member's (a lost laptop).
import { notFound } from '../domain/errors.ts';
import { requireRole, type Role } from '../domain/roles.ts';
import { recordAudit, type Caller } from './audit.ts';
import type { ServiceContext } from './context.ts';

interface SessionRow {
  id: number;
  createdAt: Date;
  expiresAt: Date;
  current: boolean;
}

/** The member's live sessions, newest first; `current` marks the one asking (null when an API key asks). */
export async function listOwnSessions(ctx: ServiceContext, memberId: number, currentSessionId: number | null) {
  return ctx.db.query<SessionRow>(
    `SELECT id, created_at AS "createdAt", expires_at AS "expiresAt", coalesce(id = $2, false) AS current
     FROM sessions WHERE member_id = $1 AND expires_at > now() ORDER BY id DESC`,
    [memberId, currentSessionId],
  );
}

export async function revokeOwnSession(ctx: ServiceContext, memberId: number, sessionId: number) {
  const rows = await ctx.db.query('DELETE FROM sessions WHERE id = $1 AND member_id = $2 RETURNING id', [sessionId, memberId]);
  if (rows.length === 0) throw notFound('session', sessionId);
}

/** Logs the member out everywhere but here. */
export async function revokeOtherSessions(ctx: ServiceContext, memberId: number, currentSessionId: number | null) {
  const rows = await ctx.db.query('DELETE FROM sessions WHERE member_id = $1 AND id IS DISTINCT FROM $2 RETURNING id', [
    memberId,
    currentSessionId,
  ]);
  return { revoked: rows.length };
}

/** An admin logs another member out everywhere; written to the audit log. */
export async function revokeMemberSessions(ctx: ServiceContext, caller: Caller, memberId: number) {
  return ctx.db.transaction(async (tx) => {
    const members = await tx.query<{ role: Role }>('SELECT role FROM members WHERE id = $1 AND workspace_id = $2', [
      memberId,
      caller.workspaceId,
    ]);
    if (members.length === 0) throw notFound('member', memberId);
    requireRole(caller.role, members[0].role, `logging out a member with the ${members[0].role} role`);
    const rows = await tx.query('DELETE FROM sessions WHERE member_id = $1 RETURNING id', [memberId]);
    await recordAudit(tx, {
      workspaceId: caller.workspaceId,
      actor: caller.actor,
      action: 'member.sessions_revoked',
      target: `member:${memberId}`,
      detail: { sessions: rows.length },
    });
    return { revoked: rows.length };
  });
}
