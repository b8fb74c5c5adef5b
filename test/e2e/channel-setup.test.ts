// The channel page of a VK channel in a real browser (issue 16 point 4): the steps, the callback
// URL and the secret key to paste into VK, and the confirmation string pasted back and saved —
// after which the confirmation event is answered with it; "Check connection" on a Messenger channel.

import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { waitFor } from '../helpers/world.ts';
import { browserTest, logIn } from './browser.ts';
import { t, base, email, key, browser, page, usePanelApp } from './panel-app.ts';

usePanelApp('Channel setup workspace', 'channel-setup');

browserTest('a VK channel page shows what to paste into VK and takes the confirmation string', async () => {
  const bot = await t.request('POST', '/api/bots', { key, body: { name: 'VK bot' } });
  const channel = await t.request('POST', `/api/bots/${bot.body.id}/channels`, {
    key,
    body: { platform: 'vk', verify: false, credentials: { accessToken: 'a', groupId: '214167102' } },
  });
  assert.equal(channel.status, 201, channel.text);
  const setup = (await t.request('GET', `/api/channels/${channel.body.id}/webhook-setup`, { key })).body;

  // A slow login (as on a loaded machine): logIn must wait for it, or the goto below aborts it.
  await page.route('**/api/auth/login', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await route.continue();
  });
  await logIn(page, base, email);
  await page.unroute('**/api/auth/login');
  await page.goto(`${base}/bots/${bot.body.id}/channels`);
  const card = page.locator('section.channel[data-platform=vk]');
  const section = card.getByRole('region', { name: 'Set up the VK webhook' });
  await section.waitFor();
  assert.match((await section.locator('.steps').textContent()) ?? '', /Callback API/);
  assert.equal(await section.getByRole('textbox', { name: 'Server address (URL)' }).inputValue(), setup.webhookUrl);
  assert.equal(await section.getByRole('textbox', { name: 'Secret key' }).inputValue(), setup.secret);

  await section.getByRole('button', { name: 'Save' }).click();
  await section.locator('.field-error', { hasText: 'Paste the confirmation string' }).waitFor();
  await section.getByLabel('Confirmation string').fill('a1b2c3d4');
  await section.getByRole('button', { name: 'Save' }).click();
  await section.getByText('saved').waitFor();
  await browser.shot('vk-channel-setup');

  const confirm = await t.request('POST', `/hooks/vk/${channel.body.id}`, {
    raw: JSON.stringify({ type: 'confirmation', group_id: 214167102 }),
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(confirm.text, 'a1b2c3d4');
});

browserTest('Check connection on a Messenger channel: nothing yet, refused for its signature, then connected', async () => {
  const bot = await t.request('POST', '/api/bots', { key, body: { name: 'Messenger bot' } });
  const channel = await t.request('POST', `/api/bots/${bot.body.id}/channels`, {
    key,
    body: { platform: 'fb', verify: false, credentials: { pageAccessToken: 'a', appSecret: 'app-secret', verifyToken: 'verify-me' } },
  });
  assert.equal(channel.status, 201, channel.text);
  const post = (secret: string) => {
    const raw = readFileSync(new URL('../fixtures/fb/webhook-text.json', import.meta.url), 'utf8');
    const signature = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
    return t.request('POST', `/hooks/fb/${channel.body.id}`, {
      raw,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
    });
  };
  await page.goto(`${base}/bots/${bot.body.id}/channels`);
  const card = page.locator('section.channel[data-platform=fb]');
  const status = card.locator('.webhook-check [role=status]');
  await status.getByText('No request from Facebook Messenger yet').waitFor();

  // A test event signed with another app's secret: the reason is shown.
  assert.equal((await post('another-app')).status, 403);
  await waitFor(
    'the refusal noted',
    async () => (await t.request('GET', `/api/channels/${channel.body.id}`, { key })).body.lastWebhook.refusedAt,
  );
  await card.getByRole('button', { name: 'Check connection' }).click();
  await status.getByText(/The last request from Facebook Messenger was refused .*signature/i).waitFor();
  await browser.shot('channel-check-refused');

  assert.equal((await post('app-secret')).status, 200);
  await waitFor(
    'the signed request noted',
    async () => (await t.request('GET', `/api/channels/${channel.body.id}`, { key })).body.lastWebhook.signedAt,
  );
  await card.getByRole('button', { name: 'Check connection' }).click();
  await status.getByText(/Connected: the last request from Facebook Messenger checked out/).waitFor();
  await browser.shot('channel-check-connected');
});
