// Embedded mode must be safe: one process per data folder, and a kill -9 in the middle of
// writes leaves a folder that opens again with every acknowledged write in it.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'undici';
import { ENGINE, createTestDatabase, type TestDatabase } from '../helpers/engine.ts';
import { runBotcast, startBotcast } from '../helpers/process.ts';
import { waitFor } from '../helpers/world.ts';
import type { Json } from '../helpers/json.ts';

const skip = ENGINE !== 'pglite' ? 'embedded mode only (PGlite)' : false;
const databases: TestDatabase[] = [];
after(async () => {
  for (const d of databases) await d.drop();
});

async function post(url: string, body: unknown, key?: string) {
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.statusCode, body: (await res.body.json()) as Json };
}

describe('embedded mode', { skip }, () => {
  test('a second process on the same data folder is refused, pointing to DATABASE_URL', async () => {
    const db = await createTestDatabase('pglite');
    databases.push(db);
    const first = await startBotcast(['start'], db.env);
    try {
      const second = await runBotcast(['start'], db.env);
      assert.equal(second.code, 1);
      assert.match(second.output, /in use by another Botcast process/);
      assert.match(second.output, /DATABASE_URL/);
    } finally {
      await first.kill('SIGTERM');
    }
  });

  test('kill -9 in the middle of writes: the folder opens again and acknowledged writes are there', async () => {
    const db = await createTestDatabase('pglite');
    databases.push(db);
    let proc = await startBotcast(['start'], db.env);
    const signup = await post(`${proc.url}/api/signup`, {
      workspaceName: 'Crash',
      email: 'crash@example.com',
      password: 'correct horse battery',
    });
    const key = signup.body.apiKey.key;
    const bot = await post(`${proc.url}/api/bots`, { name: 'b' }, key);
    const acknowledged: string[] = [];
    for (let round = 0; round < 3; round++) {
      let stop = false;
      const writers = Array.from({ length: 4 }, async (_, w) => {
        for (let i = 0; !stop; i++) {
          const name = `r${round}-w${w}-${i}`;
          try {
            const r = await post(`${proc.url}/api/bots/${bot.body.id}/tags`, { name }, key);
            if (r.status === 201) acknowledged.push(name);
          } catch {
            return; // the process died under us
          }
        }
      });
      // Killed while writes are going on: after this round's first few acknowledgements (waiting
      // for them, not for a time, so a slow machine still kills mid-writes), plus a random moment.
      const before = acknowledged.length;
      const wanted = 5 + Math.floor(Math.random() * 20);
      await waitFor('writes acknowledged in this round', async () => acknowledged.length - before >= wanted, 120_000, 10);
      await proc.kill('SIGKILL');
      stop = true;
      await Promise.all(writers);
      proc = await startBotcast(['start'], db.env);
    }
    try {
      const res = await request(`${proc.url}/api/bots/${bot.body.id}/tags`, { headers: { authorization: `Bearer ${key}` } });
      const names = new Set(((await res.body.json()) as Json[]).map((t) => t.name));
      const lost = acknowledged.filter((n) => !names.has(n));
      assert.ok(acknowledged.length > 20, `only ${acknowledged.length} writes were made`);
      assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged writes were lost`);
    } finally {
      await proc.kill('SIGTERM');
    }
  });
});
