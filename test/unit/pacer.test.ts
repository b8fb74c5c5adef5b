// The pacing of one claim (src/engine/pacer.ts) against stalls, with real timers and a blocked
// event loop standing in for a busy machine. The database side (slot reservations, moving later
// slots back) is a stub that records what was asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClaimSlots, LATE_TOLERANCE_MS, SendWindow, type SlotHooks } from '../../src/engine/pacer.ts';

/** Blocks the event loop for `ms` (a stall: GC, the process descheduled). */
function stall(ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end);
}

function stubHooks(options: { unreserved?: boolean } = {}) {
  const pushes: number[] = [];
  const reserved: number[] = [];
  const hooks: SlotHooks = {
    halted: () => false,
    reserve: async (count) => {
      reserved.push(count);
      return Date.now() + 5;
    },
    late: (ms) => pushes.push(ms),
    lateIfUnreserved: async (ms) => {
      if (!options.unreserved) return false;
      pushes.push(ms);
      return true;
    },
  };
  return { hooks, pushes, reserved };
}

/** Sends `n` items of one claim; `before(i)` runs right before item i is handed to the client. */
async function sendAll(slots: ClaimSlots, n: number, hooks: SlotHooks, before: (i: number) => void = () => {}) {
  const starts: number[] = [];
  for (let i = 0; i < n; i++) {
    assert.ok(await slots.next(i, hooks));
    before(i);
    starts.push(Date.now());
    slots.left(i, hooks);
  }
  return starts;
}

test('slots missed in a stall are not caught up in a burst', async () => {
  const spacing = 5;
  const window = new SendWindow(1000);
  const slots = new ClaimSlots(Date.now() + 5, 40, 40, spacing, window, 1);
  const { hooks } = stubHooks();
  // A 40 ms stall after the 10th request: 8 slots pass meanwhile.
  const starts = await sendAll(slots, 40, hooks, (i) => i === 10 && stall(40));
  // After the stall, request 11 + j leaves no earlier than j slots after request 11 (minus the
  // tolerance): the missed slots never arrive together at the platform.
  for (let j = 1; 11 + j < starts.length; j++) {
    const apart = starts[11 + j] - starts[11];
    assert.ok(apart >= j * spacing - LATE_TOLERANCE_MS, `request ${11 + j} left ${apart} ms after request 11`);
  }
  assert.ok(slots.skipped >= 6, `${slots.skipped} slots skipped`);
});

test('a request written later than its slot allows moves the later slots back by the excess', async () => {
  const window = new SendWindow(1000);
  const slots = new ClaimSlots(Date.now() + 5, 3, 3, 20, window, 1);
  const { hooks, pushes } = stubHooks();
  // The process is descheduled between the decision and the write of request 1.
  await sendAll(slots, 3, hooks, (i) => i === 1 && stall(30));
  // (Timers late under load may add pushes of their own: the one for request 1 is the largest.)
  const largest = Math.max(0, ...pushes);
  assert.ok(largest >= 30 - LATE_TOLERANCE_MS - 2, `moved back ${pushes.join(', ')} ms`);
});

test('the send window: never `limit` + 1 requests of this process within a second, whatever the slots say', async () => {
  const limit = 5;
  const window = new SendWindow(limit);
  const { hooks } = stubHooks();
  // Two claims whose slots overlap (an offset re-estimated between them): 10 slots within 100 ms.
  const a = new ClaimSlots(Date.now() + 5, 5, 5, 10, window, 1);
  const b = new ClaimSlots(Date.now() + 10, 5, 5, 10, window, 1);
  const starts = [...(await sendAll(a, 5, hooks)), ...(await sendAll(b, 5, hooks))].sort((x, y) => x - y);
  for (let i = limit; i < starts.length; i++)
    assert.ok(starts[i] - starts[i - limit] >= 1000, `requests ${i - limit} and ${i}: ${starts[i] - starts[i - limit]} ms`);
});

test('on a slow channel a late request goes after moving later slots back, instead of losing its slot', async () => {
  const window = new SendWindow(20);
  const slots = new ClaimSlots(Date.now() + 5, 3, 3, 50, window, 1);
  const { hooks, pushes } = stubHooks({ unreserved: true });
  // Request 1 is decided 25 ms late (past the tolerance, before the next slot).
  await sendAll(slots, 3, hooks, (i) => i === 0 && stall(75));
  // Request 0 is written 75 ms late (its push); request 1 is decided about 25 ms late and goes.
  assert.ok(slots.lateGone >= 1, 'the late request went');
  assert.ok(pushes.length >= 2, `pushes ${pushes.join(', ')}`);
});

test('on a slow channel whose later slots are already handed out, a late request takes the next slot', async () => {
  const window = new SendWindow(20);
  const slots = new ClaimSlots(Date.now() + 5, 3, 3, 50, window, 1);
  const { hooks, reserved } = stubHooks({ unreserved: false });
  await sendAll(slots, 3, hooks, (i) => i === 0 && stall(75));
  assert.equal(slots.lateGone, 0);
  assert.ok(slots.skipped >= 1);
  assert.ok(reserved.length >= 1, 'fresh slots for the rest');
});
