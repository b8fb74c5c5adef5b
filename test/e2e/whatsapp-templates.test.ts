// WhatsApp templates in a real browser (issue 16 point 8): the channel page lists the templates
// with a refresh button; the send form lets the user pick one for WhatsApp, map its variables and
// choose the policy, and the audience preview says who gets the message and who the template.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeServer, type FakeServer } from '../fakes/server.ts';
import { browserTest, logIn } from './browser.ts';
import { t, base, email, key, workspaceId, browser, page, usePanelApp } from './panel-app.ts';

let fake: FakeServer;

before(async () => {
  fake = await startFakeServer({ seed: 1 });
});
after(async () => {
  await fake?.close();
});
usePanelApp('Templates workspace', 'wa-templates');

browserTest('the channel lists its templates; the send form picks one, maps its variables, and the preview counts it', async () => {
  const bot = (await t.request('POST', '/api/bots', { key, body: { name: 'WA bot' } })).body;
  const channel = await t.request('POST', `/api/bots/${bot.id}/channels`, {
    key,
    body: {
      platform: 'wa',
      verify: false,
      apiBaseUrl: fake.url,
      credentials: {
        accessToken: 'wa-token',
        phoneNumberId: '106540352242922',
        appSecret: 's',
        verifyToken: 'v',
        businessAccountId: '1022',
      },
    },
  });
  assert.equal(channel.status, 201, channel.text);
  const screen = await t.request('POST', `/api/bots/${bot.id}/screens`, {
    key,
    body: { name: 'Sale', text: 'Spring sale, {{first_name|friend}}!', media: { type: 'image', url: 'https://example.com/sale.jpg' } },
  });
  assert.equal(screen.status, 201, screen.text);
  // One subscriber inside the 24-hour window, one outside.
  for (const [uid, hours] of [
    ['15550000001', 1],
    ['15550000002', 30],
  ] as const)
    await t.app.ctx.db.query(
      `INSERT INTO subscribers (workspace_id, bot_id, channel_id, platform, platform_user_id, name, last_inbound_at)
       VALUES ($1, $2, $3, 'wa', $4, 'Ann Lee', now() - make_interval(hours => $5))`,
      [workspaceId, bot.id, channel.body.id, uid, hours],
    );

  await logIn(page, base, email);
  await page.goto(`${base}/bots/${bot.id}/channels`);
  const section = page.locator('section.channel[data-platform=wa]').getByRole('region', { name: 'Message templates' });
  await section.getByText('Not read from WhatsApp yet').waitFor();
  await section.getByRole('button', { name: 'Refresh templates' }).click();
  const table = section.getByRole('table', { name: 'WhatsApp templates' });
  await table.locator('tr', { hasText: 'spring_sale' }).waitFor();
  assert.match((await table.locator('tr', { hasText: 'winter_promo' }).textContent()) ?? '', /paused/);
  await browser.shot('wa-channel-templates');

  await page.goto(`${base}/bots/${bot.id}/broadcast`);
  const form = page.getByRole('form', { name: 'Send broadcast' });
  await form.getByRole('radio', { name: 'Screen', exact: true }).check();
  await form.getByLabel('Screen to send').selectOption({ label: 'Sale' });
  // Without a template, the one outside the window is left out.
  await page.locator('.audience [data-recipients="1"]').waitFor();
  const picker = form.getByLabel('WhatsApp template');
  // Only approved templates are offered.
  assert.equal(await picker.locator('option', { hasText: 'winter_promo' }).count(), 0);
  await picker.selectOption({ label: 'spring_sale (en_US) · marketing' });
  await form.getByText('Hi {{1}}, our spring sale starts {{2}}!').waitFor();
  assert.equal(await form.getByLabel('{{1}} is').inputValue(), '{{first_name}}');
  await form.getByLabel('{{2}} is').fill('{{when}}');
  await form.getByRole('button', { name: 'Send', exact: true }).click();
  await form.locator('.field-error', { hasText: 'Give {{2}} a fallback' }).waitFor();
  await form.getByLabel('Fallback for {{2}}').fill('soon');
  const preview = page.getByTestId('audience-template');
  await preview
    .getByText('1 subscriber get the message (wrote in the last 24 hours); 1 subscriber get the template “spring_sale”')
    .waitFor();
  await page.locator('.audience [data-recipients="2"]').waitFor();
  await form.getByLabel('Template for everyone').check();
  await preview.getByText('WhatsApp: 2 subscribers get the template “spring_sale”').waitFor();
  await browser.shot('wa-send-template');
  await form.getByLabel('Template outside the window only').check();
  await form.getByRole('button', { name: 'Send', exact: true }).click();
  await page.waitForURL(/\/history\?section=active$/);
  const [send] = await t.app.ctx.db.query<{ content: { whatsappTemplate: unknown } }>(
    'SELECT content FROM sends WHERE bot_id = $1 ORDER BY id DESC LIMIT 1',
    [bot.id],
  );
  assert.deepEqual(send.content.whatsappTemplate, {
    name: 'spring_sale',
    language: 'en_US',
    variables: [
      { value: '{{first_name}}', fallback: 'there' },
      { value: '{{when}}', fallback: 'soon' },
    ],
    headerImage: true,
    policy: 'outside_window',
    category: 'MARKETING',
  });
});
