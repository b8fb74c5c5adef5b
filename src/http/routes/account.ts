// Sign-up, log-in and the current principal. Members, API keys, sessions and the audit log: settings.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../domain/errors.ts';
import type { ServiceContext } from '../../services/context.ts';
import * as workspaces from '../../services/workspaces.ts';
import { SESSION_COOKIE, ws } from '../auth.ts';
import * as R from '../responses.ts';

export const Email = Type.String({ minLength: 3, maxLength: 254 });
export const Password = Type.String({
  minLength: workspaces.PASSWORD_MIN_LENGTH,
  maxLength: workspaces.PASSWORD_MAX_LENGTH,
  description: `${workspaces.PASSWORD_MIN_LENGTH} to ${workspaces.PASSWORD_MAX_LENGTH} characters, not only spaces`,
});

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
          description:
            'An e-mail that already has an account gets the same answer but nothing is created (its key does not work): ' +
            'the answer does not tell whether an e-mail is known.',
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
          description:
            'Ten failed logins for one e-mail from one address, or fifty from one address, refuse that address for up to ' +
            "15 minutes (429 with Retry-After); failures from everywhere only slow the e-mail's logins down.",
          body: Type.Object(
            { email: Email, password: Type.String({ maxLength: workspaces.PASSWORD_MAX_LENGTH }) },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        const session = await workspaces.login(ctx, request.body.email, request.body.password, request.ip);
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
        // The panel words its grace-window hints with the configured length (BOTCAST_GRACE_SECONDS).
        return { workspace, memberId, apiKeyId, role, settings: { graceSeconds: ctx.config.graceSeconds } };
      },
    );
  };
