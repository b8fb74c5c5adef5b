// Limits on password guessing that nobody can turn against the account's owner.
//
// Failed logins are counted in a sliding window of 15 minutes, in the database (every API process
// sees the same counts):
//   - per (e-mail, address): after 10 failures that address is refused for that e-mail;
//   - per address, over all e-mails: after 50 failures the address is refused for any e-mail
//     (one machine trying many accounts);
//   - per e-mail, from every address: failures only slow its logins down (250 ms for each beyond
//     the 9th, at most 2 s), they never refuse. Refusing here would let anyone lock the owner out
//     with ten wrong passwords, which is what this file replaced.
// A refused attempt is answered 429 with Retry-After (when the oldest counted failure leaves the
// window) before any password is hashed, and is not recorded, so hammering does not extend it.
// A successful login clears its own address's failures for the e-mail (the owner's typos), never
// the ones from elsewhere. The delay applies to right and wrong passwords alike: its length says
// nothing about the password. Attempts older than a day are deleted at every login.
//
// Addresses are the client's as Fastify sees it (request.ip: behind a reverse proxy, set
// BOTCAST_TRUST_PROXY, or every client shares the proxy's address), IPv6 counted per /64.
import { rateLimited } from '../domain/errors.ts';
import { clientAddressKey } from '../security/client-address.ts';
import type { Queryable } from '../storage/db.ts';

export const LOGIN_WINDOW_MINUTES = 15;
export const PAIR_MAX_FAILURES = 10;
export const ADDRESS_MAX_FAILURES = 50;
export const EMAIL_SLOW_AFTER = 9;
const SLOW_STEP_MS = 250;
const SLOW_MAX_MS = 2000;
const KEEP_HOURS = 24;

interface LimitsRow {
  pair_wait: number | null;
  address_wait: number | null;
  email_failures: number;
}

/**
 * Throws 429 (too_many_attempts, with retryAfterSeconds) when this address may not try this
 * e-mail now; otherwise returns how long to hold the answer back.
 */
export async function checkLoginLimits(q: Queryable, email: string, ip: string): Promise<{ delayMs: number }> {
  await q.query(`DELETE FROM login_attempts WHERE attempted_at < now() - make_interval(hours => $1)`, [KEEP_HOURS]);
  // The n-th newest failure in the window: the limit holds until it leaves the window.
  const [row] = await q.query<LimitsRow>(
    `SELECT
       (SELECT ceil(extract(epoch FROM attempted_at + make_interval(mins => $3) - now()))::int FROM login_attempts
        WHERE lower(email) = lower($1) AND ip = $2 AND attempted_at > now() - make_interval(mins => $3)
        ORDER BY attempted_at DESC OFFSET $4 LIMIT 1) AS pair_wait,
       (SELECT ceil(extract(epoch FROM attempted_at + make_interval(mins => $3) - now()))::int FROM login_attempts
        WHERE ip = $2 AND attempted_at > now() - make_interval(mins => $3)
        ORDER BY attempted_at DESC OFFSET $5 LIMIT 1) AS address_wait,
       (SELECT count(*) FROM login_attempts
        WHERE lower(email) = lower($1) AND attempted_at > now() - make_interval(mins => $3)) AS email_failures`,
    [email, clientAddressKey(ip), LOGIN_WINDOW_MINUTES, PAIR_MAX_FAILURES - 1, ADDRESS_MAX_FAILURES - 1],
  );
  const wait = Math.max(row.pair_wait ?? 0, row.address_wait ?? 0);
  if (wait > 0) {
    throw rateLimited('too_many_attempts', `too many failed logins from this address; try again in ${wait} seconds`, wait);
  }
  const beyond = row.email_failures - EMAIL_SLOW_AFTER;
  return { delayMs: beyond > 0 ? Math.min(beyond * SLOW_STEP_MS, SLOW_MAX_MS) : 0 };
}

export async function recordLoginFailure(q: Queryable, email: string, ip: string): Promise<void> {
  await q.query('INSERT INTO login_attempts (email, ip) VALUES ($1, $2)', [email, clientAddressKey(ip)]);
}

export async function clearLoginFailures(q: Queryable, email: string, ip: string): Promise<void> {
  await q.query('DELETE FROM login_attempts WHERE lower(email) = lower($1) AND ip = $2', [email, clientAddressKey(ip)]);
}
