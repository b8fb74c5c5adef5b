// Executes a RenderedMessage's calls in order (platform-neutral; OK uses it too).
import type { Outcome, RenderedMessage } from '../types.ts';

type Call = RenderedMessage['calls'][number];

/**
 * Runs the calls one after another and stops at the first answer that is not `sent`: that answer
 * is the outcome. Otherwise the outcome is `sent` with the FIRST call's message id (the message a
 * person sees first, e.g. the image before its split-off text).
 */
export async function sendInOrder(calls: RenderedMessage['calls'], send: (call: Call) => Promise<Outcome>): Promise<Outcome> {
  let firstId: string | undefined;
  for (const call of calls) {
    const outcome = await send(call);
    if (outcome.class !== 'sent') return outcome;
    firstId ??= outcome.platformMessageId;
  }
  if (firstId === undefined) return { class: 'permanent', code: 'empty_message', text: 'The rendered message has no calls to make.' };
  return { class: 'sent', platformMessageId: firstId };
}

/** The outcome for a channel that lacks a credential: nothing was sent, fix the channel. */
export function missingCredentials(names: string[]): Outcome {
  return { class: 'permanent', code: 'missing_credentials', text: `The channel lacks: ${names.join(', ')}.` };
}
