// A channel's API base URL is configurable (test servers, self-hosted Telegram Bot API). Unless
// explicitly allowed, it may not point at this machine, private networks or link-local addresses
// (cloud metadata at 169.254.169.254): otherwise any workspace could make Botcast call them (SSRF).
import { isIP } from 'node:net';

function isPrivateV4(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number);
  return (
    a === 10 ||
    a === 127 ||
    a === 0 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

function isPrivateV6(ip: string): boolean {
  const v = ip.toLowerCase();
  if (v === '::1' || v === '::') return true;
  if (v.startsWith('fe8') || v.startsWith('fe9') || v.startsWith('fea') || v.startsWith('feb')) return true; // link-local
  if (v.startsWith('fc') || v.startsWith('fd')) return true; // unique local
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v);
  if (mapped) return isPrivateV4(mapped[1]);
  // WHATWG URL writes IPv4-mapped addresses in hex: [::ffff:127.0.0.1] becomes [::ffff:7f00:1].
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(v);
  if (hex) {
    const hi = parseInt(hex[1], 16);
    const lo = parseInt(hex[2], 16);
    return isPrivateV4(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  return false;
}

/** Returns a reason when the URL is not acceptable, or null. */
export function checkBaseUrl(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be http or https';
  if (url.username || url.password) return 'must not contain credentials';
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) {
    return 'points at this machine or a private network (set BOTCAST_ALLOW_PRIVATE_BASE_URLS=true to allow)';
  }
  const family = isIP(host);
  if ((family === 4 && isPrivateV4(host)) || (family === 6 && isPrivateV6(host))) {
    return 'points at a loopback, private or link-local address (set BOTCAST_ALLOW_PRIVATE_BASE_URLS=true to allow)';
  }
  return null;
}
