// VK (VKontakte) community bot platform client.
import { describedBy, type PlatformDescriptor } from '../descriptor.ts';
import type { PlatformClient } from '../types.ts';
import { checkVk, sendVk } from './client.ts';
import { parseVk, verifyVk } from './inbound.ts';
import { renderVk } from './render.ts';

export const descriptor = {
  code: 'vk',
  displayName: 'VK',
  // Community tokens: 20 requests per second (vk.com/dev/api_requests; SevereCloud/vksdk LimitGroupToken = 20).
  defaultRatePerSecond: 20,
  credentials: [
    { key: 'accessToken', label: 'Community access token', hint: 'With the “messages” permission.', secret: true },
    { key: 'groupId', label: 'Community ID', hint: 'The number of the community (group).' },
    // The string VK expects back on the Callback API `confirmation` event.
    { key: 'confirmation', label: 'Confirmation string', hint: 'The string VK shows in the Callback API settings.' },
  ],
  webhookHint: 'Add this URL as the server in the community’s Callback API settings.',
  color: '#0077ff',
} as const satisfies PlatformDescriptor;

export const vk: PlatformClient = {
  ...describedBy(descriptor),
  defaultBaseUrl: 'https://api.vk.com',
  // messages.send random_id: VK drops a repeat with the same random_id (see client.ts randomIdFor).
  deduplicates: true,
  // The Callback API wants the literal "ok" back, else it retries the event.
  webhookAnswer: 'ok',
  userIdPattern: /^\d{1,20}$/, // VK user ids (peer ids of people) are positive integers
  render: renderVk,
  send: sendVk,
  verifyInbound: verifyVk,
  parseInbound: parseVk,
  checkCredentials: checkVk,
  // No registerWebhook: the Callback API server is configured in the community's admin pages.
};

export { classifyVk, VK_ERRORS } from './classify.ts';
export { randomIdFor } from './client.ts';
