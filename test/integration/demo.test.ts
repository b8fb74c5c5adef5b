// The demo workspace (botcast start --demo): the same API key on every start of the same data
// folder, and data a person believes — varied names, a first message before the last one, a screen
// image that Botcast serves itself, the subscriber count the banner prints.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINE, createTestDatabase } from '../helpers/engine.ts';
import { startBotcast } from '../helpers/process.ts';
import { DEMO_IMAGE_PATH, ensureDemo } from '../../src/services/demo.ts';

let t: TestApp;

before(async () => {
  t = await startTestApp();
});
after(async () => {
  await t.close();
});

describe('demo', () => {
  test('the demo API key is the same at every start, and it works', async () => {
    const first = await ensureDemo(t.app.ctx);
    assert.equal(first.created, true);
    assert.equal(first.apiKeyState, 'created');
    assert.ok(first.apiKey?.startsWith('bc_'));
    const again = await ensureDemo(t.app.ctx);
    assert.equal(again.created, false);
    assert.equal(again.apiKeyState, 'kept');
    assert.equal(again.apiKey, first.apiKey);
    const tags = await t.request('GET', `/api/bots/${first.botId}/tags`, { key: again.apiKey! });
    assert.equal(tags.status, 200, tags.text);
    const keys = await t.app.ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM api_keys WHERE workspace_id = $1 AND revoked_at IS NULL',
      [first.workspaceId],
    );
    assert.equal(keys[0].n, 1, 'one live key, not one more per start');
  });

  test('a demo whose key was made before keys were kept gets the kept one, and says the old one changed', async () => {
    const demo = await ensureDemo(t.app.ctx);
    await t.app.ctx.db.query(`UPDATE api_keys SET key_hash = 'old-random-key' WHERE workspace_id = $1 AND name = 'demo'`, [
      demo.workspaceId,
    ]);
    const next = await ensureDemo(t.app.ctx);
    assert.equal(next.apiKeyState, 'changed');
    assert.equal(next.apiKey, demo.apiKey);
    const [old] = await t.app.ctx.db.query<{ revoked: boolean }>(
      `SELECT revoked_at IS NOT NULL AS revoked FROM api_keys WHERE key_hash = 'old-random-key'`,
    );
    assert.equal(old.revoked, true);
    assert.equal((await ensureDemo(t.app.ctx)).apiKeyState, 'kept');
  });

  test('subscribers have varied first names and their first message before their last', async () => {
    const demo = await ensureDemo(t.app.ctx);
    const [row] = await t.app.ctx.db.query<{ total: number; first_names: number; demo_names: number; misordered: number; future: number }>(
      `SELECT count(*)::int AS total, count(DISTINCT split_part(name, ' ', 1))::int AS first_names,
              (count(*) FILTER (WHERE name ILIKE 'demo%'))::int AS demo_names,
              (count(*) FILTER (WHERE first_message_at > last_message_at))::int AS misordered,
              (count(*) FILTER (WHERE last_message_at > now()))::int AS future
       FROM subscribers WHERE channel_id = $1`,
      [demo.channelId],
    );
    assert.equal(row.total, 3000);
    assert.ok(row.first_names >= 30, `${row.first_names} distinct first names`);
    assert.equal(row.demo_names, 0);
    assert.equal(row.misordered, 0);
    assert.equal(row.future, 0);
  });

  test('the banner counts the subscribers there are', async () => {
    const demo = await ensureDemo(t.app.ctx);
    assert.equal(demo.subscribers, 3000);
    assert.equal(demo.activeSubscribers, 3000);
    await t.app.ctx.db.query(
      `UPDATE subscribers SET status = 'blocked' WHERE id IN (SELECT id FROM subscribers WHERE channel_id = $1 ORDER BY id LIMIT 3)`,
      [demo.channelId],
    );
    await t.app.ctx.db.query(
      `DELETE FROM subscribers WHERE id IN (SELECT id FROM subscribers WHERE channel_id = $1 ORDER BY id DESC LIMIT 2)`,
      [demo.channelId],
    );
    const next = await ensureDemo(t.app.ctx);
    assert.equal(next.subscribers, 2998);
    assert.equal(next.activeSubscribers, 2995);
  });

  test('the demo screen image is served by Botcast', async () => {
    const demo = await ensureDemo(t.app.ctx);
    const screens = await t.request('GET', `/api/bots/${demo.botId}/screens`, { key: demo.apiKey! });
    const media = (screens.body as Array<{ media: { type: string; url: string } | null }>)[0]?.media;
    assert.equal(media?.type, 'image');
    assert.equal(media?.url, t.app.ctx.config.publicUrl + DEMO_IMAGE_PATH);
    // A demo from before (an image address that did not exist) or from another port gets this one.
    for (const old of ['https://example.com/winter-sale.jpg', `http://127.0.0.1:1234${DEMO_IMAGE_PATH}`]) {
      await t.app.ctx.db.query(`UPDATE screens SET media = $2 WHERE bot_id = $1`, [
        demo.botId,
        JSON.stringify({ type: 'image', url: old }),
      ]);
      await ensureDemo(t.app.ctx);
      const [row] = await t.app.ctx.db.query<{ url: string }>(`SELECT media->>'url' AS url FROM screens WHERE bot_id = $1`, [demo.botId]);
      assert.equal(row.url, t.app.ctx.config.publicUrl + DEMO_IMAGE_PATH);
    }
    const image = await t.request('GET', DEMO_IMAGE_PATH);
    assert.equal(image.status, 200);
    assert.match(String(image.headers['content-type']), /^image\/png/);
  });

  test('a revoked demo key is not brought back', async () => {
    const demo = await ensureDemo(t.app.ctx);
    const list = await t.request('GET', '/api/api-keys', { key: demo.apiKey! });
    const id = (list.body as Array<{ id: number; name: string; revokedAt: string | null }>).find(
      (k) => k.name === 'demo' && !k.revokedAt,
    )!.id;
    const revoked = await t.request('DELETE', `/api/api-keys/${id}`, { key: demo.apiKey! });
    assert.ok(revoked.status < 300, revoked.text);
    const next = await ensureDemo(t.app.ctx);
    assert.equal(next.apiKeyState, 'revoked');
    assert.equal(next.apiKey, null);
    assert.equal((await t.request('GET', '/api/api-keys', { key: demo.apiKey! })).status, 401);
  });

  test(
    'botcast start --demo prints the same key when the same data folder starts again',
    { skip: ENGINE !== 'pglite' && 'embedded mode only' },
    async () => {
      const folder = await createTestDatabase();
      // No BOTCAST_SECRET_KEY: the key generated into the data folder is the one the demo key comes from.
      const env = { ...folder.env, BOTCAST_SECRET_KEY: '' };
      const keyOf = (output: string) => /API key\s+(bc_\S+)/.exec(output)?.[1];
      try {
        const first = await startBotcast(['start', '--demo'], env);
        const firstKey = keyOf(first.output());
        assert.equal(await first.kill(), 0);
        const second = await startBotcast(['start', '--demo'], env);
        try {
          assert.ok(firstKey, first.output());
          assert.equal(keyOf(second.output()), firstKey, second.output());
          assert.match(second.output(), /the same key as before/);
          assert.match(second.output(), /3000 subscribers\)/);
          const res = await fetch(`${second.url}/api/bots`, { headers: { authorization: `Bearer ${firstKey}` } });
          assert.equal(res.status, 200);
        } finally {
          await second.kill();
        }
      } finally {
        await folder.drop();
      }
    },
  );
});
