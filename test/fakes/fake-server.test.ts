import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { httpCall } from '../../src/platforms/http.ts';
import { maxPerSecondWindow, startFakeServer } from './server.ts';
import type { FakeRecord } from './types.ts';
import { configureOutboundPolicy } from '../../src/security/outbound-policy.ts';

// The servers here listen on 127.0.0.1, which the outbound policy refuses unless allowed (an app
// allows it with BOTCAST_ALLOW_PRIVATE_BASE_URLS=true; these tests call the clients without one).
configureOutboundPolicy({ allowPrivate: true });

const TOKEN = '123456:fake-token';

function sendTg(url: string, chatId: number | string, text = 'hi', timeoutMs?: number) {
  return httpCall(`${url}/bot${TOKEN}/sendMessage`, { json: { chat_id: chatId, text }, timeoutMs });
}

test('records accepted requests with platform, channel, method, recipient and body', async () => {
  const fake = await startFakeServer();
  try {
    const result = await sendTg(fake.url, 42, 'hello');
    assert.equal(result.kind, 'response');
    assert.equal(result.kind === 'response' && result.status, 200);
    assert.equal(fake.records.length, 1);
    const [record] = fake.records;
    assert.equal(record.platform, 'tg');
    assert.equal(record.channel, TOKEN);
    assert.equal(record.method, 'sendMessage');
    assert.equal(record.recipient, '42');
    assert.equal(record.send, true);
    assert.equal(record.delivered, true);
    assert.deepEqual(record.body, { chat_id: 42, text: 'hello' });
    assert.ok(Math.abs(record.t - Date.now()) < 5_000);
    assert.deepEqual([...fake.deliveriesPerRecipient().entries()], [['42', 1]]);
  } finally {
    await fake.close();
  }
});

test('unknown paths answer 404 and are not recorded', async () => {
  const fake = await startFakeServer();
  try {
    const result = await httpCall(`${fake.url}/nothing/here`, { json: {} });
    assert.equal(result.kind === 'response' && result.status, 404);
    assert.equal(fake.records.length, 0);
  } finally {
    await fake.close();
  }
});

test('an explicit /<code>/ prefix selects the platform', async () => {
  const fake = await startFakeServer();
  try {
    const result = await httpCall(`${fake.url}/tg/bot${TOKEN}/getMe`, { json: {} });
    assert.equal(result.kind === 'response' && result.status, 200);
    assert.equal(fake.records[0].platform, 'tg');
    assert.equal(fake.records[0].method, 'getMe');
    assert.equal(fake.records[0].send, false);
  } finally {
    await fake.close();
  }
});

test('fault rules: per recipient, with a count, then spent', async () => {
  const fake = await startFakeServer();
  try {
    fake.setFaults([
      { kind: 'rate_limited', recipient: '1', count: 2, retryAfterSec: 3 },
      { kind: 'blocked', recipient: ['2', '3'] },
    ]);
    const statuses: number[] = [];
    for (const chat of [1, 1, 1, 2, 3, 4]) {
      const r = await sendTg(fake.url, chat);
      statuses.push(r.kind === 'response' ? r.status : -1);
    }
    assert.deepEqual(statuses, [429, 429, 200, 403, 403, 200]);
    const first = await sendTg(fake.url, 2);
    assert.equal(
      first.kind === 'response' && (first.body as { description: string }).description,
      'Forbidden: bot was blocked by the user',
    );
    assert.deepEqual(
      fake.records.map((r) => r.fault),
      ['rate_limited', 'rate_limited', undefined, 'blocked', 'blocked', undefined, 'blocked'],
    );
    assert.deepEqual([...fake.deliveriesPerRecipient().entries()].sort(), [
      ['1', 1],
      ['4', 1],
    ]);
  } finally {
    await fake.close();
  }
});

