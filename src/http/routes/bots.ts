// Bots and their channels.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ServiceContext } from '../../services/context.ts';
import * as bots from '../../services/bots.ts';
import * as channels from '../../services/channels.ts';
import { getWebhookSetup } from '../../services/channel-webhook-setup.ts';
import { PLATFORM_CODES } from '../../platforms/registry.ts';
import { actor, ws } from '../auth.ts';
import { BotParams, IdParams, NoContent, Nullable } from '../schemas.ts';
import * as R from '../responses.ts';

const TimeZone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Berlin' });
const Credentials = Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 4096 }), {
  description: 'Platform credentials (fields depend on the platform); stored encrypted, never returned',
});
// One schema with a type list, not a union: with type coercion a union would turn 0 into null.
const Rate = Type.Unsafe<number | null>({
  type: ['number', 'null'],
  exclusiveMinimum: 0,
  maximum: 1000000,
  description: 'Messages per second; null = the platform default',
});
// A type list too: as a union, coercion turned null into "" (the first branch), "not a URL".
const BaseUrl = Type.Unsafe<string | null>({
  type: ['string', 'null'],
  maxLength: 2000,
  description: "Platform API base URL; null = the platform's own",
});

const Keywords = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
  maxItems: 50,
  description: 'Whole-message keywords, matched trimmed and in any case',
});

/** Bots and channels hold the platforms' credentials and where messages go: changing them needs an admin. */
const ADMIN_ONLY = { minRole: 'admin' as const };

// The answer to an opt-out/opt-in keyword: text, "" (no answer) or null (the default). A type
// list too: as a union, coercion turns null into "" or "" into null, whichever comes first.
const ReplyText = Type.Unsafe<string | null>({
  type: ['string', 'null'],
  maxLength: 1000,
  description: 'The answer to the keyword; null = the default text, "" = no answer',
});

