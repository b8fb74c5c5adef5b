// API keys and members: named keys with a role, never above their creator's, revocable at once;
// members added with a role and a first password, their role changed, removed (never the last
// owner); each change written to the audit log.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { PASSWORD, keyWithRole, login, memberWithRole } from '../helpers/accounts.ts';

let t: TestApp;
let offset = 0;
const clock = { now: () => new Date(Date.now() + offset) };

before(async () => {
  t = await startTestApp({ clock });
});
after(() => t.close());

async function auditActions(workspaceId: number) {
  const rows = await t.app.ctx.db.query<{ actor: string; action: string; target: string; detail: Record<string, unknown> }>(
    'SELECT actor, action, target, detail FROM audit_log WHERE workspace_id = $1 ORDER BY id',
    [workspaceId],
  );
  return rows.map((r) => `${r.actor} ${r.action} ${r.target} ${JSON.stringify(r.detail)}`);
}

describe('API keys', () => {
  test('are made with a name and a role, listed without the key, revoked at once; both written to the audit log', async () => {
    const owner = await t.workspace('Keys');
    const made = await t.request('POST', '/api/api-keys', { key: owner.key, body: { name: 'CI', role: 'editor' } });
    assert.equal(made.status, 201, made.text);
    assert.equal(made.body.role, 'editor');
    assert.match(made.body.key, /^bc_/);
    const listed = (await t.request('GET', '/api/api-keys', { key: owner.key })).body.find((k: { id: number }) => k.id === made.body.id);
    assert.deepEqual(
      { name: listed.name, prefix: listed.prefix, role: listed.role, revokedAt: listed.revokedAt, hasKey: 'key' in listed },
      { name: 'CI', prefix: made.body.key.slice(0, 10), role: 'editor', revokedAt: null, hasKey: false },
    );
    assert.equal((await t.request('GET', '/api/bots', { key: made.body.key })).status, 200);
    assert.equal((await t.request('DELETE', `/api/api-keys/${made.body.id}`, { key: owner.key })).status, 204);
    assert.equal((await t.request('GET', '/api/bots', { key: made.body.key })).status, 401);
    // Revoking again changes nothing and logs nothing.
    assert.equal((await t.request('DELETE', `/api/api-keys/${made.body.id}`, { key: owner.key })).status, 204);
    const [ownerKeyId] = (await t.request('GET', '/api/api-keys', { key: owner.key })).body.map((k: { id: number }) => k.id);
    assert.deepEqual(await auditActions(owner.workspaceId), [
      `api_key:${ownerKeyId} api_key.created api_key:${made.body.id} {"name":"CI","role":"editor"}`,
      `api_key:${ownerKeyId} api_key.revoked api_key:${made.body.id} {}`,
    ]);
  });

  test('cannot have a higher role than the caller who makes it; without a role it gets the caller’s', async () => {
    const owner = await t.workspace('Keys');
    const admin = await keyWithRole(t, owner.key, 'admin');
    const tooHigh = await t.request('POST', '/api/api-keys', { key: admin, body: { name: 'x', role: 'owner' } });
    assert.equal(tooHigh.status, 403);
    assert.equal(tooHigh.body.error.message, 'creating an API key with the owner role needs the owner role; this caller is admin');
    assert.equal((await t.request('POST', '/api/api-keys', { key: admin, body: { name: 'x' } })).body.role, 'admin');
    // Nor can an admin revoke an owner's key.
    const ownerKeyId = (await t.request('GET', '/api/api-keys', { key: owner.key })).body[0].id;
    assert.equal((await t.request('DELETE', `/api/api-keys/${ownerKeyId}`, { key: admin })).status, 403);
  });

  test('record when they were last used, at most once a minute', async () => {
    const owner = await t.workspace('Keys');
    const key = await keyWithRole(t, owner.key, 'viewer');
    const lastUsed = async () => {
      const rows = await t.app.ctx.db.query<{ at: Date | null }>(
        "SELECT last_used_at AS at FROM api_keys WHERE workspace_id = $1 AND role = 'viewer'",
        [owner.workspaceId],
      );
      return rows[0].at;
    };
    assert.equal(await lastUsed(), null);
    await t.request('GET', '/api/bots', { key });
    const first = await lastUsed();
    assert.ok(first);
    await t.request('GET', '/api/bots', { key });
    assert.equal((await lastUsed())!.getTime(), first.getTime(), 'a second use within the minute writes nothing');
    offset += 61_000;
    await t.request('GET', '/api/bots', { key });
    assert.notEqual((await lastUsed())!.getTime(), first.getTime());
  });
});

