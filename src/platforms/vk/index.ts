// VK (VKontakte) community bot platform client.
import type { PlatformClient } from '../types.ts';
import { checkVk, sendVk } from './client.ts';
import { parseVk, verifyVk } from './inbound.ts';
import { renderVk } from './render.ts';

export const vk: PlatformClient = {
  code: 'vk',
  displayName: 'VK',
  defaultBaseUrl: 'https://api.vk.com',
  // Community tokens: 20 requests per second (vk.com/dev/api_requests; SevereCloud/vksdk LimitGroupToken = 20).
  defaultRatePerSecond: 20,
  // messages.send random_id: VK drops a repeat with the same random_id (see client.ts randomIdFor).
  deduplicates: true,
  userIdPattern: /^\d{1,20}$/, // VK user ids (peer ids of people) are positive integers
  // confirmation = the string VK expects back on the Callback API `confirmation` event.
  credentialFields: ['accessToken', 'groupId', 'confirmation'],
  render: renderVk,
  send: sendVk,
  verifyInbound: verifyVk,
  parseInbound: parseVk,
  checkCredentials: checkVk,
  // No registerWebhook: the Callback API server is configured in the community's admin pages.
};

export { classifyVk, VK_ERRORS } from './classify.ts';
export { randomIdFor } from './client.ts';