export const botRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/bots',
      { schema: { tags: ['bots'], response: { 200: Type.Array(R.Bot) }, summary: 'Bots of the workspace' } },
      async (request) => bots.listBots(ctx, ws(request)),
    );

    app.post(
      '/api/bots',
      {
        config: ADMIN_ONLY,
        schema: {
          tags: ['bots'],
          response: { 201: R.Bot },
          summary: 'Create a bot',
          body: Type.Object(
            { name: Type.String({ minLength: 1, maxLength: 200 }), timeZone: Type.Optional(TimeZone) },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => reply.status(201).send(await bots.createBot(ctx, ws(request), request.body)),
    );

    app.get(
      '/api/bots/:botId',
      { schema: { tags: ['bots'], response: { 200: R.Bot }, summary: 'A bot', params: BotParams } },
      async (request) => bots.getBot(ctx, ws(request), request.params.botId),
    );

    app.patch(
      '/api/bots/:botId',
      {
        config: ADMIN_ONLY,
        schema: {
          tags: ['bots'],
          response: { 200: R.Bot },
          summary: 'Change a bot: name, time zone, opt-out and opt-in keywords, frequency cap',
          description:
            'A subscriber whose whole message is one of `optOutKeywords` (any case) is opted out of broadcasts and triggers; ' +
            'one of `optInKeywords` opts them back in; either is answered with `optOutReply` / `optInReply` ' +
            '(null = a default text, English or Russian after the word written; empty = no answer). `frequencyCap` (null = off): at most `count` broadcasts per subscriber ' +
            'within `days` days; recipients over it are left out when a run is materialised.',
          params: BotParams,
          body: Type.Object(
            {
              name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
              timeZone: Type.Optional(TimeZone),
              optOutKeywords: Type.Optional(Keywords),
              optInKeywords: Type.Optional(Keywords),
              optOutReply: Type.Optional(ReplyText),
              optInReply: Type.Optional(ReplyText),
              frequencyCap: Type.Optional(Nullable(R.FrequencyCap)),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => bots.updateBot(ctx, ws(request), request.params.botId, request.body as bots.BotSettingsInput),
    );

    app.delete(
      '/api/bots/:botId',
      {
        config: ADMIN_ONLY,
        schema: { tags: ['bots'], response: { 204: NoContent }, summary: 'Delete a bot and everything of it', params: BotParams },
      },
      async (request, reply) => {
        await bots.deleteBot(ctx, ws(request), request.params.botId);
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/bots/:botId/channels',
      { schema: { tags: ['channels'], response: { 200: Type.Array(R.Channel) }, summary: "A bot's channels", params: BotParams } },
      async (request) => channels.listChannels(ctx, ws(request), request.params.botId),
    );

    app.post(
      '/api/bots/:botId/channels',
      {
        config: ADMIN_ONLY,
        schema: {
          tags: ['channels'],
          response: { 201: R.Channel },
          summary: 'Connect a platform: checks the credentials with the platform and registers the webhook where it can',
          params: BotParams,
          body: Type.Object(
            {
              platform: Type.String({ maxLength: 20, description: `${PLATFORM_CODES.join(', ')} (GET /api/platforms)` }),
              name: Type.Optional(Type.String({ maxLength: 200 })),
              credentials: Type.Optional(Credentials),
              ratePerSecond: Type.Optional(Rate),
              apiBaseUrl: Type.Optional(BaseUrl),
              verify: Type.Optional(Type.Boolean({ description: 'Check credentials with the platform (default true)' })),
              inbound: Type.Optional(
                Type.Union([Type.Literal('webhook'), Type.Literal('polling')], {
                  description: 'webhook (default) or long polling (Telegram), for machines without a public URL',
                }),
              ),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await channels.createChannel(
              ctx,
              ws(request),
              request.params.botId,
              request.body as channels.CreateChannelInput,
              actor(request),
            ),
          ),
    );

    app.get(
      '/api/channels/:id',
      { schema: { tags: ['channels'], response: { 200: R.Channel }, summary: 'A channel', params: IdParams } },
      async (request) => channels.present(ctx, await channels.getChannelRow(ctx.db, ws(request), request.params.id)),
    );

    app.get(
      '/api/channels/:id/webhook-setup',
      {
        config: ADMIN_ONLY,
        schema: {
          tags: ['channels'],
          response: { 200: R.ChannelWebhookSetup },
          summary: 'What to paste into the platform’s settings: the webhook URL, the secret and the steps',
          description:
            'Admins only: the secret lets its holder post events as the platform. For platforms that register their webhook ' +
            'themselves `manual` is false and `secret` null.',
          params: IdParams,
        },
      },
      async (request) => getWebhookSetup(ctx, ws(request), request.params.id),
    );

    app.patch(
      '/api/channels/:id',
      {
        config: ADMIN_ONLY,
        schema: {
          tags: ['channels'],
          response: { 200: R.Channel },
          summary:
            'Change a channel: name, rate limit, base URL, credentials, status, circuit breaker, webhook secret and confirmation string, paid broadcasts',
          description:
            'A new `apiBaseUrl` (other than null, the platform’s own) needs the channel’s `credentials` again in the same request ' +
            '(400 `credentials_required` otherwise): stored credentials are never sent to a new address. Changes are written to the audit log.',
          params: IdParams,
          body: Type.Object(
            {
              name: Type.Optional(Type.String({ maxLength: 200 })),
              ratePerSecond: Type.Optional(Rate),
              apiBaseUrl: Type.Optional(BaseUrl),
              credentials: Type.Optional(Credentials),
              status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
              circuitBreaker: Type.Optional(
                Type.Union(
                  [
                    Type.Object(
                      {
                        percent: Type.Optional(
                          Type.Number({
                            exclusiveMinimum: 0,
                            exclusiveMaximum: 100,
                            description: 'Pause above this share of refused messages',
                          }),
                        ),
                        window: Type.Optional(
                          Type.Integer({
                            minimum: 50,
                            maximum: 100000,
                            description: 'Over this many latest outcomes (the smallest sample too)',
                          }),
                        ),
                      },
                      { additionalProperties: false },
                    ),
                    Type.Null(),
                  ],
                  {
                    description:
                      'The circuit breaker: runs on this channel pause themselves when more than `percent` % of the last `window` outcomes ' +
                      'were refused (blocked or permanent errors); null turns it off. Default 20 % of 500.',
                  },
                ),
              ),
              webhookSecret: Type.Optional(
                Type.String({
                  minLength: 1,
                  maxLength: 256,
                  description: 'The secret the platform sends with every event, where a person sets the webhook up (VK: the secret key)',
                }),
              ),
              webhookConfirmation: Type.Optional(
                Type.String({
                  minLength: 1,
                  maxLength: 100,
                  description: 'The string the platform’s handshake wants back (VK Callback API confirmation string)',
                }),
              ),
              allowPaidBroadcast: Type.Optional(
                Type.Boolean({
                  description:
                    'Telegram only: send with allow_paid_broadcast — up to 1000 messages/s instead of about 30, for 0.1 Telegram Star per ' +
                    'message from the bot’s balance; the default rate limit becomes 1000/s (a rate you set still applies)',
                }),
              ),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) =>
        channels.updateChannel(ctx, ws(request), request.params.id, request.body as channels.UpdateChannelInput, actor(request)),
    );

    app.delete(
      '/api/channels/:id',
      {
        config: ADMIN_ONLY,
        schema: { tags: ['channels'], response: { 204: NoContent }, summary: 'Disconnect a channel', params: IdParams },
      },
      async (request, reply) => {
        await channels.deleteChannel(ctx, ws(request), request.params.id, actor(request));
        return reply.status(204).send();
      },
    );
  };
