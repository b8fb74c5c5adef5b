// What the claim reads of the platform's messaging window (sql/claim.ts): whether the person may
// be sent the free-form message now, must get the send's template instead, or is left out — and
// why. Judged in the claim's own statement, so a window that closed since the preview counts.
import type { MessagingWindow } from '../../platforms/types.ts';

/** The send carries a template the platform delivers outside the window (WhatsApp). */
export interface ClaimTemplate {
  /** outside_window: the template only to people outside the window; everyone: the template to all. */
  policy: 'outside_window' | 'everyone';
  /** A marketing template: people who stopped marketing messages are left out. */
  marketing: boolean;
}

const hoursOf = (window: MessagingWindow & { kind: 'since_last_inbound' }) => Math.floor(window.hours);

/** `"leftOut"` (NULL: may be sent) and, with a template, `"viaTemplate"` for each claimed row. */
export function leftOutColumns(window: MessagingWindow | undefined, template?: ClaimTemplate): string {
  if (!window) return '';
  if (window.kind === 'permission')
    return `,
       (SELECT CASE WHEN s.status = 'blocked' THEN 'no_permission' END FROM subscribers s WHERE s.id = d.subscriber_id) AS "leftOut"`;
  const outside = `(s.last_inbound_at IS NULL OR s.last_inbound_at < now() - make_interval(hours => ${hoursOf(window)}))`;
  if (!template)
    return `,
       (SELECT CASE WHEN ${outside} THEN 'outside_window' END FROM subscribers s WHERE s.id = d.subscriber_id) AS "leftOut"`;
  const via = template.policy === 'everyone' ? 'true' : outside;
  const stopped = template.marketing ? `(${via}) AND s.marketing_stopped_at IS NOT NULL` : 'false';
  return `,
       (SELECT CASE WHEN ${stopped} THEN 'marketing_stopped' END FROM subscribers s WHERE s.id = d.subscriber_id) AS "leftOut",
       (SELECT ${via} FROM subscribers s WHERE s.id = d.subscriber_id) AS "viaTemplate"`;
}
