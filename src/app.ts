// The composition root: the only file that knows every concrete part. It opens storage, builds
// the platform clients and services, and starts the roles this process plays (API, worker).
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { openStorage, type Storage } from './storage/open.ts';
import { buildRegistry } from './platforms/registry.ts';
import { systemClock, type Clock, type ServiceContext } from './services/context.ts';
import { buildServer } from './http/server.ts';

export interface AppOptions {
  api?: boolean;
  worker?: boolean;
  clock?: Clock;
  logger?: boolean | object;
}

export interface App {
  ctx: ServiceContext;
  server: FastifyInstance | null;
  storage: Storage;
  close(): Promise<void>;
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const storage = await openStorage(config);
  const ctx: ServiceContext = {
    db: storage.db,
    sealer: storage.sealer,
    clock: options.clock ?? systemClock,
    config,
    platforms: buildRegistry(storage.db),
  };
  const server = options.api === false ? null : await buildServer(ctx, { logger: options.logger });
  let closed = false;
  return {
    ctx,
    server,
    storage,
    async close() {
      if (closed) return;
      closed = true;
      await server?.close();
      await storage.close();
    },
  };
}
