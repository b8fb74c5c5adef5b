// Workspaces (tenants), their members (people who log into the panel) and API keys.
import { AppError, conflict, invalid, notFound } from '../domain/errors.ts';
import type { Role } from '../domain/roles.ts';
import { hashPassword, needsRehash, randomToken, sha256, unmatchableHash, verifyPassword, type ScryptCost } from '../security/secrets.ts';
import type { ExistsRow, IdRow, Queryable } from '../storage/db.ts';
import type { ServiceContext } from './context.ts';
import { checkLoginLimits, clearLoginFailures, recordLoginFailure } from './login-limits.ts';

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
export const EMAIL = /^[^\s@]+@[^\s@]+$/;
/** Characters (code points). 10: short passwords fall to guessing first; 1024 bounds what a login makes scrypt read. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 1024;

export function checkPassword(password: string) {
  const length = [...password].length;
  if (length > PASSWORD_MAX_LENGTH) {
    throw invalid('password_too_long', `password must have at most ${PASSWORD_MAX_LENGTH} characters`, { field: 'password' });
  }
  if (length < PASSWORD_MIN_LENGTH || /^\s*$/u.test(password)) {
    throw invalid('weak_password', `password must have at least ${PASSWORD_MIN_LENGTH} characters, not only spaces`, { field: 'password' });
  }
}

export function checkEmail(email: string) {
  if (!EMAIL.test(email)) throw invalid('invalid_email', 'email is not an e-mail address', { field: 'email' });
}

export const scryptCost = (ctx: ServiceContext): ScryptCost => ({ logN: ctx.config.scryptLogN });

export async function insertApiKey(q: Queryable, workspaceId: number, name: string, role: Role) {
  const key = randomToken('bc_');
  const [row] = await q.query<{ id: number; created_at: Date }>(
    'INSERT INTO api_keys (workspace_id, name, prefix, key_hash, role) VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at',
    [workspaceId, name, key.slice(0, 10), sha256(key), role],
  );
  return { id: row.id, name, prefix: key.slice(0, 10), key, role, createdAt: row.created_at };
}

export interface SignupInput {
  workspaceName: string;
  email: string;
  password: string;
  name?: string;
}

export interface SignupResult {
  workspaceId: number;
  memberId: number;
  apiKey: Awaited<ReturnType<typeof insertApiKey>>;
}

interface DecoyIds {
  workspace_id: number;
  member_id: number;
  key_id: number;
  now: Date;
}

/** Thrown inside the sign-up transaction to roll the workspace back: the e-mail was taken meanwhile. */
class EmailTakenMeanwhile extends Error {}

/** A sign-up answer that creates nothing: ids drawn from the sequences a real sign-up advances, one of each, and a key never stored. */
async function decoySignup(q: Queryable): Promise<SignupResult> {
  const key = randomToken('bc_');
  const [ids] = await q.query<DecoyIds>(
    `SELECT nextval(pg_get_serial_sequence('workspaces', 'id')) AS workspace_id, nextval(pg_get_serial_sequence('members', 'id')) AS member_id,
            nextval(pg_get_serial_sequence('api_keys', 'id')) AS key_id, now() AS now`,
  );
  const apiKey = { id: ids.key_id, name: 'default', prefix: key.slice(0, 10), key, role: 'owner' as Role, createdAt: ids.now };
  return { workspaceId: ids.workspace_id, memberId: ids.member_id, apiKey };
}

/** Creates the workspace, or — when a member already has the e-mail — creates nothing and returns a decoy (`created: false`). */
async function createOrDecoy(ctx: ServiceContext, input: SignupInput): Promise<{ result: SignupResult; created: boolean }> {
  checkEmail(input.email);
  checkPassword(input.password);
  // Hashed whether or not the e-mail is known: the answer takes the same time.
  const passwordHash = await hashPassword(input.password, scryptCost(ctx));
  try {
    return await ctx.db.transaction(async (tx) => {
      const taken = await tx.query<ExistsRow>('SELECT 1 FROM members WHERE lower(email) = lower($1)', [input.email]);
      if (taken.length > 0) return { result: await decoySignup(tx), created: false };
      const [ws] = await tx.query<IdRow>('INSERT INTO workspaces (name) VALUES ($1) RETURNING id', [input.workspaceName]);
      const [member] = await tx.query<IdRow>(
        // ON CONFLICT: a concurrent sign-up with the same e-mail may have won.
        "INSERT INTO members (workspace_id, email, name, password_hash, role) VALUES ($1, $2, $3, $4, 'owner') ON CONFLICT DO NOTHING RETURNING id",
        [ws.id, input.email, input.name ?? '', passwordHash],
      );
      if (!member) throw new EmailTakenMeanwhile();
      // The creator owns the workspace, and so does the key sign-up hands them.
      const apiKey = await insertApiKey(tx, ws.id, 'default', 'owner');
      return { result: { workspaceId: ws.id, memberId: member.id, apiKey }, created: true };
    });
  } catch (error) {
    if (!(error instanceof EmailTakenMeanwhile)) throw error;
    return { result: await decoySignup(ctx.db), created: false };
  }
}

