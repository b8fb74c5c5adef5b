// The chaos run's small helpers: the run's database URL and the Botcast API (chaos.ts).
import { request } from 'undici';
import { PG_ADMIN_URL } from '../helpers/engine.ts';

export function dbUrl(name: string) {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = '/' + name;
  return u.toString();
}

export async function api(base: string, method: string, path: string, key?: string, body?: unknown) {
  const res = await request(base + path, {
    method: method as 'GET',
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.body.text();
  if (res.statusCode >= 400) throw new Error(`${method} ${path}: ${res.statusCode} ${text}`);
  return JSON.parse(text);
}
