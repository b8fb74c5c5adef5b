// Fake platform API server for tests and benchmarks: every platform on one port (path shapes
// differ per platform, see test/fakes/platforms/), injected faults, latency, and a record of
// every accepted request. Plain node:http and a lean hot path: it must keep up with ~30k req/s.
//
// In-process:   const fake = await startFakeServer(); ... baseUrl = fake.url ...; await fake.close();
// As a process: node --import tsx test/fakes/main.ts  (prints {"port":N}; see main.ts)
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAKE_PLATFORMS } from './platforms/index.ts';
import type {
  AnsweredFaultKind,
  FakeCall,
  FakeContext,
  FakePlatform,
  FakePlatformFactory,
  FakeRecord,
  FakeReply,
  FakeRequest,
  FaultRule,
} from './types.ts';
import { filterRecords, maxPerSecondWindow, type RecordFilter } from './records.ts';

export type { FakeRecord, FaultRule } from './types.ts';
export { filterRecords, maxPerSecondWindow, type RecordFilter } from './records.ts';

export interface FakeServerOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Delay before every answer, ms. Default 0. */
  latencyMs?: number;
  faults?: FaultRule[];
  /** Seed of the generator behind `probability` rules (deterministic runs). */
  seed?: number;
  /** Default: every registered platform. */
  platforms?: FakePlatformFactory[];
  /** Serve the /__control/ endpoints. Default true. */
  control?: boolean;
  /** Keep request bodies in records. Default true; long benchmarks may turn it off to save memory. */
  recordBodies?: boolean;
}

export interface FakeServer {
  url: string;
  port: number;
  /** Live array of accepted requests, in arrival order (emptied in place by reset()). */
  readonly records: FakeRecord[];
  setFaults(rules: FaultRule[]): void;
  setLatency(ms: number): void;
  /** The person wrote to the business at `at` (ms): platforms with a messaging window (WhatsApp) judge sends by it. */
  userWrote(platform: string, recipient: string, at: number): void;
  /** Clears records, fault rules and platform state (dedup keys); drops hanging requests. */
  reset(): void;
  /** Records of messages the platform would have shown to people. */
  deliveries(filter?: RecordFilter): FakeRecord[];
  /** Delivered message count per recipient. */
  deliveriesPerRecipient(filter?: RecordFilter): Map<string, number>;
  /** Max number of requests in any 1-second sliding window, per channel (max over channels if none given). */
  maxPerSecondWindow(filter?: RecordFilter): number;
  /** This server's event-loop stalls over 10 ms: requests that arrived meanwhile were stamped late. */
  readonly stalls: FakeStall[];
  close(): Promise<void>;
}

export interface FakeStall {
  /** When the loop ran again (ms since epoch). */
  end: number;
  ms: number;
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
  recipients: Set<string> | undefined;
}

