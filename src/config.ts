// Configuration from environment variables, validated at start: every bad variable is listed
// with its reason, then the process exits. The README's configuration table mirrors SETTINGS.
import { isIP } from 'node:net';
import { parseKey } from './security/encryption.ts';

export interface Config {
  dataDir: string;
  databaseUrl: string | null;
  host: string;
  port: number;
  publicUrl: string;
  secretKey: string | null;
  logLevel: string;
  bodyLimitBytes: number;
  graceSeconds: number;
  holdExpiryHours: number;
  maxLatenessHours: number;
  retentionMonths: number;
  csvMaxBytes: number;
  csvMaxRows: number;
  workerBatchSize: number;
  workerConcurrency: number;
  allowPrivateBaseUrls: boolean;
  signup: boolean;
  dbPoolSize: number;
  requestTimeoutMs: number;
  heartbeatMs: number;
  workerStaleMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  pollMs: number;
  schedulerTickMs: number;
  wakeups: boolean;
  /** Where a worker listens for the other workers' pause datagrams; null: off. */
  peerHost: string | null;
  /** Fastify's trustProxy: false, true, or a comma-separated list of addresses / CIDR ranges. */
  trustProxy: boolean | string;
  /** Bearer token that /metrics requires; null: /metrics answers 404. */
  metricsToken: string | null;
  /** scrypt cost of new password hashes, as log2(N). */
  scryptLogN: number;
  streamRecheckMs: number;
  streamsPerKey: number;
  /** Embedded mode: the most free space kept on the data folder's disk, MB (0: no check). */
  diskReserveMb: number;
  /** Embedded mode: the reserve as a share of the disk, percent (at least 64 MB, at most diskReserveMb). */
  diskReservePercent: number;
  /** Embedded mode: how often the free space is read. */
  diskCheckMs: number;
}

type Parser = (raw: string) => unknown;

interface Setting {
  env: string;
  key: keyof Config;
  default: string | null;
  parse: Parser;
  doc: string;
}

class SettingError extends Error {}

const int =
  (min: number, max: number): Parser =>
  (raw) => {
    if (!/^-?\d+$/.test(raw.trim())) throw new SettingError(`must be a whole number, got "${raw}"`);
    const n = Number(raw);
    if (n < min || n > max) throw new SettingError(`must be between ${min} and ${max}, got ${n}`);
    return n;
  };
const str: Parser = (raw) => raw;
const bool: Parser = (raw) => {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new SettingError(`must be true or false, got "${raw}"`);
};
const url =
  (protocols: string[]): Parser =>
  (raw) => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new SettingError(`is not a URL: "${raw.replace(/\/\/[^@]*@/, '//***@')}"`);
    }
    if (!protocols.includes(parsed.protocol)) throw new SettingError(`must start with ${protocols.join(' or ')}`);
    return raw.replace(/\/$/, '');
  };
/** Kept as written (src/storage/open.ts decodes it); refused here unless it decodes to 32 bytes. */
const secretKey: Parser = (raw) => {
  if (!parseKey(raw))
    throw new SettingError(
      `must be 32 bytes written as base64 (44 characters) or hex (64 characters), got ${raw.trim().length} characters`,
    );
  return raw;
};
/**
 * false / true, or the proxies' addresses and CIDR ranges separated by commas. No hop count:
 * Fastify 5 ignores one, since it cannot tell a proxy from a client that sends the header itself.
 */
