// Roles: a viewer reads and changes nothing, an editor sends and edits content but not bots or
// channels, an admin manages bots, channels, keys and members. The rule is decided in one place
// (the matched route's minRole, src/http/auth.ts); the sweep below walks every operation of the
// OpenAPI document, so a route added later without thought is caught here.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addChannel, makeWorld } from '../helpers/world.ts';
import { keyWithRole, memberWithRole } from '../helpers/accounts.ts';
import type { CountRow } from '../../src/storage/db.ts';

let t: TestApp;

before(async () => {
  t = await startTestApp();
});
after(() => t.close());

interface Operation {
  method: string;
  path: string;
}

async function operations(): Promise<Operation[]> {
  const doc = (await t.request('GET', '/api/openapi.json')).body;
  const ops: Operation[] = [];
  for (const [template, item] of Object.entries<Record<string, { security?: unknown[] }>>(doc.paths)) {
    const path = template.replace(/\{userId\}/g, 'u1').replace(/\{[^}]+\}/g, '1');
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      if (Array.isArray(op.security) && op.security.length === 0) continue; // public: sign-up, log-in, hooks
      ops.push({ method: method.toUpperCase(), path });
    }
  }
  return ops;
}

async function rowCount() {
  const [row] = await t.app.ctx.db.query<CountRow>(
    `SELECT (SELECT count(*) FROM bots) + (SELECT count(*) FROM api_keys WHERE revoked_at IS NULL) + (SELECT count(*) FROM members)
          + (SELECT count(*) FROM channels) + (SELECT count(*) FROM sends) + (SELECT count(*) FROM sessions)
          + (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM tags) AS n`,
  );
  return row.n;
}

/** Writes any member may make on their own sessions, whatever their role. */
const OWN_SESSION_WRITES = ['DELETE /api/sessions/1', 'POST /api/sessions/revoke-others'];
/** Reads that need an admin: who is in the workspace, its keys, and what they did. */
// The webhook setup shows the channel's webhook secret (what a platform must send): admins only, like credentials.
// Status webhooks: an endpoint's URL may carry the receiver's token, and its log what the receiver answered.
const ADMIN_READS = [
  'GET /api/api-keys',
  'GET /api/audit-log',
  'GET /api/members',
  'GET /api/channels/1/webhook-setup',
  'GET /api/status-webhooks',
  'GET /api/status-webhooks/1/attempts',
];
/** Reads that answer 400 without a query parameter they require (the sweep sends none). */
const REQUIRED_QUERY = ['GET /api/history', 'GET /api/logs'];
/** Writes that need an admin: bots and channels (credentials, where messages go), keys, members. */
const ADMIN_WRITES = [
  'DELETE /api/api-keys/1',
  'DELETE /api/bots/1',
  'DELETE /api/channels/1',
  'DELETE /api/members/1',
  'DELETE /api/members/1/sessions',
  'PATCH /api/bots/1',
  'PATCH /api/channels/1',
  'PATCH /api/members/1',
  'POST /api/api-keys',
  'POST /api/bots',
  'POST /api/bots/1/channels',
  'POST /api/members',
  // Where Botcast POSTs the workspace's run events and outcomes.
  'POST /api/status-webhooks',
  'PATCH /api/status-webhooks/1',
  'DELETE /api/status-webhooks/1',
  'POST /api/status-webhooks/1/rotate-secret',
  'POST /api/status-webhooks/1/test',
];

test('the sweeps reach the resend and the Logs list (issue 17 points 7 and 9)', async () => {
  const names = (await operations()).map((o) => `${o.method} ${o.path}`);
  for (const name of ['POST /api/sends/1/resend', 'GET /api/sends/1/resend', 'GET /api/log-entries']) assert.ok(names.includes(name), name);
});

