// An in-process Botcast for integration tests: a fresh database, the real services and HTTP
// routes, requests through app.inject() (no network).
import type { InjectOptions } from 'fastify';
import { createApp, type App } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import type { Clock } from '../../src/services/context.ts';
import type { EngineSettings } from '../../src/engine/types.ts';
import type { HostResolver } from '../../src/security/outbound-policy.ts';
import type { ReadDiskSpace } from '../../src/storage/disk-reserve.ts';
import type { DispatcherSettings } from '../../src/services/status-webhooks/dispatcher.ts';
import { createTestDatabase, type TestDatabase } from './engine.ts';
import type { Json } from './json.ts';
import { responseProblems } from './openapi-check.ts';

export interface Reply {
  status: number;
  body: Json;
  headers: Record<string, unknown>;
  text: string;
}

export interface TestApp {
  app: App;
  database: TestDatabase;
  request(
    method: string,
    url: string,
    options?: {
      key?: string;
      body?: unknown;
      headers?: Record<string, string>;
      raw?: string | Buffer;
      /** The client's address as the server sees it (the socket's; default 127.0.0.1). */
      remoteAddress?: string;
    },
  ): Promise<Reply>;
  /** A new workspace with its own API key. */
  workspace(name?: string): Promise<{ key: string; workspaceId: number; email: string }>;
  close(): Promise<void>;
}

let counter = 0;

export async function startTestApp(
  options: {
    config?: Partial<Config>;
    clock?: Clock;
    worker?: boolean;
    engine?: Partial<EngineSettings>;
    resolveHost?: HostResolver;
    readDiskSpace?: ReadDiskSpace;
    statusWebhooks?: Partial<DispatcherSettings>;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await createApp(database.config(options.config), {
    clock: options.clock,
    worker: options.worker ?? false,
    engine: options.engine,
    resolveHost: options.resolveHost,
    readDiskSpace: options.readDiskSpace,
    statusWebhooks: options.statusWebhooks,
  });
  const server = app.server!;
  const request: TestApp['request'] = async (method, url, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.key) headers.authorization = `Bearer ${opts.key}`;
    let payload: string | Buffer | undefined;
    if (opts.raw !== undefined) payload = opts.raw;
    else if (opts.body !== undefined) {
      payload = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await server.inject({
      method: method as InjectOptions['method'],
      url,
      headers,
      payload,
      remoteAddress: opts.remoteAddress,
    });
    const problems = responseProblems(server, method, url, res.statusCode, String(res.headers['content-type'] ?? ''), res.body);
    if (problems.length > 0) throw new Error(`the answer does not match openapi.json:\n${problems.slice(0, 10).join('\n')}`);
    let body: Json = undefined;
    try {
      body = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      body = undefined;
    }
    return { status: res.statusCode, body, headers: res.headers, text: res.body };
  };
  return {
    app,
    database,
    request,
    async workspace(name = 'Workspace') {
      counter += 1;
      const email = `owner${counter}-${Math.random().toString(36).slice(2, 7)}@example.com`;
      const res = await request('POST', '/api/signup', { body: { workspaceName: name, email, password: 'correct horse battery' } });
      if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${res.text}`);
      return { key: res.body.apiKey.key, workspaceId: res.body.workspaceId, email };
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