const trustProxy: Parser = (raw) => {
  const text = raw.trim();
  if (/^(0|false|no|off)$/i.test(text)) return false;
  if (/^(true|yes|on)$/i.test(text)) return true;
  const entries = text.split(',').map((e) => e.trim());
  const named = ['loopback', 'linklocal', 'uniquelocal'];
  const bad = entries.filter((e) => {
    if (named.includes(e)) return false;
    const [address, bits, extra] = e.split('/');
    const family = isIP(address);
    if (family === 0 || extra !== undefined) return true;
    return bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  });
  if (bad.length > 0) {
    throw new SettingError(
      `must be true, false, or the proxies' addresses / CIDR ranges separated by commas (or ${named.join(', ')}); not understood: ${bad.join(', ')}`,
    );
  }
  return entries.join(',');
};
/** A secret for machines: long enough not to be guessed, no spaces (it travels in a header). */
/** An IP address to bind, or off. */
const peerHost: Parser = (raw) => {
  if (/^(0|false|no|off)$/i.test(raw.trim())) return null;
  if (isIP(raw.trim()) === 0) throw new SettingError('must be an IP address of this machine (the other workers must reach it), or off');
  return raw.trim();
};
const token: Parser = (raw) => {
  if (!/^[\x21-\x7e]{16,256}$/.test(raw)) throw new SettingError('must be 16 to 256 printable characters without spaces');
  return raw;
};
const level: Parser = (raw) => {
  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  if (!levels.includes(raw)) throw new SettingError(`must be one of ${levels.join(', ')}`);
  return raw;
};

