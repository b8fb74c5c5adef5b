// Odd input, over every route of the OpenAPI document: each write operation (and each query
// parameter of any operation, and the webhooks' GET handshakes) is sent a valid request with one odd
// value planted in it — a NUL byte or a lone surrogate in a string or a field name, 400 digits or
// 1e308 or 1.5 where an integer or id goes, 5,000 levels of nesting where an object goes, a query
// parameter given twice. The answer is never a 5xx: it is a 400 in the one error shape naming the
// field (a path id may also be a 404), and nothing in the database changed.
// Deterministic: BOTCAST_FUZZ_SEED replays another seed; BOTCAST_FUZZ_REPORT=<file> writes every
// problem found there (the assertion shows the first 60).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addChannel, makeWorld, type World } from '../helpers/world.ts';
import { injectClient } from '../helpers/client.ts';
import type { Json } from '../helpers/json.ts';
import { bodyMutations, hugeDigits, queryMutations, queryString, seededRandom, toJsonText, withNul } from '../helpers/odd-input.ts';
import { databaseFingerprint } from '../helpers/fingerprint.ts';
import { exampleRequests, type Fixtures } from '../helpers/fuzz-examples.ts';

const SEED = Number(process.env.BOTCAST_FUZZ_SEED ?? 20260515);
const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];

let t: TestApp;
let w: World;
let f: Fixtures;

before(async () => {
  t = await startTestApp();
  w = await makeWorld(t);
  const api = injectClient(t, w.key);
  const botId = w.botId;
  const channelId = await addChannel(t, w, 'sandbox');
  const subscriberId = (
    await api.POST('/api/channels/{id}/sandbox/messages', { params: { path: { id: channelId } }, body: { userId: 'u1', text: 'hi' } })
  ).data!.subscriberId;
  await api.POST('/api/subscribers/{id}/tags', { params: { path: { id: subscriberId } }, body: { tags: ['vip'] } });
  const tagId = (await api.GET('/api/bots/{botId}/tags', { params: { path: { botId } } })).data![0].id;
  const screenId = (await api.POST('/api/bots/{botId}/screens', { params: { path: { botId } }, body: { name: 's', text: 'x' } })).data!.id;
  const later = { type: 'delayed' as const, at: '2099-01-01T10:00' };
  const sendId = (
    await api.POST('/api/bots/{botId}/sends', {
      params: { path: { botId } },
      body: { content: { type: 'text', text: 'x' }, channelIds: [channelId], audience: { type: 'all' }, timing: later },
    })
  ).data!.id;
  const draftId = (
    await api.POST('/api/bots/{botId}/drafts', { params: { path: { botId } }, body: { form: { content: { type: 'text', text: 'x' } } } })
  ).data!.id;
  const apiKeyId = (await api.POST('/api/api-keys', { body: { name: 'k' } })).data!.id;
  const memberId = (await api.POST('/api/members', { body: { email: `m-${w.workspaceId}@example.com`, password: 'long enough password' } }))
    .data!.id;
  const importId = (
    await t.request('POST', `/api/channels/${channelId}/selected-users/import`, {
      key: w.key,
      raw: 'id\nu1\n',
      headers: { 'content-type': 'text/csv' },
    })
  ).body.importId;
  const event = (
    await api.POST('/api/bots/{botId}/external-events', {
      params: { path: { botId } },
      body: { name: 'e', content: { type: 'text', text: 'x' } },
    })
  ).data!;
  const triggerId = (
    await api.POST('/api/bots/{botId}/triggers', {
      params: { path: { botId } },
      body: { name: 't', tag: 'vip', content: { type: 'text', text: 'x' }, delay: { amount: 1, unit: 'days' } },
    })
  ).data!.id;
  const metaCredentials = { pageAccessToken: 'a', appSecret: 'app-secret', verifyToken: 'verify-me' };
  const fbChannelId = await addChannel(t, w, 'fb', { credentials: metaCredentials });
  const okChannelId = await addChannel(t, w, 'ok', { credentials: { accessToken: 'a' } });
  const okUrl = new URL((await t.request('GET', `/api/channels/${okChannelId}`, { key: w.key })).body.webhookUrl);
  const statusWebhookId = (await api.POST('/api/status-webhooks', { body: { url: 'https://hooks.example.com/botcast' } })).data!.id;
  const email = (await t.request('GET', '/api/me', { key: w.key })).body.member?.email ?? 'nobody@example.com';
  f = {
    email,
    botId,
    channelId,
    subscriberId,
    tagId,
    screenId,
    sendId,
    draftId,
    apiKeyId,
    memberId,
    importId,
    eventId: event.id,
    eventPath: new URL(event.url!).pathname,
    triggerId,
    fbChannelId,
    okChannelId,
    okSecret: okUrl.searchParams.get('secret') ?? '',
    statusWebhookId,
  };
});
after(() => t.close());

