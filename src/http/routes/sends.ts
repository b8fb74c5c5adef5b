// Broadcasts: create (instant, delayed, periodic), read, delete before start (or a periodic one, saying
// what becomes of a delivering run), stop, pause or resume while delivering, release or cancel the recipients held for
// open operator chats.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ServiceContext } from '../../services/context.ts';
import { createBroadcast } from '../../services/sends/create.ts';
import type { SendInput } from '../../services/sends/input.ts';
import { getSend } from '../../services/sends/view.ts';
import { deleteSend, pauseSend, settleHolds, stopSend } from '../../services/sends/actions.ts';
import { actor, ws } from '../auth.ts';
import { BotParams, ButtonSchema, Id, IdParams, MediaSchema } from '../schemas.ts';
import * as R from '../responses.ts';
import { WhatsAppTemplateChoice } from './whatsapp-templates.ts';

// A tag by its name or its id. One schema with a type list, not a union: with type coercion a union
// would turn a number into its text — the id 5 into the name "5", 1.5 or 1e308 into a name that
// a draft keeps. Here a number stays a number, and must be an id.
const TagRef = Type.Unsafe<string | number>({
  type: ['string', 'number'],
  minLength: 1,
  maxLength: 200,
  minimum: 1,
  maximum: Number.MAX_SAFE_INTEGER,
  multipleOf: 1,
  description: 'A tag name, or a tag id (a whole number)',
});

const TrackClicks = Type.Boolean({
  description:
    "Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are",
});

export const ContentSchema = Type.Union([
  Type.Object(
    {
      type: Type.Literal('text'),
      text: Type.String({ maxLength: 10000 }),
      media: Type.Optional(Type.Union([MediaSchema, Type.Null()])),
      buttons: Type.Optional(Type.Array(ButtonSchema, { maxItems: 50 })),
      whatsappTemplate: Type.Optional(WhatsAppTemplateChoice),
      trackClicks: Type.Optional(TrackClicks),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal('screen'),
      screenId: Id,
      whatsappTemplate: Type.Optional(WhatsAppTemplateChoice),
      trackClicks: Type.Optional(TrackClicks),
    },
    { additionalProperties: false },
  ),
]);

export const AudienceSchema = Type.Union([
  Type.Object(
    { type: Type.Literal('all'), exclude: Type.Optional(Type.Array(TagRef, { maxItems: 100 })) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal('tags'),
      include: Type.Array(TagRef, { minItems: 1, maxItems: 100 }),
      exclude: Type.Optional(Type.Array(TagRef, { maxItems: 100 })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('selected'), subscriberIds: Type.Optional(Type.Array(Id, { maxItems: 100000 })), importId: Type.Optional(Id) },
    { additionalProperties: false },
  ),
]);

export const TimingSchema = Type.Union([
  Type.Object({ type: Type.Literal('instant') }, { additionalProperties: false }),
  Type.Object(
    {
      type: Type.Literal('delayed'),
      at: Type.String({ maxLength: 40, description: "Local date and time in the bot's time zone, e.g. 2026-12-01T10:00" }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal('periodic'),
      recurrence: Type.Unknown({ description: 'every_n_days | weekdays | month_days | cron, with time and optional endDate' }),
    },
    { additionalProperties: false },
  ),
]);

export const SendBody = Type.Object(
  {
    content: ContentSchema,
    channelIds: Type.Array(Id, { maxItems: 20, description: 'The platforms (channels of the bot) to send on' }),
    audience: AudienceSchema,
    timing: Type.Optional(TimingSchema),
    endOpenChats: Type.Optional(
      Type.Boolean({
        description: 'Close recipients’ open operator chats and send to everyone (otherwise they are held until the chat closes)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const sendRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/api/bots/:botId/sends',
      {
        schema: {
          tags: ['broadcasts'],
          response: { 201: R.Send },
          summary: 'Create a broadcast (instant after the grace window, delayed, or periodic)',
          params: BotParams,
          body: SendBody,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createBroadcast(ctx, ws(request), request.params.botId, request.body as SendInput, actor(request))),
    );

    app.get(
      '/api/sends/:id',
      { schema: { tags: ['broadcasts'], response: { 200: R.Send }, summary: 'A send with its runs and counters', params: IdParams } },
      async (request) => getSend(ctx, ws(request), request.params.id),
    );

    app.delete(
      '/api/sends/:id',
      {
        schema: {
          tags: ['broadcasts'],
          response: { 200: R.DeletedSend },
          summary: 'Delete a send that has not started (instant in its grace window, delayed) or a periodic one (stops future runs)',
          description:
            'A periodic broadcast with a delivering run needs `running`: `continue` (the run goes on and stays in Active) or `stop` ' +
            '(what it has not sent yet is cancelled); without it, 400 choice_needed. Finished runs and their logs stay as they are.',
          params: IdParams,
          querystring: Type.Object({
            running: Type.Optional(Type.Union([Type.Literal('continue'), Type.Literal('stop')], { description: 'continue | stop' })),
          }),
        },
        config: { minRole: 'editor' },
      },
      async (request) => deleteSend(ctx, ws(request), request.params.id, actor(request), { running: request.query.running }),
    );

    app.post(
      '/api/sends/:id/stop',
      {
        schema: {
          tags: ['broadcasts'],
          response: { 200: R.StoppedSend },
          summary: 'Stop a delivering send: what was not sent yet is cancelled',
          params: IdParams,
        },
      },
      async (request) => stopSend(ctx, ws(request), request.params.id, actor(request)),
    );

    for (const action of ['pause', 'resume'] as const) {
      app.post(
        `/api/sends/:id/${action}`,
        {
          schema: {
            tags: ['broadcasts'],
            response: { 200: R.PausedSend },
            summary:
              action === 'pause'
                ? 'Pause a delivering send: queued deliveries wait, those in flight finish'
                : 'Resume a paused send: it goes on exactly where it stopped',
            description:
              'Pause, then resume: nobody gets it twice, nobody is skipped, across worker restarts (the pause is kept in the database). ' +
              'Both are written in the log. 409 not_delivering (no live run), already_paused, not_paused.',
            params: IdParams,
          },
          config: { minRole: 'editor' },
        },
        async (request) => pauseSend(ctx, ws(request), request.params.id, action, actor(request)),
      );
    }

    app.post(
      '/api/sends/:id/holds/:action',
      {
        schema: {
          tags: ['broadcasts'],
          response: { 200: R.SettledHolds },
          summary: 'Recipients held for open operator chats: release them now (sent although the chat is open) or cancel them',
          description:
            'For a send waiting for operator chats (status waiting_for_chats), or one still delivering. Leaving them is doing nothing: ' +
            'each is sent when its chat closes, or fails as hold_expired when the hold expires. 409 nothing_held when nobody is held.',
          params: Type.Object({ id: Id, action: Type.Union([Type.Literal('release'), Type.Literal('cancel')]) }),
        },
        config: { minRole: 'editor' },
      },
      async (request) => settleHolds(ctx, ws(request), request.params.id, request.params.action, actor(request)),
    );
  };
