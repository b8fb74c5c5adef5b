// Trigger events: "when tag T is assigned, send C after a delay" — create, edit, enable/disable,
// order, and the firings of a trigger (pending, fired, cancelled, with the reason).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ServiceContext } from '../../services/context.ts';
import * as triggers from '../../services/triggers.ts';
import { ws } from '../auth.ts';
import { editBodies, taggedRoute } from '../route-options.ts';
import { BotParams, Id, IdParams, NoContent } from '../schemas.ts';
import * as R from '../responses.ts';
import { ContentSchema } from './sends.ts';

// Not a union: with type coercion a union would turn a tag id into a name ("5"); the service checks it.
const TagRef = Type.Unknown({ description: 'A tag of the bot: its name (a string) or its id (a number)' });
const Delay = Type.Object(
  {
    amount: Type.Integer({ minimum: 0, description: 'How many units (0 only with a time of day)' }),
    unit: Type.Union(['minutes', 'hours', 'days', 'weeks', 'months'].map((u) => Type.Literal(u))),
    // A type list, not a union: with type coercion a union would turn null into "".
    timeOfDay: Type.Optional(
      Type.Unsafe<string | null>({
        type: ['string', 'null'],
        maxLength: 5,
        description: 'HH:mm in the bot time zone; days, weeks and months only',
      }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'After `amount` `unit`, optionally at a time of day: "1 day at 19:00" fires at 19:00 the next day; "0 days at 19:00" today if still ahead, else tomorrow',
  },
);
const Fields = {
  name: Type.String({ maxLength: 200 }),
  tag: TagRef,
  content: ContentSchema,
  delay: Delay,
  endOpenChats: Type.Boolean({ description: 'Close the subscriber’s open operator chat and send (otherwise held until the chat closes)' }),
  fireAgain: Type.Boolean({ description: 'Fire again when the tag is assigned again (default: once per subscriber)' }),
  enabled: Type.Boolean(),
};
const Bodies = editBodies(Fields, ['tag', 'content', 'delay']);
const route = taggedRoute('trigger events');

export const triggerRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/bots/:botId/triggers',
      route({
        response: { 200: Type.Array(R.Trigger) },
        summary: "A bot's trigger events, in their order",
        params: BotParams,
      }),
      async (request) => triggers.listTriggers(ctx, ws(request), request.params.botId),
    );

    app.post(
      '/api/bots/:botId/triggers',
      route({
        response: { 201: R.TriggerDetail },
        summary: 'Create a trigger event (placed last in the order)',
        params: BotParams,
        body: Bodies.create,
      }),
      async (request, reply) =>
        reply.status(201).send(await triggers.createTrigger(ctx, ws(request), request.params.botId, request.body as triggers.TriggerInput)),
    );

    app.put(
      '/api/bots/:botId/triggers/order',
      route({
        response: { 200: Type.Array(R.Trigger) },
        summary: 'Set the order of the bot’s triggers (it decides which goes first when several fire at once for one subscriber)',
        params: BotParams,
        body: Type.Object(
          { ids: Type.Array(Id, { maxItems: 10000, description: 'Every trigger id of the bot, first to last' }) },
          { additionalProperties: false },
        ),
      }),
      async (request) => triggers.orderTriggers(ctx, ws(request), request.params.botId, request.body.ids),
    );

    app.get(
      '/api/triggers/:id',
      route({
        response: { 200: R.TriggerDetail },
        summary: 'A trigger event with its firing counts',
        params: IdParams,
      }),
      async (request) => triggers.getTrigger(ctx, ws(request), request.params.id),
    );

    app.patch(
      '/api/triggers/:id',
      route({
        response: { 200: R.TriggerDetail },
        summary: 'Change a trigger event (pending firings keep their due time; a new tag cancels the old tag’s pending firings)',
        params: IdParams,
        body: Bodies.patch,
      }),
      async (request) => triggers.updateTrigger(ctx, ws(request), request.params.id, request.body as triggers.TriggerPatch),
    );

    app.delete(
      '/api/triggers/:id',
      route({
        response: { 204: NoContent },
        summary: 'Delete a trigger event and its pending firings (its sends stay in history)',
        params: IdParams,
      }),
      async (request, reply) => {
        await triggers.deleteTrigger(ctx, ws(request), request.params.id);
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/triggers/:id/enable',
      route({ response: { 200: R.TriggerDetail }, summary: 'Enable a trigger event', params: IdParams }),
      async (request) => triggers.setTriggerEnabled(ctx, ws(request), request.params.id, true),
    );

    app.post(
      '/api/triggers/:id/disable',
      route({
        response: { 200: R.TriggerDetail },
        summary: 'Disable a trigger event: new tag assignments do not fire it; firings that come due while disabled are cancelled',
        params: IdParams,
      }),
      async (request) => triggers.setTriggerEnabled(ctx, ws(request), request.params.id, false),
    );

    app.get(
      '/api/triggers/:id/firings',
      route({
        response: { 200: Type.Array(R.Firing) },
        summary:
          'Firings of a trigger, newest first: pending (with the due time), fired (with the send and delivery state) or cancelled (with the reason)',
        params: IdParams,
        querystring: Type.Object({
          state: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('fired'), Type.Literal('cancelled')])),
          subscriberId: Type.Optional(Id),
          before: Type.Optional(Id),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
        }),
      }),
      async (request) => triggers.listFirings(ctx, ws(request), request.params.id, request.query),
    );
  };
