// MessageContent → Viber REST Bot API send_message bodies (without receiver/sender, added at send).
import type { Button, Degradation, MessageContent, RenderedMessage } from '../types.ts';
import { splitText } from '../tg/split.ts';

/** Text message `text`: "Max length 7,000 characters" (creators.viber.com/docs/bots-api/resources/messaging/send-message). */
export const TEXT_LIMIT = 7000;
/**
 * Picture message `text` (the description): "Max 768 characters" in the current send_message reference;
 * older copies of the docs (viber.github.io, viber-bot-python) say 120 — we follow the current one.
 */
export const PICTURE_TEXT_LIMIT = 768;
/** Keyboard buttons: 24 at most (figure from the Botcast brief; not found in the stored Viber docs — unverified). */
export const KEYBOARD_MAX_BUTTONS = 24;

type Call = RenderedMessage['calls'][number];

/**
 * Keyboard (creators.viber.com/docs/bots-api/resources/messaging/keyboards): shown instead of the
 * person's keyboard, takes both `open-url` and `reply` buttons. One full-width button (6 columns)
 * per row. It rides on the last call, since "the client always displays the last keyboard".
 */
function renderKeyboard(buttons: Button[], degradations: Degradation[]): Record<string, unknown> | undefined {
  const usable = buttons.filter((b) => b.kind === 'reply' || b.url);
  if (usable.length < buttons.length) {
    degradations.push({ code: 'buttons_invalid', message: `${buttons.length - usable.length} URL button(s) without a URL were left out` });
  }
  if (usable.length === 0) return undefined;
  const kept = usable.slice(0, KEYBOARD_MAX_BUTTONS);
  if (usable.length > kept.length) {
    degradations.push({
      code: 'buttons_truncated',
      message: `Viber shows at most ${KEYBOARD_MAX_BUTTONS} buttons; ${usable.length - kept.length} were cut`,
    });
  }
  return {
    Type: 'keyboard',
    DefaultHeight: false,
    Buttons: kept.map((b) => ({
      Columns: 6,
      Rows: 1,
      ActionType: b.kind === 'url' ? 'open-url' : 'reply',
      ActionBody: b.kind === 'url' ? b.url : b.text,
      Text: b.text,
    })),
  };
}

export function renderViber(content: MessageContent): RenderedMessage {
  const degradations: Degradation[] = [];
  const calls: Call[] = [];
  let text = content.text;

  if (content.media?.type === 'file') {
    // A `file` message needs `size` (bytes) and `file_name`, which Botcast does not know for a URL.
    degradations.push({ code: 'file_as_link', message: 'Viber needs the size of a file to attach it; the link was added to the text' });
    text = text.length > 0 ? `${text}\n\n${content.media.url}` : content.media.url;
  } else if (content.media?.type === 'image') {
    if (text.length <= PICTURE_TEXT_LIMIT) {
      calls.push({ method: 'send_message', body: { type: 'picture', text, media: content.media.url } });
      text = '';
    } else {
      degradations.push({
        code: 'caption_split',
        message: `Viber picture descriptions hold at most ${PICTURE_TEXT_LIMIT} characters; the picture is sent first, then the text`,
      });
      calls.push({ method: 'send_message', body: { type: 'picture', text: '', media: content.media.url } });
    }
  }

  if (text.length > 0 || calls.length === 0) {
    const chunks = splitText(text, TEXT_LIMIT);
    if (chunks.length > 1) {
      degradations.push({
        code: 'text_split',
        message: `Viber messages hold at most ${TEXT_LIMIT} characters; the text is sent as ${chunks.length} messages`,
      });
    }
    for (const chunk of chunks) calls.push({ method: 'send_message', body: { type: 'text', text: chunk } });
  }

  const keyboard = content.buttons && content.buttons.length > 0 ? renderKeyboard(content.buttons, degradations) : undefined;
  if (keyboard) calls[calls.length - 1].body.keyboard = keyboard;
  return { platform: 'viber', calls, degradations };
}
