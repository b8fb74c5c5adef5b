// A message as Botcast means it, before any platform shapes it: the platform modules render this
// (src/platforms/types.ts re-exports it as part of their interface), the send's content holds it.

/** A button of a screen, platform-neutral. */
export interface Button {
  kind: 'url' | 'reply';
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
