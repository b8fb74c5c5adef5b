// Recall (delete from the recipients' chats) and edit a delivered broadcast (issue 17 point 12).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ServiceContext } from '../../services/context.ts';
import { createRecall, listRecalls, type RecallInput } from '../../services/sends/recall.ts';
import { actor, ws } from '../auth.ts';
import { DateTime, Id, IdParams, Nullable, NullableDateTime } from '../schemas.ts';
import { Int, Str, doc } from '../responses.ts';

const Recall = Type.Object({
  id: Id,
  action: Type.String({ description: 'delete (from the recipients’ chats, for everyone) or edit (the text)' }),
  text: Nullable(Type.String({ description: 'The new text of an edit' })),
  state: Type.String({ description: 'running or completed' }),
  createdByName: Str,
  createdAt: DateTime,
  finishedAt: NullableDateTime,
  counts: Type.Object({
    messages: Type.Integer({ description: 'Delivered messages the job touches' }),
    pending: Int,
    done: Int,
    failed: Type.Integer({ description: 'The platform refused (the reason is in the log)' }),
  }),
  tooOld: Type.Integer({ description: 'Delivered longer ago than the platform allows: left as they are' }),
  unsupported: Type.Integer({ description: 'On platforms that cannot do it (Viber and others): left as they are' }),
});

export const recallRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/api/sends/:id/recall',
      {
        schema: {
          tags: ['broadcasts'],
          response: {
            202: doc(
              Type.Object({
                id: Id,
                sendId: Id,
                action: Str,
                state: Str,
                messages: Type.Integer({ description: 'Delivered messages the job will delete or edit' }),
                tooOld: Int,
                unsupported: Int,
              }),
            ),
          },
          summary: 'Recall a delivered broadcast from the recipients’ chats, or edit its text, where the platform allows it',
          description:
            'A paced job over every delivered message of the send, by its platform message id: Telegram deletes ' +
            '(deleteMessage) and edits (editMessageText) within 48 hours of sending, VK deletes for everyone ' +
            '(messages.delete, delete_for_all) within 24 hours. Other platforms cannot: their messages are counted in ' +
            '`unsupported`, and when nothing is possible the answer is 409 recall_not_possible saying why. Only a text ' +
            'message can be edited (400 edit_text_only). One job at a time per send (409 recall_running). Progress: ' +
            'GET /api/sends/{id}/recalls; the log says when it started and finished.',
          params: IdParams,
          body: Type.Object(
            {
              action: Type.Union([Type.Literal('delete'), Type.Literal('edit')]),
              text: Type.Optional(Type.String({ minLength: 1, maxLength: 4096, description: 'The new text (edit only)' })),
            },
            { additionalProperties: false },
          ),
        },
        config: { minRole: 'editor' },
      },
      async (request, reply) => {
        const result = await createRecall(ctx, ws(request), request.params.id, request.body as RecallInput, actor(request));
        return reply.status(202).send(result);
      },
    );

    app.get(
      '/api/sends/:id/recalls',
      {
        schema: {
          tags: ['broadcasts'],
          response: { 200: doc(Type.Object({ items: Type.Array(Recall) })) },
          summary: 'The recall and edit jobs of a send, newest first, with their progress',
          params: IdParams,
        },
      },
      async (request) => listRecalls(ctx, ws(request), request.params.id),
    );
  };
