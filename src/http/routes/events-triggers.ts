// External events and trigger events (issue 8): one plugin for server.ts to register.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ServiceContext } from '../../services/context.ts';
import { externalEventRoutes } from './external-events.ts';
import { triggerRoutes } from './triggers.ts';

export const eventTriggerRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    await app.register(externalEventRoutes(ctx));
    await app.register(triggerRoutes(ctx));
  };
