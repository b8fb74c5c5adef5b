// Outbound status webhooks (issue 18 point 8): HTTPS endpoints of the workspace that receive run
// events and per-recipient outcomes in signed batches. Admins only, reads included: an endpoint's
// URL may carry a token of the receiver's, and its delivery log says what the receiver answered.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Caller } from '../../services/audit.ts';
import type { ServiceContext } from '../../services/context.ts';
import * as hooks from '../../services/status-webhooks/endpoints.ts';
import { listAttempts } from '../../services/status-webhooks/attempts.ts';
import { STATUS_EVENT_TYPES } from '../../storage/queries/status-events.ts';
import { actor, ws } from '../auth.ts';
import { editBodies, taggedRoute } from '../route-options.ts';
import { DateTime, Id, IdParams, NoContent, NullableDateTime } from '../schemas.ts';
import { doc, Int, NullableInt, NullableStr, Str } from '../responses.ts';

const route = taggedRoute('status webhooks');
const ADMIN = { minRole: 'admin' as const };

const EventType = Type.Union(
  STATUS_EVENT_TYPES.map((t) => Type.Literal(t)),
  { description: 'run.started, run.paused, run.resumed, run.completed, run.stopped, delivery.outcome' },
);

const fields = {
  url: Type.String({ maxLength: 2000, description: 'https:// (plain http only with BOTCAST_ALLOW_PRIVATE_BASE_URLS=true)' }),
  description: Type.String({ maxLength: 500 }),
  events: Type.Array(EventType, { minItems: 1, maxItems: STATUS_EVENT_TYPES.length * 2, description: 'Event types sent; default all' }),
  enabled: Type.Boolean({ description: 'false: off (takes no events); true on a failing endpoint: try again from where it stopped' }),
};
const bodies = editBodies(fields, ['url']);

const webhookProperties = {
  id: Id,
  url: Str,
  description: Str,
  events: Type.Array(Str),
  enabled: Type.Boolean(),
  status: Type.Union([Type.Literal('active'), Type.Literal('retrying'), Type.Literal('failing'), Type.Literal('disabled')], {
    description: 'retrying: the last POST failed and another is planned (nextAttemptAt); failing: retries ran out, turn it on again',
  }),
  failingSince: NullableDateTime,
  attempts: Type.Integer({ description: 'Failed tries of the batch waiting to go' }),
  nextAttemptAt: NullableDateTime,
  lastSuccessAt: NullableDateTime,
  createdAt: DateTime,
};
const StatusWebhook = doc(Type.Object(webhookProperties));
const NewStatusWebhook = doc(
  Type.Object({ ...webhookProperties, secret: Type.String({ description: 'The signing secret; shown in this answer only' }) }),
);
const Secret = doc(Type.Object({ secret: Type.String({ description: 'The new signing secret; shown in this answer only' }) }));
const PostResult = doc(
  Type.Object({
    ok: Type.Boolean(),
    statusCode: NullableInt,
    durationMs: Int,
    error: Type.Union([Str, Type.Null()], { description: 'Why it failed: the status and a short cleaned excerpt, or the network error' }),
  }),
);
const Attempt = doc(
  Type.Object({
    id: Id,
    at: DateTime,
    test: Type.Boolean(),
    events: Int,
    firstEventId: NullableInt,
    lastEventId: NullableInt,
    ok: Type.Boolean(),
    statusCode: NullableInt,
    durationMs: Int,
    error: NullableStr,
    attempt: Int,
  }),
);

function caller(request: FastifyRequest): Caller {
  return { workspaceId: ws(request), role: request.principal!.role, actor: actor(request) };
}

export const statusWebhookRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/status-webhooks',
      {
        config: ADMIN,
        ...route({
          summary: 'Status webhook endpoints of the workspace (never their secrets)',
          response: { 200: Type.Array(StatusWebhook) },
        }),
      },
      async (request) => hooks.listStatusWebhooks(ctx, ws(request)),
    );

    app.post(
      '/api/status-webhooks',
      {
        config: ADMIN,
        ...route({
          summary: 'Add a status webhook endpoint; its signing secret is in this answer only',
          description:
            'Run events and per-recipient outcomes are POSTed to the URL in batches (at most 100 events), signed with ' +
            '`Botcast-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`; a non-2xx answer is retried with backoff.',
          body: bodies.create,
          response: { 201: NewStatusWebhook },
        }),
      },
      async (request, reply) => reply.status(201).send(await hooks.createStatusWebhook(ctx, caller(request), request.body)),
    );

    app.patch(
      '/api/status-webhooks/:id',
      {
        config: ADMIN,
        ...route({
          summary: 'Change a status webhook endpoint, turn it off or on',
          params: IdParams,
          body: bodies.patch,
          response: { 200: StatusWebhook },
        }),
      },
      async (request) => hooks.updateStatusWebhook(ctx, caller(request), request.params.id, request.body),
    );

    app.delete(
      '/api/status-webhooks/:id',
      {
        config: ADMIN,
        ...route({ summary: 'Remove a status webhook endpoint and its delivery log', params: IdParams, response: { 204: NoContent } }),
      },
      async (request, reply) => {
        await hooks.deleteStatusWebhook(ctx, caller(request), request.params.id);
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/status-webhooks/:id/rotate-secret',
      {
        config: ADMIN,
        ...route({
          summary: 'Replace the signing secret (the old one stops at once); the new one is in this answer only',
          params: IdParams,
          response: { 200: Secret },
        }),
      },
      async (request) => hooks.rotateStatusWebhookSecret(ctx, caller(request), request.params.id),
    );

    app.post(
      '/api/status-webhooks/:id/test',
      {
        config: ADMIN,
        ...route({
          summary: 'POST a signed `test` event to the endpoint now and say what it answered',
          params: IdParams,
          response: { 200: PostResult },
        }),
      },
      async (request) => hooks.sendTestEvent(ctx, caller(request), request.params.id),
    );

    app.get(
      '/api/status-webhooks/:id/attempts',
      {
        config: ADMIN,
        ...route({
          summary: 'Delivery log of an endpoint, newest first: status code, duration, error',
          params: IdParams,
          querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })) }),
          response: { 200: Type.Array(Attempt) },
        }),
      },
      async (request) => listAttempts(ctx, ws(request), request.params.id, request.query.limit ?? 50),
    );
  };
