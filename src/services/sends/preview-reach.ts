// Reach and cost in the audience preview (issue 16 point 6), per platform: how many get the message,
// how many are left out and why — one list, from the counts previewAudience makes — and what the
// platform bills for it where it bills per message (Telegram paid broadcasts, in Stars). Kept apart
// from preview.ts, which counts; this only reads those counts, the channel's options and the content.
import type { ContentInput } from '../../domain/send/content.ts';
import { personalise } from '../../domain/send/content.ts';
import { paidBroadcastOn } from '../../platforms/rate.ts';
import type { PlatformClient } from '../../platforms/types.ts';
import type { ServiceContext } from '../context.ts';
import { freezeContent } from './input.ts';
import type { PlatformPreview } from './preview.ts';

export type LeftOutReason = 'outside_window' | 'blocked' | 'opted_out' | 'frequency_capped' | 'exclusion_tags';

export interface PlatformReach {
  /** Recipients who get the message as written (free-form): the preview's `recipients`. */
  freeForm: number;
  /** Everyone the audience matches who is not sent to, by reason; reasons with none are left out. */
  leftOut: Array<{ reason: LeftOutReason; count: number; text: string }>;
  /** Why the platform leaves people outside its window out, and what could reach them (null: no window). */
  windowNote: string | null;
  /** Estimated charge by the platform, where it bills per message; null where sending is free. */
  cost: {
    currency: string;
    amount: number;
    messages: number;
    messagesPerRecipient: number;
    pricePerMessage: number;
    priceAsOf: string;
    source: string;
  } | null;
}

/**
 * Messenger and Instagram: outside the 24-hour window the Send API allows only message tags, and
 * none fits a broadcast now. CONFIRMED_EVENT_UPDATE, ACCOUNT_UPDATE and POST_PURCHASE_UPDATE get
 * error 100 since 27 April 2026, HUMAN_AGENT is for a person's reply within 7 days ("Automated
 * messages" are disallowed), and Instagram never had the others (developers.facebook.com/docs/
 * messenger-platform/reference/send-api, "Message Tag Usages"). So Botcast sends no tags.
 */
const META_WINDOW_NOTE =
  'Outside the 24-hour window Meta allows only message tags, and none fits a broadcast: the update tags ' +
  '(CONFIRMED_EVENT_UPDATE, POST_PURCHASE_UPDATE, ACCOUNT_UPDATE) were retired on 27 April 2026, and HUMAN_AGENT ' +
  'is for a person’s own reply within 7 days. People outside the window are left out, not sent to.';

const WINDOW_NOTES: Record<string, string> = {
  fb: META_WINDOW_NOTE,
  instagram: META_WINDOW_NOTE,
  wa: 'WhatsApp lets a business send a free-form message only within 24 hours of the person’s last message; the others are left out.',
};

const TEXTS: Record<LeftOutReason, string> = {
  outside_window: 'outside the messaging window',
  blocked: 'blocked the bot',
  opted_out: 'opted out of broadcasts',
  frequency_capped: 'over the bot’s frequency cap',
  exclusion_tags: 'have an exclusion tag',
};

/** The API calls one message takes on this platform (a long caption is split in two, …); 1 without content. */
async function messagesPerRecipient(
  ctx: ServiceContext,
  workspaceId: number,
  botId: number,
  client: PlatformClient,
  content: ContentInput | undefined,
): Promise<number> {
  if (!content) return 1;
  try {
    const frozen = await freezeContent(ctx.db, workspaceId, botId, content);
    return Math.max(1, client.render(personalise(frozen, null, client.code, undefined).content).calls.length);
  } catch {
    // A message still being written (an empty button…) says nothing yet; the send's own checks report it.
    return 1;
  }
}

export async function reachOf(
  ctx: ServiceContext,
  workspaceId: number,
  botId: number,
  p: PlatformPreview,
  content: ContentInput | undefined,
): Promise<PlatformReach> {
  const client = ctx.platforms.get(p.platform as never);
  const counts: Array<[LeftOutReason, number]> = [
    ['outside_window', p.leftOut.count],
    ['blocked', p.excluded.blocked],
    ['opted_out', p.excluded.optedOut],
    ['frequency_capped', p.excluded.frequencyCapped],
    ['exclusion_tags', p.excluded.exclusionTags],
  ];
  const leftOut = counts.filter(([, n]) => n > 0).map(([reason, count]) => ({ reason, count, text: TEXTS[reason] }));
  let cost: PlatformReach['cost'] = null;
  if (client?.paidBroadcast) {
    const [row] = await ctx.db.query<{ allow_paid_broadcast: boolean; rate_per_second: number | null }>(
      'SELECT allow_paid_broadcast, rate_per_second FROM channels WHERE id = $1',
      [p.channelId],
    );
    if (row && paidBroadcastOn(row, client)) {
      const paid = client.paidBroadcast;
      const per = await messagesPerRecipient(ctx, workspaceId, botId, client, content);
      const messages = p.recipients * per;
      cost = {
        currency: paid.currency,
        // Tenths of a Star, without binary fractions (0.1 × 3 is not 0.30000000000000004 Stars).
        amount: Math.round(messages * paid.pricePerMessage * 100) / 100,
        messages,
        messagesPerRecipient: per,
        pricePerMessage: paid.pricePerMessage,
        priceAsOf: paid.priceAsOf,
        source: paid.source,
      };
    }
  }
  return { freeForm: p.recipients, leftOut, windowNote: p.leftOut.reason ? (WINDOW_NOTES[p.platform] ?? null) : null, cost };
}