test('429 fault carries parameters.retry_after', async () => {
  const fake = await startFakeServer({ faults: [{ kind: 'rate_limited', retryAfterSec: 41 }] });
  try {
    const r = await sendTg(fake.url, 5);
    assert.equal(r.kind, 'response');
    if (r.kind === 'response') {
      assert.equal(r.status, 429);
      assert.deepEqual(r.body, {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 41',
        parameters: { retry_after: 41 },
      });
    }
  } finally {
    await fake.close();
  }
});

test('faults apply to sends only unless a rule names the method', async () => {
  const fake = await startFakeServer({ faults: [{ kind: 'server_error', status: 502 }] });
  try {
    const me = await httpCall(`${fake.url}/bot${TOKEN}/getMe`, { json: {} });
    assert.equal(me.kind === 'response' && me.status, 200);
    fake.setFaults([{ kind: 'server_error', method: 'getMe', status: 503 }]);
    const me2 = await httpCall(`${fake.url}/bot${TOKEN}/getMe`, { json: {} });
    assert.equal(me2.kind === 'response' && me2.status, 503);
  } finally {
    await fake.close();
  }
});

test('probability rules are reproducible with a seed', async () => {
  const run = async () => {
    const fake = await startFakeServer({ seed: 7, faults: [{ kind: 'server_error', probability: 0.5 }] });
    try {
      const out: number[] = [];
      for (let i = 0; i < 40; i++) {
        const r = await sendTg(fake.url, i);
        out.push(r.kind === 'response' ? r.status : -1);
      }
      return out;
    } finally {
      await fake.close();
    }
  };
  const a = await run();
  const b = await run();
  assert.deepEqual(a, b);
  const failures = a.filter((s) => s === 500).length;
  assert.ok(failures > 5 && failures < 35, `expected about half to fail, got ${failures}`);
});

test('timeout fault hangs until the client gives up; destroy drops the connection', async () => {
  const fake = await startFakeServer({
    faults: [
      { kind: 'timeout', recipient: '1' },
      { kind: 'destroy', recipient: '2', delivered: true },
    ],
  });
  try {
    const started = Date.now();
    const hung = await sendTg(fake.url, 1, 'hi', 150);
    assert.equal(hung.kind, 'network');
    assert.ok(Date.now() - started >= 140);
    assert.equal(hung.kind === 'network' && hung.neverLeft, false);
    const destroyed = await sendTg(fake.url, 2);
    assert.equal(destroyed.kind, 'network');
    assert.equal(destroyed.kind === 'network' && destroyed.neverLeft, false);
    assert.deepEqual(
      fake.records.map((r) => [r.fault, r.delivered, r.status]),
      [
        ['timeout', false, 0],
        ['destroy', true, 0],
      ],
    );
  } finally {
    await fake.close();
  }
});

test('close() does not wait for hanging requests', async () => {
  const fake = await startFakeServer({ faults: [{ kind: 'timeout' }] });
  const pending = sendTg(fake.url, 1, 'hi', 10_000);
  while (fake.records.length === 0) await new Promise((r) => setTimeout(r, 5));
  const started = Date.now();
  await fake.close();
  assert.ok(Date.now() - started < 1_000);
  const result = await pending;
  assert.equal(result.kind, 'network');
});

test('latency delays answers', async () => {
  const fake = await startFakeServer({ latencyMs: 60 });
  try {
    const started = Date.now();
    await sendTg(fake.url, 1);
    assert.ok(Date.now() - started >= 55);
    fake.setLatency(0);
    const again = Date.now();
    await sendTg(fake.url, 1);
    assert.ok(Date.now() - again < 55);
  } finally {
    await fake.close();
  }
});

test('reset() clears records, rules and platform state', async () => {
  const fake = await startFakeServer({ faults: [{ kind: 'blocked' }] });
  try {
    await sendTg(fake.url, 1);
    fake.reset();
    assert.equal(fake.records.length, 0);
    const r = await sendTg(fake.url, 1);
    assert.equal(r.kind === 'response' && r.status, 200);
  } finally {
    await fake.close();
  }
});

