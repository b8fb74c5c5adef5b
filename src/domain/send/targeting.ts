// Who a send reaches. A form gives an AudienceInput (tags by name or id, selected users by id or
// by an imported CSV file); the send keeps it resolved against the bot: channels and tags as ids
// (what materialisation uses), with their names and platforms for the history. Exclusion always
// wins over inclusion; selected users are picked one by one, so tags do not apply to them.
// The predicate itself is SQL: src/storage/queries/audience.ts.

export type Audience = 'all' | 'tags' | 'selected';

export type AudienceInput =
  | { type: 'all'; exclude?: Array<string | number> }
  | { type: 'tags'; include: Array<string | number>; exclude?: Array<string | number> }
  | { type: 'selected'; subscriberIds?: number[]; importId?: number };

/** What materialisation needs to know of the audience. */
export interface SendTargeting {
  audience: Audience;
  channelIds: number[];
  includeTagIds?: number[];
  excludeTagIds?: number[];
  /** External events only: reach subscribers who opted out of broadcasts too (transactional messages). */
  ignoreOptOut?: boolean;
}

/** The targeting a send stores: ids, and the names shown in history. */
export interface ResolvedTargeting extends SendTargeting {
  includeTags: string[];
  excludeTags: string[];
  platforms: string[];
}

/**
 * The targeting of a trigger's send of one local day: its recipients are appended as the trigger
 * fires, and channelIds/platforms grow with the channels they are on.
 */
export interface TriggerTargeting extends ResolvedTargeting {
  audience: 'selected';
  trigger: { id: number; name: string; tag: string | null; day: string };
}
