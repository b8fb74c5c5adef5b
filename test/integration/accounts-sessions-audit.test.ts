// Sessions: a member lists theirs (the current one marked), ends one or all others; an admin logs
// another member out everywhere. The audit log: owners and admins read it newest first, page by
// page, filtered by action.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { keyWithRole, login, memberWithRole } from '../helpers/accounts.ts';

let t: TestApp;

before(async () => {
  t = await startTestApp();
});
after(() => t.close());

describe('sessions', () => {
  test('a member lists their sessions, newest first, with the current one marked', async () => {
    const owner = await t.workspace('Sessions');
    const member = await memberWithRole(t, owner.key, 'viewer');
    const laptop = await login(t, member.email);
    const list = await t.request('GET', '/api/sessions', { headers: laptop });
    assert.equal(list.status, 200, list.text);
    assert.deepEqual(
      list.body.map((s: { current: boolean }) => s.current),
      [true, false],
    );
    assert.ok(new Date(list.body[0].expiresAt) > new Date(list.body[0].createdAt));
    assert.deepEqual((await t.request('GET', '/api/sessions', { key: owner.key })).body, [], 'an API key has no sessions');
  });

  test('a member ends one session, or every other one, and stays logged in here', async () => {
    const owner = await t.workspace('Sessions');
    const member = await memberWithRole(t, owner.key, 'viewer');
    const phone = await login(t, member.email);
    const tablet = await login(t, member.email);
    const phoneId = (await t.request('GET', '/api/sessions', { headers: phone })).body.find((s: { current: boolean }) => s.current).id;
    assert.equal((await t.request('DELETE', `/api/sessions/${phoneId}`, { headers: member.headers })).status, 204);
    assert.equal((await t.request('GET', '/api/me', { headers: phone })).status, 401);
    const others = await t.request('POST', '/api/sessions/revoke-others', { headers: member.headers });
    assert.deepEqual(others.body, { revoked: 1 });
    assert.equal((await t.request('GET', '/api/me', { headers: tablet })).status, 401);
    assert.equal((await t.request('GET', '/api/me', { headers: member.headers })).status, 200);
  });

  test('a member cannot end another member’s session; an admin logs a member out everywhere, in the audit log', async () => {
    const owner = await t.workspace('Sessions');
    const alice = await memberWithRole(t, owner.key, 'editor');
    const bob = await memberWithRole(t, owner.key, 'editor');
    const bobSession = (await t.request('GET', '/api/sessions', { headers: bob.headers })).body[0].id;
    assert.equal((await t.request('DELETE', `/api/sessions/${bobSession}`, { headers: alice.headers })).status, 404);
    assert.equal((await t.request('DELETE', `/api/members/${bob.id}/sessions`, { headers: alice.headers })).status, 403);
    const admin = await keyWithRole(t, owner.key, 'admin');
    const ended = await t.request('DELETE', `/api/members/${bob.id}/sessions`, { key: admin });
    assert.deepEqual(ended.body, { revoked: 1 });
    assert.equal((await t.request('GET', '/api/me', { headers: bob.headers })).status, 401);
    const log = await t.request('GET', '/api/audit-log?action=member.sessions_revoked', { key: owner.key });
    assert.deepEqual(
      log.body.items.map((e: { target: string; detail: unknown }) => [e.target, e.detail]),
      [[`member:${bob.id}`, { sessions: 1 }]],
    );
  });
});

describe('the audit log', () => {
  test('lists changes newest first, page by page, filtered by one action or a family', async () => {
    const owner = await t.workspace('Audit');
    for (const name of ['a', 'b', 'c']) await t.request('POST', '/api/api-keys', { key: owner.key, body: { name, role: 'viewer' } });
    const member = await memberWithRole(t, owner.key, 'viewer');
    const all = await t.request('GET', '/api/audit-log', { key: owner.key });
    assert.deepEqual(
      all.body.items.map((e: { action: string }) => e.action),
      ['member.added', 'api_key.created', 'api_key.created', 'api_key.created'],
    );
    const names: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { body: { items: Array<{ detail: { name: string } }>; nextCursor: string | null } } = await t.request(
        'GET',
        `/api/audit-log?limit=2&action=api_key.created${cursor ? `&cursor=${cursor}` : ''}`,
        { key: owner.key },
      );
      names.push(...page.body.items.map((e) => e.detail.name));
      cursor = page.body.nextCursor;
    }
    assert.deepEqual(names, ['c', 'b', 'a']);
    const family = await t.request('GET', '/api/audit-log?action=member.', { key: owner.key });
    assert.deepEqual(
      family.body.items.map((e: { action: string; target: string }) => `${e.action} ${e.target}`),
      [`member.added member:${member.id}`],
    );
  });

  test('is read by owners and admins only, and shows only its own workspace', async () => {
    const owner = await t.workspace('Audit');
    const other = await t.workspace('Other');
    await t.request('POST', '/api/api-keys', { key: other.key, body: { name: 'theirs', role: 'viewer' } });
    const editor = await keyWithRole(t, owner.key, 'editor');
    assert.equal((await t.request('GET', '/api/audit-log', { key: editor })).status, 403);
    const admin = await keyWithRole(t, owner.key, 'admin');
    const log = await t.request('GET', '/api/audit-log', { key: admin });
    assert.equal(log.status, 200);
    assert.ok(log.body.items.every((e: { detail: { name?: string } }) => e.detail.name !== 'theirs'));
  });
});
