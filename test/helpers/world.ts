// Test worlds: a workspace with a bot, channels on fake platform servers, and subscribers.
// Subscribers are seeded set-based, as the migration import does (a broadcast never creates them).
import type { Queryable } from '../../src/storage/db.ts';
import type { TestApp } from './app.ts';

export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false>,
  timeoutMs = 20_000,
  everyMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export async function seedSubscribers(
  db: Queryable,
  args: { workspaceId: number; botId: number; channelId: number; platform: string; count: number; prefix?: string; startAt?: number },
): Promise<void> {
  await db.query(
    `INSERT INTO subscribers (workspace_id, bot_id, channel_id, platform, platform_user_id, name, last_inbound_at)
     SELECT $1, $2, $3, $4, $5 || g, 'User ' || g, now() FROM generate_series($6::int, $6::int + $7::int - 1) AS g`,
    [args.workspaceId, args.botId, args.channelId, args.platform, args.prefix ?? '', args.startAt ?? 1, args.count],
  );
}

export interface World {
  key: string;
  workspaceId: number;
  botId: number;
}

export async function makeWorld(t: TestApp, timeZone = 'UTC'): Promise<World> {
  const ws = await t.workspace();
  const bot = await t.request('POST', '/api/bots', { key: ws.key, body: { name: 'bot', timeZone } });
  return { key: ws.key, workspaceId: ws.workspaceId, botId: bot.body.id };
}

export async function addChannel(t: TestApp, w: World, platform: string, body: Record<string, unknown> = {}): Promise<number> {
  const res = await t.request('POST', `/api/bots/${w.botId}/channels`, { key: w.key, body: { platform, verify: false, ...body } });
  if (res.status !== 201) throw new Error(`channel: ${res.status} ${res.text}`);
  return res.body.id;
}

export async function waitForSend(t: TestApp, w: World, sendId: number, statuses = ['completed', 'stopped'], timeoutMs = 30_000) {
  return waitFor(
    `send ${sendId} to be ${statuses.join('/')}`,
    async () => {
      const res = await t.request('GET', `/api/sends/${sendId}`, { key: w.key });
      return statuses.includes(res.body.status) ? res.body : null;
    },
    timeoutMs,
  );
}

// The request timeout stays at the default 15 s: in-process fakes share the event loop with PGlite
// and the worker, and after a stall longer than the timeout its timer fires before the answer
// already waiting in the socket is read — on a busy machine, 214 of 300 became `unknown` at 2 s.
export const FAST_ENGINE = {
  pollMs: 20,
  heartbeatMs: 200,
  workerStaleMs: 1500,
  backoffBaseMs: 50,
  maxBackoffMs: 200,
  requestTimeoutMs: 15_000,
};

/**
 * Resolves once a whole scheduler pass has run that began after this call: due sends started,
 * triggers processed, runs materialised and completed. The positive event before a "nothing
 * happened" assertion, instead of a sleep that a slow machine can outlast.
 */
export async function aSchedulerPass(t: TestApp, timeoutMs = 30_000) {
  const scheduler = t.app.engine?.scheduler;
  if (!scheduler) throw new Error('aSchedulerPass needs an app started with its worker');
  const begun = scheduler.passesBegun;
  await waitFor('a scheduler pass that began after now', async () => scheduler.finishedPasses > begun, timeoutMs, 10);
}
