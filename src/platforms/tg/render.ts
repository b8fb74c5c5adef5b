// MessageContent → Telegram Bot API calls. Text is sent as plain text (no parse_mode), so what
// people typed can never break Markdown/HTML parsing.
import type { Button, Degradation, MessageContent, RenderedMessage } from '../types.ts';
import { splitText } from './split.ts';

/** sendMessage `text`: "1-4096 characters after entities parsing" (core.telegram.org/bots/api#sendmessage). */
export const TEXT_LIMIT = 4096;
/** sendPhoto / sendDocument `caption`: "0-1024 characters after entities parsing" (core.telegram.org/bots/api#sendphoto). */
export const CAPTION_LIMIT = 1024;

type Call = RenderedMessage['calls'][number];

/**
 * Buttons → reply_markup (core.telegram.org/bots/api#inlinekeyboardmarkup, #replykeyboardmarkup).
 * One message carries exactly one reply_markup: an inline keyboard (URL buttons) OR a reply keyboard
 * (buttons that send their text back). Decision when both kinds are present: keep the reply keyboard
 * (it is the only way to offer answers) and turn the URL buttons into "label: url" lines of the text
 * — links in text stay clickable, and everything is still one message (no extra message per send).
 */
function renderButtons(buttons: Button[], degradations: Degradation[]): { markup?: Record<string, unknown>; linkLines: string[] } {
  const urlButtons = buttons.filter((b) => b.kind === 'url' && b.url);
  const replyButtons = buttons.filter((b) => b.kind === 'reply');
  const invalid = buttons.length - urlButtons.length - replyButtons.length;
  if (invalid > 0) {
    degradations.push({ code: 'buttons_invalid', message: `${invalid} URL button(s) without a URL were left out` });
  }
  if (replyButtons.length > 0 && urlButtons.length > 0) {
    degradations.push({
      code: 'url_buttons_as_links',
      message: 'Telegram cannot show link buttons and answer buttons on one message; the links were added to the text',
    });
    return {
      markup: { keyboard: replyButtons.map((b) => [{ text: b.text }]), resize_keyboard: true, one_time_keyboard: true },
      linkLines: urlButtons.map((b) => `${b.text}: ${b.url}`),
    };
  }
  if (replyButtons.length > 0) {
    return {
      markup: { keyboard: replyButtons.map((b) => [{ text: b.text }]), resize_keyboard: true, one_time_keyboard: true },
      linkLines: [],
    };
  }
  if (urlButtons.length > 0) {
    return { markup: { inline_keyboard: urlButtons.map((b) => [{ text: b.text, url: b.url }]) }, linkLines: [] };
  }
  return { linkLines: [] };
}

export function renderTelegram(content: MessageContent): RenderedMessage {
  const degradations: Degradation[] = [];
  const calls: Call[] = [];
  const { markup, linkLines } = renderButtons(content.buttons ?? [], degradations);
  const text = linkLines.length > 0 ? [content.text, ...linkLines].filter((s) => s.length > 0).join('\n\n') : content.text;

  if (content.media) {
    const method = content.media.type === 'image' ? 'sendPhoto' : 'sendDocument';
    const field = content.media.type === 'image' ? 'photo' : 'document';
    if (text.length <= CAPTION_LIMIT) {
      const body: Record<string, unknown> = { [field]: content.media.url };
      if (text.length > 0) body.caption = text;
      if (markup) body.reply_markup = markup;
      return { platform: 'tg', calls: [{ method, body }], degradations };
    }
    degradations.push({
      code: 'caption_split',
      message: `Telegram captions hold at most ${CAPTION_LIMIT} characters; the ${content.media.type} is sent first, then the text`,
    });
    calls.push({ method, body: { [field]: content.media.url } });
  }

  const chunks = splitText(text, TEXT_LIMIT);
  if (chunks.length > 1) {
    degradations.push({
      code: 'text_split',
      message: `Telegram messages hold at most ${TEXT_LIMIT} characters; the text is sent as ${chunks.length} messages`,
    });
  }
  chunks.forEach((chunk, i) => {
    const body: Record<string, unknown> = { text: chunk };
    if (markup && i === chunks.length - 1) body.reply_markup = markup;
    calls.push({ method: 'sendMessage', body });
  });
  return { platform: 'tg', calls, degradations };
}
