// Where a run belongs in the history, as SQL over its lanes' counters (kept by the deliveries'
// statement triggers, so no delivery is counted here):
// - busy: still work for the workers (a lane not materialised, deliveries queued or in flight);
// - holding: deliveries held by open operator chats;
// - in Active: pending, materialising, or delivering and busy or holding — or a delivering run
//   without an open window, which the scheduler is about to complete;
// - idle open: a trigger's day run with nothing to send but still open for later firings of the
//   day (runs.open_until). It is listed in Completed, and comes back to Active when one fires.
// `r` is the alias of a runs row.
export const runBusy = (r: string) =>
  `(${r}.state IN ('pending', 'materialising') OR EXISTS (SELECT 1 FROM run_lanes bl WHERE bl.run_id = ${r}.id AND (NOT bl.materialised OR bl.queued + bl.in_flight > 0)))`;

export const runHolding = (r: string) => `EXISTS (SELECT 1 FROM run_lanes hl WHERE hl.run_id = ${r}.id AND hl.held > 0)`;

export const runInActive = (r: string) =>
  `(${r}.state IN ('pending', 'materialising') OR (${r}.state = 'delivering' AND (${r}.open_until IS NULL OR ${r}.open_until <= now() OR ${runBusy(r)} OR ${runHolding(r)})))`;

export const runIdleOpen = (r: string) => `(${r}.state = 'delivering' AND NOT ${runInActive(r)})`;

/**
 * What an Active send is doing: `delivering` while one of its runs is busy, `paused` while a person
 * paused it, `waiting_for_chats` when everything left is held by operator chats (nothing to send
 * until they close or expire).
 */
export type ActivePhase = 'grace' | 'delivering' | 'paused' | 'waiting_for_chats';
