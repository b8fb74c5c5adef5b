// What the delivery engine needs from the rest of Botcast, declared here in the engine's own terms
// and plugged in by the composition root (src/app.ts) with the services' implementations. The
// engine imports no service (a lint rule holds this): these ports are all it may ask of them. SQL
// that both sides share (the outbox, runs, the audience predicate) is in src/storage/queries/.
import type { ContentInput, FrozenContent } from '../domain/send/content.ts';
import type { ChannelContext, InboundEvent } from '../platforms/types.ts';
import type { Queryable } from '../storage/db.ts';
import type { ChannelRow } from '../storage/queries/channels.ts';

export interface EnginePorts {
  /** What a channel's platform client needs to call the platform: its base URL and its credentials, opened. */
  channelContext(channel: ChannelRow): ChannelContext;
  /** Applies a batch of a channel's inbound updates (long polling) in the caller's transaction. */
  applyInbound(tx: Queryable, channel: ChannelRow, events: InboundEvent[], now: Date): Promise<unknown>;
  /** What is said back once applyInbound's transaction committed (opt-out confirmations); never throws. */
  answerInbound?(channel: ChannelRow, applied: unknown): Promise<unknown>;
  /** A trigger's content, frozen for its send of the day; throws an AppError when it is gone (a deleted screen). */
  freezeContent(tx: Queryable, workspaceId: number, botId: number, content: ContentInput): Promise<FrozenContent>;
  /** Reads again the message templates of channels whose list is a day old (WhatsApp); returns how many channels. */
  refreshTemplates?(): Promise<number>;
}
