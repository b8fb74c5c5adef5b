// A send's WhatsApp template, checked against the channels it goes out on (whatsapp-templates.ts).
import type { WhatsAppTemplateChoice } from '../../domain/send/wa-template.ts';
import type { Queryable } from '../../storage/db.ts';
import type { ServiceContext } from '../context.ts';
import { checkTemplateForChannels } from '../whatsapp-templates.ts';

/** The platforms whose clients send templates (WhatsApp). */
export function templatePlatforms(ctx: Pick<ServiceContext, 'platforms'>): Set<string> {
  return new Set([...ctx.platforms.values()].filter((p) => p.renderTemplate).map((p) => p.code));
}

export function checkSendTemplate(
  ctx: Pick<ServiceContext, 'platforms'>,
  q: Queryable,
  targeting: { channelIds: number[]; platforms: string[] },
  choice: WhatsAppTemplateChoice,
): Promise<WhatsAppTemplateChoice> {
  return checkTemplateForChannels(q, targeting.channelIds, targeting.platforms, choice, templatePlatforms(ctx));
}
