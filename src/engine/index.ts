// The delivery engine as a process role: one worker and one scheduler.
import type { EngineContext } from './types.ts';
import type { EnginePorts } from './ports.ts';
import { Worker } from './worker.ts';
import { Scheduler } from './scheduler.ts';
import { Poller } from './polling.ts';
import { listenForWakeups } from './wakeups.ts';
import { RecallRunner } from './recalls.ts';

export interface Engine {
  worker: Worker;
  scheduler: Scheduler;
  stop(): Promise<void>;
}

/** `ports`: what the engine needs of the services, plugged in by the composition root (ports.ts). */
export async function startEngine(ctx: EngineContext, ports: EnginePorts, options: { schedulerTickMs?: number } = {}): Promise<Engine> {
  const dedupPlatforms = [...ctx.platforms.values()].filter((p) => p.deduplicates).map((p) => p.code);
  const worker = new Worker(ctx, ports);
  const wakeups = ctx.settings.wakeups;
  const scheduler = new Scheduler(ctx, ports, {
    tickMs: options.schedulerTickMs ?? ctx.settings.schedulerTickMs,
    wakeups,
    dedupPlatforms,
    localWorkers: [worker.id],
  });
  await worker.start();
  // Listening before the first pass: nothing committed after it goes unheard.
  const unlisten = wakeups
    ? await listenForWakeups(ctx.db, ctx.logger, {
        schedule: () => scheduler.wake(),
        work: () => worker.nudge(),
        pause: (channelId, untilMs) => worker.notePause(channelId, untilMs),
        peers: () => void worker.pauses.peers?.refresh(),
        hearing: (listening) => (listening ? worker.ears.back() : worker.ears.lost()),
      })
    : async () => {};
  scheduler.start();
  const poller = new Poller(ctx, ports, worker.id, { timeoutSec: ctx.settings.pollTimeoutSec, idleMs: Math.max(ctx.settings.pollMs, 200) });
  poller.start();
  // Recall and edit jobs of delivered broadcasts (issue 17 point 12).
  const recalls = new RecallRunner(ctx, ports, worker.id);
  recalls.start();
  return {
    worker,
    scheduler,
    async stop() {
      await unlisten();
      await poller.stop();
      await recalls.stop();
      await scheduler.stop();
      await worker.stop();
    },
  };
}

export { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from './types.ts';
export type { EnginePorts } from './ports.ts';
