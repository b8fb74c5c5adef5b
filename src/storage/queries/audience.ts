// Who a send reaches, as one SQL predicate over a subscriber row `s`, shared by materialisation
// (what is inserted) and the audience preview (what is counted) so the two can never disagree.
// Exclusion always wins over inclusion. Blocked subscribers are filtered by the callers.
import type { Audience } from '../../domain/send/targeting.ts';

export interface AudienceParams {
  /** Parameter numbers of: include tag ids (bigint[]), exclude tag ids (bigint[]), and the set of selected users. */
  include: number;
  exclude: number;
  /** Send id whose send_recipients are the selected users (bigint), or, with `selectedIds`, a bigint[] of subscriber ids. */
  send: number;
  selectedIds?: boolean;
}

/** Every variant mentions every parameter, so each has a type however the audience is chosen. */
export function audiencePredicate(audience: Audience, p: AudienceParams, options: { withExclusion?: boolean } = {}): string {
  const typed = p.selectedIds
    ? `$${p.include}::bigint[] IS NOT NULL AND $${p.send}::bigint[] IS NOT NULL`
    : `$${p.include}::bigint[] IS NOT NULL AND $${p.send}::bigint > 0`;
  const excluded = `EXISTS (SELECT 1 FROM subscriber_tags x WHERE x.subscriber_id = s.id AND x.tag_id = ANY($${p.exclude}::bigint[]))`;
  const exclusion = options.withExclusion === false ? `$${p.exclude}::bigint[] IS NOT NULL` : `NOT ${excluded}`;
  switch (audience) {
    case 'all':
      return `${typed} AND ${exclusion}`;
    case 'tags':
      return `${typed} AND EXISTS (SELECT 1 FROM subscriber_tags i WHERE i.subscriber_id = s.id AND i.tag_id = ANY($${p.include}::bigint[])) AND ${exclusion}`;
    case 'selected':
      // Selected users are picked one by one: tags do not apply to them.
      return p.selectedIds
        ? `${typed} AND $${p.exclude}::bigint[] IS NOT NULL AND s.id = ANY($${p.send}::bigint[])`
        : `${typed} AND $${p.exclude}::bigint[] IS NOT NULL AND EXISTS (SELECT 1 FROM send_recipients r WHERE r.send_id = $${p.send} AND r.subscriber_id = s.id)`;
  }
}

/** The same predicate, true only for subscribers the exclusion tags take out. */
export function excludedPredicate(p: AudienceParams): string {
  return `EXISTS (SELECT 1 FROM subscriber_tags x WHERE x.subscriber_id = s.id AND x.tag_id = ANY($${p.exclude}::bigint[]))`;
}
