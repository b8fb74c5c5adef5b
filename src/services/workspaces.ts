// Workspaces (tenants), their members (people who log into the panel) and API keys.
import { AppError, conflict, invalid, notFound } from '../domain/errors.ts';
import type { Role } from '../domain/roles.ts';
import { hashPassword, randomToken, sha256, verifyPassword } from '../security/secrets.ts';
import type { ExistsRow, Queryable } from '../storage/db.ts';
import type { ServiceContext } from './context.ts';

export interface Principal {
  workspaceId: number;
  memberId: number | null;
  apiKeyId: number | null;
  /** What the caller may do (src/domain/roles.ts), checked on the matched route in src/http/auth.ts. */
  role: Role;
  /** The session a panel caller logged in with (to mark it current, and never revoke it by "all others"). */
  sessionId?: number;
}

const SESSION_DAYS = 14;
const LOGIN_WINDOW_MINUTES = 15;
const LOGIN_MAX_FAILURES = 10;
export const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function checkPassword(password: string) {
  if (password.length < 8) throw invalid('weak_password', 'password must be at least 8 characters');
}

export async function insertApiKey(q: Queryable, workspaceId: number, name: string, role: Role) {
  const key = randomToken('bc_');
  const [row] = await q.query<{ id: number; created_at: Date }>(
    'INSERT INTO api_keys (workspace_id, name, prefix, key_hash, role) VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at',
    [workspaceId, name, key.slice(0, 10), sha256(key), role],
  );
  return { id: row.id, name, prefix: key.slice(0, 10), key, role, createdAt: row.created_at };
}

export async function signup(ctx: ServiceContext, input: { workspaceName: string; email: string; password: string; name?: string }) {
  if (!EMAIL.test(input.email)) throw invalid('invalid_email', 'email is not an e-mail address');
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const taken = await tx.query<ExistsRow>('SELECT 1 FROM members WHERE lower(email) = lower($1)', [input.email]);
    if (taken.length > 0) throw conflict('email_taken', `a member with e-mail ${input.email} already exists`);
    const [ws] = await tx.query<{ id: number }>('INSERT INTO workspaces (name) VALUES ($1) RETURNING id', [input.workspaceName]);
    const [member] = await tx.query<{ id: number }>(
      "INSERT INTO members (workspace_id, email, name, password_hash, role) VALUES ($1, $2, $3, $4, 'owner') RETURNING id",
      [ws.id, input.email, input.name ?? '', passwordHash],
    );
    // The creator owns the workspace, and so does the key sign-up hands them.
    const apiKey = await insertApiKey(tx, ws.id, 'default', 'owner');
    return { workspaceId: ws.id, memberId: member.id, apiKey };
  });
}

export async function authenticateApiKey(ctx: ServiceContext, key: string): Promise<Principal | null> {
  const rows = await ctx.db.query<{ id: number; workspace_id: number; last_used_at: Date | null; role: Role }>(
    'SELECT id, workspace_id, last_used_at, role FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL',
    [sha256(key)],
  );
  if (rows.length === 0) return null;
  const row = rows[0];
  // Touch last_used_at at most once a minute: no write per request on a hot key.
  if (!row.last_used_at || ctx.clock.now().getTime() - row.last_used_at.getTime() > 60_000) {
    await ctx.db.query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [row.id]);
  }
  return { workspaceId: row.workspace_id, memberId: null, apiKeyId: row.id, role: row.role };
}

export async function login(ctx: ServiceContext, email: string, password: string) {
  const [{ failures }] = await ctx.db.query<{ failures: number }>(
    `SELECT count(*) AS failures FROM login_attempts
     WHERE lower(email) = lower($1) AND attempted_at > now() - make_interval(mins => $2)`,
    [email, LOGIN_WINDOW_MINUTES],
  );
  if (failures >= LOGIN_MAX_FAILURES) {
    throw new AppError(
      'rate_limited',
      'too_many_attempts',
      `too many failed logins for ${email}; try again in ${LOGIN_WINDOW_MINUTES} minutes`,
    );
  }
  const rows = await ctx.db.query<{ id: number; workspace_id: number; password_hash: string; name: string }>(
    'SELECT id, workspace_id, password_hash, name FROM members WHERE lower(email) = lower($1)',
    [email],
  );
  const member = rows[0];
  const ok = member ? await verifyPassword(password, member.password_hash) : await verifyPassword(password, DUMMY_HASH);
  if (!member || !ok) {
    await ctx.db.query('INSERT INTO login_attempts (email) VALUES ($1)', [email]);
    throw new AppError('unauthorized', 'invalid_credentials', 'e-mail or password is wrong');
  }
  const token = randomToken('bcs_');
  await ctx.db.query(
    `INSERT INTO sessions (token_hash, member_id, workspace_id, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(days => $4))`,
    [sha256(token), member.id, member.workspace_id, SESSION_DAYS],
  );
  return { token, memberId: member.id, workspaceId: member.workspace_id, name: member.name, maxAgeSeconds: SESSION_DAYS * 86400 };
}

// Verifying against a dummy hash when the e-mail is unknown keeps the timing of both failures alike.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export async function authenticateSession(ctx: ServiceContext, token: string): Promise<Principal | null> {
  const rows = await ctx.db.query<{ id: number; member_id: number; workspace_id: number; role: Role }>(
    `SELECT s.id, s.member_id, s.workspace_id, m.role FROM sessions s JOIN members m ON m.id = s.member_id
     WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [sha256(token)],
  );
  if (rows.length === 0) return null;
  const row = rows[0];
  return { workspaceId: row.workspace_id, memberId: row.member_id, apiKeyId: null, role: row.role, sessionId: Number(row.id) };
}

export async function logout(ctx: ServiceContext, token: string) {
  await ctx.db.query('DELETE FROM sessions WHERE token_hash = $1', [sha256(token)]);
}

export async function getWorkspace(ctx: ServiceContext, workspaceId: number) {
  const rows = await ctx.db.query<{ id: number; name: string; createdAt: Date }>(
    'SELECT id, name, created_at AS "createdAt" FROM workspaces WHERE id = $1',
    [workspaceId],
  );
  if (rows.length === 0) throw notFound('workspace', workspaceId);
  return rows[0];
}
