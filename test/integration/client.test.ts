// The typed client (src/client: openapi-fetch over the types generated from openapi.json) against a
// listening Botcast: a bot, a sandbox channel, subscribers and tags, a broadcast that delivers, its
// history and log — every answer typed by the document and checked against it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { createBotcastClient, type BotcastClient } from '../../src/client/index.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { checkAnswers } from '../helpers/client.ts';
import { FAST_ENGINE } from '../helpers/world.ts';

let t: TestApp;
let api: BotcastClient;
let baseUrl: string;

before(async () => {
  t = await startTestApp({ worker: true, config: { graceSeconds: 0 }, engine: FAST_ENGINE });
  const server = t.app.server!;
  await server.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  const { key } = await t.workspace('Client');
  api = createBotcastClient(baseUrl, key);
  api.use(checkAnswers(server));
});
after(() => t.close());

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('bots → channels → subscribers → sends → history through the typed client', async () => {
  const bot = await api.POST('/api/bots', { body: { name: 'Client bot', timeZone: 'Europe/Berlin' } });
  assert.equal(bot.response.status, 201);
  const botId = bot.data!.id;
  assert.equal(bot.data!.timeZone, 'Europe/Berlin');

  const channel = await api.POST('/api/bots/{botId}/channels', {
    params: { path: { botId } },
    body: { platform: 'sandbox', name: 'Test' },
  });
  assert.equal(channel.response.status, 201);
  const channelId = channel.data!.id;
  assert.equal(channel.data!.platform, 'sandbox');
  assert.equal(channel.data!.webhookUrl, null);

  for (const userId of ['ann', 'bob']) {
    const wrote = await api.POST('/api/channels/{id}/sandbox/messages', {
      params: { path: { id: channelId } },
      body: { userId, name: userId, text: 'hello' },
    });
    assert.equal(wrote.response.status, 201);
  }
  const subscribers = await api.GET('/api/bots/{botId}/subscribers', { params: { path: { botId }, query: { limit: 10 } } });
  assert.deepEqual(subscribers.data!.items.map((s) => s.platformUserId).sort(), ['ann', 'bob']);
  assert.equal(subscribers.data!.nextCursor, null);
  const ann = subscribers.data!.items.find((s) => s.platformUserId === 'ann')!;
  const tagged = await api.POST('/api/subscribers/{id}/tags', { params: { path: { id: ann.id } }, body: { tags: ['vip'] } });
  assert.deepEqual(tagged.data!.tags, ['vip']);

  const send = await api.POST('/api/bots/{botId}/sends', {
    params: { path: { botId } },
    body: {
      content: { type: 'text', text: 'Hi {{name}}' },
      channelIds: [channelId],
      audience: { type: 'tags', include: ['vip'] },
      timing: { type: 'instant' },
    },
  });
  assert.equal(send.response.status, 201, JSON.stringify(send.error));
  const sendId = send.data!.id;
  assert.equal(send.data!.kind, 'broadcast');

  const done = await until('the send to complete', async () => {
    const progress = await api.GET('/api/sends/{id}/progress', { params: { path: { id: sendId } } });
    return progress.data!.done ? progress.data! : undefined;
  });
  assert.equal(done.counts.sent, 1);

  const history = await api.GET('/api/history', { params: { query: { section: 'completed', botId } } });
  assert.deepEqual(
    history.data!.items.map((i) => i.id),
    [sendId],
  );
  assert.equal(history.data!.items[0].counts.sent, 1);

  const log = await api.GET('/api/sends/{id}/log', { params: { path: { id: sendId } } });
  assert.deepEqual(
    log.data!.deliveries.items.map((d) => [d.recipient, d.state]),
    [['ann', 'sent']],
  );

  const inbox = await api.GET('/api/channels/{id}/sandbox/inbox', { params: { path: { id: channelId }, query: { userId: 'ann' } } });
  assert.ok(inbox.data!.some((m) => m.direction === 'out'));
});

test('errors arrive typed in the one error shape', async () => {
  const missing = await api.GET('/api/bots/{botId}', { params: { path: { botId: 999999 } } });
  assert.equal(missing.response.status, 404);
  assert.equal(missing.data, undefined);
  assert.equal(missing.error!.error.code, 'not_found');

  const invalid = await api.POST('/api/bots', { body: { name: '' } });
  assert.equal(invalid.response.status, 400);
  assert.equal(invalid.error!.error.code, 'invalid_request');

  const anonymous = await createBotcastClient(baseUrl, 'bc_not_a_key').GET('/api/bots');
  assert.equal(anonymous.response.status, 401);
  assert.equal(anonymous.error!.error.code, 'unauthorized');
});

test('deleting answers 204 without a body', async () => {
  const bot = await api.POST('/api/bots', { body: { name: 'Short-lived' } });
  const gone = await api.DELETE('/api/bots/{botId}', { params: { path: { botId: bot.data!.id } } });
  assert.equal(gone.response.status, 204);
  const again = await api.GET('/api/bots/{botId}', { params: { path: { botId: bot.data!.id } } });
  assert.equal(again.response.status, 404);
});
