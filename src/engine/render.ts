// The message one recipient gets: the send's frozen content with {{variables}} filled for them,
// in their platform's own form. Content without variables is rendered once per run and channel.
import { contentHasVariables, personalise, type FrozenContent, type Recipient } from '../domain/send/content.ts';
import type { PlatformClient, RenderedMessage } from '../platforms/types.ts';
import { withClickLinks } from '../domain/send/click-links.ts';
import type { RunInfo } from './worker-cache.ts';

/** Renders per recipient, caching what does not depend on the recipient. */
export class MessageRenderer {
  private cache = new Map<string, RenderedMessage>();

  /** `personalised`: whether the content has variables, if the caller already knows. */
  render(
    key: string,
    content: FrozenContent,
    client: PlatformClient,
    recipient: Recipient,
    data: unknown,
    personalised?: boolean,
  ): RenderedMessage {
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

  /** One delivery's message: a send's tracked link buttons carry the delivery's own token (never cached). */
  delivery(
    key: string,
    run: Pick<RunInfo, 'content' | 'data' | 'personalised' | 'tracksClicks'>,
    client: PlatformClient,
    item: Recipient & { id: number },
    links: { baseUrl: string; key: Buffer } | null,
  ): RenderedMessage {
    if (!links || !run.tracksClicks) return this.render(key, run.content, client, item, run.data, run.personalised);
    return this.render(key, withClickLinks(run.content, links, item.id), client, item, run.data, true);
  }
}
