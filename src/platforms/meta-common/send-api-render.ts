// Rendering for Meta's Send API, which Messenger (fb) and Instagram share: the same message object
// (text, attachment, template, quick_replies), with each platform's own limits (fb/render.ts,
// instagram/render.ts). Rules, in order:
//   - media → its own attachment message first (the Send API has no caption: the text follows);
//     a file the platform cannot take as an attachment becomes a link line in the text;
//   - URL buttons (1..templateButtonsMax, text within templateTextMax) → a button template with
//     `web_url` buttons; otherwise numbered links in the text;
//   - reply buttons → quick replies (at most quickRepliesMax) on the last message;
//   - text over the limit is cut.
import type { Button, Degradation, MessageContent, PlatformCode, RenderedMessage } from '../types.ts';
import { appendBlock, buttonLines, cutTo, degradation, plural, splitButtons } from './text.ts';

export interface SendApiLimits {
  platform: PlatformCode;
  /** For people: "Messenger", "Instagram". */
  name: string;
  /** Plain text limit, measured by `measure`. */
  textMax: number;
  measure: (text: string) => number;
  /** What `textMax` counts, for messages ("characters", "bytes"). */
  unit: string;
  /** Button template: text limit and button count. */
  templateTextMax: number;
  templateButtonsMax: number;
  quickRepliesMax: number;
  /** Quick reply and template button titles. */
  buttonTitleMax: number;
  /** Quick reply / postback payload. */
  payloadMax: number;
  /** Whether `attachment.type: "file"` with a URL is supported. */
  supportsFile: boolean;
  /** Messenger accepts `is_reusable` on URL attachments; Instagram documents only `url`. */
  reusableFlag: boolean;
  /** Top-level fields every call carries besides `message` (Messenger: messaging_type). */
  envelope: Record<string, unknown>;
}

function titles(buttons: Button[], limits: SendApiLimits, out: Degradation[]): string[] {
  const cut = buttons.filter((b) => b.text.length > 0 && Array.from(b.text).length > limits.buttonTitleMax);
  if (cut.length > 0) {
    out.push(
      degradation(
        'button_title_truncated',
        `${limits.name} shows at most ${limits.buttonTitleMax} characters on a button; ${plural(cut.length, 'title')} cut.`,
      ),
    );
  }
  return buttons.map((b) => cutTo(b.text, limits.buttonTitleMax));
}

export function renderSendApi(content: MessageContent, limits: SendApiLimits): RenderedMessage {
  const degradations: Degradation[] = [];
  const messages: Record<string, unknown>[] = [];
  let text = content.text;

  if (content.media) {
    const type = content.media.type === 'image' ? 'image' : limits.supportsFile ? 'file' : undefined;
    if (type) {
      const payload: Record<string, unknown> = { url: content.media.url };
      if (limits.reusableFlag) payload.is_reusable = true;
      messages.push({ attachment: { type, payload } });
      if (text)
        degradations.push(
          degradation('caption_split', `${limits.name} has no captions: the text is sent as a second message after the ${type}.`),
        );
    } else {
      text = appendBlock(text, content.media.url);
      degradations.push(degradation('file_as_link', `${limits.name} cannot send files by URL; the file is sent as a link in the text.`));
    }
  }

  const { urls, replies } = splitButtons(content.buttons);
  let template: Record<string, unknown> | undefined;
  if (urls.length > 0) {
    const fits = urls.length <= limits.templateButtonsMax && text.length > 0 && limits.measure(text) <= limits.templateTextMax;
    if (fits) {
      const names = titles(urls, limits, degradations);
      template = {
        attachment: {
          type: 'template',
          payload: { template_type: 'button', text, buttons: urls.map((b, i) => ({ type: 'web_url', url: b.url, title: names[i] })) },
        },
      };
    } else {
      const why =
        urls.length > limits.templateButtonsMax
          ? `${limits.name} shows at most ${limits.templateButtonsMax} link buttons`
          : `link buttons need a text of 1–${limits.templateTextMax} ${limits.unit}`;
      text = appendBlock(text, buttonLines(urls));
      degradations.push(
        degradation('buttons_as_text', `${why}; ${plural(urls.length, 'link button')} sent as numbered links in the text.`),
      );
    }
  }

  if (!template && text) {
    if (limits.measure(text) > limits.textMax) {
      text = cutTo(text, limits.textMax, limits.measure);
      degradations.push(
        degradation('text_truncated', `${limits.name} allows at most ${limits.textMax} ${limits.unit} of text; the text was cut.`),
      );
    }
    messages.push({ text });
  } else if (template) {
    messages.push(template);
  }

  if (replies.length > 0) {
    const kept = replies.slice(0, limits.quickRepliesMax);
    if (kept.length < replies.length) {
      degradations.push(
        degradation(
          'buttons_truncated',
          `${limits.name} shows at most ${limits.quickRepliesMax} quick replies; ${plural(replies.length - kept.length, 'button')} cut.`,
        ),
      );
    }
    const names = titles(kept, limits, degradations);
    const last = messages[messages.length - 1];
    const quick_replies = kept.map((b, i) => ({ content_type: 'text', title: names[i], payload: cutTo(b.text, limits.payloadMax) }));
    // Quick replies ride on the last message; with nothing else to send they need a text to hang on.
    if (last) last.quick_replies = quick_replies;
    else messages.push({ text: kept.map((b) => b.text).join(' / '), quick_replies });
  }

  return {
    platform: limits.platform,
    calls: messages.map((message) => ({ method: 'messages', body: { ...limits.envelope, message } })),
    degradations,
  };
}
