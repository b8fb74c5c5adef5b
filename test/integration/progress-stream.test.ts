// The live progress stream (Server-Sent Events, issue 15.7b): it stops when its caller's API key is
// revoked or session ends (checked again every BOTCAST_STREAM_RECHECK_MS), and one key or member
// holds at most BOTCAST_STREAMS_PER_KEY streams open at once (429 beyond).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addChannel, makeWorld, waitFor, type World } from '../helpers/world.ts';

const PER_KEY = 3;
let t: TestApp;
let w: World;
let base: string;
let sendId: number;
/** Every stream a test opened, aborted at the end: the server does not close while one is open. */
const opened: Stream[] = [];

interface Stream {
  status: number;
  headers: Headers;
  /** Resolves with everything received once the server has ended the stream. */
  ended: Promise<string>;
  /** Resolves once the first progress event has arrived. */
  firstEvent: Promise<void>;
  /** Progress events received so far, and whether the server has ended the stream. */
  progress(): { events: number; ended: boolean };
  abort(): void;
}

async function open(headers: Record<string, string>): Promise<Stream> {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/sends/${sendId}/progress/stream`, { headers, signal: controller.signal });
  let text = '';
  let done = false;
  let sawEvent: () => void = () => {};
  const firstEvent = new Promise<void>((resolve) => (sawEvent = resolve));
  const ended = (async () => {
    if (!res.body) {
      done = true;
      return text;
    }
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body) {
        text += decoder.decode(chunk as Uint8Array, { stream: true });
        if (text.includes('event: progress')) sawEvent();
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    }
    done = true;
    return text;
  })();
  const progress = () => ({ events: text.split('event: progress').length - 1, ended: done });
  const stream = { status: res.status, headers: res.headers, ended, firstEvent, progress, abort: () => controller.abort() };
  opened.push(stream);
  return stream;
}

/** Fails the test instead of hanging when the server keeps the stream open. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms)));
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

before(async () => {
  t = await startTestApp({ config: { streamRecheckMs: 100, streamsPerKey: PER_KEY } });
  w = await makeWorld(t);
  const sandbox = await addChannel(t, w, 'sandbox');
  const send = await t.request('POST', `/api/bots/${w.botId}/sends`, {
    key: w.key,
    body: {
      content: { type: 'text', text: 'Later' },
      channelIds: [sandbox],
      audience: { type: 'all' },
      timing: { type: 'delayed', at: '2099-05-01T10:00' },
    },
  });
  assert.equal(send.status, 201, send.text);
  sendId = send.body.id;
  await t.app.server!.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server!.server.address() as { port: number };
  base = `http://127.0.0.1:${address.port}`;
});
after(async () => {
  for (const stream of opened) stream.abort();
  await t.close();
});

describe('revocation', () => {
  test('a stream opened with an API key ends soon after the key is revoked', async () => {
    const created = await t.request('POST', '/api/api-keys', { key: w.key, body: { name: 'dashboard' } });
    const stream = await open({ authorization: `Bearer ${created.body.key}` });
    assert.equal(stream.status, 200);
    assert.match(stream.headers.get('content-type') ?? '', /^text\/event-stream/);
    await within(5_000, 'a first progress event', stream.firstEvent);
    assert.equal((await t.request('DELETE', `/api/api-keys/${created.body.id}`, { key: w.key })).status, 204);
    const text = await within(10_000, 'the stream to end after the key was revoked', stream.ended);
    assert.match(text, /event: error\ndata: \{"error":\{"code":"unauthorized"/);
  });

  test('a stream opened from a panel session ends soon after logging out', async () => {
    const email = (await t.app.ctx.db.query<{ email: string }>('SELECT email FROM members WHERE workspace_id = $1', [w.workspaceId]))[0]
      .email;
    const login = await t.request('POST', '/api/auth/login', { body: { email, password: 'correct horse battery' } });
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const stream = await open({ cookie });
    assert.equal(stream.status, 200);
    await within(5_000, 'a first progress event', stream.firstEvent);
    await t.request('POST', '/api/auth/logout', { headers: { cookie } });
    await within(10_000, 'the stream to end after logging out', stream.ended);
  });

  test('a stream whose key stays valid keeps streaming', async () => {
    const stream = await open({ authorization: `Bearer ${w.key}` });
    await within(5_000, 'a first progress event', stream.firstEvent);
    // Events come a second apart; about 20 re-checks (every 100 ms) pass meanwhile.
    await waitFor('three progress events', async () => stream.progress().events >= 3, 10_000);
    assert.equal(stream.progress().ended, false);
    stream.abort();
  });
});

describe('concurrency', () => {
  test(`one key holds at most ${PER_KEY} streams; the next gets 429 until one closes`, async () => {
    const created = await t.request('POST', '/api/api-keys', { key: w.key, body: { name: 'many tabs' } });
    const auth = { authorization: `Bearer ${created.body.key}` };
    const streams: Stream[] = [];
    for (let i = 0; i < PER_KEY; i++) {
      const s = await open(auth);
      assert.equal(s.status, 200, `stream ${i + 1}`);
      streams.push(s);
    }
    const refused = await fetch(`${base}/api/sends/${sendId}/progress/stream`, { headers: auth });
    assert.equal(refused.status, 429);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'too_many_streams');
    const other = await open({ authorization: `Bearer ${w.key}` });
    assert.equal(other.status, 200, 'another key is counted apart');
    other.abort();

    streams.shift()!.abort();
    const again = await waitFor('a stream slot to be free again', async () => {
      const s = await open(auth);
      if (s.status === 200) return s;
      await s.ended;
      return null;
    });
    streams.push(again);
    for (const s of streams) s.abort();
  });
});
