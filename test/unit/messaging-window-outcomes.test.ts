// Issue 16 point 1: the platforms' "outside the messaging window" answers are their own outcome,
// final and never retried, and not an error: WhatsApp 131047, Messenger 10/2018278, Instagram
// 10/2534022. And each platform module declares its window rule.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyGraphAnswer } from '../../src/platforms/meta-common/classify.ts';
import { WHATSAPP_ERRORS } from '../../src/platforms/wa/classify.ts';
import { MESSENGER_ERRORS } from '../../src/platforms/fb/classify.ts';
import { INSTAGRAM_ERRORS } from '../../src/platforms/instagram/classify.ts';
import { leftOutTransition, transitionFor } from '../../src/engine/outcomes.ts';
import { whatsapp } from '../../src/platforms/wa/index.ts';
import { messenger } from '../../src/platforms/fb/index.ts';
import { instagram } from '../../src/platforms/instagram/index.ts';
import { vk } from '../../src/platforms/vk/index.ts';
import { telegram } from '../../src/platforms/tg/index.ts';
import { viber } from '../../src/platforms/viber/index.ts';
import { ok } from '../../src/platforms/ok/index.ts';
import type { GraphRule } from '../../src/platforms/meta-common/classify.ts';

const answer = (table: readonly GraphRule[], error: Record<string, unknown>) =>
  classifyGraphAnswer(
    { kind: 'response', status: 400, headers: {}, body: { error }, text: JSON.stringify({ error }) },
    { table, readId: () => undefined, secrets: [] },
  );
const policy = { maxAttempts: 5, backoffBaseMs: 1000, maxBackoffMs: 300_000, deduplicates: true, now: new Date() };

describe('outside the messaging window', () => {
  test('WhatsApp 131047, Messenger 10/2018278, Instagram 10/2534022 → outside_window', () => {
    assert.equal(answer(WHATSAPP_ERRORS, { code: 131047, message: '(#131047) Re-engagement message' }).class, 'outside_window');
    assert.equal(
      answer(MESSENGER_ERRORS, { code: 10, error_subcode: 2018278, message: 'outside of allowed window' }).class,
      'outside_window',
    );
    assert.equal(
      answer(INSTAGRAM_ERRORS, { code: 10, error_subcode: 2534022, message: 'outside of allowed window' }).class,
      'outside_window',
    );
    assert.equal(answer(MESSENGER_ERRORS, { code: 10, message: 'Permission denied' }).class, 'permanent', 'code 10 alone stays permanent');
  });

  test('final as cancelled with its reason, not failed, never retried (even on a de-duplicating platform)', () => {
    const t = transitionFor({ class: 'outside_window', code: '131047', text: 'Re-engagement message' }, 1, policy);
    assert.deepEqual(
      [t.state, t.outcome, t.code, t.notBefore, t.blockSubscriber, t.pauseChannelMs],
      ['cancelled', 'outside_window', '131047', null, false, 0],
    );
    const left = leftOutTransition('no_permission');
    assert.deepEqual([left.state, left.outcome, left.code], ['cancelled', 'outside_window', 'no_permission']);
  });

  test('each platform declares its rule', () => {
    for (const client of [whatsapp, messenger, instagram])
      assert.deepEqual(client.messagingWindow, { kind: 'since_last_inbound', hours: 24 });
    assert.deepEqual(vk.messagingWindow, { kind: 'permission' });
    for (const client of [telegram, viber, ok]) assert.equal(client.messagingWindow, undefined);
  });
});
