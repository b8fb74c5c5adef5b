// Where Botcast may connect. A channel's API base URL is the workspace's to choose, and Botcast
// sends the bot token there, so unless BOTCAST_ALLOW_PRIVATE_BASE_URLS=true the address it actually
// connects to may not be this machine, a private network, link-local (cloud metadata at
// 169.254.169.254) or any other range that is not the public internet (SSRF).
//
// The address is judged at connect time, after DNS, on every new connection (src/platforms/http.ts):
// a check of the URL's text when the channel is saved cannot see a name that resolves to 127.0.0.1,
// nor one whose answer changes between that check and the connection (DNS rebinding). Connections
// are kept alive, so the cost is one lookup and a few BlockList checks per connection, not per request.
//
// The policy is per process, like the configuration it comes from: src/app.ts sets it at start.
// Until then everything private is refused (fail closed).
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

interface Range {
  reason: string;
  list: BlockList;
}

function range(reason: string, subnets: Array<[string, number]>): Range {
  const list = new BlockList();
  for (const [network, prefix] of subnets) list.addSubnet(network, prefix, network.includes(':') ? 'ipv6' : 'ipv4');
  return { reason, list };
}

// Checked in this order; the first match names the reason.
const V4_RANGES: readonly Range[] = [
  range('an unspecified address', [['0.0.0.0', 8]]),
  range('a loopback address', [['127.0.0.0', 8]]),
  range('a private address', [
    ['10.0.0.0', 8],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
  ]),
  range('a shared (CGNAT) address', [['100.64.0.0', 10]]),
  range('a link-local address', [['169.254.0.0', 16]]),
  range('a benchmarking address', [['198.18.0.0', 15]]),
  range('a multicast address', [['224.0.0.0', 4]]),
  range('the broadcast address', [['255.255.255.255', 32]]),
  // Reserved for future use: nothing public lives there.
  range('a reserved address', [['240.0.0.0', 4]]),
];

const V6_RANGES: readonly Range[] = [
  range('an unspecified address', [['::', 128]]),
  range('a loopback address', [['::1', 128]]),
  range('a link-local address', [['fe80::', 10]]),
  range('a site-local address', [['fec0::', 10]]),
  range('a unique local (private) address', [['fc00::', 7]]),
  range('a multicast address', [['ff00::', 8]]),
  // Whatever a NAT64 gateway translates these to is up to the gateway, not to us.
  range('a NAT64 address', [
    ['64:ff9b::', 96],
    ['64:ff9b:1::', 48],
  ]),
];

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part allowed), or null. */
function ipv6Groups(ip: string): number[] | null {
  // ::ffff:127.0.0.1 → ::ffff:7f00:1: the dotted tail is two groups written another way.
  const text = ip.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_all, a, b, c, d) =>
    [(Number(a) << 8) | Number(b), (Number(c) << 8) | Number(d)].map((n) => n.toString(16)).join(':'),
  );
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = groups(halves[0]);
  const right = halves.length === 2 ? groups(halves[1]) : [];
  const zeros = 8 - left.length - right.length;
  if (halves.length === 1 ? zeros !== 0 : zeros < 1) return null;
  return [...left, ...Array<number>(zeros).fill(0), ...right];
}

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible (::a.b.c.d) IPv6 address. */
function embeddedIPv4(ip: string): string | null {
  const g = ipv6Groups(ip);
  if (!g || g.slice(0, 5).some((x) => x !== 0)) return null;
  if (g[5] !== 0xffff && g[5] !== 0) return null;
  return `${g[6] >> 8}.${g[6] & 255}.${g[7] >> 8}.${g[7] & 255}`;
}

/**
 * Why Botcast may not connect to this IP address ("a loopback address (127.0.0.1)"), or null when it
 * may (a public address, or not an IP address at all).
 */
