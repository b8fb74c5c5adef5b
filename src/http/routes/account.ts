// Sign-up, log-in and the current principal. Members, API keys, sessions and the audit log: settings.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../domain/errors.ts';
import type { ServiceContext } from '../../services/context.ts';
import * as workspaces from '../../services/workspaces.ts';
import { SESSION_COOKIE, ws } from '../auth.ts';
import * as R from '../responses.ts';

const Email = Type.String({ minLength: 3, maxLength: 254 });
const Password = Type.String({ minLength: 8, maxLength: 200 });

export const accountRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/api/signup',
      {
        config: { public: true },
        schema: {
          tags: ['account'],
          response: { 201: R.Signup },
          summary: 'Create a workspace with its first member; answers with an API key (shown once)',
          body: Type.Object(
            {
              workspaceName: Type.String({ minLength: 1, maxLength: 200 }),
              email: Email,
              password: Password,
              name: Type.Optional(Type.String({ maxLength: 200 })),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        if (!ctx.config.signup)
          throw new AppError('forbidden', 'signup_closed', 'sign-up is disabled on this Botcast (BOTCAST_SIGNUP=false)');
        const result = await workspaces.signup(ctx, request.body);
        return reply.status(201).send(result);
      },
    );

    app.post(
      '/api/auth/login',
      {
        config: { public: true },
        schema: {
          tags: ['account'],
          response: { 200: R.Login },
          summary: 'Log into the panel (sets a session cookie)',
          body: Type.Object({ email: Email, password: Type.String({ maxLength: 200 }) }, { additionalProperties: false }),
        },
      },
      async (request, reply) => {
        const session = await workspaces.login(ctx, request.body.email, request.body.password);
        reply.setCookie(SESSION_COOKIE, session.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          maxAge: session.maxAgeSeconds,
          secure: ctx.config.publicUrl.startsWith('https:'),
        });
        return { memberId: session.memberId, workspaceId: session.workspaceId, name: session.name };
      },
    );

    app.post(
      '/api/auth/logout',
      { config: { public: true }, schema: { tags: ['account'], response: { 200: R.Ok }, summary: 'Log out' } },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) await workspaces.logout(ctx, token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true };
      },
    );

    app.get(
      '/api/me',
      { schema: { tags: ['account'], response: { 200: R.Me }, summary: 'The calling member or API key and its workspace' } },
      async (request) => {
        const workspace = await workspaces.getWorkspace(ctx, ws(request));
        const { memberId, apiKeyId, role } = request.principal!;
        return { workspace, memberId, apiKeyId, role };
      },
    );
  };
