// The import of subscribers through the API (issue 21 point 2): the same import as
// `botcast import-subscribers`, so that a running embedded process takes a file without a stop.
// The body is the file itself, parsed as a stream like the selected-users CSV (same size and row
// limits), and the import is all or nothing: a bad row refuses the file, naming its line.
// The answer is synchronous: the report arrives when the file was read and committed.
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ServiceContext } from '../../services/context.ts';
import { importSubscribers } from '../../services/subscriber-import.ts';
import { requireCsv } from '../../services/sends/selected-import.ts';
import { ws } from '../auth.ts';
import { BotParams, PlatformCode } from '../schemas.ts';
import { Int, Str, doc } from '../responses.ts';

export const SubscriberImportReport = doc(
  Type.Object({
    botId: Int,
    platform: Str,
    fileName: Str,
    format: Type.String({ description: 'csv, jsonl or json (decided from the first character of the file)' }),
    rows: Type.Integer({ description: 'Rows read (not counting the header and blank lines)' }),
    created: Type.Integer({ description: 'New subscribers' }),
    updated: Type.Integer({ description: 'Subscribers already known: their profile is kept, they gain the tags of their row' }),
    tagged: Type.Integer({ description: 'Tag assignments added (a subscriber who already had the tag is not counted)' }),
    errors: Type.Array(Type.Object({ line: Int, reason: Str }), {
      description: 'Always empty in a 201: a bad row refuses the whole file with a 400 listing details.errors (first 50) and their line',
    }),
  }),
);

export const subscriberImportRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    // The file arrives as the raw request body and is parsed as a stream, never buffered whole.
    app.addContentTypeParser(['text/csv', 'text/plain', 'application/octet-stream', 'application/vnd.ms-excel'], (_req, payload, done) =>
      done(null, payload),
    );
    app.post(
      '/api/bots/:botId/subscribers/import',
      {
        bodyLimit: ctx.config.csvMaxBytes + 1024,
        schema: {
          tags: ['subscribers'],
          response: { 201: SubscriberImportReport },
          summary:
            'Import subscribers who already wrote to the bot elsewhere (body = the file, content-type text/csv; ' +
            'columns platform_user_id, name, username, language, tags). All or nothing: a bad row answers 400 naming its line',
          params: BotParams,
          querystring: Type.Object({
            platform: PlatformCode,
            fileName: Type.Optional(Type.String({ maxLength: 255, description: 'Named in the error messages (file:line)' })),
          }),
        },
      },
      async (request, reply) => {
        requireCsv(request.headers['content-type']);
        const { botId } = request.params;
        const { platform, fileName } = request.query as { platform: string; fileName?: string };
        const body = (request.body ?? Buffer.alloc(0)) as Readable | Buffer;
        const label = fileName || 'the file';
        const result = await importSubscribers(ctx, ws(request), botId, platform, body, label, {
          strict: true,
          maxBytes: ctx.config.csvMaxBytes,
          maxRows: ctx.config.csvMaxRows,
        });
        return reply.status(201).send({
          botId,
          platform,
          fileName: fileName ?? '',
          format: result.format,
          rows: result.rows,
          created: result.created,
          updated: result.existing,
          tagged: result.tagged,
          errors: [],
        });
      },
    );
  };
