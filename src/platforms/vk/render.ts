// MessageContent → VK messages.send parameters (form fields; `keyboard` is a JSON string).
import type { Button, Degradation, MessageContent, RenderedMessage } from '../types.ts';
import { splitText } from '../tg/split.ts';

/** messages.send `message`: maxLength 9000 (VKCOM/vk-api-schema messages/methods.json, API 5.199). */
export const TEXT_LIMIT = 9000;
/**
 * Inline keyboard ("keyboard shown inside the message"): at most 5 × 6 (buttons per row × rows) and
 * at most 10 buttons in all (dev.vk.com/en/api/bots/development/keyboard, "Inline Display").
 */
export const INLINE_MAX_BUTTONS = 10;
export const INLINE_MAX_ROWS = 6;
/** Button `label`: at most 40 characters (dev.vk.com keyboard reference, action.label). */
export const LABEL_LIMIT = 40;

type Call = RenderedMessage['calls'][number];

/**
 * An inline keyboard: it belongs to this message (a broadcast should not replace the person's
 * standard keyboard), it accepts both open_link and text buttons (a text button sends its label
 * back as a message, like a reply button). One button per row while they fit in 6 rows, else two
 * per row (wide open_link buttons take half a row; 10 buttons → 5 rows).
 */
function renderKeyboard(buttons: Button[], degradations: Degradation[]): string | undefined {
  const usable = buttons.filter((b) => b.kind === 'reply' || b.url);
  if (usable.length < buttons.length) {
    degradations.push({ code: 'buttons_invalid', message: `${buttons.length - usable.length} URL button(s) without a URL were left out` });
  }
  if (usable.length === 0) return undefined;
  const kept = usable.slice(0, INLINE_MAX_BUTTONS);
  if (usable.length > kept.length) {
    degradations.push({
      code: 'buttons_truncated',
      message: `VK shows at most ${INLINE_MAX_BUTTONS} buttons on a message; ${usable.length - kept.length} were cut`,
    });
  }
  let shortened = 0;
  const actions = kept.map((b) => {
    let label = b.text;
    if (label.length > LABEL_LIMIT) {
      label = `${label.slice(0, LABEL_LIMIT - 1)}…`;
      shortened++;
    }
    return b.kind === 'url'
      ? { action: { type: 'open_link', link: b.url, label } }
      : { action: { type: 'text', label, payload: JSON.stringify({ button: b.text.slice(0, 200) }) } };
  });
  if (shortened > 0) {
    degradations.push({
      code: 'button_text_truncated',
      message: `VK button labels hold at most ${LABEL_LIMIT} characters; ${shortened} were shortened`,
    });
  }
  const perRow = actions.length <= INLINE_MAX_ROWS ? 1 : 2;
  const rows: (typeof actions)[] = [];
  for (let i = 0; i < actions.length; i += perRow) rows.push(actions.slice(i, i + perRow));
  return JSON.stringify({ inline: true, buttons: rows });
}

export function renderVk(content: MessageContent): RenderedMessage {
  const degradations: Degradation[] = [];
  let text = content.text;
  if (content.media) {
    // Attachments must be uploaded first (photos.getMessagesUploadServer → upload → saveMessagesPhoto,
    // PLATFORMS.md §4.1) — Botcast does not re-host media, so the link goes into the text (VK shows a preview).
    const code = content.media.type === 'image' ? 'image_as_link' : 'file_as_link';
    degradations.push({ code, message: `VK cannot attach a ${content.media.type} by URL; the link was added to the text` });
    text = text.length > 0 ? `${text}\n\n${content.media.url}` : content.media.url;
  }
  const keyboard = content.buttons && content.buttons.length > 0 ? renderKeyboard(content.buttons, degradations) : undefined;
  const chunks = splitText(text, TEXT_LIMIT);
  if (chunks.length > 1) {
    degradations.push({
      code: 'text_split',
      message: `VK messages hold at most ${TEXT_LIMIT} characters; the text is sent as ${chunks.length} messages`,
    });
  }
  const calls: Call[] = chunks.map((chunk, i) => {
    const body: Record<string, unknown> = { message: chunk };
    if (keyboard && i === chunks.length - 1) body.keyboard = keyboard;
    return { method: 'messages.send', body };
  });
  return { platform: 'vk', calls, degradations };
}
