// What the connect form asks for each platform. The API has no list of platforms yet, so this
// mirrors the platform modules (src/platforms/<code>/index.ts `credentialFields`, displayName and
// defaultRatePerSecond); test/unit/panel-platforms.test.ts fails when the two drift apart.
// No imports: the test loads this file in Node.

/**
 * @typedef {{ key: string, label: string, hint?: string, optional?: boolean, secret?: boolean }} CredentialField
 * @typedef {{ code: string, name: string, defaultRate: number, credentials: CredentialField[], webhook: string }} PlatformInfo
 */

/** @type {PlatformInfo[]} */
export const PLATFORMS = [
  {
    code: 'sandbox',
    name: 'Sandbox',
    defaultRate: 200,
    credentials: [],
    webhook: 'The sandbox needs no account and no webhook: its users live inside Botcast. Write as one on the Sandbox page.',
  },
  {
    code: 'tg',
    name: 'Telegram',
    defaultRate: 30,
    credentials: [{ key: 'token', label: 'Bot token', hint: 'From @BotFather, like 123456789:AAE…', secret: true }],
    webhook: 'Botcast registers this webhook with Telegram when you connect.',
  },
  {
    code: 'wa',
    name: 'WhatsApp',
    defaultRate: 80,
    credentials: [
      { key: 'accessToken', label: 'Access token', hint: 'A system-user token with whatsapp_business_messaging.', secret: true },
      { key: 'phoneNumberId', label: 'Phone number ID', hint: 'The id of the business phone number (not the number itself).' },
      { key: 'appSecret', label: 'App secret', hint: 'Your Meta app’s secret: Botcast checks webhook signatures with it.', secret: true },
      { key: 'verifyToken', label: 'Verify token', hint: 'Any string; type the same into the app’s webhook settings.' },
    ],
    webhook: 'Paste this URL and the verify token into your Meta app’s WhatsApp webhook settings.',
  },
  {
    code: 'viber',
    name: 'Viber',
    defaultRate: 20,
    credentials: [
      { key: 'token', label: 'Auth token', hint: 'From the Viber bot’s account settings.', secret: true },
      { key: 'senderName', label: 'Sender name', hint: 'Shown as the sender, up to 28 characters (default “Botcast”).', optional: true },
    ],
    webhook: 'Botcast registers this webhook with Viber when you connect.',
  },
  {
    code: 'vk',
    name: 'VK',
    defaultRate: 20,
    credentials: [
      { key: 'accessToken', label: 'Community access token', hint: 'With the “messages” permission.', secret: true },
      { key: 'groupId', label: 'Community ID', hint: 'The number of the community (group).' },
      { key: 'confirmation', label: 'Confirmation string', hint: 'The string VK shows in the Callback API settings.' },
    ],
    webhook: 'Add this URL as the server in the community’s Callback API settings.',
  },
  {
    code: 'fb',
    name: 'Facebook Messenger',
    defaultRate: 150,
    credentials: [
      { key: 'pageAccessToken', label: 'Page access token', hint: 'With pages_messaging.', secret: true },
      { key: 'appSecret', label: 'App secret', hint: 'Your Meta app’s secret: Botcast checks webhook signatures with it.', secret: true },
      { key: 'verifyToken', label: 'Verify token', hint: 'Any string; type the same into the app’s webhook settings.' },
    ],
    webhook: 'Paste this URL and the verify token into your Meta app’s Messenger webhook settings.',
  },
  {
    code: 'instagram',
    name: 'Instagram',
    defaultRate: 150,
    credentials: [
      { key: 'pageAccessToken', label: 'Page access token', hint: 'Of the Page linked to the Instagram account.', secret: true },
      { key: 'appSecret', label: 'App secret', hint: 'Your Meta app’s secret: Botcast checks webhook signatures with it.', secret: true },
      { key: 'verifyToken', label: 'Verify token', hint: 'Any string; type the same into the app’s webhook settings.' },
    ],
    webhook: 'Paste this URL and the verify token into your Meta app’s Instagram webhook settings.',
  },
  {
    code: 'ok',
    name: 'Odnoklassniki',
    defaultRate: 10,
    credentials: [{ key: 'accessToken', label: 'Bot API token', hint: 'Group settings → “Работа с API”.', secret: true }],
    webhook: 'Botcast subscribes this URL with OK when you connect. It carries a secret: keep it private.',
  },
];

export function platform(code) {
  return PLATFORMS.find((p) => p.code === code) ?? { code, name: code, defaultRate: 0, credentials: [], webhook: '' };
}

export function platformName(code) {
  return platform(code).name;
}
