// The workspace's settings: members and their roles, API keys, panel sessions and the audit log.
// Who may call each route is its `minRole` (src/http/auth.ts); the services check the rest (no one
// gives or touches a role above their own).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { invalid } from '../../domain/errors.ts';
import * as apiKeys from '../../services/api-keys.ts';
import { listAudit, type Caller } from '../../services/audit.ts';
import type { ServiceContext } from '../../services/context.ts';
import * as members from '../../services/members.ts';
import { decodeCursor, toPage } from '../../services/pagination.ts';
import * as sessions from '../../services/sessions.ts';
import { actor, ws } from '../auth.ts';
import { taggedRoute } from '../route-options.ts';
import { IdParams, NoContent, PageQuery, RoleSchema } from '../schemas.ts';
import * as R from '../responses.ts';
import { Email, Password } from './account.ts';

const route = taggedRoute('settings');
const ADMIN = { minRole: 'admin' as const };
// A member's own sessions are theirs to end whatever their role.
const ANY_ROLE = { minRole: 'viewer' as const };

function caller(request: FastifyRequest): Caller {
  return { workspaceId: ws(request), role: request.principal!.role, actor: actor(request) };
}

/** The member behind a session; an API key has no sessions of its own. */
function sessionMember(request: FastifyRequest): number {
  const memberId = request.principal!.memberId;
  if (memberId === null) throw invalid('not_a_member', 'an API key has no sessions; log into the panel to manage yours');
  return memberId;
}

export const settingsRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/members',
      { config: ADMIN, ...route({ summary: 'Members of the workspace', response: { 200: Type.Array(R.Member) } }) },
      async (request) => members.listMembers(ctx, ws(request)),
    );

    app.post(
      '/api/members',
      {
        config: ADMIN,
        ...route({
          summary: 'Add a member who can log into the panel',
          description:
            'Botcast sends no e-mail: the caller chooses the first password and hands it to the new member. ' +
            'The role (default viewer) cannot be above the caller’s.',
          response: { 201: R.Member },
          body: Type.Object(
            { email: Email, password: Password, name: Type.Optional(Type.String({ maxLength: 200 })), role: Type.Optional(RoleSchema) },
            { additionalProperties: false },
          ),
        }),
      },
      async (request, reply) => reply.status(201).send(await members.addMember(ctx, caller(request), request.body)),
    );

    app.patch(
      '/api/members/:id',
      {
        config: ADMIN,
        ...route({
          summary: 'Change a member’s role (409 `last_owner` if the workspace would have no owner left)',
          params: IdParams,
          response: { 204: NoContent },
          body: Type.Object({ role: RoleSchema }, { additionalProperties: false }),
        }),
      },
      async (request, reply) => {
        await members.changeMemberRole(ctx, caller(request), request.params.id, request.body.role);
        return reply.status(204).send();
      },
    );

    app.delete(
      '/api/members/:id',
      {
        config: ADMIN,
        ...route({
          summary: 'Remove a member and end their sessions (never the last owner)',
          params: IdParams,
          response: { 204: NoContent },
        }),
      },
      async (request, reply) => {
        await members.removeMember(ctx, caller(request), request.params.id);
        return reply.status(204).send();
      },
    );

    app.delete(
      '/api/members/:id/sessions',
      { config: ADMIN, ...route({ summary: 'Log a member out everywhere', params: IdParams, response: { 200: R.Revoked } }) },
      async (request) => sessions.revokeMemberSessions(ctx, caller(request), request.params.id),
    );

    app.get(
      '/api/api-keys',
      {
        config: ADMIN,
        ...route({ summary: 'API keys of the workspace (never the keys themselves)', response: { 200: Type.Array(R.ApiKey) } }),
      },
      async (request) => apiKeys.listApiKeys(ctx, ws(request)),
    );

    app.post(
      '/api/api-keys',
      {
        config: ADMIN,
        ...route({
          summary: 'Create an API key; the key is in this answer only',
          description: 'The role defaults to the caller’s own and cannot be above it.',
          response: { 201: R.NewApiKey },
          body: Type.Object(
            { name: Type.String({ minLength: 1, maxLength: 200 }), role: Type.Optional(RoleSchema) },
            { additionalProperties: false },
          ),
        }),
      },
      async (request, reply) => {
        const input = { name: request.body.name, role: request.body.role ?? request.principal!.role };
        return reply.status(201).send(await apiKeys.createApiKey(ctx, caller(request), input));
      },
    );

    app.delete(
      '/api/api-keys/:id',
      { config: ADMIN, ...route({ summary: 'Revoke an API key', params: IdParams, response: { 204: NoContent } }) },
      async (request, reply) => {
        await apiKeys.revokeApiKey(ctx, caller(request), request.params.id);
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/sessions',
      {
        config: ANY_ROLE,
        ...route({
          summary: 'The calling member’s panel sessions, newest first (none for an API key)',
          response: { 200: Type.Array(R.Session) },
        }),
      },
      async (request) => {
        const { memberId, sessionId } = request.principal!;
        return memberId === null ? [] : sessions.listOwnSessions(ctx, memberId, sessionId ?? null);
      },
    );

    app.delete(
      '/api/sessions/:id',
      {
        config: ANY_ROLE,
        ...route({ summary: 'End one of the calling member’s sessions', params: IdParams, response: { 204: NoContent } }),
      },
      async (request, reply) => {
        await sessions.revokeOwnSession(ctx, sessionMember(request), request.params.id);
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/sessions/revoke-others',
      { config: ANY_ROLE, ...route({ summary: 'End every session of the calling member but this one', response: { 200: R.Revoked } }) },
      async (request) => sessions.revokeOtherSessions(ctx, sessionMember(request), request.principal!.sessionId ?? null),
    );

    app.get(
      '/api/audit-log',
      {
        config: ADMIN,
        ...route({
          summary: 'Changes to channels, API keys and members, newest first',
          querystring: Type.Object(
            {
              ...PageQuery,
              action: Type.Optional(
                Type.String({ maxLength: 100, description: 'One action (`api_key.revoked`) or, ending with a dot, a family (`member.`)' }),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 200: R.PageOf(R.AuditEntry) },
        }),
      },
      async (request) => {
        const limit = request.query.limit ?? 50;
        const rows = await listAudit(ctx.db, ws(request), {
          limit,
          beforeId: decodeCursor(request.query.cursor),
          action: request.query.action,
        });
        return toPage(rows, limit);
      },
    );
  };
