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

/**
 * `"leftOut"` (NULL: may be sent) and, with a template, `"viaTemplate"` for each claimed row: one
 * CASE in the claim's own statement. First whether the person opted out since the run was queued
 * (`optOut`: the run honours opt-outs), then the platform's rule.
 */
export function leftOutColumns(window: MessagingWindow | undefined, template?: ClaimTemplate, optOut = false): string {
  const reasons: string[] = [];
  if (optOut) reasons.push(`WHEN s.opted_out_at IS NOT NULL THEN 'opted_out'`);
  let via: string | null = null;
  if (window?.kind === 'permission') reasons.push(`WHEN s.status = 'blocked' THEN 'no_permission'`);
  else if (window) {
    const outside = `(s.last_inbound_at IS NULL OR s.last_inbound_at < now() - make_interval(hours => ${hoursOf(window)}))`;
    if (!template) reasons.push(`WHEN ${outside} THEN 'outside_window'`);
    else {
      via = template.policy === 'everyone' ? 'true' : outside;
      if (template.marketing) reasons.push(`WHEN (${via}) AND s.marketing_stopped_at IS NOT NULL THEN 'marketing_stopped'`);
    }
  }
  const leftOut =
    reasons.length > 0
      ? `,
       (SELECT CASE ${reasons.join(' ')} END FROM subscribers s WHERE s.id = d.subscriber_id) AS "leftOut"`
      : '';
  const viaTemplate = via
    ? `,
       (SELECT ${via} FROM subscribers s WHERE s.id = d.subscriber_id) AS "viaTemplate"`
    : '';
  return leftOut + viaTemplate;
}
