// A channel's API base URL is configurable (test servers, self-hosted Telegram Bot API). Unless
// explicitly allowed, it may not point at this machine, private networks or link-local addresses
// (cloud metadata at 169.254.169.254): otherwise any workspace could make Botcast call them (SSRF).
// These are the save-time checks, for a clear 400 at once; what protects every request is the
// connect-time check of the resolved address (outbound-policy.ts).
import { refusedAddressReason, refusedHostReason } from './outbound-policy.ts';

const ALLOW_HINT = '(set BOTCAST_ALLOW_PRIVATE_BASE_URLS=true to allow)';

function parse(raw: string): URL | string {
  try {
    return new URL(raw);
  } catch {
    return 'is not a URL';
  }
}

/** The URL's host without IPv6 brackets and without the trailing dot of a fully qualified name. */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
}

/** Returns a reason when the URL is not acceptable, or null. Reads the text only (no DNS). */
export function checkBaseUrl(raw: string, allowPrivate: boolean): string | null {
  const url = parse(raw);
  if (typeof url === 'string') return url;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be http or https';
  if (url.username || url.password) return 'must not contain credentials';
  if (allowPrivate) return null;
  const host = bareHost(url).toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) {
    return `points at this machine or a private network ${ALLOW_HINT}`;
  }
  const refused = refusedAddressReason(host);
  return refused ? `points at ${refused} ${ALLOW_HINT}` : null;
}

/**
 * The text check, then the addresses the host name resolves to now (the same resolver as the
 * connections use). Still only a convenience: the answer may change before Botcast connects.
 */
export async function checkBaseUrlAddresses(raw: string, allowPrivate: boolean): Promise<string | null> {
  const problem = checkBaseUrl(raw, allowPrivate);
  if (problem || allowPrivate) return problem;
  const reason = await refusedHostReason(bareHost(new URL(raw)));
  return reason ? `resolves to ${reason} ${ALLOW_HINT}` : null;
}
