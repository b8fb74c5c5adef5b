// Instagram rendering: the shared Send API renderer with Instagram's limits.
//   text ≤ 1000 bytes UTF-8 — infobip.com/docs/instagram/messaging/message-types ("Size (Maximum)
//     1,000 bytes"), matching Meta's send-message page;
//   quick replies ≤ 13, titles ≤ 20 characters ("will be truncated if more than 20") —
//     developers.facebook.com/documentation/instagram-platform/instagram-api-with-instagram-login/
//     messaging-api/quick-replies; not shown on desktop;
//   button template: text + up to three web_url/postback buttons, not shown on the web —
//     developers.facebook.com/documentation/business-messaging/instagram-messaging/button-template;
//     its text limit is not stated there: Messenger's 640 is assumed (unverified), measured in bytes;
//   attachments by URL: image, video, audio, sticker — no documents (instagram-messaging/features/
//     send-message), so a file becomes a link.
// No `messaging_type`: Instagram's send samples carry none, and the only tag Instagram has is
// HUMAN_AGENT, which is for people, not broadcasts.
import { renderSendApi, type SendApiLimits } from '../meta-common/send-api-render.ts';
import { byteLength } from '../meta-common/text.ts';
import type { MessageContent, RenderedMessage } from '../types.ts';

export const INSTAGRAM_LIMITS: SendApiLimits = {
  platform: 'instagram',
  name: 'Instagram',
  textMax: 1000,
  measure: byteLength,
  unit: 'bytes',
  templateTextMax: 640,
  templateButtonsMax: 3,
  quickRepliesMax: 13,
  buttonTitleMax: 20,
  payloadMax: 1000,
  supportsFile: false,
  reusableFlag: false,
  envelope: {},
};

export function renderInstagram(content: MessageContent): RenderedMessage {
  return renderSendApi(content, INSTAGRAM_LIMITS);
}
