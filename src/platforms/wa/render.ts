// WhatsApp Cloud API rendering. Limits, with sources:
//   text.body ≤ 4096 characters — developers.sinch.com/docs/conversation/message-types/text-message
//     ("WhatsApp … maximum of 4096 characters in a single text message");
//   image / document caption ≤ 1024 — …/whatsapp/messages/image-messages (PLATFORMS.md W4);
//   interactive body.text ≤ 1024, reply buttons 1–3, title ≤ 20, id ≤ 256 —
//     …/whatsapp/messages/interactive-reply-buttons-messages (W5, W6; also Meta's Direct Send limits page);
//   cta_url: exactly one URL button, display_text ≤ 20, optional image/document header —
//     …/whatsapp/messages/interactive-cta-url-messages (W7; docs.zavu.dev cta-url spec).
//
// Rules:
//   1–3 reply buttons → interactive "button" (URL buttons, if any, become numbered links in the body);
//   no reply buttons and exactly one URL button → interactive "cta_url";
//   anything else (4+ reply buttons, 2+ URL buttons), or a body over 1024 → numbered text/links;
//   media rides as the interactive header, or as image/document with the text as caption; a caption
//   over 1024 makes the text a second message.
import { appendBlock, buttonLines, charLength, cutTo, degradation, fileNameOf, plural, splitButtons } from '../meta-common/text.ts';
import type { Button, Degradation, MessageContent, RenderedMessage } from '../types.ts';

export const WA_TEXT_MAX = 4096;
export const WA_CAPTION_MAX = 1024;
export const WA_BODY_MAX = 1024;
export const WA_REPLY_BUTTONS_MAX = 3;
export const WA_BUTTON_TITLE_MAX = 20;
const BUTTON_ID_MAX = 256;

const ENVELOPE = { messaging_product: 'whatsapp', recipient_type: 'individual' } as const;

type Body = Record<string, unknown>;

function call(body: Body): RenderedMessage['calls'][number] {
  return { method: 'messages', body: { ...ENVELOPE, ...body } };
}

function mediaObject(media: NonNullable<MessageContent['media']>, caption?: string): Body {
  const object: Body = { link: media.url };
  if (caption) object.caption = caption;
  if (media.type === 'file') object.filename = fileNameOf(media.url);
  return object;
}

function header(media: MessageContent['media']): Body | undefined {
  if (!media) return undefined;
  return media.type === 'image'
    ? { type: 'image', image: { link: media.url } }
    : { type: 'document', document: { link: media.url, filename: fileNameOf(media.url) } };
}

function cutTitles(buttons: Button[], out: Degradation[]): string[] {
  const long = buttons.filter((b) => charLength(b.text) > WA_BUTTON_TITLE_MAX).length;
  if (long > 0)
    out.push(
      degradation(
        'button_title_truncated',
        `WhatsApp shows at most ${WA_BUTTON_TITLE_MAX} characters on a button; ${plural(long, 'title')} cut.`,
      ),
    );
  return buttons.map((b) => cutTo(b.text, WA_BUTTON_TITLE_MAX));
}

/** Unique reply ids (WhatsApp requires them unique): the button text, suffixed on repeats. */
function replyIds(buttons: Button[]): string[] {
  const seen = new Set<string>();
  return buttons.map((b, i) => {
    let id = cutTo(b.text || `button ${i + 1}`, BUTTON_ID_MAX);
    if (seen.has(id)) id = cutTo(`${i + 1}:${b.text}`, BUTTON_ID_MAX);
    seen.add(id);
    return id;
  });
}

function interactive(content: MessageContent, out: Degradation[]): Body | undefined {
  const { urls, replies } = splitButtons(content.buttons);
  if (!content.text) return undefined;
  if (replies.length >= 1 && replies.length <= WA_REPLY_BUTTONS_MAX) {
    const body = appendBlock(content.text, buttonLines(urls));
    if (charLength(body) > WA_BODY_MAX) return undefined;
    if (urls.length > 0) {
      out.push(
        degradation(
          'buttons_as_text',
          `WhatsApp cannot mix link and reply buttons; ${plural(urls.length, 'link button')} sent as numbered links in the text.`,
        ),
      );
    }
    const titles = cutTitles(replies, out);
    const ids = replyIds(replies);
    return {
      type: 'button',
      ...(content.media ? { header: header(content.media) } : {}),
      body: { text: body },
      action: { buttons: replies.map((_, i) => ({ type: 'reply', reply: { id: ids[i], title: titles[i] } })) },
    };
  }
  if (replies.length === 0 && urls.length === 1 && charLength(content.text) <= WA_BODY_MAX) {
    const [title] = cutTitles(urls, out);
    return {
      type: 'cta_url',
      ...(content.media ? { header: header(content.media) } : {}),
      body: { text: content.text },
      action: { name: 'cta_url', parameters: { display_text: title, url: urls[0].url } },
    };
  }
  return undefined;
}

function whyText(content: MessageContent): string {
  const { urls, replies } = splitButtons(content.buttons);
  if (!content.text) return 'WhatsApp buttons need a text';
  if (replies.length > WA_REPLY_BUTTONS_MAX) return `WhatsApp shows at most ${WA_REPLY_BUTTONS_MAX} reply buttons`;
  if (replies.length === 0 && urls.length > 1) return 'WhatsApp shows at most one link button per message';
  return `WhatsApp buttons need a text of at most ${WA_BODY_MAX} characters`;
}

export function renderWhatsApp(content: MessageContent): RenderedMessage {
  const degradations: Degradation[] = [];
  const buttons = content.buttons ?? [];
  const calls: RenderedMessage['calls'] = [];

  const rich = buttons.length > 0 ? interactive(content, degradations) : undefined;
  if (rich) return { platform: 'wa', calls: [call({ type: 'interactive', interactive: rich })], degradations };

  let text = content.text;
  if (buttons.length > 0) {
    text = appendBlock(text, buttonLines(buttons));
    degradations.push(
      degradation('buttons_as_text', `${whyText(content)}; ${plural(buttons.length, 'button')} sent as a numbered list in the text.`),
    );
  }
  if (content.media) {
    const type = content.media.type === 'image' ? 'image' : 'document';
    if (charLength(text) <= WA_CAPTION_MAX)
      return { platform: 'wa', calls: [call({ type, [type]: mediaObject(content.media, text) })], degradations };
    calls.push(call({ type, [type]: mediaObject(content.media) }));
    degradations.push(
      degradation('caption_split', `WhatsApp captions hold at most ${WA_CAPTION_MAX} characters; the text is sent as a second message.`),
    );
  }
  if (charLength(text) > WA_TEXT_MAX) {
    text = cutTo(text, WA_TEXT_MAX);
    degradations.push(degradation('text_truncated', `WhatsApp text messages hold at most ${WA_TEXT_MAX} characters; the text was cut.`));
  }
  calls.push(call({ type: 'text', text: { preview_url: /https?:\/\//.test(text), body: text } }));
  return { platform: 'wa', calls, degradations };
}
