// A WhatsApp channel's message templates: the stored list, and a refresh from the platform
// (services/whatsapp-templates.ts); and the schema of the template a send's content may carry.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ServiceContext } from '../../services/context.ts';
import { listChannelTemplates, refreshChannelTemplates } from '../../services/whatsapp-templates.ts';
import { ws } from '../auth.ts';
import { IdParams } from '../schemas.ts';

export const WhatsAppTemplateChoice = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 512, description: 'An approved template of the WhatsApp channel' }),
    language: Type.String({ minLength: 1, maxLength: 20, description: 'Its language code, e.g. en_US' }),
    variables: Type.Array(
      Type.Object(
        {
          value: Type.String({ maxLength: 1000, description: 'Botcast text with {{variables}}, e.g. {{first_name|friend}}' }),
          fallback: Type.String({ minLength: 1, maxLength: 200, description: 'Used when the value comes out empty: never blank' }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 100, description: 'The body variables in order: the first fills {{1}}' },
    ),
    headerImage: Type.Optional(Type.Boolean({ description: 'The template’s image header shows the message’s image' })),
    policy: Type.Optional(
      Type.Union([Type.Literal('outside_window'), Type.Literal('everyone')], {
        description: 'outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all',
      }),
    ),
  },
  {
    additionalProperties: false,
    description: 'WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out)',
  },
);

const Template = Type.Object({
  name: Type.String(),
  language: Type.String(),
  category: Type.String({ description: 'MARKETING, UTILITY or AUTHENTICATION' }),
  status: Type.String({ description: 'APPROVED, PENDING, REJECTED, PAUSED or DISABLED: only approved ones can be sent' }),
  components: Type.Array(Type.Unknown(), { description: 'HEADER / BODY / FOOTER / BUTTONS as WhatsApp lists them' }),
  bodyParameters: Type.Integer({ description: 'How many {{n}} variables the body has: the mapping must fill each' }),
  headerFormat: Type.Union([Type.String(), Type.Null()], { description: 'TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION; null without a header' }),
});

const TemplateList = Type.Object({
  channelId: Type.Integer(),
  refreshedAt: Type.Union([Type.String(), Type.Null()], { description: 'When the list was last asked of WhatsApp (null: never)' }),
  error: Type.Union([Type.String(), Type.Null()], { description: 'Why the last refresh failed (the list shown is the one before)' }),
  templates: Type.Array(Template),
});

export const whatsappTemplateRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/channels/:id/whatsapp-templates',
      {
        schema: {
          tags: ['channels'],
          response: { 200: TemplateList },
          summary: 'A WhatsApp channel’s message templates, as last read from WhatsApp',
          params: IdParams,
        },
      },
      async (request) => listChannelTemplates(ctx, ws(request), request.params.id),
    );

    app.post(
      '/api/channels/:id/whatsapp-templates/refresh',
      {
        schema: {
          tags: ['channels'],
          response: { 200: TemplateList },
          summary: 'Read the channel’s message templates from WhatsApp now (also done daily)',
          description:
            'Needs the channel’s `businessAccountId` credential. When WhatsApp cannot be asked, `error` says why and the list stays as it was.',
          params: IdParams,
        },
      },
      async (request) => refreshChannelTemplates(ctx, ws(request), request.params.id),
    );
  };
