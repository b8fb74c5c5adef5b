// Inbound: one webhook URL per channel, /hooks/<platform>/<channel id>. The platform module
// verifies the request over the exact bytes received (signatures are over raw bodies) before
// anything is parsed or stored; a bad or missing signature stores nothing.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { ServiceContext } from '../../services/context.ts';
import { channelContext, type ChannelRow } from '../../services/channels.ts';
import { applyInbound, emptyInboundResult } from '../../services/inbound.ts';
import { ReceiptBuffer } from '../../services/receipts/buffer.ts';
import { sendOptReplies } from '../../services/opt-out-reply.ts';
import { WebhookHealth } from '../../services/webhook-health.ts';
import { isPlatformCode, type InboundRequest } from '../../platforms/types.ts';
import { errorBody } from '../errors.ts';

function toInbound(request: FastifyRequest, rawBody: Buffer): InboundRequest {
  return {
    method: request.method === 'GET' ? 'GET' : 'POST',
    headers: request.headers as Record<string, string | undefined>,
    query: request.query as Record<string, string | undefined>, // one string each: the route's schema
    rawBody,
  };
}

export const webhookRoutes =
  (ctx: ServiceContext): FastifyPluginAsync =>
  async (app) => {
    // Keep the body as bytes in this scope only: the signature is checked over them.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: ctx.config.bodyLimitBytes }, (_req, body, done) => done(null, body));
    const receiptBuffer = new ReceiptBuffer(ctx.db, (err) => app.log.error({ err }, 'could not record delivery receipts'));
    const health = new WebhookHealth(ctx.db, app.log);

    const handle = async (request: FastifyRequest<{ Params: { platform: string; channelId: string } }>, reply: FastifyReply) => {
      const { platform, channelId } = request.params;
      if (!isPlatformCode(platform) || !/^\d{1,15}$/.test(channelId))
        return reply.status(404).send(errorBody('not_found', 'no such webhook'));
      const rows = await ctx.db.query<ChannelRow>('SELECT * FROM channels WHERE id = $1 AND platform = $2', [Number(channelId), platform]);
      const channel = rows[0];
      const client = ctx.platforms.get(platform);
      if (!channel || !client) return reply.status(404).send(errorBody('not_found', 'no such webhook'));
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const verdict = client.verifyInbound(channelContext(ctx, channel), toInbound(request, rawBody));
      if (verdict.ok !== true && verdict.ok !== 'handshake') {
        health.refused(channel.id, verdict.reason);
        return reply.status(verdict.status).send(errorBody('invalid_signature', verdict.reason));
      }
      health.signed(channel.id);
      if (verdict.ok === 'handshake') return reply.status(verdict.status).type(verdict.contentType).send(verdict.body);
      if (request.method === 'GET') return reply.status(200).send('ok');
      let events;
      try {
        const text = rawBody.toString('utf8');
        events = client.parseInboundText ? client.parseInboundText(text) : client.parseInbound(JSON.parse(text));
      } catch {
        return reply.status(400).send(errorBody('malformed_json', 'webhook body is not valid JSON'));
      }
      // Receipts come in bursts: they join the batch being written (one statement per batch, not per
      // receipt), and the answer waits for its commit, so a 200 means stored.
      const receipts = events.filter((e) => e.type === 'receipt');
      const others = receipts.length > 0 ? events.filter((e) => e.type !== 'receipt') : events;
      const [result, recorded] = await Promise.all([
        others.length > 0 || receipts.length === 0 ? ctx.db.transaction((tx) => applyInbound(tx, channel, others, ctx.clock.now())) : null,
        receipts.length > 0 ? receiptBuffer.add(channel, receipts) : 0,
      ]);
      // Opt-out confirmations leave after the commit, without holding the platform's answer.
      const { replies, ...applied } = result ?? emptyInboundResult();
      void sendOptReplies(ctx, channel, replies);
      // Most platforms only want a 200; some insist on a body of their own (VK: the literal "ok").
      return reply
        .status(200)
        .type('text/plain')
        .send(client.webhookAnswer ?? JSON.stringify({ ...applied, receipts: recorded }));
    };

    // Platforms hold no key: the signature over the body is the credential. Every query parameter a
    // platform sends (hub.verify_token, secret) is one string: given twice it would parse into a
    // list, which is a 400 naming it rather than a list where a string is expected.
    const options = { schema: { hide: true, querystring: Type.Record(Type.String(), Type.String()) }, config: { public: true } };
    app.post('/hooks/:platform/:channelId', options, handle);
    app.get('/hooks/:platform/:channelId', options, handle);
  };
