// Consent and fatigue rules of the audience (issue 18 points 4-5), kept apart from the targeting
// predicate (audience.ts) on purpose: each is a separate, named predicate over a subscriber row `s`
// that the preview counts and materialisation leaves out, so other left-out reasons can be added
// beside them without touching these.
//
// Opted out: the subscriber unsubscribed from broadcasts (keyword or API); still active.
// Frequency capped: the bot allows at most N broadcasts per subscriber per D days, and the
// subscriber already has N deliveries (not failed or cancelled) of the bot's broadcast runs started
// within D days.

/** True for a subscriber who opted out of broadcasts. */
export function optedOutPredicate(): string {
  return 's.opted_out_at IS NOT NULL';
}

/**
 * The frequency cap as SQL. Parameters are references: `count` and `days` (integers, NULL = no cap),
 * `botId` (bigint), `runId` (bigint; the run being materialised is not counted, 0 in the preview).
 * `cappedIds(scope)` is the set of capped subscriber ids among `scope` (a subquery of ids, or null
 * for all): one hashed set per statement, read through the deliveries' (run_id, subscriber_id) key
 * of the few recent runs — no probe per recipient.
 */
export function frequencyCap(p: { count: string; days: string; botId: string; runId: string }) {
  const recentRuns = `SELECT r.id FROM runs r JOIN sends se ON se.id = r.send_id
    WHERE se.bot_id = ${p.botId} AND se.kind = 'broadcast' AND r.id <> ${p.runId}
      AND r.started_at >= now() - make_interval(days => ${p.days}::int)`;
  const cappedIds = (scope: string | null) =>
    `SELECT fd.subscriber_id FROM deliveries fd
     WHERE ${p.count}::int IS NOT NULL AND fd.run_id IN (${recentRuns}) AND fd.state NOT IN ('failed', 'cancelled')
       ${scope ? `AND fd.subscriber_id IN (${scope})` : ''}
     GROUP BY fd.subscriber_id HAVING count(*) >= ${p.count}::int`;
  return {
    cappedIds,
    /** True for a subscriber `s` the cap leaves out. */
    predicate: (scope: string | null = null) => `s.id IN (${cappedIds(scope)})`,
  };
}
