// Cross-site request forgery: a browser attaches the session cookie to a request another site makes
// it send (a form posting text/plain, a fetch in no-cors mode). SameSite=Strict stops most of them;
// this is the second lock, for browsers or set-ups where it does not hold (a sibling subdomain is
// "same site"). A write that the cookie authenticates must say it comes from this Botcast's own
// origin, in the headers a page cannot forge: Sec-Fetch-Site when the browser sends it (every
// current one does), else Origin, else Referer. Without any of them it is refused: every browser
// sends Origin with a POST, PUT, PATCH or DELETE, and clients that are not browsers use API keys.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.ts';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Throws a 403 `csrf` error when a cookie-authenticated write does not come from this origin. */
export function checkSameOrigin(request: FastifyRequest, publicUrl: string): void {
  if (READ_METHODS.has(request.method)) return;
  const problem = crossOriginProblem(request.headers, publicUrl);
  if (problem)
    throw new AppError('forbidden', 'csrf', `${problem}; the session cookie only works from the panel (other clients send an API key)`);
}

type Headers = Record<string, string | string[] | undefined>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The origin of a URL ("https://botcast.example"), or null when it is not an http(s) URL. */
function originOf(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

/** Same host and port as the request's own Host header, or the same origin as BOTCAST_PUBLIC_URL (behind a proxy that rewrites Host). */
function isOwnOrigin(claimed: URL, host: string | undefined, publicUrl: string): boolean {
  if (claimed.origin === originOf(publicUrl)?.origin) return true;
  if (!host) return false;
  // The Host header spelled as a URL of the claimed scheme, so that ":443" and ":80" compare as the defaults.
  const own = originOf(`${claimed.protocol}//${host}`);
  return own !== null && own.host === claimed.host;
}

/** Why a write is not provably from this origin, or null when it is. */
export function crossOriginProblem(headers: Headers, publicUrl: string): string | null {
  const host = single(headers.host);
  const site = single(headers['sec-fetch-site']);
  if (site !== undefined) {
    if (site === 'same-origin' || site === 'none') return null;
    return `the browser says this request comes from another site (Sec-Fetch-Site: ${site})`;
  }
  const origin = single(headers.origin);
  if (origin !== undefined) {
    const claimed = originOf(origin);
    return claimed && isOwnOrigin(claimed, host, publicUrl) ? null : `Origin ${origin} is not this Botcast's origin`;
  }
  const referer = single(headers.referer);
  if (referer !== undefined) {
    const claimed = originOf(referer);
    return claimed && isOwnOrigin(claimed, host, publicUrl) ? null : `Referer ${claimed?.origin ?? referer} is not this Botcast's origin`;
  }
  return 'the request says neither where it comes from (Origin, Referer) nor whether it is same-origin (Sec-Fetch-Site)';
}
