// Messenger rendering: the shared Send API renderer with Messenger's limits.
//   text ≤ 2000 characters — Send API reference, message.text ("UTF-8, 2000 character limit");
//   button template: text ≤ 640 characters, 1–3 buttons — developers.facebook.com/documentation/
//     business-messaging/messenger-platform/send-messages/template/button;
//   quick replies ≤ 13 — …/messenger-platform/send-messages/quick-replies; titles ≤ 20 characters,
//     payload ≤ 1000 — …/reference/buttons/quick-replies (button title: "20 character limit");
//   attachments by URL: image, file (…/send-messages#sending_attachments), `is_reusable` allowed.
//
// messaging_type: UPDATE. A broadcast is a message the business starts, not an answer to one the
// person just sent (RESPONSE), and Botcast cannot promise that arbitrary broadcast content fits a
// Message Tag's narrow non-promotional use (MESSAGE_TAG + tag; misuse gets the Page restricted —
// messenger-platform/policy); and since 27 April 2026 the update tags answer error 100 anyway (see
// index.ts). UPDATE is allowed inside the 24 h standard messaging window; the engine leaves out who
// is outside it, and a 10/2018278 Meta still answers ends `outside_window` (see classify.ts).
import { renderSendApi, type SendApiLimits } from '../meta-common/send-api-render.ts';
import { charLength } from '../meta-common/text.ts';
import type { MessageContent, RenderedMessage } from '../types.ts';

export const MESSENGER_LIMITS: SendApiLimits = {
  platform: 'fb',
  name: 'Messenger',
  textMax: 2000,
  measure: charLength,
  unit: 'characters',
  templateTextMax: 640,
  templateButtonsMax: 3,
  quickRepliesMax: 13,
  buttonTitleMax: 20,
  payloadMax: 1000,
  supportsFile: true,
  reusableFlag: true,
  envelope: { messaging_type: 'UPDATE' },
};

export function renderMessenger(content: MessageContent): RenderedMessage {
  return renderSendApi(content, MESSENGER_LIMITS);
}
