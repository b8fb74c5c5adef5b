// What a worker keeps between batches: each channel it sends on (reloaded every 5 s, so a changed
// rate or a disabled channel is seen) and each run's frozen content (it never changes).
import { contentHasVariables, type FrozenContent } from '../domain/send/content.ts';
import { tracksClicks } from '../domain/send/click-links.ts';
import type { PlatformClient, ChannelContext } from '../platforms/types.ts';
import { channelRate } from '../platforms/rate.ts';
import type { Queryable } from '../storage/db.ts';
import type { ChannelRow } from '../storage/queries/channels.ts';
import type { EnginePorts } from './ports.ts';
import type { EngineContext } from './types.ts';

export interface ChannelInfo {
  row: ChannelRow;
  client: PlatformClient;
  context: ChannelContext;
  ratePerSecond: number;
  loadedAt: number;
}

export interface RunInfo {
  content: FrozenContent;
  data: unknown;
  workspaceId: number;
  /** The content has {{variables}}: claims fetch each recipient's profile. */
  personalised: boolean;
  /** Opt-outs apply (everything but external events that ignore them): rechecked at claim time. */
  honoursOptOut: boolean;
  /** Link buttons go through the click redirect (domain/send/click-links.ts). */
  tracksClicks: boolean;
}

interface RunContentRow {
  content: FrozenContent;
  data: unknown;
  workspace_id: number;
  honours_opt_out: boolean;
}

export class ChannelCache {
  private readonly channels = new Map<number, ChannelInfo>();

  constructor(
    private readonly ctx: EngineContext,
    private readonly ports: Pick<EnginePorts, 'channelContext'>,
  ) {}

  /** The channel, or null when it is gone or its platform is not available. */
  async get(channelId: number): Promise<ChannelInfo | null> {
    const cached = this.channels.get(channelId);
    if (cached && Date.now() - cached.loadedAt < 5_000) return cached;
    const [row] = await this.ctx.db.query<ChannelRow>('SELECT * FROM channels WHERE id = $1', [channelId]);
    const client = row ? this.ctx.platforms.get(row.platform) : undefined;
    if (!row || !client) return null;
    const info: ChannelInfo = {
      row,
      client,
      context: this.ports.channelContext(row),
      ratePerSecond: channelRate(row, client),
      loadedAt: Date.now(),
    };
    this.channels.set(channelId, info);
    return info;
  }
}

export class RunCache {
  private readonly runs = new Map<number, RunInfo>();

  constructor(private readonly db: Queryable) {}

  /** `q`: the claim's transaction when called inside one. */
  async get(runId: number, q: Queryable = this.db): Promise<RunInfo> {
    let info = this.runs.get(runId);
    if (!info) {
      const [row] = await q.query<RunContentRow>(
        `SELECT s.content, s.data, s.workspace_id, (s.kind <> 'external' OR coalesce(s.targeting->>'ignoreOptOut', 'false') <> 'true') AS honours_opt_out
         FROM runs r JOIN sends s ON s.id = r.send_id WHERE r.id = $1`,
        [runId],
      );
      info = {
        content: row.content,
        data: row.data,
        workspaceId: row.workspace_id,
        personalised: contentHasVariables(row.content),
        honoursOptOut: row.honours_opt_out,
        tracksClicks: tracksClicks(row.content),
      };
      if (this.runs.size > 500) this.runs.clear();
      this.runs.set(runId, info);
    }
    return info;
  }
}
