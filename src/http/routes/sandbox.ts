// The sandbox: write to the bot as a sandbox user, read their inbox, choose their behaviour.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ServiceContext } from '../../services/context.ts';
import * as sandbox from '../../services/sandbox.ts';
import { ws } from '../auth.ts';
import { IdParams } from '../schemas.ts';
import * as S from '../responses-sandbox.ts';

const UserId = Type.String({ minLength: 1, maxLength: 128, pattern: '^[^\\s]+$' });

export const sandboxRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/api/channels/:id/sandbox/messages',
      {
        schema: {
          tags: ['sandbox'],
          response: { 201: S.SandboxWrite },
          summary: 'A sandbox user writes to the bot (creates or refreshes the subscriber, like an inbound message)',
          params: IdParams,
          body: Type.Object(
            {
              userId: UserId,
              name: Type.Optional(Type.String({ maxLength: 200 })),
              username: Type.Optional(Type.String({ maxLength: 200 })),
              language: Type.Optional(Type.String({ maxLength: 20 })),
              text: Type.String({ maxLength: 4096 }),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => reply.status(201).send(await sandbox.writeAsSandboxUser(ctx, ws(request), request.params.id, request.body)),
    );

    app.get(
      '/api/channels/:id/sandbox/inbox',
      {
        schema: {
          tags: ['sandbox'],
          response: { 200: Type.Array(S.SandboxMessage) },
          summary: 'What sandbox users wrote and what the bot sent them (newest first)',
          params: IdParams,
          querystring: Type.Object({ userId: Type.Optional(UserId), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }),
        },
      },
      async (request) => sandbox.sandboxInbox(ctx, ws(request), request.params.id, request.query),
    );

    app.get(
      '/api/channels/:id/sandbox/users',
      {
        config: { minRole: 'viewer' },
        schema: {
          tags: ['sandbox'],
          response: { 200: Type.Array(S.SandboxBehaviour) },
          summary: 'The behaviours set on sandbox users of the channel (by user id), so the panel shows them after a reload',
          params: IdParams,
        },
      },
      async (request) => sandbox.sandboxBehaviours(ctx, ws(request), request.params.id),
    );

    app.put(
      '/api/channels/:id/sandbox/users/:userId',
      {
        schema: {
          tags: ['sandbox'],
          response: { 200: S.SandboxBehaviour },
          summary:
            'Make a sandbox user behave like a real person: normal, blocked (blocked the bot), gone (deleted account), flaky (temporary failures)',
          params: Type.Object({ id: IdParams.properties.id, userId: UserId }),
          body: Type.Object({ behaviour: Type.String({ maxLength: 20 }) }, { additionalProperties: false }),
        },
      },
      async (request) => sandbox.setSandboxBehaviour(ctx, ws(request), request.params.id, request.params.userId, request.body.behaviour),
    );
  };
