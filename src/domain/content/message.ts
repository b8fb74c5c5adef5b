// A message as Botcast means it, before any platform shapes it: the platform modules render this
// (src/platforms/types.ts re-exports it as part of their interface), the send's content holds it.

/**
 * A button of a screen, platform-neutral. 'opt_out' is a "Not interested" button: a reply button
 * whose press opts the person out of broadcasts (services/inbound.ts); platforms get it as 'reply'.
 */
export interface Button {
  kind: 'url' | 'reply' | 'opt_out';
  text: string;
  /** Required for kind 'url'. */
  url?: string;
}

/** What Botcast wants to say, platform-neutral, with every {{variable}} already filled. */
export interface MessageContent {
  text: string;
  media?: { type: 'image' | 'file'; url: string };
  buttons?: Button[];
}
