// Tenant isolation over every route, generated from the OpenAPI document: each route that takes an
// id, called by another workspace with this workspace's ids, answers 404 — and changes nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addChannel, makeWorld } from '../helpers/world.ts';
import type { CountRow } from '../../src/storage/db.ts';
import { injectClient } from '../helpers/client.ts';

let t: TestApp;
const ids: Record<string, number> = {};

before(async () => {
  t = await startTestApp();
  const w = await makeWorld(t);
  // The setup goes through the typed client: ids and bodies as openapi.json declares them.
  const api = injectClient(t, w.key);
  const botId = w.botId;
  ids.bots = botId;
  ids.channels = await addChannel(t, w, 'sandbox');
  const channel = { path: { id: ids.channels } };
  ids.subscribers = (
    await api.POST('/api/channels/{id}/sandbox/messages', { params: channel, body: { userId: 'u1', text: 'hi' } })
  ).data!.subscriberId;
  await api.POST('/api/subscribers/{id}/tags', { params: { path: { id: ids.subscribers } }, body: { tags: ['vip'] } });
  ids.tags = (await api.GET('/api/bots/{botId}/tags', { params: { path: { botId } } })).data![0].id;
  ids.screens = (await api.POST('/api/bots/{botId}/screens', { params: { path: { botId } }, body: { name: 's', text: 'x' } })).data!.id;
  ids.sends = (
    await api.POST('/api/bots/{botId}/sends', {
      params: { path: { botId } },
      body: {
        content: { type: 'text', text: 'x' },
        channelIds: [ids.channels],
        audience: { type: 'all' },
        timing: { type: 'delayed', at: '2099-01-01T00:00' },
      },
    })
  ).data!.id;
  ids.drafts = (
    await api.POST('/api/bots/{botId}/drafts', { params: { path: { botId } }, body: { form: { content: { type: 'text', text: 'x' } } } })
  ).data!.id;
  ids['api-keys'] = (await api.POST('/api/api-keys', { body: { name: 'k' } })).data!.id;
  const member = { email: `isolated-${w.workspaceId}@example.com`, password: 'correct horse battery', role: 'editor' as const };
  ids.members = (await api.POST('/api/members', { body: member })).data!.id;
  await t.request('POST', '/api/auth/login', { body: { email: member.email, password: member.password } });
  ids.sessions = (await t.app.ctx.db.query<{ id: number }>('SELECT id FROM sessions WHERE member_id = $1', [ids.members]))[0].id;
  // The CSV file is the raw request body, which the document does not model as JSON.
  ids['selected-user-imports'] = (
    await t.request('POST', `/api/channels/${ids.channels}/selected-users/import`, {
      key: w.key,
      raw: 'id\nu1\n',
      headers: { 'content-type': 'text/csv' },
    })
  ).body.importId;
  const event = await api.POST('/api/bots/{botId}/external-events', {
    params: { path: { botId } },
    body: { name: 'e', content: { type: 'text', text: 'x' } },
  });
  if (event.data) ids['external-events'] = event.data.id;
  const trigger = await api.POST('/api/bots/{botId}/triggers', {
    params: { path: { botId } },
    body: { name: 't', tag: 'vip', content: { type: 'text', text: 'x' }, delay: { amount: 1, unit: 'days' } },
  });
  if (trigger.data) ids.triggers = trigger.data.id;
  ids['status-webhooks'] = (await api.POST('/api/status-webhooks', { body: { url: 'https://hooks.example.com/botcast' } })).data!.id;
});
after(() => t.close());

async function snapshot() {
  const tables = [
    'bots',
    'channels',
    'subscribers',
    'subscriber_tags',
    'tags',
    'screens',
    'sends',
    'runs',
    'drafts',
    'api_keys',
    'members',
    'sessions',
    'audit_log',
    'operator_chats',
    'sandbox_messages',
    'selected_imports',
    'events',
    'status_webhooks',
  ];
  const counts = await Promise.all(
    tables.map(async (table) => `${table}=${(await t.app.ctx.db.query<CountRow>(`SELECT count(*) AS n FROM ${table}`))[0].n}`),
  );
  const names = await t.app.ctx.db.query<{
    b: string | null;
    s: string | null;
    c: string | null;
    k: string | null;
  }>(`SELECT (SELECT string_agg(name || time_zone, ',' ORDER BY id) FROM bots) AS b, (SELECT string_agg(coalesce(deleted_at::text, '-'), ',' ORDER BY id) FROM sends) AS s,
    (SELECT string_agg(name || coalesce(rate_per_second::text, '-') || status, ',' ORDER BY id) FROM channels) AS c, (SELECT string_agg(coalesce(revoked_at::text, '-'), ',' ORDER BY id) FROM api_keys) AS k`);
  return counts.join(' ') + JSON.stringify(names);
}

test('every route with an id answers 404 to another workspace, and nothing changes', async () => {
  const other = await t.workspace('Intruder');
  const doc = (await t.request('GET', '/api/openapi.json')).body;
  const before = await snapshot();
  let probed = 0;
  const uncovered: string[] = [];
  for (const [path, operations] of Object.entries<Record<string, unknown>>(doc.paths)) {
    if (!path.startsWith('/api/') || !path.includes('{')) continue;
    const resource = path.split('/')[2];
    // {action}: the holds of a send (release | cancel).
    let url = path.replace('{botId}', String(ids.bots)).replace('{userId}', 'u1').replace('{action}', 'release');
    if (url.includes('{id}')) {
      if (ids[resource] === undefined) {
        uncovered.push(path);
        continue;
      }
      url = url.replace('{id}', String(ids[resource]));
    }
    if (url.includes('{')) {
      uncovered.push(path);
      continue;
    }
    for (const method of Object.keys(operations)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const body = method === 'get' || method === 'delete' ? undefined : {};
      const r = await t.request(method.toUpperCase(), url, { key: other.key, body });
      assert.equal(r.status, 404, `${method.toUpperCase()} ${path} answered ${r.status}: ${r.text.slice(0, 200)}`);
      assert.equal(r.body?.error?.code, 'not_found', `${method.toUpperCase()} ${path}`);
      probed += 1;
    }
  }
  assert.deepEqual(
    uncovered.filter((p) => !p.startsWith('/api/external-events') && !p.startsWith('/api/triggers')),
    [],
    'routes this test cannot fill an id for',
  );
  assert.ok(probed > 30, `probed only ${probed} routes`);
  assert.equal(await snapshot(), before);
});
