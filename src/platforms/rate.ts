// A channel's send-rate limit, messages per second: the one set on the channel, else the platform's
// default — raised where the channel pays for a faster lane (Telegram paid broadcasts: 1000/s with
// `allow_paid_broadcast`, see src/platforms/tg/index.ts). Read by the engine (pacing) and the API.
import type { PlatformClient } from './types.ts';

export interface RateColumns {
  rate_per_second: number | null;
  /** Migration 0025; absent on rows read before it. */
  allow_paid_broadcast?: boolean | null;
}

export function paidBroadcastOn(row: RateColumns, client: Pick<PlatformClient, 'paidBroadcast'>): boolean {
  return row.allow_paid_broadcast === true && client.paidBroadcast !== undefined;
}

export function channelRate(row: RateColumns, client: Pick<PlatformClient, 'defaultRatePerSecond' | 'paidBroadcast'>): number {
  if (row.rate_per_second !== null) return row.rate_per_second;
  return paidBroadcastOn(row, client) ? client.paidBroadcast!.ratePerSecond : client.defaultRatePerSecond;
}
