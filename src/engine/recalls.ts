// The recall and edit jobs (issue 17 point 12): deletes a delivered broadcast from the recipients'
// chats, or edits its text, one platform request per message, paced at each channel's rate (its
// own pacing: recalls are rare and short, and do not take the channel's send slots). Any number of
// workers share a job through the database (claimRecallItems); a failure the platform may take
// later (429, 5xx, no answer) is tried again with a backoff, up to MAX_ATTEMPTS.
import type { EngineContext } from './types.ts';
import type { EnginePorts } from './ports.ts';
import type { ChannelRow } from '../storage/queries/channels.ts';
import type { RecallOutcome } from '../platforms/types.ts';
import { sleep } from './semaphore.ts';
import {
  claimRecallItems,
  finishRecallIfDone,
  runningRecalls,
  writeRecallResults,
  type ItemResult,
  type RecallItem,
  type RecallJob,
} from './sql/recalls.ts';

const MAX_ATTEMPTS = 5;

export class RecallRunner {
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly ctx: EngineContext,
    private readonly ports: Pick<EnginePorts, 'channelContext'>,
    /** The worker whose claims these are (its row in `workers` says it is alive). */
    private readonly workerId: string,
  ) {}

  start() {
    this.loop = this.run();
  }

  async stop() {
    this.stopping = true;
    this.wake?.();
    await this.loop;
  }

  private async run() {
    const idleMs = Math.max(this.ctx.settings.pollMs, 200);
    while (!this.stopping) {
      let worked = false;
      try {
        for (const job of await runningRecalls(this.ctx.db)) {
          if (this.stopping) break;
          worked = (await this.step(job)) || worked;
        }
      } catch (error) {
        if (!this.stopping) this.ctx.logger.error({ err: error }, 'recall pass failed');
      }
      if (!worked && !this.stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, idleMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    }
  }

  /** One batch of a job; true when it sent anything. */
  private async step(job: RecallJob): Promise<boolean> {
    const items = await claimRecallItems(this.ctx.db, job.id, 20, this.workerId);
    if (items.length === 0) {
      await this.ctx.db.transaction((tx) => finishRecallIfDone(tx, job));
      return false;
    }
    const byChannel = new Map<number, RecallItem[]>();
    for (const item of items) byChannel.set(item.channel_id, [...(byChannel.get(item.channel_id) ?? []), item]);
    const results = (await Promise.all([...byChannel].map(([channelId, list]) => this.onChannel(job, channelId, list)))).flat();
    await writeRecallResults(this.ctx.db, results);
    return true;
  }

  /** The channel's items, each started at its slot (the channel's rate), all awaited. */
  private async onChannel(job: RecallJob, channelId: number, items: RecallItem[]): Promise<ItemResult[]> {
    const [row] = await this.ctx.db.query<ChannelRow>('SELECT * FROM channels WHERE id = $1', [channelId]);
    const client = row ? this.ctx.platforms.get(row.platform) : undefined;
    const support = client?.recall;
    if (!row || !client || !support) {
      return items.map((i) => ({ id: i.id, state: 'failed', notBefore: null, errorText: 'the channel or its platform is gone' }));
    }
    const context = this.ports.channelContext(row);
    const gapMs = 1000 / (row.rate_per_second ?? client.defaultRatePerSecond);
    const timeoutMs = this.ctx.settings.requestTimeoutMs;
    const started = Date.now();
    return Promise.all(
      items.map(async (item, index): Promise<ItemResult> => {
        await sleep(started + index * gapMs - Date.now());
        let outcome: RecallOutcome;
        try {
          const request = { recipient: item.recipient, messageId: item.message_id, timeoutMs };
          outcome =
            job.action === 'delete'
              ? await support.delete(context, request)
              : support.editText
                ? await support.editText(context, { ...request, text: job.text ?? '' })
                : { ok: false, retry: false, code: 'unsupported', text: `${client.displayName} cannot edit a sent message` };
        } catch (error) {
          outcome = { ok: false, retry: true, code: 'client_error', text: String((error as Error)?.message ?? error) };
        }
        if (outcome.ok) return { id: item.id, state: 'done', notBefore: null, errorText: null };
        if (outcome.retry && item.attempts < MAX_ATTEMPTS) {
          const wait = outcome.retryAfterMs ?? Math.min(60_000, this.ctx.settings.backoffBaseMs * 2 ** (item.attempts - 1));
          return { id: item.id, state: 'queued', notBefore: new Date(Date.now() + wait), errorText: outcome.text.slice(0, 500) };
        }
        return { id: item.id, state: 'failed', notBefore: null, errorText: `${outcome.code}: ${outcome.text}`.slice(0, 500) };
      }),
    );
  }
}
