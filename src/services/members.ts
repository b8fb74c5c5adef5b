// Members of a workspace (people who log into the panel) and their roles. Botcast sends no e-mail:
// whoever adds a member chooses their first password and hands it over themselves; the member
// logs in with it. Nobody can give a role above their own, nor change or remove a member above
// them, and a workspace always keeps at least one owner. Every change is in the audit log.
import { AppError, conflict, notFound } from '../domain/errors.ts';
import { requireRole, type Role } from '../domain/roles.ts';
import { hashPassword } from '../security/secrets.ts';
import type { Queryable } from '../storage/db.ts';
import { recordAudit, type Caller } from './audit.ts';
import type { ServiceContext } from './context.ts';
import { checkEmail, checkPassword, scryptCost } from './workspaces.ts';

interface MemberRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
}

export async function listMembers(ctx: ServiceContext, workspaceId: number) {
  return ctx.db.query<MemberRow>(
    'SELECT id, email, name, role, created_at AS "createdAt" FROM members WHERE workspace_id = $1 ORDER BY id',
    [workspaceId],
  );
}

export async function addMember(
  ctx: ServiceContext,
  caller: Caller,
  input: { email: string; password: string; name?: string; role?: Role },
) {
  const role = input.role ?? 'viewer';
  requireRole(caller.role, role, `adding a member with the ${role} role`);
  checkEmail(input.email);
  checkPassword(input.password);
  // Hashed whether or not the e-mail is known: the answer takes the same time.
  const passwordHash = await hashPassword(input.password, scryptCost(ctx));
  const name = input.name ?? '';
  return ctx.db.transaction(async (tx) => {
    // E-mails are unique over all workspaces (one log-in page, no workspace to pick), so an e-mail of
    // another workspace's member cannot be added; saying so would tell this workspace that the
    // address has an account elsewhere. The answer is then the one of a new member (201, an id from
    // the members sequence) and nothing is added. A second request can still tell (the member list
    // does not show it; that password does not log in): the answer no longer does. An e-mail already
    // in this workspace is a plain 409 (the workspace lists its own members anyway).
    const existing = await tx.query<{ workspace_id: number }>('SELECT workspace_id FROM members WHERE lower(email) = lower($1)', [
      input.email,
    ]);
    if (existing.length > 0 && existing[0].workspace_id === caller.workspaceId) {
      throw conflict('email_taken', `a member of this workspace has the e-mail ${input.email}`);
    }
    const rows =
      existing.length > 0
        ? []
        : await tx.query<{ id: number; created_at: Date }>(
            // ON CONFLICT: another workspace may add the same e-mail at the same moment.
            `INSERT INTO members (workspace_id, email, name, password_hash, role) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT DO NOTHING RETURNING id, created_at`,
            [caller.workspaceId, input.email, name, passwordHash, role],
          );
    if (rows.length === 0) {
      const [decoy] = await tx.query<{ id: number; now: Date }>(
        `SELECT nextval(pg_get_serial_sequence('members', 'id')) AS id, now() AS now`,
      );
      return { id: decoy.id, email: input.email, name, role, createdAt: decoy.now };
    }
    const id = rows[0].id;
    await recordAudit(tx, {
      workspaceId: caller.workspaceId,
      actor: caller.actor,
      action: 'member.added',
      target: `member:${id}`,
      detail: { role },
    });
    return { id, email: input.email, name, role, createdAt: rows[0].created_at };
  });
}

/** Locks the workspace's owners (so two requests cannot each remove "another" owner) and the member; checks the caller may touch them. */
async function lockMember(tx: Queryable, caller: Caller, id: number, what: string) {
  const owners = await tx.query<{ id: number }>(
    "SELECT id FROM members WHERE workspace_id = $1 AND role = 'owner' ORDER BY id FOR UPDATE",
    [caller.workspaceId],
  );
  const rows = await tx.query<{ role: Role }>('SELECT role FROM members WHERE id = $1 AND workspace_id = $2 FOR UPDATE', [
    id,
    caller.workspaceId,
  ]);
  if (rows.length === 0) throw notFound('member', id);
  const role = rows[0].role;
  requireRole(caller.role, role, `${what} a member with the ${role} role`);
  const lastOwner = role === 'owner' && owners.length === 1;
  return { role, lastOwner };
}

const lastOwnerError = () => new AppError('conflict', 'last_owner', 'the workspace must keep at least one owner');

export async function changeMemberRole(ctx: ServiceContext, caller: Caller, id: number, role: Role) {
  requireRole(caller.role, role, `giving the ${role} role`);
  return ctx.db.transaction(async (tx) => {
    const before = await lockMember(tx, caller, id, 'changing');
    if (before.role === role) return;
    if (before.lastOwner) throw lastOwnerError();
    await tx.query('UPDATE members SET role = $1 WHERE id = $2', [role, id]);
    await recordAudit(tx, {
      workspaceId: caller.workspaceId,
      actor: caller.actor,
      action: 'member.role_changed',
      target: `member:${id}`,
      detail: { from: before.role, to: role },
    });
  });
}

/** Removes a member; their sessions go with them (sessions.member_id cascades), so they are logged out at once. */
export async function removeMember(ctx: ServiceContext, caller: Caller, id: number) {
  await ctx.db.transaction(async (tx) => {
    const before = await lockMember(tx, caller, id, 'removing');
    if (before.lastOwner) throw lastOwnerError();
    await tx.query('DELETE FROM members WHERE id = $1', [id]);
    await recordAudit(tx, {
      workspaceId: caller.workspaceId,
      actor: caller.actor,
      action: 'member.removed',
      target: `member:${id}`,
      detail: { role: before.role },
    });
  });
}
