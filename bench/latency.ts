// Latency of the first delivery, with wake-ups off (polling: worker poll 100 ms, scheduler tick
// 250 ms, today's behaviour before wake-ups) and on (src/engine/wakeups.ts), on an idle channel:
//   grace     end of a broadcast's grace window (its run's planned time) → first request at the platform
//   external  an external event's call → first request at the platform
// One recipient per probe, a fresh one each repetition; probes are spaced by a random pause so
// they fall anywhere in the poll and tick cycles. On PostgreSQL this process creates the sends
// (as an API process would) and one `botcast worker` process delivers; on PGlite one process does
// both (bench/pglite-child.ts).
import { createExternalEvent } from '../src/services/external-events.ts';
import { acceptExternalCall, findEventBySecret } from '../src/services/external-call.ts';
import { createBroadcast } from '../src/services/sends/create.ts';
import { makeWorld, waitRunDone, type Host } from './botcast.ts';
import { onPglite, pgHost } from './hosts.ts';
import { median, range, sleep, TEXT, waitFor, type FakeControl } from './lib.ts';

const GRACE_SECONDS = 1;

export interface LatencyResult {
  graceMs: number[];
  externalMs: number[];
}

/** `reps` probes of each kind on the host's engine (its workers started here on PostgreSQL). */
export async function latency(host: Host, reps: number, wakeups: boolean): Promise<LatencyResult> {
  const w = await makeWorld(host, { size: 2 * reps, rate: 1000, label: `latency-${host.engine}-${wakeups ? 'on' : 'off'}` });
  await host.workers.start(1, { BOTCAST_WAKEUPS: String(wakeups) });
  const ctx = host.app.ctx;
  const graced = { ...ctx, config: { ...ctx.config, graceSeconds: GRACE_SECONDS } };
  const event = await createExternalEvent(ctx, w.workspaceId, w.botId, { name: 'latency', content: { type: 'text', text: TEXT } });
  const eventRow = (await findEventBySecret(ctx, new URL(event.url!).pathname.split('/').pop()!))!;
  const firstAt = (recipient: string) => waitFor(`the probe to ${recipient}`, () => host.fake.first(w.token, recipient), 60_000, 5);
  const idle = () => sleep(400 + Math.random() * 400);
  const result: LatencyResult = { graceMs: [], externalMs: [] };
  await sleep(1000);
  for (let i = 1; i <= reps; i++) {
    // Subscribers are numbered 1..2·reps, their platform ids too (seedSubscribers).
    const [{ id }] = await ctx.db.query<{ id: number }>('SELECT id FROM subscribers WHERE channel_id = $1 AND platform_user_id = $2', [
      w.channelId,
      String(i),
    ]);
    const send = await createBroadcast(
      graced,
      w.workspaceId,
      w.botId,
      {
        content: { type: 'text', text: TEXT },
        channelIds: [w.channelId],
        audience: { type: 'selected', subscriberIds: [id] },
        timing: { type: 'instant' },
      },
      'bench',
    );
    const sendId = Number((send as Record<string, unknown>).id);
    const t = await firstAt(String(i));
    const [run] = await ctx.db.query<{ planned_at: Date }>('SELECT planned_at FROM runs WHERE send_id = $1', [sendId]);
    result.graceMs.push(t - run.planned_at.getTime());
    await waitRunDone(host, sendId, 30_000);
    await idle();
    const recipient = String(reps + i);
    const t0 = Date.now();
    const call = await acceptExternalCall(
      ctx,
      eventRow,
      { platform: 'tg', users: [{ kind: 'platform', value: recipient, given: recipient }], data: {} },
      null,
    );
    result.externalMs.push((await firstAt(recipient)) - t0);
    await waitRunDone(host, Number(call.body.sendId), 30_000);
    await idle();
  }
  await host.fake.forget(w.token);
  return result;
}

type Engine = 'postgres' | 'pglite';
const MODES = [false, true] as const;

/** The rows of `npm run bench -- --only latency`: each engine with wake-ups off and on. */
export async function latencyRounds(
  fake: FakeControl,
  reps: number,
  io: { out(s?: string): void; log(s: string): void; failures: string[] },
): Promise<Record<string, LatencyResult>> {
  const res: Record<string, LatencyResult> = {};
  for (const engine of ['postgres', 'pglite'] as Engine[]) {
    for (const wakeups of MODES) {
      const key = `${engine} ${wakeups ? 'on' : 'off'}`;
      io.log(`latency ${engine}, wake-ups ${wakeups ? 'on' : 'off'}: ${reps} probes of each kind`);
      try {
        let r: LatencyResult;
        if (engine === 'postgres') {
          const host = await pgHost(fake);
          try {
            r = await latency(host, reps, wakeups);
          } finally {
            await host.close();
          }
        } else r = await onPglite<LatencyResult>(fake, 'latency', { reps, wakeups });
        io.log(
          `  grace → first request ${median(r.graceMs).toFixed(0)} ms, external → first request ${median(r.externalMs).toFixed(0)} ms (medians)`,
        );
        res[key] = r;
      } catch (error) {
        io.failures.push(`latency ${key}: ${String((error as Error).message).slice(0, 2000)}`);
        io.log(`  ERROR ${String((error as Error).message).slice(0, 2000)}`);
      }
    }
  }
  const cell = (xs: number[] | undefined) => {
    if (!xs?.length) return '— | —';
    const [lo, hi] = range(xs);
    return `${median(xs).toFixed(0)} | ${lo.toFixed(0)}–${hi.toFixed(0)}`;
  };
  io.out(`### Latency on an idle channel — to the first request at the platform, ms (${reps} probes each; wake-ups off = polling only)`);
  io.out();
  io.out(
    '| engine | wake-ups | end of grace window → first request (median) | range | external event call → first request (median) | range | target ≤ 50 ms |',
  );
  io.out('|---|---|---:|---:|---:|---:|---|');
  for (const [key, r] of Object.entries(res)) {
    const [engine, mode] = key.split(' ');
    const met = mode === 'on' ? (median(r.graceMs) <= 50 && median(r.externalMs) <= 50 ? 'met' : 'MISSED') : '';
    io.out(`| ${engine} | ${mode} | ${cell(r.graceMs)} | ${cell(r.externalMs)} | ${met} |`);
  }
  io.out();
  return res;
}
