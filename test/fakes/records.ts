// Queries over fake-server records, usable in-process and on records fetched from a fake server
// running as a process (GET /__control/records).
import type { FakeRecord } from './types.ts';

export interface RecordFilter {
  platform?: string;
  channel?: string;
  recipient?: string;
  method?: string;
  /** Only message sends (default true for maxPerSecondWindow, false elsewhere). */
  sendsOnly?: boolean;
}

export function filterRecords(records: readonly FakeRecord[], filter: RecordFilter = {}): FakeRecord[] {
  return records.filter(
    (r) =>
      (filter.platform === undefined || r.platform === filter.platform) &&
      (filter.channel === undefined || r.channel === filter.channel) &&
      (filter.recipient === undefined || r.recipient === filter.recipient) &&
      (filter.method === undefined || r.method === filter.method) &&
      (!filter.sendsOnly || r.send),
  );
}

/**
 * Max number of records (sends by default) falling in any window (t-1000ms, t], computed per
 * channel; the max over all channels unless `filter.channel` names one. Works on records fetched
 * from a fake server running as a process too.
 */
export function maxPerSecondWindow(records: readonly FakeRecord[], filter: RecordFilter = {}): number {
  const selected = filterRecords(records, { sendsOnly: true, ...filter });
  const byChannel = new Map<string, number[]>();
  for (const r of selected) {
    const list = byChannel.get(r.channel);
    if (list) list.push(r.t);
    else byChannel.set(r.channel, [r.t]);
  }
  let max = 0;
  for (const times of byChannel.values()) {
    times.sort((a, b) => a - b);
    let start = 0;
    for (let end = 0; end < times.length; end++) {
      while (times[end] - times[start] >= 1000) start++;
      if (end - start + 1 > max) max = end - start + 1;
    }
  }
  return max;
}
