// OK (Odnoklassniki) rendering. What is documented, and what is assumed:
//   message {text, attachment | attachments[]} — apiok.ru/en/dev/graph_api/methods/graph.chat/
//     graph.chat.answer/post ("Message format": a single `attachment` or a list `attachments`);
//   IMAGE by URL: "only 1 such image can be present in request" (same page); FILE needs a token from
//     graph.user.fileUploadUrl, never a URL → a file becomes a link in the text;
//   INLINE_KEYBOARD is a documented attachment type (same page) but its payload is not described
//     there; the shape used here, {"keyboard":{"buttons":[[{type:"LINK"|"CALLBACK", text, url|payload,
//     intent:"DEFAULT"}]]}}, is what two independent OK clients send (botpress OK adapter; a Python
//     OK client, PLATFORMS.md O5) — unverified against OK's own page. One button per row (the
//     narrowest layout any client uses); no button count limit is documented, so none is applied;
//   reply buttons are CALLBACK buttons whose payload is the button text: a tap arrives as a
//     MESSAGE_CALLBACK webhook that inbound.ts turns into a message with that text;
//   text limit: none documented; 4000 characters assumed (unverified).
import { appendBlock, charLength, cutTo, degradation } from '../meta-common/text.ts';
import type { Degradation, MessageContent, RenderedMessage } from '../types.ts';

export const OK_TEXT_MAX = 4000;

export function renderOk(content: MessageContent): RenderedMessage {
  const degradations: Degradation[] = [];
  const attachments: Record<string, unknown>[] = [];
  let text = content.text;

  if (content.media?.type === 'image') {
    attachments.push({ type: 'IMAGE', payload: { url: content.media.url } });
  } else if (content.media) {
    text = appendBlock(text, content.media.url);
    degradations.push(degradation('file_as_link', 'OK takes files only as uploads, not by URL; the file is sent as a link in the text.'));
  }

  const buttons = content.buttons ?? [];
  if (buttons.length > 0) {
    const rows = buttons.map((b) =>
      b.kind === 'url' && b.url
        ? [{ type: 'LINK', text: b.text, url: b.url, intent: 'DEFAULT' }]
        : [{ type: 'CALLBACK', text: b.text, payload: b.text, intent: 'DEFAULT' }],
    );
    attachments.push({ type: 'INLINE_KEYBOARD', payload: { keyboard: { buttons: rows } } });
  }

  if (charLength(text) > OK_TEXT_MAX) {
    text = cutTo(text, OK_TEXT_MAX);
    degradations.push(degradation('text_truncated', `OK messages are kept to ${OK_TEXT_MAX} characters here; the text was cut.`));
  }

  const message: Record<string, unknown> = {};
  if (text) message.text = text;
  if (attachments.length === 1) message.attachment = attachments[0];
  else if (attachments.length > 1) message.attachments = attachments;
  return { platform: 'ok', calls: [{ method: 'messages', body: { message } }], degradations };
}
