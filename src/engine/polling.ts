// Long polling for channels without a public webhook URL. One poller per channel across all
// processes (a lease in channel_polling, renewed while polling); each batch of updates is applied
// and the next offset stored in the same transaction, so nothing is processed twice across restarts.
import type { ChannelRow } from '../storage/queries/channels.ts';
import type { EngineContext } from './types.ts';
import type { EnginePorts } from './ports.ts';
import { sleep } from './semaphore.ts';

const LEASE_SECONDS = 60;

export class Poller {
  private stopped = false;
  private readonly running = new Map<number, Promise<void>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ctx: EngineContext,
    private readonly ports: Pick<EnginePorts, 'channelContext' | 'applyInbound' | 'answerInbound'>,
    private readonly owner: string,
    private readonly options: { timeoutSec: number; idleMs: number },
  ) {}

  start() {
    const tick = async () => {
      if (this.stopped) return;
      try {
        await this.discover();
      } catch (error) {
        if (!this.stopped) this.ctx.logger.error({ err: error }, 'polling discovery failed');
      }
      if (!this.stopped) this.timer = setTimeout(() => void tick(), 1000);
    };
    void tick();
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.all(this.running.values());
  }

  private async discover() {
    // Below the disk reserve (embedded mode) no updates are taken: the platform keeps them until we poll again.
    if (this.ctx.disk?.state.ok === false) return;
    const channels = await this.ctx.db.query<ChannelRow>(`SELECT * FROM channels WHERE inbound_mode = 'polling' AND status <> 'disabled'`);
    for (const channel of channels) {
      if (this.running.has(channel.id) || !this.ctx.platforms.get(channel.platform)?.pollUpdates) continue;
      if (!(await this.lease(channel.id))) continue;
      const loop = this.poll(channel).finally(() => this.running.delete(channel.id));
      this.running.set(channel.id, loop);
    }
  }

  /** Takes or renews the channel's lease; false when another process holds it. */
  private async lease(channelId: number): Promise<boolean> {
    const rows = await this.ctx.db.query<{ channel_id: number }>(
      `INSERT INTO channel_polling AS p (channel_id, owner, lease_until) VALUES ($1, $2, now() + make_interval(secs => $3))
       ON CONFLICT (channel_id) DO UPDATE SET owner = $2, lease_until = now() + make_interval(secs => $3)
       WHERE p.owner = $2 OR p.owner IS NULL OR p.lease_until < now()
       RETURNING channel_id`,
      [channelId, this.owner, LEASE_SECONDS],
    );
    return rows.length > 0;
  }

  private async poll(channel: ChannelRow) {
    const client = this.ctx.platforms.get(channel.platform)!;
    const context = this.ports.channelContext(channel);
    try {
      while (!this.stopped) {
        if (this.ctx.disk?.state.ok === false) return;
        if (!(await this.lease(channel.id))) return;
        const [state] = await this.ctx.db.query<{ update_offset: number; inbound_mode: string }>(
          'SELECT p.update_offset, c.inbound_mode FROM channel_polling p JOIN channels c ON c.id = p.channel_id WHERE p.channel_id = $1',
          [channel.id],
        );
        if (!state || state.inbound_mode !== 'polling') return;
        const result = await client.pollUpdates!(context, state.update_offset, this.options.timeoutSec);
        if (this.stopped) return;
        if (!result.ok) {
          await this.ctx.db.query('UPDATE channel_polling SET last_error = $2 WHERE channel_id = $1', [channel.id, result.error]);
          await sleep(result.retryAfterMs ?? 2000);
          continue;
        }
        if (result.updates.length === 0) {
          await sleep(this.options.idleMs);
          continue;
        }
        const applied = await this.ctx.db.transaction(async (tx) => {
          const [mine] = await tx.query<{ update_offset: number }>(
            'SELECT update_offset FROM channel_polling WHERE channel_id = $1 AND owner = $2 FOR UPDATE',
            [channel.id, this.owner],
          );
          if (!mine) return null;
          const fresh = result.updates.filter((u) => u.id >= mine.update_offset);
          const events = fresh.flatMap((u) => client.parseInbound(u.body));
          const done = await this.ports.applyInbound(tx, channel, events, new Date());
          const next = Math.max(mine.update_offset, ...result.updates.map((u) => u.id + 1));
          await tx.query('UPDATE channel_polling SET update_offset = $2, last_error = NULL WHERE channel_id = $1', [channel.id, next]);
          return done;
        });
        if (applied !== null) void this.ports.answerInbound?.(channel, applied);
      }
    } catch (error) {
      if (!this.stopped) this.ctx.logger.error({ err: error, channelId: channel.id }, 'polling failed');
    } finally {
      await this.ctx.db
        .query(`UPDATE channel_polling SET owner = NULL, lease_until = '-infinity' WHERE channel_id = $1 AND owner = $2`, [
          channel.id,
          this.owner,
        ])
        .catch(() => {});
    }
  }
}
