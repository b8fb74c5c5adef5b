// Operations: liveness, readiness, and Prometheus-style metrics (deliveries by state and outcome,
// channel pauses, live workers). Aggregates only, but over every workspace, with channel ids: for
// the operator, so /metrics wants the token of BOTCAST_METRICS_TOKEN as a Bearer token, and does
// not exist (404) when none is configured — nothing to leak by forgetting to set one. The health
// routes need no key (load balancers have none). All three are public routes: /metrics checks its
// own token, not a workspace's key.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../../services/context.ts';
import type { ExistsRow } from '../../storage/db.ts';
import { errorRows } from '../../services/history/log.ts';
import { errorBody } from '../errors.ts';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compared as SHA-256 digests: constant time, and the token's length does not show either. */
function hasToken(request: FastifyRequest, token: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return match !== null && timingSafeEqual(digest(match[1]), digest(token));
}

export const opsRoutes =
  (ctx: ServiceContext): FastifyPluginAsync =>
  async (app) => {
    const open = { schema: { hide: true }, config: { public: true } };
    app.get('/healthz', open, async () => ({ ok: true }));

    app.get('/readyz', open, async (_req, reply) => {
      // Below the disk reserve this process refuses writes: a load balancer should send traffic elsewhere.
      // The figures, not the folder's path: this route needs no key.
      const disk = ctx.disk?.state;
      if (disk && !disk.ok) {
        return reply.status(503).send({
          ok: false,
          reason: 'insufficient_storage',
          freeBytes: disk.freeBytes,
          reserveBytes: disk.reserveBytes,
        });
      }
      try {
        await ctx.db.query<ExistsRow>('SELECT 1 FROM schema_migrations LIMIT 1');
        return { ok: true };
      } catch {
        return reply.status(503).send({ ok: false });
      }
    });

    app.get('/metrics', open, async (request, reply) => {
      const token = ctx.config.metricsToken;
      if (!token) return reply.status(404).send(errorBody('route_not_found', 'no route GET /metrics (set BOTCAST_METRICS_TOKEN)'));
      if (!hasToken(request, token)) {
        return reply
          .status(401)
          .header('www-authenticate', 'Bearer')
          .send(errorBody('unauthorized', 'send the metrics token (BOTCAST_METRICS_TOKEN) as "Authorization: Bearer <token>"'));
      }
      const [lanes] = await ctx.db.query<{
        queued: number;
        held: number;
        in_flight: number;
        sent: number;
        failed: number;
        cancelled: number;
        unknown: number;
      }>(
        `SELECT coalesce(sum(queued),0) AS queued, coalesce(sum(held),0) AS held, coalesce(sum(in_flight),0) AS in_flight,
              coalesce(sum(sent),0) AS sent, coalesce(sum(failed),0) AS failed, coalesce(sum(cancelled),0) AS cancelled,
              coalesce(sum(unknown),0) AS unknown FROM run_lanes`,
      );
      const outcomes = await ctx.db.query<{ outcome: string | null; n: number }>(
        `SELECT outcome, count(*) AS n FROM deliveries d WHERE ${errorRows('d')} AND updated_at > now() - interval '1 hour' GROUP BY outcome`,
      );
      const pauses = await ctx.db.query<{ channel_id: number; seconds: number }>(
        `SELECT channel_id, extract(epoch FROM paused_until - now()) AS seconds FROM channel_pacing WHERE paused_until > now()`,
      );
      const [workers] = await ctx.db.query<{ n: number }>(
        `SELECT count(*) AS n FROM workers WHERE heartbeat_at > now() - interval '30 seconds'`,
      );
      const [runs] = await ctx.db.query<{ n: number }>(
        `SELECT count(*) AS n FROM runs WHERE state IN ('pending', 'materialising', 'delivering')`,
      );
      const lines = [
        '# HELP botcast_deliveries Deliveries of runs still in the database, by state.',
        '# TYPE botcast_deliveries gauge',
        ...Object.entries(lanes).map(([state, n]) => `botcast_deliveries{state="${state}"} ${n}`),
        '# HELP botcast_delivery_errors_last_hour Failed or unknown deliveries settled in the last hour, by outcome class.',
        '# TYPE botcast_delivery_errors_last_hour gauge',
        ...outcomes.map((o) => `botcast_delivery_errors_last_hour{outcome="${o.outcome ?? 'none'}"} ${o.n}`),
        '# HELP botcast_channel_pause_seconds Seconds left of a pause a platform asked for, per channel.',
        '# TYPE botcast_channel_pause_seconds gauge',
        ...pauses.map((p) => `botcast_channel_pause_seconds{channel_id="${p.channel_id}"} ${Number(p.seconds).toFixed(3)}`),
        '# HELP botcast_channels_paused Channels paused right now.',
        '# TYPE botcast_channels_paused gauge',
        `botcast_channels_paused ${pauses.length}`,
        '# HELP botcast_workers Worker processes that heart-beat in the last 30 seconds.',
        '# TYPE botcast_workers gauge',
        `botcast_workers ${workers.n}`,
        '# HELP botcast_active_runs Runs pending, materialising or delivering.',
        '# TYPE botcast_active_runs gauge',
        `botcast_active_runs ${runs.n}`,
      ];
      return reply.type('text/plain; version=0.0.4').send(lines.join('\n') + '\n');
    });
  };
