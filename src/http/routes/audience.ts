// Subscribers, tags, screens and operator chats of a bot.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ServiceContext } from '../../services/context.ts';
import * as subscribers from '../../services/subscribers.ts';
import * as tags from '../../services/tags.ts';
import * as screens from '../../services/screens.ts';
import * as chats from '../../services/operator-chats.ts';
import { actor, ws } from '../auth.ts';
import { BotParams, ButtonSchema, Id, IdParams, MediaSchema, NoContent, PageQuery } from '../schemas.ts';
import * as R from '../responses.ts';

const TagList = Type.Array(Type.String({ maxLength: 200 }), { minItems: 1, maxItems: 100 });

export const audienceRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/bots/:botId/subscribers',
      {
        schema: {
          tags: ['subscribers'],
          response: { 200: R.PageOf(R.Subscriber) },
          summary: 'Search subscribers (newest first; with q, exact matches first, then names starting with it)',
          params: BotParams,
          querystring: Type.Object({
            q: Type.Optional(
              Type.String({
                maxLength: 200,
                description: 'name, username, platform user id or subscriber id; exact matches come first, then prefix matches',
              }),
            ),
            tag: Type.Optional(Type.String({ maxLength: 200 })),
            status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('blocked')])),
            platform: Type.Optional(Type.String({ maxLength: 20 })),
            chatOpen: Type.Optional(Type.Boolean()),
            optedOut: Type.Optional(Type.Boolean({ description: 'true: only those who opted out of broadcasts; false: only the others' })),
            ...PageQuery,
          }),
        },
      },
      async (request) => subscribers.listSubscribers(ctx, ws(request), request.params.botId, request.query),
    );

    app.get(
      '/api/subscribers/:id',
      { schema: { tags: ['subscribers'], response: { 200: R.Subscriber }, summary: 'A subscriber', params: IdParams } },
      async (request) => subscribers.getSubscriber(ctx, ws(request), request.params.id),
    );

    app.post(
      '/api/subscribers/:id/tags',
      {
        schema: {
          tags: ['subscribers'],
          response: { 200: R.Subscriber },
          summary: 'Assign tags (created when missing); fires trigger events',
          params: IdParams,
          body: Type.Object({ tags: TagList }, { additionalProperties: false }),
        },
      },
      async (request) => subscribers.addSubscriberTags(ctx, ws(request), request.params.id, request.body.tags),
    );

    app.put(
      '/api/subscribers/:id/time-zone',
      {
        config: { minRole: 'editor' },
        schema: {
          tags: ['subscribers'],
          response: { 200: R.Subscriber },
          summary: "Set a subscriber's own time zone",
          description: "An IANA name (Europe/Berlin); null goes back to the bot's zone. Recipient-local sending and quiet hours read it.",
          params: IdParams,
          // A type list, not a union: with type coercion on, a union's string branch turns null into "".
          body: Type.Object(
            {
              timeZone: Type.Unsafe<string | null>({
                type: ['string', 'null'],
                maxLength: 64,
                description: "IANA name; null: the bot's zone",
              }),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => subscribers.setSubscriberTimeZone(ctx, ws(request), request.params.id, request.body.timeZone as string | null),
    );

    for (const [path, optedOut] of [
      ['/api/subscribers/:id/opt-out', true],
      ['/api/subscribers/:id/opt-in', false],
    ] as const) {
      app.post(
        path,
        {
          config: { minRole: 'editor' },
          schema: {
            tags: ['subscribers'],
            response: { 200: R.Subscriber },
            summary: optedOut ? 'Opt a subscriber out of broadcasts and triggers' : 'Opt a subscriber back in to broadcasts',
            description: optedOut
              ? 'They stay active (not blocked): operator chats and external events that ignore the opt-out still reach them. Idempotent.'
              : 'Undoes an opt-out (by keyword or API). Idempotent.',
            params: IdParams,
          },
        },
        async (request) => subscribers.setSubscriberOptOut(ctx, ws(request), request.params.id, optedOut),
      );
    }

    app.delete(
      '/api/subscribers/:id/tags',
      {
        schema: {
          tags: ['subscribers'],
          response: { 200: R.Subscriber },
          summary: 'Remove tags',
          params: IdParams,
          body: Type.Object({ tags: TagList }, { additionalProperties: false }),
        },
      },
      async (request) => subscribers.removeSubscriberTags(ctx, ws(request), request.params.id, request.body.tags),
    );

    app.post(
      '/api/bots/:botId/subscribers/tag',
      {
        schema: {
          tags: ['subscribers'],
          response: { 200: R.Changed },
          summary: 'Assign (or remove) one tag on many subscribers at once',
          params: BotParams,
          body: Type.Object(
            {
              tag: Type.String({ maxLength: 200 }),
              subscriberIds: Type.Array(Id, { minItems: 1, maxItems: 10000 }),
              remove: Type.Optional(Type.Boolean()),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => subscribers.bulkTag(ctx, ws(request), request.params.botId, request.body),
    );

    app.post(
      '/api/subscribers/:id/chat',
      { schema: { tags: ['operator chats'], response: { 201: R.OperatorChat }, summary: 'Open an operator chat', params: IdParams } },
      async (request, reply) => reply.status(201).send(await chats.openChat(ctx, ws(request), request.params.id, actor(request))),
    );

    app.post(
      '/api/subscribers/:id/chat/close',
      {
        schema: {
          tags: ['operator chats'],
          response: { 200: R.OperatorChat },
          summary: 'Close the open operator chat',
          params: IdParams,
          body: Type.Union([
            Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
            Type.Null(),
          ]),
        },
      },
      async (request) => chats.closeChat(ctx, ws(request), request.params.id, actor(request), request.body?.reason || 'closed by operator'),
    );

    app.get(
      '/api/bots/:botId/chats',
      {
        schema: {
          tags: ['operator chats'],
          response: { 200: Type.Array(R.OperatorChat) },
          summary: 'Operator chats of a bot',
          params: BotParams,
          querystring: Type.Object({ open: Type.Optional(Type.Boolean()), subscriberId: Type.Optional(Id) }),
        },
      },
      async (request) => chats.listChats(ctx, ws(request), request.params.botId, request.query),
    );

    app.post(
      '/api/bots/:botId/chats/close-all',
      { schema: { tags: ['operator chats'], response: { 200: R.Closed }, summary: 'Close all open chats of a bot', params: BotParams } },
      async (request) => chats.closeAllChats(ctx, ws(request), request.params.botId, actor(request)),
    );

    app.get(
      '/api/bots/:botId/tags',
      {
        schema: {
          tags: ['tags'],
          response: { 200: Type.Array(R.Tag) },
          summary: 'Tags of a bot with how many subscribers have each ("in use" when at least one)',
          params: BotParams,
        },
      },
      async (request) => tags.listTags(ctx, ws(request), request.params.botId),
    );

    app.post(
      '/api/bots/:botId/tags',
      {
        schema: {
          tags: ['tags'],
          response: { 201: R.Tag },
          summary: 'Create a tag',
          params: BotParams,
          body: Type.Object({ name: Type.String({ maxLength: 200 }) }, { additionalProperties: false }),
        },
      },
      async (request, reply) => reply.status(201).send(await tags.createTag(ctx, ws(request), request.params.botId, request.body.name)),
    );

    app.patch(
      '/api/tags/:id',
      {
        schema: {
          tags: ['tags'],
          response: { 200: R.RenamedTag },
          summary: 'Rename a tag',
          params: IdParams,
          body: Type.Object({ name: Type.String({ maxLength: 200 }) }, { additionalProperties: false }),
        },
      },
      async (request) => tags.renameTag(ctx, ws(request), request.params.id, request.body.name),
    );

    app.delete(
      '/api/tags/:id',
      { schema: { tags: ['tags'], response: { 204: NoContent }, summary: 'Delete a tag (removes it from everyone)', params: IdParams } },
      async (request, reply) => {
        await tags.deleteTag(ctx, ws(request), request.params.id);
        return reply.status(204).send();
      },
    );

    const ScreenBody = {
      name: Type.String({ minLength: 1, maxLength: 200 }),
      text: Type.String({ maxLength: 10000, description: 'Text with {{variables}}' }),
      media: Type.Optional(Type.Union([MediaSchema, Type.Null()])),
      buttons: Type.Optional(Type.Array(ButtonSchema, { maxItems: 50 })),
    };

    app.get(
      '/api/bots/:botId/screens',
      { schema: { tags: ['screens'], response: { 200: Type.Array(R.Screen) }, summary: 'Screens of a bot', params: BotParams } },
      async (request) => screens.listScreens(ctx, ws(request), request.params.botId),
    );

    app.post(
      '/api/bots/:botId/screens',
      {
        schema: {
          tags: ['screens'],
          response: { 201: R.Screen },
          summary: 'Create a screen',
          params: BotParams,
          body: Type.Object(ScreenBody, { additionalProperties: false }),
        },
      },
      async (request, reply) => reply.status(201).send(await screens.createScreen(ctx, ws(request), request.params.botId, request.body)),
    );

    app.get(
      '/api/screens/:id',
      { schema: { tags: ['screens'], response: { 200: R.Screen }, summary: 'A screen', params: IdParams } },
      async (request) => screens.getScreen(ctx.db, ws(request), request.params.id),
    );

    app.patch(
      '/api/screens/:id',
      {
        schema: {
          tags: ['screens'],
          response: { 200: R.Screen },
          summary: 'Change a screen',
          params: IdParams,
          body: Type.Partial(Type.Object(ScreenBody), { additionalProperties: false }),
        },
      },
      async (request) => screens.updateScreen(ctx, ws(request), request.params.id, request.body),
    );

    app.delete(
      '/api/screens/:id',
      { schema: { tags: ['screens'], response: { 204: NoContent }, summary: 'Delete a screen', params: IdParams } },
      async (request, reply) => {
        await screens.deleteScreen(ctx, ws(request), request.params.id);
        return reply.status(204).send();
      },
    );
  };
