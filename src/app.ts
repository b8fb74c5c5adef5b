// The composition root: the only file that knows every concrete part. It opens storage, builds
// the platform clients and services, and starts the roles this process plays (API, worker).
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { openStorage, type Storage } from './storage/open.ts';
import { buildRegistry } from './platforms/registry.ts';
import { systemClock, type Clock, type ServiceContext } from './services/context.ts';
import { createLogger } from './logger.ts';
import { DEFAULT_ENGINE_SETTINGS, startEngine, type Engine, type EnginePorts, type EngineSettings } from './engine/index.ts';
import { channelContext } from './services/channels.ts';
import { applyInbound, type InboundResult } from './services/inbound.ts';
import { sendOptReplies } from './services/opt-out-reply.ts';
import { freezeContent } from './services/sends/input.ts';
import { refreshStaleTemplates } from './services/whatsapp-templates.ts';
import { configureOutboundPolicy, type HostResolver } from './security/outbound-policy.ts';
import type { ReadDiskSpace } from './storage/disk-reserve.ts';
import { DEFAULT_DISPATCHER_SETTINGS, StatusWebhookDispatcher, type DispatcherSettings } from './services/status-webhooks/dispatcher.ts';

export interface AppOptions {
  api?: boolean;
  worker?: boolean;
  clock?: Clock;
  logger?: boolean | object;
  /** Engine settings for this process (tests shorten timeouts). */
  engine?: Partial<EngineSettings>;
  /** Resolves platform host names instead of DNS (tests: names that lead to 127.0.0.1 without /etc/hosts). */
  resolveHost?: HostResolver;
  /** Reads the data folder's free space (tests simulate a full disk). */
  readDiskSpace?: ReadDiskSpace;
  /** Status webhook delivery settings for this process (tests shorten the backoff). */
  statusWebhooks?: Partial<DispatcherSettings>;
}

export interface App {
  ctx: ServiceContext;
  server: FastifyInstance | null;
  engine: Engine | null;
  /** Delivers status webhook events; runs beside the engine in worker processes, independent of it. */
  statusWebhooks: StatusWebhookDispatcher | null;
  storage: Storage;
  close(): Promise<void>;
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  // Every platform request of this process connects only where this allows (checked per connection).
  configureOutboundPolicy({ allowPrivate: config.allowPrivateBaseUrls, resolve: options.resolveHost });
  const storage = await openStorage(config, { readDiskSpace: options.readDiskSpace });
  const ctx: ServiceContext = {
    db: storage.db,
    disk: storage.disk,
    sealer: storage.sealer,
    clock: options.clock ?? systemClock,
    config,
    platforms: buildRegistry(storage.db),
  };
  const logger = createLogger(config.logLevel);
  // Loaded only by processes that serve HTTP: a worker process is ~35 MB lighter without it.
  const server =
    options.api === false
      ? null
      : await (await import('./http/server.ts')).buildServer(ctx, { logger: options.logger === false ? false : logger });
  const settings: EngineSettings = {
    ...DEFAULT_ENGINE_SETTINGS,
    batchSize: config.workerBatchSize,
    concurrency: config.workerConcurrency,
    holdExpiryMs: config.holdExpiryHours * 3600_000,
    maxLatenessMs: config.maxLatenessHours * 3600_000,
    requestTimeoutMs: config.requestTimeoutMs,
    heartbeatMs: config.heartbeatMs,
    workerStaleMs: config.workerStaleMs,
    maxAttempts: config.maxAttempts,
    backoffBaseMs: config.retryBaseMs,
    pollMs: config.pollMs,
    schedulerTickMs: config.schedulerTickMs,
    wakeups: config.wakeups,
    peerHost: config.peerHost,
    clickLinks: { baseUrl: config.publicUrl, key: storage.sealer.derive('click-links') },
    retentionMonths: config.retentionMonths,
    ...options.engine,
  };
  // The engine's ports (src/engine/ports.ts), served by the services.
  const ports: EnginePorts = {
    channelContext: (channel) => channelContext(ctx, channel),
    applyInbound,
    answerInbound: (channel, applied) => sendOptReplies(ctx, channel, (applied as InboundResult).replies),
    freezeContent,
    refreshTemplates: () => refreshStaleTemplates(ctx),
  };
  const engine =
    options.worker === false
      ? null
      : await startEngine({ db: storage.db, platforms: ctx.platforms, logger, settings, disk: storage.disk }, ports);
  const statusWebhooks =
    options.worker === false
      ? null
      : new StatusWebhookDispatcher(
          storage.db,
          storage.sealer,
          logger,
          { ...DEFAULT_DISPATCHER_SETTINGS, ...options.statusWebhooks },
          storage.disk,
        );
  statusWebhooks?.start();
  let closed = false;
  return {
    ctx,
    server,
    engine,
    statusWebhooks,
    storage,
    async close() {
      if (closed) return;
      closed = true;
      await server?.close();
      await statusWebhooks?.stop();
      await engine?.stop();
      await storage.close();
    },
  };
}
