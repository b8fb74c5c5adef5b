// Callers with a role, for the accounts tests: API keys made by the workspace's owner key, and
// members who log into the panel (their session cookie plus the Origin a panel write carries).
import assert from 'node:assert/strict';
import type { TestApp } from './app.ts';

export const PASSWORD = 'correct horse battery';

export async function keyWithRole(t: TestApp, ownerKey: string, role: string): Promise<string> {
  const r = await t.request('POST', '/api/api-keys', { key: ownerKey, body: { name: `${role} key`, role } });
  assert.equal(r.status, 201, r.text);
  return r.body.key;
}

export interface MemberCaller {
  id: number;
  email: string;
  /** Headers that authenticate a panel request as this member (cookie and same-origin Origin). */
  headers: Record<string, string>;
}

export async function login(t: TestApp, email: string, password = PASSWORD): Promise<Record<string, string>> {
  const r = await t.request('POST', '/api/auth/login', { body: { email, password } });
  assert.equal(r.status, 200, r.text);
  return { cookie: String(r.headers['set-cookie']).split(';')[0], origin: 'http://localhost' };
}

export async function memberWithRole(t: TestApp, ownerKey: string, role: string): Promise<MemberCaller> {
  const email = `${role}-${Math.random().toString(36).slice(2, 9)}@example.com`;
  const r = await t.request('POST', '/api/members', { key: ownerKey, body: { email, password: PASSWORD, role } });
  assert.equal(r.status, 201, r.text);
  return { id: r.body.id, email, headers: await login(t, email) };
}