/** The path of the resource a route's `{id}` names, by the first segment after /api/. */
function idFor(resource: string): number | undefined {
  const ids: Record<string, number> = {
    channels: f.channelId,
    subscribers: f.subscriberId,
    tags: f.tagId,
    screens: f.screenId,
    sends: f.sendId,
    drafts: f.draftId,
    'api-keys': f.apiKeyId,
    members: f.memberId,
    'selected-user-imports': f.importId,
    'external-events': f.eventId,
    triggers: f.triggerId,
    'status-webhooks': f.statusWebhookId,
  };
  return ids[resource];
}

function fillPath(path: string, replace: Record<string, string> = {}): string {
  if (path === '/hooks/events/{secret}') return replace.secret === undefined ? f.eventPath : `/hooks/events/${replace.secret}`;
  const values: Record<string, string> = {
    botId: String(f.botId),
    id: String(idFor(path.split('/')[2]) ?? ''),
    userId: 'u1',
    action: 'release',
    ...replace,
  };
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name]);
}

interface Answer {
  status: number;
  body: Json;
  text: string;
}

/** What a refused odd request must look like; a problem in words, or null. */
function judge(answer: Answer, field: string | null, allowed: number[]): string | null {
  if (answer.status === 0 || answer.status >= 500) return `answered ${answer.status}: ${answer.text.slice(0, 300)}`;
  if (!allowed.includes(answer.status)) return `answered ${answer.status}, expected ${allowed.join(' or ')}: ${answer.text.slice(0, 300)}`;
  const error = answer.body?.error;
  if (typeof error?.code !== 'string' || typeof error?.message !== 'string') return `not the error shape: ${answer.text.slice(0, 300)}`;
  if (field && answer.status === 400 && !JSON.stringify(error).includes(field))
    return `the error does not name ${field}: ${answer.text.slice(0, 300)}`;
  return null;
}