test('maxPerSecondWindow counts sends in any 1-second sliding window, per channel', () => {
  const rec = (t: number, channel = 'a', send = true): FakeRecord => ({
    t,
    platform: 'tg',
    channel,
    method: 'sendMessage',
    recipient: '1',
    send,
    body: undefined,
    status: 200,
    delivered: true,
    fault: undefined,
    duplicate: false,
  });
  const records = [
    rec(0),
    rec(100),
    rec(999),
    rec(1000),
    rec(1500),
    rec(1600),
    rec(1700),
    rec(1999),
    rec(500, 'b'),
    rec(600, 'b'),
    rec(700, 'a', false),
  ];
  // Windows are (t-1000, t]: ending 1700 → 999,1000,1500,1600,1700 = 5; ending 999 → 0,100,999 = 3.
  assert.equal(maxPerSecondWindow(records, { channel: 'a' }), 5);
  assert.equal(maxPerSecondWindow(records, { channel: 'b' }), 2);
  assert.equal(maxPerSecondWindow(records), 5);
  // The non-send at 700 joins (600, 1600]: 700,999,1000,1500,1600 = 5.
  assert.equal(maxPerSecondWindow(records, { channel: 'a', sendsOnly: false }), 5);
  assert.equal(maxPerSecondWindow([...records, rec(1999.5)], { channel: 'a' }), 6);
  assert.equal(maxPerSecondWindow([]), 0);
});

test('control endpoints drive faults, records, reset and the window metric over HTTP', async () => {
  const fake = await startFakeServer();
  try {
    const set = await httpCall(`${fake.url}/__control/faults`, { json: { rules: [{ kind: 'not_found', recipient: '9' }] } });
    assert.equal(set.kind === 'response' && set.status, 200);
    const nf = await sendTg(fake.url, 9);
    assert.equal(nf.kind === 'response' && nf.status, 400);
    await sendTg(fake.url, 8);
    const recs = await httpCall(`${fake.url}/__control/records`);
    const list = recs.kind === 'response' ? (recs.body as { records: FakeRecord[] }).records : [];
    assert.deepEqual(
      list.map((r) => [r.recipient, r.fault ?? null, r.delivered]),
      [
        ['9', 'not_found', false],
        ['8', null, true],
      ],
    );
    const since = await httpCall(`${fake.url}/__control/records?since=1`);
    assert.equal(since.kind === 'response' && (since.body as { records: FakeRecord[] }).records.length, 1);
    const max = await httpCall(`${fake.url}/__control/max-per-second?platform=tg`);
    assert.deepEqual(max.kind === 'response' && max.body, { max: 2 });
    await httpCall(`${fake.url}/__control/reset`, { method: 'POST' });
    assert.equal(fake.records.length, 0);
  } finally {
    await fake.close();
  }
});

test('runs as its own process: prints {"port":N} and stops on SIGTERM', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./main.ts', import.meta.url).pathname], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      const rl = createInterface({ input: child.stdout! });
      rl.once('line', (l) => {
        rl.close();
        resolve(l);
      });
      child.once('exit', (code) => reject(new Error(`fake server exited early (${code})`)));
    });
    const { port } = JSON.parse(line) as { port: number };
    assert.ok(port > 0);
    const url = `http://127.0.0.1:${port}`;
    await httpCall(`${url}/__control/faults`, { json: [{ kind: 'blocked', recipient: '5' }] });
    const blocked = await sendTg(url, 5);
    assert.equal(blocked.kind === 'response' && blocked.status, 403);
    const ok = await sendTg(url, 6);
    assert.equal(ok.kind === 'response' && ok.status, 200);
    const recs = await httpCall(`${url}/__control/records`);
    assert.equal(recs.kind === 'response' && (recs.body as { records: unknown[] }).records.length, 2);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});
