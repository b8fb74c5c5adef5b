// Broadcasting history, logs (with View errors and CSV export), live progress and the delivery
// rate series, and drafts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ServiceContext } from '../../services/context.ts';
import { listHistory, SECTIONS, type HistoryQuery } from '../../services/history/list.ts';
import { exportLog, findLog, getLog } from '../../services/history/log.ts';
import { listLogs, type LogListQuery } from '../../services/history/log-list.ts';
import { getProgress, getRateSeries } from '../../services/history/progress.ts';
import * as drafts from '../../services/history/drafts.ts';
import { actor, ws } from '../auth.ts';
import { BotParams, Id, IdParams, NoContent, PageQuery, TextBody } from '../schemas.ts';
import * as R from '../responses.ts';
import * as H from '../responses-history.ts';
import { LogEntries } from '../responses-logs.ts';
import { progressStreams } from '../progress-stream.ts';
import { SendBody } from './sends.ts';

const LogQuery = Type.Object({ runId: Type.Optional(Id), errorsOnly: Type.Optional(Type.Boolean()), ...PageQuery });
const DraftForm = Type.Partial(SendBody, { additionalProperties: false });

export const historyRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const streamProgress = progressStreams(ctx);

    app.get(
      '/api/history',
      {
        schema: {
          tags: ['history'],
          response: { 200: H.History },
          summary: 'Broadcasting history: active, scheduled, periodic or completed; filter by kinds (none = all) and search by send id',
          querystring: Type.Object({
            section: Type.String({ description: SECTIONS.join(' | ') }),
            kinds: Type.Optional(
              Type.Array(Type.String({ maxLength: 40 }), {
                description: 'broadcast, external, trigger (repeat or comma-separate; none = all)',
              }),
            ),
            q: Type.Optional(Type.String({ maxLength: 40, description: 'a send id' })),
            botId: Type.Optional(Id),
            ...PageQuery,
          }),
        },
      },
      async (request) => listHistory(ctx, ws(request), request.query as HistoryQuery),
    );

    app.get(
      '/api/sends/:id/log',
      {
        schema: {
          tags: ['history'],
          response: { 200: H.Log },
          summary: "A send's log: events of the run and every recipient's outcome (errorsOnly for View errors)",
          params: IdParams,
          querystring: LogQuery,
        },
      },
      async (request) => getLog(ctx, ws(request), request.params.id, request.query),
    );

    app.get(
      '/api/logs',
      {
        schema: {
          tags: ['history'],
          response: { 200: H.Log },
          summary: 'Find a log by send id',
          querystring: Type.Object({
            sendId: Type.String({ maxLength: 40 }),
            runId: Type.Optional(Id),
            errorsOnly: Type.Optional(Type.Boolean()),
            ...PageQuery,
          }),
        },
      },
      async (request) => {
        const { sendId, ...rest } = request.query;
        return findLog(ctx, ws(request), sendId, rest);
      },
    );

    app.get(
      '/api/log-entries',
      {
        schema: {
          tags: ['history'],
          response: { 200: LogEntries },
          summary: 'The Logs page: the log of every send and run, newest first; filter by kinds, a send id, runs with errors',
          description:
            'One entry per run (each periodic occurrence, each trigger day) and one per send that never ran. ' +
            'Each entry names its log (logUrl: GET /api/sends/{id}/log?runId=).',
          querystring: Type.Object({
            kinds: Type.Optional(
              Type.Array(Type.String({ maxLength: 40 }), {
                description: 'broadcast, external, trigger (repeat or comma-separate; none = all)',
              }),
            ),
            q: Type.Optional(Type.String({ maxLength: 40, description: 'a send id' })),
            errors: Type.Optional(Type.Boolean({ description: 'Only runs with errors (failed or unknown deliveries)' })),
            botId: Type.Optional(Id),
            ...PageQuery,
          }),
        },
      },
      async (request) => listLogs(ctx, ws(request), request.query as LogListQuery),
    );

    app.get(
      '/api/sends/:id/log.csv',
      {
        schema: {
          tags: ['history'],
          response: { 200: TextBody('text/csv', 'The log, one line per event and delivery') },
          summary: 'The log as CSV (UTF-8 with BOM, streamed, safe against formula injection)',
          params: IdParams,
          querystring: Type.Object({ runId: Type.Optional(Id), errorsOnly: Type.Optional(Type.Boolean()) }),
        },
      },
      async (request, reply) => {
        const stream = await exportLog(ctx, ws(request), request.params.id, request.query);
        return reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="send-${request.params.id}-log${request.query.errorsOnly ? '-errors' : ''}.csv"`,
          )
          .send(stream);
      },
    );

    app.get(
      '/api/sends/:id/progress',
      { schema: { tags: ['history'], response: { 200: H.Progress }, summary: 'Live counts and current rate of a send', params: IdParams } },
      async (request) => getProgress(ctx, ws(request), request.params.id),
    );

    app.get(
      '/api/sends/:id/progress/stream',
      {
        schema: {
          tags: ['history'],
          response: {
            200: TextBody('text/event-stream', 'Server-Sent Events: each data line is the progress JSON (as GET /api/sends/{id}/progress)'),
          },
          summary: 'Live progress as Server-Sent Events (one event a second until the send is done)',
          description:
            'Ends with an `error` event when the API key is revoked or the session ends (checked every BOTCAST_STREAM_RECHECK_MS). ' +
            'One API key or member may hold BOTCAST_STREAMS_PER_KEY streams at once (429 too_many_streams beyond).',
          params: IdParams,
        },
      },
      async (request, reply) => streamProgress(request, reply, request.params.id),
    );

    app.get(
      '/api/sends/:id/rate-series',
      {
        schema: {
          tags: ['history'],
          response: { 200: H.RateSeries },
          summary: 'Delivery rate over time (10-second buckets of sent and failed) for the chart',
          params: IdParams,
          querystring: Type.Object({ runId: Type.Optional(Id) }),
        },
      },
      async (request) => getRateSeries(ctx, ws(request), request.params.id, request.query.runId),
    );

    app.get(
      '/api/bots/:botId/drafts',
      { schema: { tags: ['drafts'], response: { 200: Type.Array(H.Draft) }, summary: 'Drafts of a bot', params: BotParams } },
      async (request) => drafts.listDrafts(ctx, ws(request), request.params.botId),
    );

    app.post(
      '/api/bots/:botId/drafts',
      {
        schema: {
          tags: ['drafts'],
          response: { 201: H.Draft },
          summary: 'Save the send form as a draft',
          params: BotParams,
          body: Type.Object({ name: Type.Optional(Type.String({ maxLength: 200 })), form: DraftForm }, { additionalProperties: false }),
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await drafts.saveDraft(
              ctx,
              ws(request),
              request.params.botId,
              request.body as Parameters<typeof drafts.saveDraft>[3],
              actor(request),
            ),
          ),
    );

    app.get(
      '/api/drafts/:id',
      { schema: { tags: ['drafts'], response: { 200: H.Draft }, summary: 'A draft', params: IdParams } },
      async (request) => drafts.getDraft(ctx, ws(request), request.params.id),
    );

    app.patch(
      '/api/drafts/:id',
      {
        schema: {
          tags: ['drafts'],
          response: { 200: H.Draft },
          summary: 'Edit a draft',
          params: IdParams,
          body: Type.Object(
            { name: Type.Optional(Type.String({ maxLength: 200 })), form: Type.Optional(DraftForm) },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => drafts.updateDraft(ctx, ws(request), request.params.id, request.body as Parameters<typeof drafts.updateDraft>[3]),
    );

    app.delete(
      '/api/drafts/:id',
      { schema: { tags: ['drafts'], response: { 204: NoContent }, summary: 'Delete a draft', params: IdParams } },
      async (request, reply) => {
        await drafts.deleteDraft(ctx, ws(request), request.params.id);
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/drafts/:id/duplicate',
      { schema: { tags: ['drafts'], response: { 201: H.Draft }, summary: 'Duplicate a draft', params: IdParams } },
      async (request, reply) => reply.status(201).send(await drafts.duplicateDraft(ctx, ws(request), request.params.id, actor(request))),
    );

    app.post(
      '/api/drafts/:id/send',
      {
        schema: {
          tags: ['drafts'],
          response: { 201: R.Send },
          summary: 'Send a draft (with optional edits); the draft stays for reuse',
          description: 'With saveEdits=true the edits are saved into the draft as well, once the broadcast is made.',
          params: IdParams,
          querystring: Type.Object({ saveEdits: Type.Optional(Type.Boolean({ description: 'Save the edits into the draft too' })) }),
          body: Type.Union([DraftForm, Type.Null()]),
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await drafts.sendDraft(ctx, ws(request), request.params.id, (request.body ?? {}) as drafts.DraftForm, actor(request), {
            saveEdits: request.query.saveEdits,
          }),
        ),
    );
  };
