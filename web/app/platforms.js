// The platforms Botcast can connect to, as GET /api/platforms describes them (the API reads its
// one list, src/platforms/registry.ts): names, colours, default rates and what the connect form
// asks for each. Fetched once, when the session starts; the panel holds no list of its own.
import { html } from './lib/html.js';
import { api } from './lib/api.js';

/**
 * @typedef {{ key: string, label: string, hint?: string, optional?: boolean, secret?: boolean }} CredentialField
 * @typedef {{ code: string, name: string, color: string, defaultRate: number, credentials: CredentialField[], webhook: string }} PlatformInfo
 */

/** @type {PlatformInfo[]} Filled by loadPlatforms(); in the API's order, platforms that need no account first. */
export const PLATFORMS = [];

let loaded = null;

/** The API's descriptors → PLATFORMS. Once per page load; a failed load is tried again next time. */
export function loadPlatforms() {
  loaded ??= api.get('/api/platforms').then(
    (list) => {
      // A stable sort: the sandbox (no credentials) leads, so a new bot can try everything first.
      const sorted = [...list].sort((a, b) => Number(a.credentials.length > 0) - Number(b.credentials.length > 0));
      PLATFORMS.splice(0, PLATFORMS.length, ...sorted.map(fromApi));
      return PLATFORMS;
    },
    (error) => {
      loaded = null;
      throw error;
    },
  );
  return loaded;
}

/** One descriptor of GET /api/platforms in the panel's terms. */
export function fromApi(p) {
  return {
    code: p.code,
    name: p.displayName,
    color: p.color,
    defaultRate: p.defaultRatePerSecond,
    credentials: p.credentials,
    webhook: p.webhookHint,
    webhookSetup: p.webhookSetup,
  };
}

export function platform(code) {
  return PLATFORMS.find((p) => p.code === code) ?? { code, name: code, color: '', defaultRate: 0, credentials: [], webhook: '' };
}

export function platformName(code) {
  return platform(code).name;
}

/** "Telegram, WhatsApp or Viber": the platforms that connect with an account of their own. */
export function accountPlatformNames() {
  const names = PLATFORMS.filter((p) => p.credentials.length > 0).map((p) => p.name);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names.join('');
}

/** The platform's coloured dot. */
export function PlatformDot({ code }) {
  const color = platform(code).color;
  return html`<span class="platform-dot" style=${color ? { background: color } : undefined} aria-hidden="true"></span>`;
}