describe('members', () => {
  test('are added with a role and a first password, log in with it, and are listed with their role', async () => {
    const owner = await t.workspace('Team');
    const email = `ed-${owner.workspaceId}@example.com`;
    const added = await t.request('POST', '/api/members', {
      key: owner.key,
      body: { email, password: PASSWORD, name: 'Ed', role: 'editor' },
    });
    assert.equal(added.status, 201, added.text);
    const me = await t.request('GET', '/api/me', { headers: await login(t, email) });
    assert.deepEqual({ memberId: me.body.memberId, role: me.body.role }, { memberId: added.body.id, role: 'editor' });
    const list = (await t.request('GET', '/api/members', { key: owner.key })).body;
    assert.deepEqual(
      list.map((m: { email: string; role: string }) => m.role),
      ['owner', 'editor'],
    );
    // Without a role a new member may only look.
    const viewer = await t.request('POST', '/api/members', {
      key: owner.key,
      body: { email: `v-${owner.workspaceId}@example.com`, password: PASSWORD },
    });
    assert.equal(viewer.body.role, 'viewer');
  });

  test('nobody gives a role above their own, nor changes or removes a member above them', async () => {
    const owner = await t.workspace('Team');
    const admin = await keyWithRole(t, owner.key, 'admin');
    const ownerId = (await t.request('GET', '/api/members', { key: owner.key })).body[0].id;
    const adding = await t.request('POST', '/api/members', {
      key: admin,
      body: { email: `o-${owner.workspaceId}@example.com`, password: PASSWORD, role: 'owner' },
    });
    assert.equal(adding.status, 403);
    assert.equal((await t.request('PATCH', `/api/members/${ownerId}`, { key: admin, body: { role: 'viewer' } })).status, 403);
    assert.equal((await t.request('DELETE', `/api/members/${ownerId}`, { key: admin })).status, 403);
  });

  test('a role change takes effect on the member’s next request, and is in the audit log', async () => {
    const owner = await t.workspace('Team');
    const member = await memberWithRole(t, owner.key, 'editor');
    assert.equal((await t.request('POST', '/api/bots', { headers: member.headers, body: { name: 'b' } })).status, 403);
    assert.equal((await t.request('PATCH', `/api/members/${member.id}`, { key: owner.key, body: { role: 'admin' } })).status, 204);
    assert.equal((await t.request('POST', '/api/bots', { headers: member.headers, body: { name: 'b' } })).status, 201);
    const actions = await auditActions(owner.workspaceId);
    assert.ok(
      actions.some((a) => a.endsWith(`member.role_changed member:${member.id} {"to":"admin","from":"editor"}`)),
      actions.join('\n'),
    );
  });

  test('removing a member ends their sessions at once; the last owner cannot be removed or demoted', async () => {
    const owner = await t.workspace('Team');
    const ownerId = (await t.request('GET', '/api/members', { key: owner.key })).body[0].id;
    const member = await memberWithRole(t, owner.key, 'admin');
    assert.equal((await t.request('GET', '/api/me', { headers: member.headers })).status, 200);
    assert.equal((await t.request('DELETE', `/api/members/${member.id}`, { key: owner.key })).status, 204);
    assert.equal((await t.request('GET', '/api/me', { headers: member.headers })).status, 401);
    const removing = await t.request('DELETE', `/api/members/${ownerId}`, { key: owner.key });
    assert.equal(removing.status, 409);
    assert.equal(removing.body.error.code, 'last_owner');
    assert.equal(
      (await t.request('PATCH', `/api/members/${ownerId}`, { key: owner.key, body: { role: 'admin' } })).body.error.code,
      'last_owner',
    );
    // With a second owner, the first may step down.
    const second = await memberWithRole(t, owner.key, 'owner');
    assert.equal((await t.request('PATCH', `/api/members/${ownerId}`, { key: owner.key, body: { role: 'admin' } })).status, 204);
    assert.equal((await t.request('DELETE', `/api/members/${second.id}`, { key: owner.key })).body.error.code, 'last_owner');
    const actions = await auditActions(owner.workspaceId);
    assert.ok(
      actions.some((a) => a.includes(`member.removed member:${member.id} {"role":"admin"}`)),
      actions.join('\n'),
    );
    assert.ok(
      actions.some((a) => a.includes(`member.added member:${member.id} {"role":"admin"}`)),
      actions.join('\n'),
    );
  });
});
