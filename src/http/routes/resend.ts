// Resend to a subset (issue 17 point 9): what a finished run's "Resend to…" dialog shows (recipients
// per outcome), and the resend itself — a new broadcast to the recipients of that run whose
// outcome the user picked, linked to it. The service: src/services/sends/resend.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ServiceContext } from '../../services/context.ts';
import { createResend, RESEND_OUTCOMES, resendOptions, type ResendInput } from '../../services/sends/resend.ts';
import { actor, ws } from '../auth.ts';
import { Id, IdParams } from '../schemas.ts';
import * as R from '../responses.ts';
import { ResendOptions } from '../responses-logs.ts';
import { ContentSchema } from './sends.ts';

const Outcome = Type.Union(
  RESEND_OUTCOMES.map((o) => Type.Literal(o)),
  { description: RESEND_OUTCOMES.join(' | ') },
);

export const resendRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/sends/:id/resend',
      {
        schema: {
          tags: ['broadcasts'],
          response: { 200: ResendOptions },
          summary: 'What a resend of a run would reach: its recipients per outcome (failed, unknown, outside_window, hold_expired)',
          params: IdParams,
          querystring: Type.Object({ runId: Type.Optional(Id) }),
        },
      },
      async (request) => resendOptions(ctx, ws(request), request.params.id, request.query.runId),
    );

    app.post(
      '/api/sends/:id/resend',
      {
        schema: {
          tags: ['broadcasts'],
          response: { 201: R.Send },
          summary: 'Resend a finished run to its recipients with the chosen outcomes: a new broadcast linked to it',
          description:
            'The audience is the recipients of the run (runId, else the newest) whose outcome is one of `outcomes` now, kept as a ' +
            'snapshot (like selected users); subscribers who blocked the bot or opted out since are left out when it starts. ' +
            'It is an instant broadcast (grace window first) with the run’s content, or `content` when given. Including `unknown` ' +
            'needs acknowledgeUnknown=true, since some of them did receive the message (400 unknown_needs_acknowledgement). ' +
            '409 run_not_finished while the run delivers, not_run for a send that never ran; 400 no_recipients when nobody matches.',
          params: IdParams,
          body: Type.Object(
            {
              runId: Type.Optional(Id),
              outcomes: Type.Array(Outcome, { minItems: 1, maxItems: 4 }),
              acknowledgeUnknown: Type.Optional(
                Type.Boolean({
                  description: 'Required (true) with `unknown`: some of them did receive the message and would get it twice',
                }),
              ),
              content: Type.Optional(ContentSchema),
            },
            { additionalProperties: false },
          ),
        },
        config: { minRole: 'editor' },
      },
      async (request, reply) =>
        reply.status(201).send(await createResend(ctx, ws(request), request.params.id, request.body as ResendInput, actor(request))),
    );
  };
