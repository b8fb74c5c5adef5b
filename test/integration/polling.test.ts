// Telegram long polling: updates become subscribers; the offset is stored with what it confirms,
// so nothing is processed twice across restarts; one poller per channel across processes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'undici';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startFakeServer, type FakeServer } from '../fakes/server.ts';
import { FAST_ENGINE, addChannel, makeWorld, waitFor } from '../helpers/world.ts';
import { createApp } from '../../src/app.ts';
import { ENGINE } from '../helpers/engine.ts';
import type { CountRow } from '../../src/storage/db.ts';

let fake: FakeServer;
let t: TestApp;

before(async () => {
  fake = await startFakeServer();
  t = await startTestApp({ worker: true, engine: { ...FAST_ENGINE, pollTimeoutSec: 0 } });
});
after(async () => {
  await t.close();
  await fake.close();
});

const update = (id: number, userId: number, text = 'hi') => ({
  update_id: id,
  message: {
    message_id: id,
    date: 1_700_000_000,
    chat: { id: userId, type: 'private' },
    from: { id: userId, is_bot: false, first_name: `User${userId}`, language_code: 'en' },
    text,
  },
});

async function push(token: string, updates: unknown[]) {
  const res = await request(`${fake.url}/bot${token}/__pushUpdates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ updates }),
  });
  await res.body.dump();
}

describe('telegram long polling', () => {
  test('updates create subscribers once, and the offset survives a restart', async () => {
    const w = await makeWorld(t);
    const token = `55:poll${Date.now()}`;
    const channelId = await addChannel(t, w, 'tg', { credentials: { token }, apiBaseUrl: fake.url, inbound: 'polling' });
    await push(token, [update(10, 501), update(11, 502), update(12, 501, 'again')]);
    await waitFor(
      'subscribers from updates',
      async () =>
        (await t.app.ctx.db.query<CountRow>('SELECT count(*) AS n FROM subscribers WHERE channel_id = $1', [channelId]))[0].n === 2,
    );
    const [state] = await t.app.ctx.db.query<{ update_offset: number }>('SELECT update_offset FROM channel_polling WHERE channel_id = $1', [
      channelId,
    ]);
    assert.equal(state.update_offset, 13);
    // A restart: the same process opens the same database again.
    await t.app.close();
    const reopened = await createApp(t.database.config(), { worker: true, api: false, engine: { ...FAST_ENGINE, pollTimeoutSec: 0 } });
    try {
      // Telegram re-offers update 12 (its confirmation was the offset we stored) and a new one.
      await push(token, [update(12, 501, 'again'), update(13, 503)]);
      await waitFor(
        'the new update',
        async () =>
          (await reopened.ctx.db.query<CountRow>('SELECT count(*) AS n FROM subscribers WHERE channel_id = $1', [channelId]))[0].n === 3,
      );
      const [after] = await reopened.ctx.db.query<{ update_offset: number }>(
        'SELECT update_offset FROM channel_polling WHERE channel_id = $1',
        [channelId],
      );
      assert.equal(after.update_offset, 14);
      const polls = fake.records.filter((r) => r.channel === token && r.method === 'getUpdates');
      assert.ok(polls.length > 0);
    } finally {
      await reopened.close();
      t = await startTestApp({ worker: true, engine: { ...FAST_ENGINE, pollTimeoutSec: 0 } });
    }
  });

  test(
    'only one poller per channel across processes',
    { skip: ENGINE !== 'postgres' && 'several processes share PostgreSQL' },
    async () => {
      const w = await makeWorld(t);
      const token = `56:poll${Date.now()}`;
      const channelId = await addChannel(t, w, 'tg', { credentials: { token }, apiBaseUrl: fake.url, inbound: 'polling' });
      const second = await createApp(t.database.config(), { worker: true, api: false, engine: { ...FAST_ENGINE, pollTimeoutSec: 0 } });
      try {
        await waitFor('a poller', async () => fake.records.some((r) => r.channel === token && r.method === 'getUpdates'));
        await new Promise((r) => setTimeout(r, 1500));
        const owners = await t.app.ctx.db.query<{ owner: string | null }>('SELECT owner FROM channel_polling WHERE channel_id = $1', [
          channelId,
        ]);
        assert.equal(owners.length, 1);
        const workers = (await t.app.ctx.db.query<{ id: string }>('SELECT id FROM workers')).map((r) => r.id);
        assert.ok(workers.includes(owners[0].owner ?? ''));
      } finally {
        await second.close();
      }
    },
  );

  test('polling is refused for a platform without it', async () => {
    const w = await makeWorld(t);
    const r = await t.request('POST', `/api/bots/${w.botId}/channels`, {
      key: w.key,
      body: { platform: 'viber', verify: false, credentials: { token: 'x' }, inbound: 'polling' },
    });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'polling_unsupported');
  });
});
