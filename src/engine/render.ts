// The message one recipient gets: the send's frozen content with {{variables}} filled for them,
// in their platform's own form. Content without variables is rendered once per run and channel.
import { buildTemplateContext, listVariables, renderTemplate } from '../domain/content/index.ts';
import type { MessageContent, PlatformClient, RenderedMessage } from '../platforms/types.ts';

export interface FrozenContent {
  type: 'text' | 'screen';
  text: string;
  media?: MessageContent['media'] | null;
  buttons?: MessageContent['buttons'];
  screenId?: number;
  screenName?: string;
}

export interface Recipient {
  name?: string | null;
  username?: string | null;
  language?: string | null;
}

export function contentHasVariables(content: FrozenContent): boolean {
  return listVariables(content.text).length > 0 || (content.buttons ?? []).some((b) => listVariables(b.text).length > 0 || (b.url ? listVariables(b.url).length > 0 : false));
}

export function personalise(content: FrozenContent, recipient: Recipient | null, platform: string, data: unknown): { content: MessageContent; missing: string[] } {
  const context = buildTemplateContext(
    { name: recipient?.name || null, username: recipient?.username || null, language: recipient?.language || null, platform },
    data ?? undefined,
  );
  const text = renderTemplate(content.text, context);
  const missing = [...text.missing];
  const buttons = (content.buttons ?? []).map((b) => {
    const label = renderTemplate(b.text, context);
    missing.push(...label.missing);
    return b.url ? { ...b, text: label.text, url: renderTemplate(b.url, context).text } : { ...b, text: label.text };
  });
  return {
    content: { text: text.text, ...(content.media ? { media: content.media } : {}), ...(buttons.length ? { buttons } : {}) },
    missing: [...new Set(missing)],
  };
}

/** Renders per recipient, caching what does not depend on the recipient. */
export class MessageRenderer {
  private cache = new Map<string, RenderedMessage>();

  /** `personalised`: whether the content has variables, if the caller already knows. */
  render(key: string, content: FrozenContent, client: PlatformClient, recipient: Recipient, data: unknown, personalised?: boolean): RenderedMessage {
    if (!(personalised ?? contentHasVariables(content))) {
      let cached = this.cache.get(key);
      if (!cached) {
        cached = client.render(personalise(content, null, client.code, data).content);
        if (this.cache.size > 1000) this.cache.clear();
        this.cache.set(key, cached);
      }
      return cached;
    }
    return client.render(personalise(content, recipient, client.code, data).content);
  }
}
