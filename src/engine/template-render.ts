// The send's WhatsApp template in the engine: what the claim must know of it (sql/claim-window.ts)
// and the message a recipient who gets it is sent (domain/send/wa-template.ts fills it).
import type { FrozenContent, Recipient } from '../domain/send/content.ts';
import { fillTemplate, isMarketing, policyOf } from '../domain/send/wa-template.ts';
import type { PlatformClient, RenderedMessage } from '../platforms/types.ts';
import type { ClaimTemplate } from './sql/claim-window.ts';

/** The claim's template rule for this channel, when the send carries a template its platform sends. */
export function claimTemplate(content: FrozenContent, client: PlatformClient): ClaimTemplate | undefined {
  const choice = content.whatsappTemplate;
  if (!choice || !client.renderTemplate || client.messagingWindow?.kind !== 'since_last_inbound') return undefined;
  return { policy: policyOf(choice), marketing: isMarketing(choice) };
}

/** The template message for one recipient (every body parameter filled, never empty). */
export function renderTemplateFor(content: FrozenContent, client: PlatformClient, recipient: Recipient, data: unknown): RenderedMessage {
  return client.renderTemplate!(fillTemplate(content.whatsappTemplate!, content.media, recipient, client.code, data));
}
