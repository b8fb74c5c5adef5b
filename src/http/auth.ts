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

/**
 * The principal of a request's credentials as they stand now: an API key first, else the session
 * cookie. Null when there are none or they are unknown, revoked or expired; throws 401 for an
 * Authorization header that is not "Bearer <key>". Long-lived answers (the progress stream) call it
 * again to notice a revoked key or an ended session.
 */
export async function authenticate(ctx: ServiceContext, request: FastifyRequest): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError('unauthorized', 'unauthorized', 'Authorization must be "Bearer <api key>"');
    return authenticateApiKey(ctx, match[1]);
  }
  const token = request.cookies?.[SESSION_COOKIE];
  return token ? authenticateSession(ctx, token) : null;
}

export function registerAuth(app: FastifyInstance, ctx: ServiceContext) {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || request.routeOptions.config?.public) return;
    if (request.url.startsWith('/api/docs') || request.url === '/api/openapi.json') return;
    const principal = await authenticate(ctx, request);
    if (!principal) {
      throw new AppError(
        'unauthorized',
        'unauthorized',
        request.headers.authorization ? 'the API key is unknown or revoked' : 'log in or send an API key as "Authorization: Bearer <key>"',
      );
    }
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
