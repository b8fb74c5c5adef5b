// Who is calling: an API key (`Authorization: Bearer bc_…`) or a panel session cookie. Every route
// needs one unless its config marks it public; the principal's workspace scopes every query.
//
// The decision is made on the route the router matched, never on the text of the request target:
// the router decodes `/%61pi/bots`, reads `http://host/api/bots` (absolute form) and forgives a
// trailing slash, so a test on request.url would see one path and the router serve another. A
// request that matches no route goes to the 404 handler, which runs no handler of ours.
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../domain/errors.ts';
import { requireRole, type Role } from '../domain/roles.ts';
import type { ServiceContext } from '../services/context.ts';
import { authenticateApiKey, authenticateSession, type Principal } from '../services/workspaces.ts';
import { checkSameOrigin } from './csrf.ts';

export const SESSION_COOKIE = 'botcast_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Answers without a principal: sign-up, log-in, webhooks, the panel's files, docs, health. */
    public?: boolean;
    /**
     * The least role (src/domain/roles.ts) a caller needs for this route. Without it: viewer for a
     * read (GET), editor for a write. Routes that change bots, channels, keys or members say admin.
     */
    minRole?: Role;
  }
}

/** Marks every route registered in this scope (and its children) public: for plugins whose routes we do not declare ourselves. */
export function markRoutesPublic(scope: FastifyInstance) {
  scope.addHook('onRoute', (route: RouteOptions) => {
    route.config = { ...route.config, public: true };
  });
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

/** The least role a route needs: its `minRole`, else viewer to read and editor to write. */
function neededRole(method: string, minRole: Role | undefined): Role {
  return minRole ?? (method === 'GET' || method === 'HEAD' ? 'viewer' : 'editor');
}

export function registerAuth(app: FastifyInstance, ctx: ServiceContext) {
  app.decorateRequest('principal', null);
  // The OpenAPI document says which role each operation needs, from the same rule the check applies.
  app.addHook('onRoute', (route: RouteOptions) => {
    if (route.config?.public || !route.url.startsWith('/api/') || !route.schema || typeof route.method !== 'string') return;
    const needs = `Needs the ${neededRole(route.method, route.config?.minRole)} role.`;
    const description = route.schema.description as string | undefined;
    route.schema = { ...route.schema, description: description ? `${description}\n\n${needs}` : needs };
  });
  app.addHook('onRequest', async (request) => {
    if (request.is404 || request.routeOptions.config?.public) return;
    const principal = await authenticate(ctx, request);
    if (!principal) {
      throw new AppError(
        'unauthorized',
        'unauthorized',
        request.headers.authorization ? 'the API key is unknown or revoked' : 'log in or send an API key as "Authorization: Bearer <key>"',
      );
    }
    // A browser sends the cookie with requests other sites make it send: a write must prove it
    // comes from the panel's own origin. An API key is never sent by a browser on its own.
    if (!request.headers.authorization) checkSameOrigin(request, ctx.config.publicUrl);
    request.principal = principal;
    const config = request.routeOptions.config;
    requireRole(principal.role, neededRole(request.method, config?.minRole), `${request.method} ${request.routeOptions.url}`);
  });
}

export function ws(request: FastifyRequest): number {
  return request.principal!.workspaceId;
}

export function actor(request: FastifyRequest): string {
  const p = request.principal!;
  return p.memberId ? `member:${p.memberId}` : `api_key:${p.apiKeyId}`;
}