/** mulberry32: tiny seeded generator so probabilistic faults are reproducible. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shared by every request without a query string (handlers only read it). */
const EMPTY_QUERY = new URLSearchParams();

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  if (contentType?.includes('x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function writeReply(res: ServerResponse, reply: FakeReply): void {
  const isText = typeof reply.body === 'string';
  const payload = isText ? (reply.body as string) : JSON.stringify(reply.body ?? null);
  res.writeHead(reply.status, {
    'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json',
    'content-length': Buffer.byteLength(payload),
    ...reply.headers,
  });
  res.end(payload);
}

export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const platforms: FakePlatform[] = (options.platforms ?? FAKE_PLATFORMS).map((make) => make());
  const byCode = new Map(platforms.map((p) => [p.code, p]));
  const records: FakeRecord[] = [];
  /** The records of requests a fault rule fired on (polled cheaply while a run goes on). */
  const faulted: FakeRecord[] = [];
  const hanging = new Set<ServerResponse>();
  let rules: ActiveRule[] = [];
  let latencyMs = options.latencyMs ?? 0;
  let idCounter = 1000;
  const random = seededRandom(options.seed ?? Date.now());
  const inbound = new Map<string, number>();
  const ctx: FakeContext = { nextId: () => ++idCounter, lastInbound: (platform, recipient) => inbound.get(`${platform}:${recipient}`) };
  const control = options.control ?? true;
  const recordBodies = options.recordBodies ?? true;

  const setFaults = (list: FaultRule[]): void => {
    rules = list.map((rule) => ({
      rule,
      remaining: rule.count ?? Number.POSITIVE_INFINITY,
      recipients: Array.isArray(rule.recipient) ? new Set(rule.recipient) : undefined,
    }));
  };
  setFaults(options.faults ?? []);

  const pickFault = (platform: string, call: FakeCall): FaultRule | undefined => {
    for (const active of rules) {
      const { rule } = active;
      if (active.remaining <= 0) continue;
      if (rule.method !== undefined ? rule.method !== call.method : !call.send) continue;
      if (rule.platform !== undefined && rule.platform !== platform) continue;
      if (rule.channel !== undefined && rule.channel !== call.channel) continue;
      if (
        active.recipients ? !active.recipients.has(call.recipient ?? '') : rule.recipient !== undefined && rule.recipient !== call.recipient
      )
        continue;
      if (rule.probability !== undefined && random() >= rule.probability) continue;
      active.remaining--;
      return rule;
    }
    return undefined;
  };

  const resolvePlatform = (path: string): { platform: FakePlatform; path: string } | undefined => {
    const second = path.indexOf('/', 1);
    if (second > 1) {
      const explicit = byCode.get(path.slice(1, second));
      if (explicit) return { platform: explicit, path: path.slice(second) };
    }
    for (const platform of platforms) if (platform.claims(path)) return { platform, path };
    return undefined;
  };

  const handleControl = (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams, body: unknown): void => {
    const b = (body ?? {}) as Record<string, unknown>;
    if (req.method === 'POST' && path === '/__control/faults') {
      const list = Array.isArray(body) ? (body as FaultRule[]) : ((b.rules as FaultRule[] | undefined) ?? []);
      setFaults(list);
      if (typeof b.latencyMs === 'number') latencyMs = b.latencyMs;
      return writeReply(res, { status: 200, body: { ok: true, rules: list.length } });
    }
    if (req.method === 'POST' && path === '/__control/latency') {
      latencyMs = Number(b.ms ?? b.latencyMs ?? 0);
      return writeReply(res, { status: 200, body: { ok: true, latencyMs } });
    }
    if (req.method === 'POST' && path === '/__control/inbound') {
      inbound.set(`${String(b.platform)}:${String(b.recipient)}`, Number(b.at ?? Date.now()));
      return writeReply(res, { status: 200, body: { ok: true } });
    }
    if (req.method === 'POST' && path === '/__control/reset') {
      server.reset();
      return writeReply(res, { status: 200, body: { ok: true } });
    }
    if (req.method === 'GET' && path === '/__control/records') {
      const since = Number(query.get('since') ?? 0);
      return writeReply(res, { status: 200, body: { records: since > 0 ? records.slice(since) : records } });
    }
    if (req.method === 'GET' && path === '/__control/stalls') return writeReply(res, { status: 200, body: { stalls } });
    if (req.method === 'GET' && path === '/__control/fired') {
      const kind = query.get('kind');
      return writeReply(res, { status: 200, body: { records: faulted.filter((r) => r.fault === kind), total: records.length } });
    }
    if (req.method === 'GET' && path === '/__control/max-per-second') {
      const filter: RecordFilter = {};
      for (const key of ['platform', 'channel', 'recipient', 'method'] as const) {
        const value = query.get(key);
        if (value !== null) filter[key] = value;
      }
      return writeReply(res, { status: 200, body: { max: maxPerSecondWindow(records, filter) } });
    }
    writeReply(res, { status: 404, body: { error: 'unknown control endpoint' } });
  };

  const handle = (req: IncomingMessage, res: ServerResponse, raw: Buffer): void => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const fullPath = q === -1 ? url : url.slice(0, q);
    const query = q === -1 ? EMPTY_QUERY : new URLSearchParams(url.slice(q + 1));
    const body = parseBody(raw, req.headers['content-type']);
    if (control && fullPath.startsWith('/__control/')) return handleControl(req, res, fullPath, query, body);

    const resolved = resolvePlatform(fullPath);
    const fakeReq: FakeRequest = {
      httpMethod: req.method ?? 'GET',
      path: resolved?.path ?? fullPath,
      query,
      headers: req.headers,
      rawBody: raw,
      body,
    };
    const call = resolved ? resolved.platform.parse(fakeReq) : null;
    if (!resolved || !call) return writeReply(res, { status: 404, body: { error: `no fake platform handles ${req.method} ${fullPath}` } });
    const platform = resolved.platform;

    const repeat = call.send ? platform.repeat?.(call, fakeReq) : undefined;
    const rule = rules.length > 0 && !repeat ? pickFault(platform.code, call) : undefined;
    const record: FakeRecord = {
      t: Date.now(),
      platform: platform.code,
      channel: call.channel,
      method: call.method,
      recipient: call.recipient,
      send: call.send,
      body: recordBodies ? body : undefined,
      status: 0,
      delivered: false,
      fault: rule?.kind,
      duplicate: false,
    };
    records.push(record);
    if (rule) faulted.push(record);

    if (rule?.kind === 'timeout' || rule?.kind === 'destroy') {
      // "Delivered, but the answer was lost": the platform still processes the call (state such as
      // VK's random_id memory is updated), only the answer never arrives.
      if (call.send && rule.delivered === true) {
        const reply = platform.answer(call, fakeReq, ctx);
        record.delivered = reply.delivered ?? reply.status < 300;
        record.duplicate = reply.duplicate === true;
      }
      if (rule.kind === 'destroy') {
        req.socket.destroy();
      } else {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
      }
      return;
    }
    const reply = repeat ?? (rule ? platform.fault(rule.kind as AnsweredFaultKind, rule, call) : platform.answer(call, fakeReq, ctx));
    record.status = reply.status;
    record.delivered = call.send && (reply.delivered ?? reply.status < 300);
    record.duplicate = reply.duplicate === true;
    if (reply.messageId !== undefined) record.messageId = reply.messageId;
    const hold = latencyMs + (rule?.answerAfterMs ?? 0);
    if (rule?.answerAfterMs)
      setTimeout(() => {
        record.answeredT = Date.now();
        writeReply(res, reply);
      }, hold);
    else if (hold > 0) setTimeout(() => writeReply(res, reply), hold);
    else writeReply(res, reply);
  };

  const http = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        handle(req, res, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
      } catch (error) {
        if (!res.headersSent) writeReply(res, { status: 500, body: { error: String(error) } });
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';

  // The server's own event-loop stalls (a timer every 5 ms that ran late): a request that arrived
  // during one is stamped when the loop runs again, so a window can look fuller than it was sent.
  // Late by more than 10 ms counts: the pacer budgets 15 ms for the way to the platform, and a
  // loaded run once saw arrivals 19 ms after they left while this process was not scheduled, which
  // a 20 ms threshold did not show (the window then looked like the workers' fault).
  const stalls: FakeStall[] = [];
  let lastTick = Date.now();
  const ticker = setInterval(() => {
    const now = Date.now();
    if (now - lastTick > 15) stalls.push({ end: now, ms: now - lastTick - 5 });
    lastTick = now;
  }, 5);
  ticker.unref();

  const dropHanging = (): void => {
    for (const res of hanging) res.destroy();
    hanging.clear();
  };

  const server: FakeServer = {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    records,
    setFaults,
    setLatency: (ms) => {
      latencyMs = ms;
    },
    userWrote: (platform, recipient, at) => {
      inbound.set(`${platform}:${recipient}`, at);
    },
    reset: () => {
      records.length = 0;
      inbound.clear();
      faulted.length = 0;
      stalls.length = 0;
      setFaults([]);
      dropHanging();
      for (const p of platforms) p.reset?.();
    },
    deliveries: (filter) => filterRecords(records, filter).filter((r) => r.delivered),
    deliveriesPerRecipient: (filter) => {
      const counts = new Map<string, number>();
      for (const r of filterRecords(records, filter)) {
        if (r.delivered && r.recipient !== undefined) counts.set(r.recipient, (counts.get(r.recipient) ?? 0) + 1);
      }
      return counts;
    },
    maxPerSecondWindow: (filter) => maxPerSecondWindow(records, filter),
    stalls,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(ticker);
        dropHanging();
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
  return server;
}
