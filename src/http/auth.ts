// Who is calling: an API key (`Authorization: Bearer bc_…`) or a panel session cookie. Every
// /api route needs one unless it is marked public; the principal's workspace scopes every query.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.ts';
import type { ServiceContext } from '../services/context.ts';
import { authenticateApiKey, authenticateSession, type Principal } from '../services/workspaces.ts';

export const SESSION_COOKIE = 'botcast_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

export function registerAuth(app: FastifyInstance, ctx: ServiceContext) {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || request.routeOptions.config?.public) return;
    if (request.url.startsWith('/api/docs') || request.url === '/api/openapi.json') return;
    const header = request.headers.authorization;
    let principal: Principal | null = null;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new AppError('unauthorized', 'unauthorized', 'Authorization must be "Bearer <api key>"');
      principal = await authenticateApiKey(ctx, match[1]);
      if (!principal) throw new AppError('unauthorized', 'unauthorized', 'the API key is unknown or revoked');
    } else {
      const token = request.cookies?.[SESSION_COOKIE];
      if (token) principal = await authenticateSession(ctx, token);
    }
    if (!principal) throw new AppError('unauthorized', 'unauthorized', 'log in or send an API key as "Authorization: Bearer <key>"');
    request.principal = principal;
  });
}

export function ws(request: FastifyRequest): number {
  return request.principal!.workspaceId;
}

export function actor(request: FastifyRequest): string {
  const p = request.principal!;
  return p.memberId ? `member:${p.memberId}` : `api_key:${p.apiKeyId}`;
}
