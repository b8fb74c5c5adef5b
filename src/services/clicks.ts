// Clicks on tracked link buttons (domain/send/click-links.ts): the redirect records the click and
// sends the person on to the button's address, read from the send's content — never from the
// link. Per run: unique and total clicks per button.
import type { ServiceContext } from './context.ts';
import type { Queryable } from '../storage/db.ts';
import { isTrackable, readClickToken } from '../domain/send/click-links.ts';
import type { FrozenContent } from '../domain/send/content.ts';
import { AppError } from '../domain/errors.ts';

interface ClickTarget {
  run_id: number;
  channel_id: number;
  content: FrozenContent;
}

/**
 * The address a click link leads to, after counting the click. A link that is not one of ours, or
 * whose delivery is gone (retention), is a 404: nothing is recorded. A click that cannot be
 * recorded (the database refusing writes) still leads on: the person's link must work.
 */
export async function followClick(ctx: ServiceContext, token: string, onLost: (error: unknown) => void): Promise<string> {
  const named = readClickToken(ctx.sealer.derive('click-links'), token);
  const gone = new AppError('not_found', 'unknown_link', 'this link is not known (it may have expired)');
  if (!named) throw gone;
  const [target] = await ctx.db.query<ClickTarget>(
    `SELECT d.run_id, d.channel_id, s.content FROM deliveries d JOIN runs r ON r.id = d.run_id JOIN sends s ON s.id = r.send_id WHERE d.id = $1`,
    [named.deliveryId],
  );
  const button = target?.content.trackClicks ? target.content.buttons?.[named.button] : undefined;
  if (!target || !button || !isTrackable(button)) throw gone;
  await ctx.db
    .query(
      `INSERT INTO clicks (delivery_id, button, run_id, channel_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (delivery_id, button) DO UPDATE SET clicks = clicks.clicks + 1, last_at = now()`,
      [named.deliveryId, named.button, target.run_id, target.channel_id],
    )
    .catch(onLost);
  return button.url!;
}

export interface ButtonClicks {
  /** The button's place in the content (0-based). */
  button: number;
  text: string;
  url: string;
  /** People who clicked it at least once, and all clicks. */
  unique: number;
  total: number;
}

/** Per tracked button of `content`: unique and total clicks over the runs (null when the send does not track clicks). */
export async function buttonClicks(db: Queryable, content: FrozenContent, runIds: number[]): Promise<ButtonClicks[] | null> {
  if (!content.trackClicks) return null;
  const rows = await db.query<{ button: number; unique: number; total: number }>(
    `SELECT button, count(*)::int AS unique, sum(clicks)::int AS total FROM clicks WHERE run_id = ANY($1::bigint[]) GROUP BY button`,
    [runIds],
  );
  const byButton = new Map(rows.map((r) => [Number(r.button), r]));
  return (content.buttons ?? []).flatMap((b, i) =>
    isTrackable(b)
      ? [{ button: i, text: b.text, url: b.url!, unique: byButton.get(i)?.unique ?? 0, total: byButton.get(i)?.total ?? 0 }]
      : [],
  );
}
