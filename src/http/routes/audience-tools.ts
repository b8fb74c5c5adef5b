// Before sending: the audience preview, the content preview per platform, a test send, and the
// import of selected users from a CSV file.
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ServiceContext } from '../../services/context.ts';
import { previewAudience } from '../../services/sends/preview.ts';
import { previewContent, testSend } from '../../services/sends/test-send.ts';
import { getSelectedImport, importSelectedUsers, requireCsv, selectedImportReport } from '../../services/sends/selected-import.ts';
import { ws } from '../auth.ts';
import { BotParams, Id, IdParams, TextBody } from '../schemas.ts';
import * as R from '../responses.ts';
import * as P from '../responses-preview.ts';
import { AudienceSchema, ContentSchema } from './sends.ts';
import { WhatsAppTemplateChoice } from './whatsapp-templates.ts';

export const audienceToolRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/api/bots/:botId/sends/preview',
      {
        schema: {
          tags: ['broadcasts'],
          response: { 200: P.AudiencePreview },
          summary: 'Audience preview: recipients per platform, and who is left out and why',
          params: BotParams,
          body: Type.Object(
            {
              channelIds: Type.Array(Id, { maxItems: 20 }),
              audience: AudienceSchema,
              endOpenChats: Type.Optional(Type.Boolean()),
              content: Type.Optional(
                Type.Object(
                  { whatsappTemplate: Type.Optional(WhatsAppTemplateChoice) },
                  { additionalProperties: true, description: 'The send’s content: its WhatsApp template changes who is reached' },
                ),
              ),
            },
            { additionalProperties: true },
          ),
        },
      },
      async (request) => previewAudience(ctx, ws(request), request.params.botId, request.body as Parameters<typeof previewAudience>[3]),
    );

    app.post(
      '/api/bots/:botId/sends/test',
      {
        schema: {
          tags: ['broadcasts'],
          response: { 200: P.TestSendResult },
          summary: 'Test send: the content to one subscriber now, without creating a send in history',
          params: BotParams,
          body: Type.Object(
            { content: ContentSchema, subscriberId: Id, data: Type.Optional(Type.Record(Type.String(), Type.Unknown())) },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => testSend(ctx, ws(request), request.params.botId, request.body as Parameters<typeof testSend>[3]),
    );

    app.post(
      '/api/bots/:botId/content/preview',
      {
        schema: {
          tags: ['screens'],
          response: { 200: P.ContentPreview },
          summary: 'How a text or screen looks on each platform, with what degrades there',
          params: BotParams,
          body: Type.Object(
            { content: ContentSchema, platforms: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 10 })) },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => previewContent(ctx, ws(request), request.params.botId, request.body as Parameters<typeof previewContent>[3]),
    );

    await app.register(async (scope) => {
      // The file arrives as the raw request body and is parsed as a stream, never buffered whole.
      scope.addContentTypeParser(
        ['text/csv', 'text/plain', 'application/octet-stream', 'application/vnd.ms-excel'],
        (_req, payload, done) => done(null, payload),
      );
      scope.post(
        '/api/channels/:id/selected-users/import',
        {
          bodyLimit: ctx.config.csvMaxBytes + 1024,
          schema: {
            tags: ['broadcasts'],
            response: { 201: R.SelectedImport },
            summary: 'Import selected users from a CSV file (UTF-8, one column of user ids; body = the file, content-type text/csv)',
            params: IdParams,
            querystring: Type.Object({ fileName: Type.Optional(Type.String({ maxLength: 255 })) }),
          },
        },
        async (request, reply) => {
          requireCsv(request.headers['content-type']);
          const { id } = request.params as { id: number };
          const { fileName } = request.query as { fileName?: string };
          const body = request.body ?? Buffer.alloc(0);
          return reply.status(201).send(await importSelectedUsers(ctx, ws(request), id, body as Readable | Buffer, fileName ?? ''));
        },
      );
    });

    app.get(
      '/api/selected-user-imports/:id',
      {
        schema: {
          tags: ['broadcasts'],
          response: { 200: R.SelectedImport },
          summary: 'The result of a selected-users import',
          params: IdParams,
        },
      },
      async (request) => getSelectedImport(ctx.db, ws(request), request.params.id),
    );

    app.get(
      '/api/selected-user-imports/:id/report.csv',
      {
        schema: {
          tags: ['broadcasts'],
          response: { 200: TextBody('text/csv', 'The problems of the import, one per line') },
          summary: 'Unknown, blocked, malformed and duplicate ids of an import, as CSV',
          params: IdParams,
        },
      },
      async (request, reply) => {
        const stream = await selectedImportReport(ctx, ws(request), request.params.id);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="import-${request.params.id}-report.csv"`)
          .send(stream);
      },
    );
  };
