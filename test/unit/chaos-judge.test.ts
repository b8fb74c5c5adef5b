// The chaos judge's pause check counts from when the first worker read the 429, as the issue
// words it ("within a few milliseconds of any worker reading a 429"): a request that left after
// the fake wrote the 429 but before any worker had it could not have been stopped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstRead, pauseHearing, requestsInsidePauses, summariseHearing, type SenderTrace } from '../chaos/judge.ts';
import type { FakeRecord } from '../fakes/types.ts';

test('requests that left within 20 ms of the first read of a 429 are not inside its pause; later ones are', () => {
  const rec = (recipient: string, t: number, fault?: string) =>
    ({ recipient, t, fault, channel: 'c', send: true }) as unknown as FakeRecord;
  const records = [rec('429', 1000, 'rate_limited'), rec('a', 1070), rec('b', 1090)];
  const left: Record<string, number> = { a: 1045, b: 1060 };
  const trace: SenderTrace = {
    starts: new Map(),
    allStarts: new Map(),
    stalls: [],
    pauses: [{ pid: 1, channel: 7, t: 1030, source: 'read' }],
  };
  assert.equal(firstRead(trace, 7, 1000, 2000), 1030);
  const check = requestsInsidePauses(
    records,
    () => 1000,
    (r) => left[r.recipient ?? ''],
    () => 0,
    20,
    (_, answered, until) => firstRead(trace, 7, answered, until),
  );
  assert.equal(check.inside, 2);
  assert.equal(check.startedInside, 1, 'b left 30 ms after the read');
  // Without a trace of the read, from the fake's answer: both.
  assert.equal(
    requestsInsidePauses(
      records,
      () => 1000,
      (r) => left[r.recipient ?? ''],
    ).startedInside,
    2,
  );
});

test('how the other workers heard of a 429: each counted once, by its first source, from the first read', () => {
  const trace: SenderTrace = {
    starts: new Map(),
    allStarts: new Map(),
    stalls: [],
    pauses: [
      { pid: 1, channel: 7, t: 1030, source: 'read' },
      { pid: 2, channel: 7, t: 1033, source: 'peer' },
      { pid: 2, channel: 7, t: 1050, source: 'notify' },
      { pid: 3, channel: 7, t: 1041, source: 'notify' },
      { pid: 4, channel: 8, t: 1031, source: 'peer' },
    ],
  };
  const heard = pauseHearing(trace, 7, 1000, 2000);
  assert.deepEqual(heard, [
    { source: 'peer', ms: 3 },
    { source: 'notify', ms: 11 },
  ]);
  assert.deepEqual(summariseHearing(heard), { bySource: { peer: 1, notify: 1 }, p50Ms: 11, maxMs: 11 });
  assert.deepEqual(pauseHearing(trace, 7, 3000, 4000), [], 'no read of that 429');
});