export const SETTINGS: Setting[] = [
  {
    env: 'BOTCAST_DATA_DIR',
    key: 'dataDir',
    default: './botcast-data',
    parse: str,
    doc: 'Folder of the embedded database (PGlite) and its generated encryption key.',
  },
  {
    env: 'DATABASE_URL',
    key: 'databaseUrl',
    default: null,
    parse: url(['postgres:', 'postgresql:']),
    doc: 'PostgreSQL URL. When set, Botcast uses it instead of the embedded database, and any number of API and worker processes can share it.',
  },
  {
    env: 'HOST',
    key: 'host',
    default: '127.0.0.1',
    parse: str,
    doc: 'Address the HTTP server listens on (0.0.0.0 to accept other machines).',
  },
  { env: 'PORT', key: 'port', default: '3000', parse: int(0, 65535), doc: 'HTTP port of the API, the admin panel and the webhooks.' },
  {
    env: 'BOTCAST_PUBLIC_URL',
    key: 'publicUrl',
    default: null,
    parse: url(['http:', 'https:']),
    doc: 'Public base URL used in webhook addresses (default http://HOST:PORT).',
  },
  {
    env: 'BOTCAST_SECRET_KEY',
    key: 'secretKey',
    default: null,
    parse: secretKey,
    doc: '32-byte key (base64 or hex) that encrypts channel credentials and webhook secrets. Required with DATABASE_URL; in embedded mode, when unset, generated into the data folder (an invalid one is refused, never replaced).',
  },
  { env: 'LOG_LEVEL', key: 'logLevel', default: 'info', parse: level, doc: 'pino log level.' },
  {
    env: 'BOTCAST_BODY_LIMIT',
    key: 'bodyLimitBytes',
    default: '1048576',
    parse: int(1024, 100 * 1024 * 1024),
    doc: 'Largest JSON request body, bytes (413 beyond).',
  },
  {
    env: 'BOTCAST_GRACE_SECONDS',
    key: 'graceSeconds',
    default: '60',
    parse: int(0, 3600),
    doc: 'Grace window of instant broadcasts, during which they can still be deleted.',
  },
  {
    env: 'BOTCAST_HOLD_EXPIRY_HOURS',
    key: 'holdExpiryHours',
    default: '168',
    parse: int(1, 24 * 365),
    doc: 'How long a delivery held by an open operator chat waits before it expires.',
  },
  {
    env: 'BOTCAST_MAX_LATENESS_HOURS',
    key: 'maxLatenessHours',
    default: '6',
    parse: int(1, 24 * 365),
    doc: 'A delayed or periodic run whose time passed longer ago than this while Botcast was down is skipped (and logged) instead of sent late.',
  },
  {
    env: 'BOTCAST_RETENTION_MONTHS',
    key: 'retentionMonths',
    default: '3',
    parse: int(1, 120),
    doc: 'Completed sends that finished this many months ago or earlier are deleted.',
  },
  {
    env: 'BOTCAST_CSV_MAX_BYTES',
    key: 'csvMaxBytes',
    default: String(50 * 1024 * 1024),
    parse: int(1024, 1024 * 1024 * 1024),
    doc: 'Largest CSV file of selected users, and of subscribers imported through the API, bytes.',
  },
  {
    env: 'BOTCAST_CSV_MAX_ROWS',
    key: 'csvMaxRows',
    default: '1000000',
    parse: int(1, 10_000_000),
    doc: 'Most rows in a CSV file of selected users, and of subscribers imported through the API.',
  },
  {
    env: 'BOTCAST_WORKER_BATCH',
    key: 'workerBatchSize',
    default: '500',
    parse: int(1, 10_000),
    doc: 'Deliveries a worker claims at once. A worker killed mid-run can leave about 2 × this + the concurrency + 256 per channel `unknown` (never re-sent).',
  },
  {
    env: 'BOTCAST_WORKER_CONCURRENCY',
    key: 'workerConcurrency',
    default: '64',
    parse: int(1, 4096),
    doc: 'Requests a worker keeps in flight at once.',
  },
  {
    env: 'BOTCAST_ALLOW_PRIVATE_BASE_URLS',
    key: 'allowPrivateBaseUrls',
    default: 'false',
    parse: bool,
    doc: 'Allow platform requests to loopback, private, link-local and other non-public addresses, however the base URL gets there (tests, self-hosted Bot API servers; README, Security).',
  },
  { env: 'BOTCAST_SIGNUP', key: 'signup', default: 'true', parse: bool, doc: 'Allow creating workspaces through POST /api/signup.' },
  {
    env: 'BOTCAST_REQUEST_TIMEOUT_MS',
    key: 'requestTimeoutMs',
    default: '15000',
    parse: int(100, 600_000),
    doc: 'Timeout of one request to a platform.',
  },
  {
    env: 'BOTCAST_MAX_ATTEMPTS',
    key: 'maxAttempts',
    default: '5',
    parse: int(1, 50),
    doc: 'Attempts before a temporary failure (5xx, timeout before sending) counts as failed.',
  },
  {
    env: 'BOTCAST_RETRY_BASE_MS',
    key: 'retryBaseMs',
    default: '1000',
    parse: int(1, 3_600_000),
    doc: 'First retry delay; doubles each attempt (with jitter), at most 5 minutes.',
  },
  {
    env: 'BOTCAST_WORKER_HEARTBEAT_MS',
    key: 'heartbeatMs',
    default: '1000',
    parse: int(50, 60_000),
    doc: 'How often a worker says it is alive.',
  },
  {
    env: 'BOTCAST_WORKER_STALE_MS',
    key: 'workerStaleMs',
    default: '10000',
    parse: int(200, 3_600_000),
    doc: 'A worker silent this long is dead; its in-flight deliveries are settled (unknown, or retried on de-duplicating platforms).',
  },
  { env: 'BOTCAST_POLL_MS', key: 'pollMs', default: '100', parse: int(5, 10_000), doc: 'How often an idle worker looks for work.' },
  {
    env: 'BOTCAST_SCHEDULER_TICK_MS',
    key: 'schedulerTickMs',
    default: '250',
    parse: int(10, 60_000),
    doc: 'How often the scheduler looks for due sends, triggers and runs to materialise when no wake-up came sooner.',
  },
  {
    env: 'BOTCAST_WAKEUPS',
    key: 'wakeups',
    default: 'true',
    parse: bool,
    doc: 'Wake schedulers and workers the moment work is created (PostgreSQL LISTEN/NOTIFY; in process on PGlite) instead of at their next poll.',
  },
  {
    env: 'BOTCAST_PEER_HOST',
    key: 'peerHost',
    default: '127.0.0.1',
    parse: peerHost,
    doc: "PostgreSQL: the address a worker listens on (UDP, a free port) for the other workers' signed pause datagrams, so that a platform's \"slow down\" read by one stops all at once. Workers on several hosts: this host's address the others reach. `off`: pauses travel through the database only.",
  },
  { env: 'BOTCAST_DB_POOL', key: 'dbPoolSize', default: '10', parse: int(1, 200), doc: 'PostgreSQL connections per process.' },
  {
    env: 'BOTCAST_TRUST_PROXY',
    key: 'trustProxy',
    default: 'false',
    parse: trustProxy,
    doc: "Behind a reverse proxy: the proxies whose X-Forwarded-For names the client (their addresses / CIDR ranges, comma-separated, `loopback`, or `true` for any). Login limits count per client address: unset behind a proxy, every client shares the proxy's.",
  },
  {
    env: 'BOTCAST_METRICS_TOKEN',
    key: 'metricsToken',
    default: null,
    parse: token,
    doc: 'Token the Prometheus scraper sends as `Authorization: Bearer <token>` to read /metrics (16+ characters). Unset: /metrics answers 404.',
  },
  {
    env: 'BOTCAST_SCRYPT_LOG_N',
    key: 'scryptLogN',
    default: '17',
    parse: int(10, 20),
    doc: "Cost of new password hashes, log2 of scrypt's N (r = 8, p = 1; 17 is OWASP's recommendation and takes 128 MiB per hash). Older hashes are upgraded at the next login. Lower only for tests.",
  },
  {
    env: 'BOTCAST_STREAM_RECHECK_MS',
    key: 'streamRecheckMs',
    default: '30000',
    parse: int(10, 3_600_000),
    doc: 'How often an open progress stream (Server-Sent Events) checks that its API key or session is still valid; it ends when not.',
  },
  {
    env: 'BOTCAST_STREAMS_PER_KEY',
    key: 'streamsPerKey',
    default: '10',
    parse: int(1, 1000),
    doc: 'Progress streams one API key or member may hold open at once, per API process (429 beyond).',
  },
  {
    env: 'BOTCAST_DISK_RESERVE_MB',
    key: 'diskReserveMb',
    default: '256',
    parse: int(0, 1024 * 1024),
    doc: "Embedded mode: free space kept on the data folder's disk, at most this many MB (0 turns the check off). Below the reserve Botcast does not start, and a running one refuses writes (507 insufficient_storage), reports not ready on /readyz and stops sending new work until space is back.",
  },
  {
    env: 'BOTCAST_DISK_RESERVE_PERCENT',
    key: 'diskReservePercent',
    default: '10',
    parse: int(0, 90),
    doc: "Embedded mode: the reserve as a share of the disk's size, at least 64 MB and at most BOTCAST_DISK_RESERVE_MB.",
  },
  {
    env: 'BOTCAST_DISK_CHECK_MS',
    key: 'diskCheckMs',
    default: '2000',
    parse: int(50, 60_000),
    doc: "Embedded mode: how often the free space of the data folder's disk is read.",
  },
];

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const config: Record<string, unknown> = {};
  for (const setting of SETTINGS) {
    const raw = env[setting.env];
    if (raw === undefined || raw === '') {
      config[setting.key] = setting.default === null ? null : setting.parse(setting.default);
      continue;
    }
    try {
      config[setting.key] = setting.parse(raw);
    } catch (error) {
      if (!(error instanceof SettingError)) throw error;
      problems.push(`${setting.env} ${error.message}`);
    }
  }
  Object.assign(config, overrides);
  if (config.databaseUrl && !config.secretKey && !problems.some((p) => p.startsWith('BOTCAST_SECRET_KEY '))) {
    problems.push(
      'BOTCAST_SECRET_KEY is required with DATABASE_URL (32 bytes, base64 or hex): every process must share the key that encrypts channel credentials',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  config.publicUrl ??= `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  return config as unknown as Config;
}
