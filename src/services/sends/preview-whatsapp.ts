// The audience preview of a send that carries a WhatsApp template (preview.ts calls this per
// channel): how many get the free-form message, how many the template, and how many are left out
// and why — by the same rules the claim applies (engine/sql/claim-window.ts), judged now.
import type { WhatsAppTemplateChoice } from '../../domain/send/wa-template.ts';
import { isMarketing, policyOf } from '../../domain/send/wa-template.ts';
import type { Queryable } from '../../storage/db.ts';

export interface TemplateReach {
  name: string;
  language: string;
  category: string | null;
  policy: 'outside_window' | 'everyone';
  /** Inside the window (policy outside_window): the free-form message. */
  freeForm: number;
  /** The template: outside the window, or everyone. */
  template: number;
  /** Left out: a marketing template, and the person stopped marketing messages. */
  marketingStopped: number;
}

/**
 * `reach` is the preview's predicate on `s` (active is added here) with its parameters; `$1` is the channel.
 * Returns null when the channel's platform sends no templates.
 */
export async function templateReach(
  q: Queryable,
  choice: WhatsAppTemplateChoice | undefined,
  hours: number | null,
  reach: string,
  params: unknown[],
): Promise<TemplateReach | null> {
  if (!choice || hours === null) return null;
  const [known] = await q.query<{ category: string }>(
    'SELECT category FROM whatsapp_templates WHERE channel_id = $1 AND name = $2 AND language = $3',
    [params[0], choice.name, choice.language],
  );
  const category = known?.category.toUpperCase() ?? null;
  const policy = policyOf(choice);
  const outside = `(s.last_inbound_at IS NULL OR s.last_inbound_at < now() - make_interval(hours => ${Math.floor(hours)}))`;
  const via = policy === 'everyone' ? 'true' : outside;
  // An unknown category counts as marketing, as the engine does: the stricter reading.
  const stopped = isMarketing({ ...choice, ...(category ? { category } : {}) }) ? 's.marketing_stopped_at IS NOT NULL' : 'false';
  const [row] = await q.query<{ free_form: number; template: number; stopped: number }>(
    `SELECT count(*) FILTER (WHERE NOT (${via}))::int AS free_form,
            count(*) FILTER (WHERE (${via}) AND NOT (${stopped}))::int AS template,
            count(*) FILTER (WHERE (${via}) AND (${stopped}))::int AS stopped
     FROM subscribers s WHERE s.channel_id = $1 AND s.status = 'active' AND ${reach}`,
    params,
  );
  return {
    name: choice.name,
    language: choice.language,
    category,
    policy,
    freeForm: row.free_form,
    template: row.template,
    marketingStopped: row.stopped,
  };
}
