// Every object is scoped to its workspace. Before a request's body is even validated, the ids in
// its path are checked against the caller's workspace: another workspace's id answers 404 on every
// route, whatever else is wrong with the request — and nothing changes. (The services scope their
// queries too; this makes the rule uniform and cheap to prove from the OpenAPI document.)
import type { FastifyInstance } from 'fastify';
import { notFound } from '../domain/errors.ts';
import type { ServiceContext } from '../services/context.ts';
import type { ExistsRow } from '../storage/db.ts';

/** First path segment after /api/ → the table whose rows the route's `:id` names. */
const ID_TABLES: Record<string, { table: string; what: string }> = {
  channels: { table: 'channels', what: 'channel' },
  subscribers: { table: 'subscribers', what: 'subscriber' },
  tags: { table: 'tags', what: 'tag' },
  screens: { table: 'screens', what: 'screen' },
  sends: { table: 'sends', what: 'send' },
  drafts: { table: 'drafts', what: 'draft' },
  'selected-user-imports': { table: 'selected_imports', what: 'import' },
  'api-keys': { table: 'api_keys', what: 'API key' },
  members: { table: 'members', what: 'member' },
  sessions: { table: 'sessions', what: 'session' },
  'external-events': { table: 'external_events', what: 'external event' },
  triggers: { table: 'triggers', what: 'trigger' },
  'status-webhooks': { table: 'status_webhooks', what: 'status webhook' },
};

const INTEGER = /^\d{1,15}$/;

export function registerOwnership(app: FastifyInstance, ctx: ServiceContext) {
  app.addHook('preValidation', async (request) => {
    const principal = request.principal;
    const route = request.routeOptions.url;
    if (!principal || !route?.startsWith('/api/')) return;
    const params = (request.params ?? {}) as Record<string, string>;
    const checks: Array<{ table: string; what: string; id: string }> = [];
    if (params.botId !== undefined) checks.push({ table: 'bots', what: 'bot', id: params.botId });
    const resource = route.split('/')[2];
    if (params.id !== undefined && ID_TABLES[resource]) checks.push({ ...ID_TABLES[resource], id: params.id });
    for (const check of checks) {
      if (!INTEGER.test(String(check.id))) continue; // not an id at all: schema validation answers 400
      const rows = await ctx.db.query<ExistsRow>(`SELECT 1 FROM ${check.table} WHERE id = $1 AND workspace_id = $2`, [
        Number(check.id),
        principal.workspaceId,
      ]);
      if (rows.length === 0) throw notFound(check.what, check.id);
    }
  });
}
