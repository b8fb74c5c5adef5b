// buildServer() returns the Fastify app with every route; listen() lives in the CLI, so tests
// call app.inject() without a network.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ServiceContext } from '../services/context.ts';
import { markRoutesPublic, registerAuth } from './auth.ts';
import { registerOwnership } from './ownership.ts';
import { MAX_PARAM_LENGTH, frameworkErrors, registerErrorHandling } from './errors.ts';
import { registerInputCheck } from './input-check.ts';
import { registerDiskGuard } from './disk-guard.ts';
import { ERROR_RESPONSES, SHARED_SCHEMAS } from './schemas.ts';
import { accountRoutes } from './routes/account.ts';
import { settingsRoutes } from './routes/settings.ts';
import { botRoutes } from './routes/bots.ts';
import { audienceRoutes } from './routes/audience.ts';
import { sandboxRoutes } from './routes/sandbox.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { sendRoutes } from './routes/sends.ts';
import { resendRoutes } from './routes/resend.ts';
import { recallRoutes } from './routes/recalls.ts';
import { audienceToolRoutes } from './routes/audience-tools.ts';
import { subscriberImportRoutes } from './routes/subscriber-import.ts';
import { eventTriggerRoutes } from './routes/events-triggers.ts';
import { historyRoutes } from './routes/history.ts';
import { opsRoutes } from './routes/ops.ts';
import { platformRoutes } from './routes/platforms.ts';
import { whatsappTemplateRoutes } from './routes/whatsapp-templates.ts';
import { clickRoutes } from './routes/clicks.ts';
import { statusWebhookRoutes } from './routes/status-webhooks.ts';

export interface ServerOptions {
  logger?: false | FastifyBaseLogger;
}

export async function buildServer(ctx: ServiceContext, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    // One line per request would drown the useful logs; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: ctx.config.bodyLimitBytes,
    // request.ip is the client behind the proxies trusted here (login limits count by it).
    trustProxy: ctx.config.trustProxy,
    // allowUnionTypes: a type list (["string", "number"]) is how a field takes either type without
    // coercion turning one into the other (a union of schemas would: see TagRef in routes/sends.ts).
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false, allowUnionTypes: true } },
    // Query strings like ?tag=a&tag=b parse into arrays; ids in paths are validated by schema.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Response schemas document the API (OpenAPI, the typed client); answers are still written with
  // JSON.stringify, so a property a schema does not list is never dropped and no value is coerced.
  // test/helpers/app.ts checks every answer of the integration tests against its schema.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  registerErrorHandling(app);
  // Every documented route answers errors in the one shared shape, and one that needs no key says so
  // (security: [] over the document's default), so that clients and tests read it from the document.
  app.addHook('onRoute', (route) => {
    const schema = route.schema as { hide?: boolean; response?: Record<string, unknown>; security?: unknown[] } | undefined;
    if (!schema || schema.hide) return;
    schema.response = { ...ERROR_RESPONSES, ...schema.response };
    if (route.config?.public) schema.security ??= [];
  });
  // A route takes the content types it declares and no other: JSON everywhere (the default parser),
  // raw bytes where a scope adds its own parser (the CSV import, webhooks). Fastify's default
  // text/plain parser would let a JSON route without a body schema take a cross-site form post.
  app.removeContentTypeParser('text/plain');
  await app.register(cookie);
  // Shared schemas (the error shape) become components, referenced by their $id.
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Botcast API',
        version: '0.1.0',
        description: 'Broadcasts for multi-platform chatbots. Authenticate with `Authorization: Bearer <api key>`.',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
      security: [{ apiKey: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  // The documentation pages need no key; their routes are the plugin's, so the scope marks them public.
  await app.register(async (docs) => {
    markRoutesPublic(docs);
    await docs.register(swaggerUi, { routePrefix: '/api/docs' });
  });
  registerAuth(app, ctx);
  registerDiskGuard(app, ctx);
  registerOwnership(app, ctx);
  registerInputCheck(app);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
  await app.register(opsRoutes(ctx));

  await app.register(accountRoutes(ctx));
  await app.register(settingsRoutes(ctx));
  await app.register(botRoutes(ctx));
  await app.register(platformRoutes());
  await app.register(whatsappTemplateRoutes(ctx));
  await app.register(audienceRoutes(ctx));
  await app.register(sandboxRoutes(ctx));
  await app.register(webhookRoutes(ctx));
  await app.register(clickRoutes(ctx));
  await app.register(sendRoutes(ctx));
  await app.register(resendRoutes(ctx));
  await app.register(recallRoutes(ctx));
  await app.register(audienceToolRoutes(ctx));
  await app.register(subscriberImportRoutes(ctx));
  await app.register(eventTriggerRoutes(ctx));
  await app.register(historyRoutes(ctx));
  await app.register(statusWebhookRoutes(ctx));
  await (await import('./panel.ts')).registerPanel(app);
  return app;
}
