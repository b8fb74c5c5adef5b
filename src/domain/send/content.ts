// What a send says. A form gives a ContentInput (a text, or a screen by id); the send keeps it
// frozen (a screen's text, media and buttons copied at creation, so editing the screen later does
// not change a send already made). Each recipient gets the frozen content with {{variables}}
// filled for them.
import { buildTemplateContext, listVariables, renderTemplate } from '../content/index.ts';
import type { Button, MessageContent } from '../content/message.ts';
import { templateHasVariables, type WhatsAppTemplateChoice } from './wa-template.ts';

export type ContentInput = (
  { type: 'text'; text: string; media?: FrozenContent['media']; buttons?: Button[] } | { type: 'screen'; screenId: number }
) & { whatsappTemplate?: WhatsAppTemplateChoice; trackClicks?: boolean };

export interface FrozenContent {
  type: 'text' | 'screen';
  text: string;
  media?: MessageContent['media'] | null;
  buttons?: MessageContent['buttons'];
  screenId?: number;
  screenName?: string;
  /** WhatsApp only: the template sent outside the messaging window (wa-template.ts). */
  whatsappTemplate?: WhatsAppTemplateChoice;
  /** Link buttons go through Botcast's redirect, which counts the clicks (click-links.ts). */
  trackClicks?: boolean;
}

/** The profile fields a recipient's {{variables}} are filled from. */
export interface Recipient {
  name?: string | null;
  username?: string | null;
  language?: string | null;
}

export function contentHasVariables(content: FrozenContent): boolean {
  return (
    listVariables(content.text).length > 0 ||
    templateHasVariables(content.whatsappTemplate) ||
    (content.buttons ?? []).some((b) => listVariables(b.text).length > 0 || (b.url ? listVariables(b.url).length > 0 : false))
  );
}

export function personalise(
  content: FrozenContent,
  recipient: Recipient | null,
  platform: string,
  data: unknown,
): { content: MessageContent; missing: string[] } {
  const context = buildTemplateContext(
    { name: recipient?.name || null, username: recipient?.username || null, language: recipient?.language || null, platform },
    data ?? undefined,
  );
  const text = renderTemplate(content.text, context);
  const missing = [...text.missing];
  const buttons = (content.buttons ?? []).map((b) => {
    const label = renderTemplate(b.text, context);
    missing.push(...label.missing);
    if (b.kind === 'opt_out') return { kind: 'reply' as const, text: label.text };
    return b.url ? { ...b, text: label.text, url: renderTemplate(b.url, context).text } : { ...b, text: label.text };
  });
  return {
    content: { text: text.text, ...(content.media ? { media: content.media } : {}), ...(buttons.length ? { buttons } : {}) },
    missing: [...new Set(missing)],
  };
}
