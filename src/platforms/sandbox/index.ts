// The sandbox platform: a channel whose "users" live inside Botcast. What the bot sends lands in
// sandbox_messages (the sandbox inbox); sandbox users can be told to behave like real people
// (block the bot, vanish, be unreachable for a moment) so every outcome class can be tried.
import type { Queryable } from '../../storage/db.ts';
import { describedBy, type PlatformDescriptor } from '../descriptor.ts';
import type { InboundEvent, MessageContent, Outcome, PlatformClient, RenderedMessage } from '../types.ts';

export const descriptor = {
  code: 'sandbox',
  displayName: 'Sandbox',
  // Generous, so demos finish quickly; overridable per channel like every platform.
  defaultRatePerSecond: 200,
  credentials: [],
  webhookHint: 'The sandbox needs no account and no webhook: its users live inside Botcast. Write as one on the Sandbox page.',
  color: '#f59e0b',
} as const satisfies PlatformDescriptor;

export function createSandboxClient(db: Queryable): PlatformClient {
  return {
    ...describedBy(descriptor),
    defaultBaseUrl: 'sandbox://local',
    deduplicates: false,

    render(content: MessageContent): RenderedMessage {
      // The sandbox shows everything a screen can hold: nothing degrades.
      return { platform: 'sandbox', calls: [{ method: 'message', body: { ...content } }], degradations: [] };
    },

    async send(channel, request): Promise<Outcome> {
      const rows = await db.query<{ behaviour: string }>('SELECT behaviour FROM sandbox_users WHERE channel_id = $1 AND user_id = $2', [
        channel.channelId,
        request.recipient,
      ]);
      switch (rows[0]?.behaviour) {
        case 'blocked':
          return { class: 'blocked', code: '403', text: 'Forbidden: bot was blocked by the user' };
        case 'gone':
          return { class: 'invalid_recipient', code: '400', text: 'Bad Request: chat not found' };
        case 'flaky':
          return { class: 'transient', code: '502', text: 'Bad Gateway' };
      }
      const [row] = await db.query<{ id: number }>(
        `INSERT INTO sandbox_messages (channel_id, user_id, direction, body) VALUES ($1, $2, 'out', $3) RETURNING id`,
        [channel.channelId, request.recipient, JSON.stringify(request.message.calls.map((c) => c.body))],
      );
      return { class: 'sent', platformMessageId: String(row.id) };
    },

    verifyInbound() {
      // Sandbox users write through the authenticated API, never through a public webhook.
      return { ok: false, status: 403, reason: 'the sandbox has no public webhook' };
    },

    parseInbound(body: unknown): InboundEvent[] {
      const b = body as { userId?: unknown; name?: unknown; username?: unknown; language?: unknown; text?: unknown };
      if (typeof b?.userId !== 'string') return [];
      return [
        {
          type: 'message',
          userId: b.userId,
          profile: {
            name: typeof b.name === 'string' ? b.name : undefined,
            username: typeof b.username === 'string' ? b.username : undefined,
            language: typeof b.language === 'string' ? b.language : undefined,
          },
          text: typeof b.text === 'string' ? b.text : undefined,
        },
      ];
    },

    async checkCredentials() {
      return { ok: true, accountName: 'Sandbox' };
    },
  };
}
