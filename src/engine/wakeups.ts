// Wake-ups instead of waiting for the next poll. Work is announced by a NOTIFY on one channel
// (storage/queries/wake.ts), sent in the transaction that creates it:
//  - 'schedule' by the services when a send, a run (external event) or an event the engine
//    consumes (tags, closed chats) is created: the scheduler runs a pass now, and after every pass
//    arms its timer for the next send or trigger firing that falls due (scheduler.ts), so the end
//    of a grace window is not up to a tick late;
//  - 'work' by the engine when deliveries become claimable (a materialised chunk, trigger
//    deliveries, released holds): the worker looks for work now instead of at its next poll;
//  - 'pause:<channel>:<until>' by the worker that read a platform's "slow down" (sql/claim.ts):
//    every worker stops sending on that channel at once instead of at its next poll (and sooner
//    still by a datagram, peer-pauses.ts);
//  - 'peers' by a worker that starts listening for those datagrams: the others read its address.
// On PostgreSQL every worker process listens on a dedicated connection (storage/drivers/postgres.ts)
// and hears what any API or worker process committed; on PGlite the one process hears itself.
// A NOTIFY missed (no listener yet, a connection lost) only means waiting for the poll, which stays.
import type { Db } from '../storage/db.ts';
import { WAKE_CHANNEL, parsePauseTopic } from '../storage/queries/wake.ts';
import type { Logger } from 'pino';

export interface WakeTargets {
  schedule(): void;
  work(): void;
  /** A channel is paused until `untilMs` (database clock). */
  pause(channelId: number, untilMs: number): void;
  /** A worker announced where it listens for pauses (peer-pauses.ts). */
  peers?(): void;
  /** The listening connection was lost (`false`) or is back (`true`): announcements are (not) heard. */
  hearing?(listening: boolean): void;
}

/** Listens until the returned function is called; a Db that cannot listen is only polled. */
export async function listenForWakeups(db: Db, logger: Logger, targets: WakeTargets): Promise<() => Promise<void>> {
  if (!db.listen) return async () => {};
  try {
    return await db.listen(
      WAKE_CHANNEL,
      (payload) => {
        const pause = payload === null ? null : parsePauseTopic(payload);
        if (pause) return targets.pause(pause.channelId, pause.untilMs);
        if (payload === 'peers') return targets.peers?.();
        // null: the connection was lost and is back; what was announced meanwhile is unknown.
        if (payload === null) targets.hearing?.(true);
        if (payload === null || payload === 'schedule') targets.schedule();
        if (payload === null || payload === 'work') targets.work();
      },
      () => targets.hearing?.(false),
    );
  } catch (error) {
    logger.warn({ err: error }, 'wake-ups unavailable; polling only');
    return async () => {};
  }
}
