// Secrets at rest (issue 15.7f): a channel's webhook secret is sealed (AES-256-GCM) like its
// credentials. Secrets written in plain text before migration 0015 are sealed by the next start,
// which holds the key the database does not; until then they keep working.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createApp, type App } from '../../src/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/engine.ts';

let database: TestDatabase;
let app: App;
let key: string;
let botId: number;

async function request(method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await app.server!.inject({
    method,
    url,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), authorization: `Bearer ${key}`, ...headers },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined, text: res.body };
}

const start = () => createApp(database.config(), { worker: false, logger: false });

interface SecretColumns {
  webhook_secret: string | null;
  webhook_secret_enc: string | null;
}
const columns = async (channelId: number) =>
  (await app.ctx.db.query<SecretColumns>('SELECT webhook_secret, webhook_secret_enc FROM channels WHERE id = $1', [channelId]))[0];

const tgUpdate = readFileSync(new URL('../fixtures/tg/update-message.json', import.meta.url), 'utf8');
const tgHook = (channelId: number, secret: string) =>
  request('POST', `/hooks/tg/${channelId}`, JSON.parse(tgUpdate), { 'x-telegram-bot-api-secret-token': secret });

before(async () => {
  database = await createTestDatabase();
  app = await start();
  const signup = await app.server!.inject({
    method: 'POST',
    url: '/api/signup',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ workspaceName: 'Sealed', email: 'sealed@example.com', password: 'correct horse battery' }),
  });
  key = JSON.parse(signup.body).apiKey.key;
  botId = (await request('POST', '/api/bots', { name: 'bot' })).body.id;
});
after(async () => {
  await app.close();
  await database.drop();
});

test('a new channel’s webhook secret is stored sealed, never in plain text', async () => {
  const created = await request('POST', `/api/bots/${botId}/channels`, {
    platform: 'ok',
    credentials: { accessToken: 'a' },
    verify: false,
  });
  assert.equal(created.status, 201, created.text);
  const secret = new URL(created.body.webhookUrl).searchParams.get('secret')!;
  assert.ok(secret.length >= 32);
  const row = await columns(created.body.id);
  assert.equal(row.webhook_secret, null);
  assert.match(row.webhook_secret_enc!, /^v1:/);
  assert.ok(!row.webhook_secret_enc!.includes(secret));
  assert.equal(app.ctx.sealer.open(row.webhook_secret_enc!), secret);
  const [all] = await app.ctx.db.query<{ text: string }>('SELECT row_to_json(c)::text AS text FROM channels c WHERE id = $1', [
    created.body.id,
  ]);
  assert.ok(!all.text.includes(secret), 'the secret appears in no column');
});

test('a plain-text secret from before 0015 keeps working, and the next start seals it', async () => {
  const created = await request('POST', `/api/bots/${botId}/channels`, { platform: 'tg', credentials: { token: '1:abc' }, verify: false });
  const channelId = created.body.id as number;
  const legacy = 'legacy-plain-secret_0123456789abcdef';
  await app.ctx.db.query('UPDATE channels SET webhook_secret = $2, webhook_secret_enc = NULL WHERE id = $1', [channelId, legacy]);
  assert.equal((await tgHook(channelId, legacy)).status, 200, 'read in plain text until sealed');
  assert.equal((await tgHook(channelId, 'wrong')).status, 403);

  await app.close();
  app = await start();
  const row = await columns(channelId);
  assert.equal(row.webhook_secret, null, 'the plain text is gone');
  assert.equal(app.ctx.sealer.open(row.webhook_secret_enc!), legacy);
  assert.equal((await tgHook(channelId, legacy)).status, 200, 'the platform keeps calling with the same secret');
  assert.equal((await tgHook(channelId, legacy.slice(0, -1))).status, 403);
});