describe('a viewer', () => {
  test('gets 403 naming the role needed on every write of the OpenAPI document, and nothing changes', async () => {
    // A workspace of its own with no bots: no id 1 here, so nothing the sweep reaches can change.
    const owner = await t.workspace('Viewed');
    const callers = {
      'a viewer key': { key: await keyWithRole(t, owner.key, 'viewer') },
      'a viewer member': { headers: (await memberWithRole(t, owner.key, 'viewer')).headers },
    };
    const ops = (await operations()).filter((o) => o.method !== 'GET');
    assert.ok(ops.length > 40, `only ${ops.length} writes in the document`);
    const before = await rowCount();
    const wrong: string[] = [];
    for (const [who, auth] of Object.entries(callers)) {
      for (const { method, path } of ops) {
        const name = `${method} ${path}`;
        if (OWN_SESSION_WRITES.includes(name)) continue;
        const r = await t.request(method, path, { ...auth, body: {} });
        const needed = ADMIN_WRITES.includes(name) ? 'admin' : 'editor';
        if (r.status !== 403 || r.body.error.code !== 'forbidden' || !r.body.error.message.includes(`the ${needed} role`)) {
          wrong.push(`${who}: ${name} → ${r.status} ${r.text.slice(0, 140)}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
    assert.equal(await rowCount(), before, 'a viewer wrote something');
  });

  test('reads every read of the document but the admin ones: no 403 and no 5xx, and 200 where no id is needed', async () => {
    const owner = await t.workspace('Viewed');
    const viewer = await memberWithRole(t, owner.key, 'viewer');
    const wrong: string[] = [];
    for (const { method, path } of (await operations()).filter((o) => o.method === 'GET')) {
      const name = `${method} ${path}`;
      const r = await t.request(method, path, { headers: viewer.headers });
      if (ADMIN_READS.includes(name)) {
        if (r.status !== 403) wrong.push(`${name} → ${r.status}, 403 expected`);
      } else if (r.status === 403 || r.status >= 500 || (!/\/1(\/|$)/.test(path) && r.status !== 200 && !REQUIRED_QUERY.includes(name))) {
        wrong.push(`${name} → ${r.status} ${r.text.slice(0, 140)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });
});

describe('an editor', () => {
  test('gets 403 naming the admin role on exactly the bot, channel, key and member writes', async () => {
    const owner = await t.workspace('Edited');
    const key = await keyWithRole(t, owner.key, 'editor');
    const forbidden: string[] = [];
    for (const { method, path } of (await operations()).filter((o) => o.method !== 'GET')) {
      const r = await t.request(method, path, { key, body: {} });
      if (r.status === 403) {
        assert.match(r.body.error.message, /the admin role/);
        forbidden.push(`${method} ${path}`);
      }
    }
    assert.deepEqual(forbidden.sort(), [...ADMIN_WRITES].sort());
  });

  test('can send to a channel but not change it; an admin can', async () => {
    const w = await makeWorld(t);
    const channel = await addChannel(t, w, 'sandbox');
    const editor = await keyWithRole(t, w.key, 'editor');
    const admin = await keyWithRole(t, w.key, 'admin');
    const send = await t.request('POST', `/api/bots/${w.botId}/sends`, {
      key: editor,
      body: { content: { type: 'text', text: 'hello' }, channelIds: [channel], audience: { type: 'all' }, timing: { type: 'instant' } },
    });
    assert.equal(send.status, 201, send.text);
    const rename = await t.request('PATCH', `/api/channels/${channel}`, { key: editor, body: { name: 'renamed' } });
    assert.equal(rename.status, 403);
    assert.equal(rename.body.error.message, 'PATCH /api/channels/:id needs the admin role; this caller is editor');
    assert.equal((await t.request('POST', '/api/bots', { key: editor, body: { name: 'b' } })).status, 403);
    assert.equal((await t.request('PATCH', `/api/channels/${channel}`, { key: admin, body: { name: 'renamed' } })).status, 200);
  });
});

test('the sign-up creator is an owner, with an owner key; /api/me says the role', async () => {
  const owner = await t.workspace('Roles');
  const me = await t.request('GET', '/api/me', { key: owner.key });
  assert.equal(me.body.role, 'owner');
  const [member] = await t.app.ctx.db.query<{ role: string }>('SELECT role FROM members WHERE workspace_id = $1', [owner.workspaceId]);
  assert.equal(member.role, 'owner');
  const viewer = await memberWithRole(t, owner.key, 'viewer');
  assert.equal((await t.request('GET', '/api/me', { headers: viewer.headers })).body.role, 'viewer');
});

test('the OpenAPI document names the role each operation needs, the same the check applies', async () => {
  const doc = (await t.request('GET', '/api/openapi.json')).body;
  const wrong: string[] = [];
  for (const { method, path } of await operations()) {
    const template = Object.keys(doc.paths).find((p) => p.replace(/\{userId\}/g, 'u1').replace(/\{[^}]+\}/g, '1') === path)!;
    const name = `${method} ${path}`;
    const expected =
      ADMIN_WRITES.includes(name) || ADMIN_READS.includes(name)
        ? 'admin'
        : method === 'GET' || OWN_SESSION_WRITES.includes(name)
          ? 'viewer'
          : 'editor';
    const description: string = doc.paths[template][method.toLowerCase()].description ?? '';
    if (!description.endsWith(`Needs the ${expected} role.`)) wrong.push(`${name}: ${description.slice(-40)}`);
  }
  assert.deepEqual(wrong, []);
});
