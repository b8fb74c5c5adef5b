// External events: management (workspace-scoped) and the public incoming webhook
// POST /hooks/events/<secret> (see src/services/external-call.ts for the call's rules).
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ServiceContext } from '../../services/context.ts';
import * as events from '../../services/external-events.ts';
import { PLATFORM_CODES } from '../../platforms/registry.ts';
import { EXTERNAL_BODY_LIMIT, acceptExternalCall, findEventBySecret, parseExternalCall } from '../../services/external-call.ts';
import { checkIdempotencyKey } from '../../services/idempotency.ts';
import { ws } from '../auth.ts';
import { errorBody } from '../errors.ts';
import { editBodies, taggedRoute } from '../route-options.ts';
import { BotParams, IdParams, NoContent } from '../schemas.ts';
import * as R from '../responses.ts';
import { ContentSchema } from './sends.ts';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const EndOpenChats = Type.Boolean({
  description: 'Close recipients’ open operator chats and send to everyone (otherwise they are held until the chat closes)',
});
const IgnoreOptOut = Type.Boolean({
  description: 'Transactional messages (an order, a password): reach subscribers who opted out of broadcasts too (default false)',
});
const Bodies = editBodies({ name: Name, content: ContentSchema, endOpenChats: EndOpenChats, ignoreOptOut: IgnoreOptOut }, [
  'name',
  'content',
]);
const route = taggedRoute('external events');

export const externalEventRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/bots/:botId/external-events',
      route({
        response: { 200: Type.Array(R.ExternalEvent) },
        summary: "A bot's external events, with their webhook URLs",
        params: BotParams,
      }),
      async (request) => events.listExternalEvents(ctx, ws(request), request.params.botId),
    );

    app.post(
      '/api/bots/:botId/external-events',
      route({
        response: { 201: R.ExternalEvent },
        summary: 'Create an external event: content (text or screen), End open chats, and a secret webhook URL',
        params: BotParams,
        body: Bodies.create,
      }),
      async (request, reply) =>
        reply
          .status(201)
          .send(await events.createExternalEvent(ctx, ws(request), request.params.botId, request.body as events.ExternalEventInput)),
    );

    app.get(
      '/api/external-events/:id',
      route({
        response: { 200: R.ExternalEvent },
        summary: 'An external event with its webhook URL',
        params: IdParams,
      }),
      async (request) => events.getExternalEvent(ctx, ws(request), request.params.id),
    );

    app.patch(
      '/api/external-events/:id',
      route({
        response: { 200: R.ExternalEvent },
        summary: 'Change the name, content or End open chats of an external event (its URL stays)',
        params: IdParams,
        body: Bodies.patch,
      }),
      async (request) =>
        events.updateExternalEvent(ctx, ws(request), request.params.id, request.body as Partial<events.ExternalEventInput>),
    );

    app.delete(
      '/api/external-events/:id',
      route({
        response: { 204: NoContent },
        summary: 'Delete an external event (its URL stops working; its sends stay in history)',
        params: IdParams,
      }),
      async (request, reply) => {
        await events.deleteExternalEvent(ctx, ws(request), request.params.id);
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/external-events/:id/rotate-secret',
      route({
        response: { 200: R.ExternalEvent },
        summary: 'Give the event a new secret URL; the old one answers 404 from now on',
        params: IdParams,
      }),
      async (request) => events.rotateExternalEventSecret(ctx, ws(request), request.params.id),
    );

    await app.register(hookRoutes(ctx));
  };

const hookRoutes =
  (ctx: ServiceContext): FastifyPluginAsync =>
  async (scope) => {
    // The body is read as bytes (any content type, at most 1 MB: 413 beyond) and parsed here, so that
    // a wrong secret answers 404 whatever the body, and JSON errors name the field.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: EXTERNAL_BODY_LIMIT }, (_req, body, done) => done(null, body));

    scope.post(
      '/hooks/events/:secret',
      {
        bodyLimit: EXTERNAL_BODY_LIMIT,
        ...route({
          response: { 202: R.ExternalCallResult },
          summary: 'Call an external event (public; the secret in the URL is the credential)',
          description:
            `Body: {"platform": ${[...PLATFORM_CODES, 'any'].map((c) => `"${c}"`).join('|')}, "users": [...]|"everyone", "data": {...}}. ` +
            'A user is a platform user id ("123" or 123) or a Botcast subscriber id ({"subscriberId": 42} or "subscriber:42"). ' +
            "`data` fills {{variables}} ({{order.id}} or {{data.order.id}}) and is stored as each recipient's last request. " +
            'Answers 202 with the send id, how many recipients were queued, and the unknown and blocked users. ' +
            "Optional header Idempotency-Key: a retried call answers the first call's result and sends nothing again; " +
            'the same key with a different request is refused (422 idempotency_key_reused).',
          security: [],
        }),
        config: { public: true },
      },
      async (request, typedReply) => {
        // Answers 404 and the status the idempotent call stored, not only the documented 202.
        const reply = typedReply as FastifyReply;
        const { secret } = request.params as { secret: string };
        const event = await findEventBySecret(ctx, secret);
        if (!event) return reply.status(404).send(errorBody('not_found', 'no external event has this URL'));
        const key = checkIdempotencyKey(request.headers['idempotency-key']);
        const call = parseExternalCall(Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0));
        const result = await acceptExternalCall(ctx, event, call, key);
        if (result.replayed) reply.header('idempotency-replayed', 'true');
        return reply.status(result.status).send(result.body);
      },
    );
  };