/**
 * POST /api/signup. A sign-up with an e-mail that already belongs to a member answers exactly as a
 * fresh one (201, same shape, plausible ids, a key) but creates nothing: the answer must not tell
 * anyone which e-mails have accounts (login does not either). Botcast sends no e-mail, so it
 * cannot do what services with a mail server do ("check your inbox" in both cases, the account
 * made on confirmation): a workspace must be usable from the answer. What remains is weaker: the
 * key of a decoy answer is refused when used (401) and its password does not log in, so whoever
 * tries learns it with a second request; the answer itself, its status and its timing (the
 * password is hashed in both cases) no longer tell. The owner of the e-mail keeps their account
 * and password. Private installations can close sign-up (BOTCAST_SIGNUP=false).
 */
export async function signup(ctx: ServiceContext, input: SignupInput): Promise<SignupResult> {
  return (await createOrDecoy(ctx, input)).result;
}

/** A workspace with its first member, for Botcast itself (the demo): a known e-mail is a 409, not a decoy. */
export async function createWorkspace(ctx: ServiceContext, input: SignupInput): Promise<SignupResult> {
  const { result, created } = await createOrDecoy(ctx, input);
  if (!created) throw conflict('email_taken', `a member with e-mail ${input.email} already exists`);
  return result;
}

export async function authenticateApiKey(ctx: ServiceContext, key: string): Promise<Principal | null> {
  const rows = await ctx.db.query<{ id: number; workspace_id: number; last_used_at: Date | null; role: Role }>(
    'SELECT id, workspace_id, last_used_at, role FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL',
    [sha256(key)],
  );
  if (rows.length === 0) return null;
  const row = rows[0];
  // Touch last_used_at at most once a minute: no write per request on a hot key. Not on a disk
  // below its reserve (src/storage/disk-reserve.ts): bookkeeping must not turn a read into a 507.
  const stale = !row.last_used_at || ctx.clock.now().getTime() - row.last_used_at.getTime() > 60_000;
  if (stale && ctx.disk?.state.ok !== false) {
    await ctx.db.query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [row.id]);
  }
  return { workspaceId: row.workspace_id, memberId: null, apiKeyId: row.id, role: row.role };
}

/**
 * Logs a member in from the client address `ip` (limits: src/services/login-limits.ts). A hash
 * made with other scrypt parameters than the configured ones is replaced on success.
 */
export async function login(ctx: ServiceContext, email: string, password: string, ip: string) {
  const { delayMs } = await checkLoginLimits(ctx.db, email, ip);
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  const rows = await ctx.db.query<{ id: number; workspace_id: number; password_hash: string; name: string }>(
    'SELECT id, workspace_id, password_hash, name FROM members WHERE lower(email) = lower($1)',
    [email],
  );
  const member = rows[0];
  const cost = scryptCost(ctx);
  // An unknown e-mail is checked against a hash no password matches: both failures take as long.
  const ok = await verifyPassword(password, member ? member.password_hash : unmatchableHash(cost));
  if (!member || !ok) {
    await recordLoginFailure(ctx.db, email, ip);
    throw new AppError('unauthorized', 'invalid_credentials', 'e-mail or password is wrong');
  }
  await clearLoginFailures(ctx.db, email, ip);
  if (needsRehash(member.password_hash, cost)) {
    // Only over the hash just verified: a password changed meanwhile is not overwritten.
    await ctx.db.query('UPDATE members SET password_hash = $2 WHERE id = $1 AND password_hash = $3', [
      member.id,
      await hashPassword(password, cost),
      member.password_hash,
    ]);
  }
  const token = randomToken('bcs_');
  await ctx.db.query(
    `INSERT INTO sessions (token_hash, member_id, workspace_id, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(days => $4))`,
    [sha256(token), member.id, member.workspace_id, SESSION_DAYS],
  );
  return { token, memberId: member.id, workspaceId: member.workspace_id, name: member.name, maxAgeSeconds: SESSION_DAYS * 86400 };
}

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