export function refusedAddressReason(address: string): string | null {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(ip);
  if (family === 4) {
    const found = V4_RANGES.find((r) => r.list.check(ip, 'ipv4'));
    return found ? `${found.reason} (${address})` : null;
  }
  if (family !== 6) return null;
  const found = V6_RANGES.find((r) => r.list.check(ip, 'ipv6'));
  if (found) return `${found.reason} (${address})`;
  const v4 = embeddedIPv4(ip);
  const inner = v4 ? V4_RANGES.find((r) => r.list.check(v4, 'ipv4')) : undefined;
  return inner ? `${inner.reason} (${address}, IPv4 ${v4})` : null;
}

/** Resolves a host name to its addresses (dns.lookup with `all: true`); tests plug in their own. */
export type HostResolver = (hostname: string, options: { family?: number; hints?: number }) => Promise<LookupAddress[]>;

const systemResolver: HostResolver = (hostname, options) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { family: options.family ?? 0, hints: options.hints, all: true }, (err, addresses) =>
      err ? reject(err) : resolve(addresses),
    ),
  );

export const ADDRESS_REFUSED = 'ERR_BOTCAST_ADDRESS_REFUSED';

/** A connection the policy refused before it was attempted: nothing left this machine. */
export class AddressRefusedError extends Error {
  readonly code = ADDRESS_REFUSED;
  constructor(host: string, reason: string) {
    super(
      `${isIP(host) ? `the API base URL is ${reason}` : `the API base URL host ${host} resolves to ${reason}`}; ` +
        'Botcast does not connect there (BOTCAST_ALLOW_PRIVATE_BASE_URLS=true allows it)',
    );
  }
}

interface OutboundPolicy {
  allowPrivate: boolean;
  resolve: HostResolver;
}

let policy: OutboundPolicy = { allowPrivate: false, resolve: systemResolver };

/** Sets this process's policy (src/app.ts, from the configuration). `resolve` replaces DNS (tests). */
export function configureOutboundPolicy(options: { allowPrivate: boolean; resolve?: HostResolver }): void {
  policy = { allowPrivate: options.allowPrivate, resolve: options.resolve ?? systemResolver };
}

/** The refusal for a connection to `host` when it is an IP address (no lookup happens for those), or null. */
export function refuseLiteralHost(host: string): AddressRefusedError | null {
  if (policy.allowPrivate) return null;
  const reason = refusedAddressReason(host);
  return reason ? new AddressRefusedError(host, reason) : null;
}

/** The first refused address among a name's answers, as an error, or null when every one is allowed. */
function refuseAnswers(host: string, addresses: readonly LookupAddress[]): AddressRefusedError | null {
  if (policy.allowPrivate) return null;
  for (const { address } of addresses) {
    const reason = refusedAddressReason(address);
    if (reason) return new AddressRefusedError(host, reason);
  }
  return null;
}

/**
 * The `lookup` of every outbound socket (net.connect calls it for host names, never for IP
 * addresses). One refused answer refuses the connection: a name that mixes a public and a private
 * address is not a platform's.
 */
export const policedLookup: LookupFunction = (hostname: string, options: LookupOptions, callback) => {
  policy.resolve(hostname, { family: typeof options.family === 'number' ? options.family : 0, hints: options.hints }).then(
    (addresses) => {
      const refused = refuseAnswers(hostname, addresses);
      if (refused) return callback(refused, []);
      if (addresses.length === 0) {
        const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
        error.code = 'ENOTFOUND';
        return callback(error, []);
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    },
    (error: NodeJS.ErrnoException) => callback(error, []),
  );
};

/**
 * The save-time look at a host name (before credentials are checked with it): why one of its
 * addresses is refused ("a loopback address (127.0.0.1)"), or null. A name that does not resolve
 * now, or not within `timeoutMs`, is not refused here: the connect-time check still holds.
 */
export async function refusedHostReason(host: string, timeoutMs = 2_000): Promise<string | null> {
  if (isIP(host)) return refusedAddressReason(host);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(resolve, timeoutMs, null)));
  try {
    const addresses = await Promise.race([policy.resolve(host, {}).catch(() => null), timeout]);
    for (const { address } of addresses ?? []) {
      const reason = refusedAddressReason(address);
      if (reason) return reason;
    }
    return null;
  } finally {
    clearTimeout(timer);
  }
}
