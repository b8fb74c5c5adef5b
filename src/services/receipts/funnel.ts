// The funnel of a send or run: sent → delivered → read per platform, from the lane counters (never
// a scan of deliveries). A platform that does not report a step (Telegram, VK, OK: neither;
// Instagram: no deliveries) shows null there — "not reported", which is not the same as 0.
// Clicked: people (deliveries) who clicked a tracked link button, null where the send does not
// track clicks (domain/send/click-links.ts).
import type { Queryable } from '../../storage/db.ts';
import type { PlatformRegistry } from '../../platforms/registry-types.ts';

export interface FunnelRow {
  platform: string;
  sent: number;
  /** null: the platform does not report it. */
  delivered: number | null;
  read: number | null;
  /** null: the send does not track clicks. */
  clicked: number | null;
}

export async function funnelOf(db: Queryable, platforms: PlatformRegistry, runIds: number[]): Promise<Map<number, FunnelRow[]>> {
  const byRun = new Map<number, FunnelRow[]>();
  if (runIds.length === 0) return byRun;
  const rows = await db.query<{ runId: number; platform: string; sent: number; delivered: number; read: number }>(
    `SELECT l.run_id AS "runId", c.platform, sum(l.sent)::int AS sent, sum(l.delivered)::int AS delivered, sum(l.read)::int AS read
     FROM run_lanes l JOIN channels c ON c.id = l.channel_id WHERE l.run_id = ANY($1::bigint[]) GROUP BY l.run_id, c.platform ORDER BY c.platform`,
    [runIds],
  );
  const clicks = await clickedPerPlatform(db, runIds);
  for (const r of rows) {
    const reports = platforms.get(r.platform)?.receipts;
    const list = byRun.get(Number(r.runId)) ?? [];
    list.push({
      platform: r.platform,
      sent: r.sent,
      delivered: reports?.delivered ? r.delivered : null,
      read: reports?.read ? r.read : null,
      clicked: clicks.tracked.has(Number(r.runId)) ? (clicks.clicked.get(`${r.runId}:${r.platform}`) ?? 0) : null,
    });
    byRun.set(Number(r.runId), list);
  }
  return byRun;
}

/** Which of the runs track clicks, and per run and platform the people who clicked (one statement each). */
async function clickedPerPlatform(db: Queryable, runIds: number[]) {
  const tracked = await db.query<{ id: number }>(
    `SELECT r.id FROM runs r JOIN sends s ON s.id = r.send_id WHERE r.id = ANY($1::bigint[]) AND s.content->>'trackClicks' = 'true'`,
    [runIds],
  );
  const clicked = new Map<string, number>();
  if (tracked.length > 0) {
    const rows = await db.query<{ runId: number; platform: string; people: number }>(
      `SELECT k.run_id AS "runId", c.platform, count(DISTINCT k.delivery_id)::int AS people
       FROM clicks k JOIN channels c ON c.id = k.channel_id WHERE k.run_id = ANY($1::bigint[]) GROUP BY k.run_id, c.platform`,
      [tracked.map((t) => t.id)],
    );
    for (const r of rows) clicked.set(`${r.runId}:${r.platform}`, r.people);
  }
  return { tracked: new Set(tracked.map((t) => Number(t.id))), clicked };
}

/** Several runs' funnels summed per platform (a periodic send's runs). */
export function sumFunnels(lists: Iterable<FunnelRow[]>): FunnelRow[] {
  const total = new Map<string, FunnelRow>();
  for (const list of lists) {
    for (const r of list) {
      const t = total.get(r.platform);
      if (!t) total.set(r.platform, { ...r });
      else {
        t.sent += r.sent;
        t.delivered = t.delivered === null || r.delivered === null ? null : t.delivered + r.delivered;
        t.read = t.read === null || r.read === null ? null : t.read + r.read;
        t.clicked = t.clicked === null && r.clicked === null ? null : (t.clicked ?? 0) + (r.clicked ?? 0);
      }
    }
  }
  return [...total.values()].sort((a, b) => a.platform.localeCompare(b.platform));
}

/**
 * Delivered and read as percentages of what was sent on the platforms that report each (null when
 * none of the run's platforms does): the Completed list's "where known".
 */
export function receiptRates(funnel: FunnelRow[]): { deliveredPercent: number | null; readPercent: number | null } {
  const rate = (step: 'delivered' | 'read') => {
    const known = funnel.filter((r) => r[step] !== null);
    const sent = known.reduce((n, r) => n + r.sent, 0);
    if (known.length === 0 || sent === 0) return null;
    return Math.round((known.reduce((n, r) => n + (r[step] ?? 0), 0) / sent) * 1000) / 10;
  };
  return { deliveredPercent: rate('delivered'), readPercent: rate('read') };
}
