// What a classified platform answer does to a delivery. Pure: the worker applies the result in
// batches. The rule that matters most: a request that may have reached the platform is never
// repeated, unless the platform de-duplicates it (VK random_id).
import type { Outcome } from '../platforms/types.ts';
import type { DeliveryState } from '../domain/send/delivery.ts';
import type { LeftOutReason } from './sql/claim.ts';

export interface Transition {
  state: DeliveryState;
  /** The outcome class to record; null keeps the one recorded before. */
  outcome: string | null;
  code: string | null;
  text: string | null;
  messageId: string | null;
  /** Earliest next attempt, for deliveries going back to the queue. */
  notBefore: Date | null;
  /** Added to the attempts counted at claim time (-1: this attempt does not count). */
  attemptsDelta: number;
  blockSubscriber: boolean;
  /** Pause the whole channel this long (the platform asked us to slow down). */
  pauseChannelMs: number;
  /** Mark the subscriber as having stopped marketing messages (WhatsApp 131050): not blocked. */
  stopMarketing?: boolean;
}

export interface RetryPolicy {
  maxAttempts: number;
  backoffBaseMs: number;
  maxBackoffMs: number;
  /** The platform de-duplicates repeated requests with the same key. */
  deduplicates: boolean;
  now: Date;
  random?: () => number;
}

/** Exponential backoff with full jitter in [half, full] of the step: spreads retries, never zero. */
export function backoffMs(attempt: number, policy: Pick<RetryPolicy, 'backoffBaseMs' | 'maxBackoffMs' | 'random'>): number {
  const step = Math.min(policy.maxBackoffMs, policy.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (policy.random ?? Math.random)() * (step / 2));
}

const base = { code: null, text: null, messageId: null, notBefore: null, attemptsDelta: 0, blockSubscriber: false, pauseChannelMs: 0 };

/** The common case, without spreading: one of these is made per delivery. */
function sentTransition(messageId: string): Transition {
  return {
    state: 'sent',
    outcome: 'sent',
    code: null,
    text: null,
    messageId,
    notBefore: null,
    attemptsDelta: 0,
    blockSubscriber: false,
    pauseChannelMs: 0,
  };
}

/** `attempts` counts the attempt that produced this outcome. */
export function transitionFor(outcome: Outcome, attempts: number, policy: RetryPolicy): Transition {
  switch (outcome.class) {
    case 'sent':
      return sentTransition(outcome.platformMessageId);
    case 'blocked':
      return { ...base, state: 'failed', outcome: 'blocked', code: outcome.code, text: outcome.text, blockSubscriber: true };
    case 'outside_window':
      // Not an error and never retried: the person has not written within the platform's window.
      // Final as `cancelled` (not sent, not failed), the reason in `outcome`, the platform's code kept.
      return { ...base, state: 'cancelled', outcome: 'outside_window', code: outcome.code, text: outcome.text };
    case 'marketing_stopped':
      // The person stopped marketing messages: final, not an error and not `blocked` (free-form
      // messages in the window and utility templates still reach them); later marketing
      // templates leave them out at claim time.
      return { ...base, state: 'cancelled', outcome: 'marketing_stopped', code: outcome.code, text: outcome.text, stopMarketing: true };
    case 'marketing_limit':
      // Meta's per-person marketing cap: final for this send, reported apart, not an error.
      return { ...base, state: 'cancelled', outcome: 'marketing_limit', code: outcome.code, text: outcome.text };
    case 'invalid_recipient':
    case 'permanent':
      return { ...base, state: 'failed', outcome: outcome.class, code: outcome.code, text: outcome.text };
    case 'rate_limited':
      // Not an error and not an attempt: the platform refused to process it, so it is sent again
      // exactly when the platform allows.
      return {
        ...base,
        state: 'queued',
        outcome: 'rate_limited',
        code: outcome.code,
        text: outcome.text,
        notBefore: new Date(policy.now.getTime() + outcome.retryAfterMs),
        attemptsDelta: -1,
        pauseChannelMs: outcome.retryAfterMs,
      };
    case 'transient':
      if (attempts < policy.maxAttempts) {
        return {
          ...base,
          state: 'queued',
          outcome: 'transient',
          code: outcome.code,
          text: outcome.text,
          notBefore: new Date(policy.now.getTime() + backoffMs(attempts, policy)),
        };
      }
      return {
        ...base,
        state: 'failed',
        outcome: 'transient',
        code: outcome.code,
        text: `${outcome.text} (gave up after ${attempts} attempts)`,
      };
    case 'unknown':
      if (policy.deduplicates && attempts < policy.maxAttempts) {
        return {
          ...base,
          state: 'queued',
          outcome: 'unknown',
          code: outcome.code,
          text: outcome.text,
          notBefore: new Date(policy.now.getTime() + backoffMs(attempts, policy)),
        };
      }
      return { ...base, state: 'unknown', outcome: 'unknown', code: outcome.code, text: outcome.text };
  }
}

/**
 * A delivery ruled out at claim time: final, never sent, not an error. The platform's messaging
 * window (outcome `outside_window`), the send's marketing template to a person who stopped
 * marketing messages (`marketing_stopped`), or the subscriber opted out after the run was queued
 * (`opted_out`).
 */
export function leftOutTransition(reason: LeftOutReason): Transition {
  if (reason === 'opted_out')
    return {
      ...base,
      state: 'cancelled',
      outcome: 'opted_out',
      code: reason,
      text: 'Left out: the person opted out of broadcasts after it was queued',
    };
  if (reason === 'marketing_stopped')
    return {
      ...base,
      state: 'cancelled',
      outcome: 'marketing_stopped',
      code: reason,
      text: 'Left out: the person stopped marketing messages, and the template is a marketing one',
    };
  const text =
    reason === 'no_permission'
      ? 'Left out: the person has not allowed messages from the community'
      : 'Left out: the person has not written within the platform’s messaging window';
  return { ...base, state: 'cancelled', outcome: 'outside_window', code: reason, text };
}

/** A claimed delivery that was never sent (its channel paused, the worker is stopping): back to the queue. */
export function releaseTransition(notBefore: Date | null): Transition {
  return { ...base, state: 'queued', outcome: null, notBefore, attemptsDelta: -1 };
}
