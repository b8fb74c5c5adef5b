// VK (VKontakte) community bot platform client.
import { describedBy, type PlatformDescriptor } from '../descriptor.ts';
import type { PlatformClient } from '../types.ts';
import { checkVk, sendVk } from './client.ts';
import { parseVk, verifyVk } from './inbound.ts';
import { registerVkCallback } from './callback-server.ts';
import { renderVk } from './render.ts';
import { vkRecall } from './recall.ts';

export const descriptor = {
  code: 'vk',
  displayName: 'VK',
  // Community tokens: 20 requests per second (vk.com/dev/api_requests; SevereCloud/vksdk LimitGroupToken = 20).
  defaultRatePerSecond: 20,
  credentials: [
    { key: 'accessToken', label: 'Community access token', hint: 'With the “messages” permission.', secret: true },
    { key: 'groupId', label: 'Community ID', hint: 'The number of the community (group).' },
    // The string VK expects back on the Callback API `confirmation` event. Optional at connect time:
    // VK shows it only once the server is being added, after the channel exists (webhookSetup).
    {
      key: 'confirmation',
      label: 'Confirmation string',
      hint: 'The string VK shows in the Callback API settings; you can also add it later on the channel page.',
      optional: true,
    },
  ],
  webhookHint: 'Add this URL as the server in the community’s Callback API settings.',
  // dev.vk.com/en/api/callback/getting-started: the server is added under Community → Manage → API
  // usage → Callback API with its URL and a secret key; VK then posts `confirmation` and expects
  // the string it shows there. The secret key's rules (Latin letters and digits, up to 50) are an
  // assumption from VK's settings form, not from a retrieved document; Botcast's are 40 hex digits.
  webhookSetup: {
    secretLabel: 'Secret key',
    secretPattern: '^[A-Za-z0-9]{1,50}$',
    confirmationLabel: 'Confirmation string',
    steps: [
      'In VK, open the community → Manage → API usage → Callback API, and add a server.',
      'Paste the URL below as the server address, and the secret key below into “Secret key”.',
      'Choose API version 5.199 or later, and on the event types tab tick “Incoming message”, “Message access allowed” and “Message access denied”.',
      'Copy the confirmation string VK shows (“String to be returned”) into the field below and save it.',
      'Press “Confirm” in VK: Botcast answers with the confirmation string, and VK starts sending events.',
    ],
  },
  color: '#0077ff',
} as const satisfies PlatformDescriptor;

export const vk: PlatformClient = {
  ...describedBy(descriptor),
  defaultBaseUrl: 'https://api.vk.com',
  // messages.send random_id: VK drops a repeat with the same random_id (see client.ts randomIdFor).
  // Only people who allowed messages from the community (message_allow; 901 otherwise, PLATFORMS.md §4.5).
  messagingWindow: { kind: 'permission' },
  deduplicates: true,
  // The Callback API wants the literal "ok" back, else it retries the event.
  webhookAnswer: 'ok',
  userIdPattern: /^\d{1,20}$/, // VK user ids (peer ids of people) are positive integers
  render: renderVk,
  send: sendVk,
  recall: vkRecall,
  verifyInbound: verifyVk,
  parseInbound: parseVk,
  checkCredentials: checkVk,
  // Where the token has the "manage" right; otherwise the channel page's steps (webhookSetup).
  registerWebhook: registerVkCallback,
};

export { classifyVk, VK_ERRORS } from './classify.ts';
export { randomIdFor } from './client.ts';
