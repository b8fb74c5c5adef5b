// GET /r/<token>: a tracked link button's redirect (services/clicks.ts). Public by nature — the
// person clicking has no key — and safe so: the token is an HMAC only Botcast can make, and the
// address it leads to is read from the send's content, never from the request.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { ServiceContext } from '../../services/context.ts';
import { followClick } from '../../services/clicks.ts';

export const clickRoutes =
  (ctx: ServiceContext): FastifyPluginAsync =>
  async (app) => {
    app.get<{ Params: { token: string } }>(
      '/r/:token',
      {
        schema: { hide: true, params: Type.Object({ token: Type.String({ maxLength: 64 }) }) },
        config: { public: true },
      },
      async (request, reply) => {
        const url = await followClick(ctx, request.params.token, (err) => request.log.warn({ err }, 'could not record a click'));
        return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(url, 302);
      },
    );
  };