test('odd input anywhere answers 400 naming the field (never 5xx), and writes nothing', async () => {
  const doc = (await t.request('GET', '/api/openapi.json')).body;
  const examples = exampleRequests(f);
  const random = seededRandom(SEED);
  const problems: string[] = [];
  let sent = 0;

  const send = async (method: string, url: string, body: Json, raw?: { text: string; type: string }): Promise<Answer> => {
    sent += 1;
    const key = url.startsWith('/hooks/') ? undefined : w.key;
    const options = raw
      ? { key, raw: raw.text, headers: { 'content-type': raw.type } }
      : body === undefined
        ? { key }
        : { key, raw: toJsonText(body), headers: { 'content-type': 'application/json' } };
    try {
      return await t.request(method, url, options);
    } catch (error) {
      // t.request refuses an answer that openapi.json does not describe (not the error shape).
      return { status: 0, body: undefined, text: String(error).slice(0, 300) };
    }
  };

  /** Runs one operation's odd requests; the whole database must be as it was afterwards. */
  const probe = async (label: string, requests: () => Promise<void>) => {
    const before = await databaseFingerprint(t.app.ctx.db);
    await requests();
    const after = await databaseFingerprint(t.app.ctx.db);
    const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
    if (changed.length > 0) problems.push(`${label}: odd requests changed ${changed.join(', ')}`);
  };

  const missing: string[] = [];
  for (const [path, operations] of Object.entries<Record<string, Json>>(doc.paths)) {
    for (const [method, operation] of Object.entries<Json>(operations)) {
      const label = `${method.toUpperCase()} ${path}`;
      const params: Json[] = operation.parameters ?? [];
      const queryParams = params.filter((p) => p.in === 'query');
      const pathParams = params.filter((p) => p.in === 'path');
      const isWrite = WRITE_METHODS.includes(method);
      if (!isWrite && queryParams.length === 0) continue;
      const example = examples[label];
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      if (isWrite && bodySchema && !example?.bodies?.length) missing.push(label);
      const bodies: Json[] = example?.bodies ?? [undefined];
      const raw = example?.raw;
      await probe(label, async () => {
        const url = fillPath(path);
        const baseQuery = example?.query ?? {};
        // Path ids beyond bigint, or with a NUL: 400 or 404.
        for (const param of pathParams) {
          for (const value of [hugeDigits(random), encodeURIComponent(withNul('1', random))]) {
            const odd = fillPath(path, { [param.name]: value }) + queryString(Object.entries(baseQuery));
            const problem = judge(await send(method.toUpperCase(), odd, bodies[0], raw), param.name, [400, 404]);
            if (problem) problems.push(`${label} with path ${param.name}=${value.slice(0, 12)}…: ${problem}`);
          }
        }
        // Every odd body, on the operation's own (valid) URL.
        if (isWrite) {
          for (const base of bodies) {
            if (base === undefined) continue;
            for (const mutation of bodyMutations(base, bodySchema, random)) {
              const answer = raw
                ? await send(method.toUpperCase(), url + queryString(Object.entries(baseQuery)), undefined, {
                    text: toJsonText(mutation.body),
                    type: 'application/json',
                  })
                : await send(method.toUpperCase(), url + queryString(Object.entries(baseQuery)), mutation.body);
              const problem = judge(answer, mutation.field, [400]);
              if (problem) problems.push(`${label} with ${mutation.what}: ${problem}`);
            }
          }
        }
        // Odd query parameters, one at a time, beside the example's parameters or the required ones.
        const integers = new Set<string>(queryParams.filter((p) => p.schema?.type === 'integer').map((p) => p.name));
        for (const param of queryParams) {
          if (param.schema?.type === 'array') continue; // repeating it is how a list is written
          // The example's parameters, or else the required ones: the odd one is then the only thing wrong.
          const others =
            example?.query ?? Object.fromEntries(queryParams.filter((p) => p.required).map((p) => [p.name, exampleQueryValue(p)]));
          const query = { ...others, [param.name]: others[param.name] ?? exampleQueryValue(param) };
          for (const mutation of queryMutations(query, integers, random).filter((m) => m.field === param.name)) {
            const answer = await send(method.toUpperCase(), url + queryString(mutation.query), bodies[0], raw);
            const problem = judge(answer, mutation.field, [400]);
            if (problem) problems.push(`${label} with ${mutation.what}: ${problem}`);
          }
        }
      });
    }
  }
  assert.deepEqual(missing, [], 'write operations without an example request in fuzz-examples.ts');

  // The platform webhooks are not in the document; their query parameters are read by hand.
  const hooks: Array<{ label: string; method: string; url: string; query: Record<string, string> }> = [
    {
      label: 'GET /hooks/fb/{channelId}',
      method: 'GET',
      url: `/hooks/fb/${f.fbChannelId}`,
      query: { 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': '12345' },
    },
    { label: 'GET /hooks/ok/{channelId}', method: 'GET', url: `/hooks/ok/${f.okChannelId}`, query: { secret: f.okSecret } },
    { label: 'POST /hooks/ok/{channelId}', method: 'POST', url: `/hooks/ok/${f.okChannelId}`, query: { secret: f.okSecret } },
  ];
  for (const hook of hooks) {
    await probe(hook.label, async () => {
      for (const mutation of queryMutations(hook.query, new Set(), random)) {
        const body = hook.method === 'POST' ? { sender: { user_id: 'user:1' }, message: { text: 'hi' } } : undefined;
        const problem = judge(await send(hook.method, hook.url + queryString(mutation.query), body), mutation.field, [400]);
        if (problem) problems.push(`${hook.label} with ${mutation.what}: ${problem}`);
      }
    });
  }

  if (process.env.BOTCAST_FUZZ_REPORT) writeFileSync(process.env.BOTCAST_FUZZ_REPORT, problems.join('\n'));
  assert.ok(sent > 500, `sent only ${sent} odd requests`);
  assert.deepEqual(problems.slice(0, 60), [], `${problems.length} odd requests were mishandled (seed ${SEED})`);
});

test('the router refuses a path it cannot route in the error shape: a parameter too long, bad percent-encoding', async () => {
  // (A GET of such a path falls through to the panel's catch-all route: a 404 in the same shape.)
  const long = await t.request('DELETE', `/api/channels/${'9'.repeat(600)}`, { key: w.key });
  assert.equal(long.status, 400, long.text);
  assert.equal(long.body.error.code, 'invalid_request');
  assert.equal((await t.request('GET', `/api/channels/${'9'.repeat(600)}`, { key: w.key })).body.error.code, 'route_not_found');
  const bad = await t.request('DELETE', '/api/channels/%E0%A4%A', { key: w.key });
  assert.equal(bad.status, 400, bad.text);
  assert.equal(bad.body.error.code, 'bad_url');
});

test('a sandbox user id of 128 characters (the schema allows it) reaches the route', async () => {
  const userId = 'u'.repeat(128);
  const r = await t.request('PUT', `/api/channels/${f.channelId}/sandbox/users/${userId}`, { key: w.key, body: { behaviour: 'normal' } });
  assert.equal(r.status, 200, r.text);
});

test('a number in an audience is a tag id, never turned into a tag name', async () => {
  const path = `/api/bots/${f.botId}/sends/preview`;
  const byId = await t.request('POST', path, {
    key: w.key,
    body: { channelIds: [f.channelId], audience: { type: 'tags', include: [f.tagId] } },
  });
  assert.equal(byId.status, 200, byId.text);
  const byName = await t.request('POST', path, {
    key: w.key,
    body: { channelIds: [f.channelId], audience: { type: 'tags', include: ['vip'] } },
  });
  assert.deepEqual(byId.body, byName.body);
  for (const odd of [1.5, 1e308, 0]) {
    const r = await t.request('POST', path, {
      key: w.key,
      body: { channelIds: [f.channelId], audience: { type: 'tags', include: [odd] } },
    });
    assert.equal(r.status, 400, `${odd}: ${r.text}`);
    assert.match(r.body.error.message, /audience\.include\.0/);
  }
});

/** A valid value for a query parameter the example does not give, from its schema. */
function exampleQueryValue(param: Json): string {
  const schema = param.schema ?? {};
  const first = schema.enum?.[0] ?? schema.anyOf?.find((s: Json) => s.enum)?.enum?.[0];
  if (first !== undefined) return String(first);
  if (schema.type === 'boolean') return 'true';
  if (schema.type === 'integer') return String({ subscriberId: f.subscriberId, botId: f.botId }[param.name as string] ?? 1);
  return (
    { section: 'active', sendId: String(f.sendId), q: String(f.sendId), userId: 'u1', tag: 'vip', platform: 'sandbox' }[
      param.name as string
    ] ?? 'x'
  );
}
