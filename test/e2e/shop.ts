// The shop the broadcasting pages' browser tests (broadcasts.test.ts, events.test.ts) work in: an
// in-process Botcast with its delivery worker (grace window 0, fast engine settings), a workspace
// with the bot "Shop bot" (Europe/Berlin), a sandbox channel with five subscribers and their tags
// (Bob blocked the bot), the screen "Spring offer", and a browser on it. Screenshots go to
// test-results/broadcasts-*.png.
import { after, before } from 'node:test';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { FAST_ENGINE, waitFor } from '../helpers/world.ts';
import { BROWSER_MISSING, logIn, openBrowser, type TestBrowser } from './browser.ts';

// Set by startShop (in each file's before hook); ES module exports are live, so the test files
// read the current values.
export let t: TestApp;
export let base: string;
let key: string;
export let email: string;
export let browser: TestBrowser;
export let page: Page;
export let botId: number;
export let channelId: number;
export const subscribers: Record<string, number> = {};

export async function api(method: string, url: string, body?: unknown) {
  const res = await t.request(method, url, { key, body });
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${res.text}`);
  return res.body;
}

export const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

export async function waitForStatus(id: number, statuses: string[]) {
  return waitFor(`send ${id} to be ${statuses.join('/')}`, async () => {
    const send = await api('GET', `/api/sends/${id}`);
    return statuses.includes(send.status) ? send : null;
  });
}

export async function startShop() {
  if (BROWSER_MISSING) return;
  t = await startTestApp({ config: { graceSeconds: 0 }, worker: true, engine: FAST_ENGINE });
  base = await t.app.server!.listen({ port: 0, host: '127.0.0.1' });
  ({ key, email } = await t.workspace('Broadcast test workspace'));
  botId = (await api('POST', '/api/bots', { name: 'Shop bot', timeZone: 'Europe/Berlin' })).id;
  channelId = (await api('POST', `/api/bots/${botId}/channels`, { platform: 'sandbox' })).id;
  const people: Array<[string, string, string[]]> = [
    ['alice', 'Alice Able', ['vip']],
    ['bob', 'Bob Blocked', ['vip']],
    ['carol', 'Carol Chen', ['vip', 'newsletter']],
    ['dave', 'Dave Dropped', ['vip', 'churned']],
    ['erin', 'Erin Else', ['newsletter']],
  ];
  for (const [userId, name, tags] of people) {
    const { subscriberId } = await api('POST', `/api/channels/${channelId}/sandbox/messages`, { userId, name, text: 'hi' });
    subscribers[userId] = subscriberId;
    await api('POST', `/api/subscribers/${subscriberId}/tags`, { tags });
  }
  // Bob blocked the bot: the platform says so when the broadcast reaches him (an error in the log).
  await api('PUT', `/api/channels/${channelId}/sandbox/users/bob`, { behaviour: 'blocked' });
  await api('POST', `/api/bots/${botId}/screens`, {
    name: 'Spring offer',
    text: 'Hi {{first_name|there}}, spring is here!',
    media: { type: 'image', url: 'https://example.com/spring.png' },
    buttons: [
      { kind: 'url', text: 'Shop now', url: 'https://example.com/shop' },
      { kind: 'reply', text: 'Later' },
    ],
  });
  browser = await openBrowser(base, 'broadcasts');
  page = browser.page;
}

// Logs the shop's member in and waits for the bot's pages.
export async function logInToShop() {
  await logIn(page, base, email);
  await page.waitForURL(new RegExp(`/bots/${botId}/`));
}

// The shop for a whole test file, logged in once.
export function useShopLoggedIn() {
  before(async () => {
    await startShop();
    if (BROWSER_MISSING) return;
    await logInToShop();
  });
  after(closeShop);
}

export async function closeShop() {
  await browser?.close();
  await t?.close();
}
