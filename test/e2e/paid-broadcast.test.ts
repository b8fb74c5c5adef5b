// Issue 16 points 5 and 6 in a real browser: a Telegram channel's "Paid broadcasts" switch on the
// channel page (the rate becomes 1,000 messages a second), then the Send Broadcast form's audience
// preview with the cost in Stars and, for Messenger, why the people outside its 24-hour window
// are left out (no message tag fits a broadcast since Meta retired the update tags).

import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { seedSubscribers } from '../helpers/world.ts';
import { browserTest, logIn, textOf } from './browser.ts';
import { t, base, email, key, workspaceId, browser, page, usePanelApp } from './panel-app.ts';

/** axe-core's serious and critical findings on the page as it is now (as test/e2e/accessibility.test.ts). */
async function seriousViolations(): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${v.help} — ${n.target.join(' ')}`));
}

usePanelApp('Paid broadcast workspace', 'paid-broadcast');

browserTest('paid broadcasts on the channel page; the preview shows the Stars and who falls outside', async () => {
  const bot = (await t.request('POST', '/api/bots', { key, body: { name: 'Shop bot' } })).body;
  const add = async (platform: string, credentials: Record<string, string>) => {
    const res = await t.request('POST', `/api/bots/${bot.id}/channels`, { key, body: { platform, verify: false, credentials } });
    assert.equal(res.status, 201, res.text);
    return res.body.id as number;
  };
  const tg = await add('tg', { token: '123456:AAbrowser' });
  const fb = await add('fb', { pageAccessToken: 'p', appSecret: 's', verifyToken: 'v' });
  await seedSubscribers(t.app.ctx.db, { workspaceId, botId: bot.id, channelId: tg, platform: 'tg', count: 3, startAt: 1 });
  await seedSubscribers(t.app.ctx.db, { workspaceId, botId: bot.id, channelId: fb, platform: 'fb', count: 2, startAt: 101 });
  await t.app.ctx.db.query(`UPDATE subscribers SET last_inbound_at = now() - interval '2 days' WHERE channel_id = $1`, [fb]);

  await logIn(page, base, email);
  await page.goto(`${base}/bots/${bot.id}/channels`);
  const card = page.locator('section.channel[data-platform=tg]');
  await card.getByText('30 messages / second').waitFor();
  await card.getByLabel('Paid broadcasts').check();
  await card.getByText('1,000 messages / second').waitFor();
  const channel = (await t.request('GET', `/api/channels/${tg}`, { key })).body;
  assert.deepEqual([channel.allowPaidBroadcast, channel.ratePerSecond], [true, 1000]);
  assert.equal(await page.locator('section.channel[data-platform=fb]').getByLabel('Paid broadcasts').count(), 0, 'Telegram only');
  assert.deepEqual(await seriousViolations(), [], 'the channel page with the switch');

  await page.goto(`${base}/bots/${bot.id}/broadcast`);
  const form = page.getByRole('form', { name: 'Send broadcast' });
  await form.getByLabel('Message text').fill('Your order has shipped');
  for (const name of ['Telegram', 'Facebook Messenger']) {
    const box = form.locator('label.check-card', { hasText: name }).locator('input');
    if (!(await box.isChecked())) await box.check();
  }
  const cost = await textOf(page, '[data-cost=tg]');
  assert.match(cost, /about 0\.3 Stars — 3 messages × 0\.1 Star/);
  const note = await textOf(page, '[data-window-note=fb]');
  assert.match(note, /retired on 27 April 2026/);
  assert.match(await textOf(page, '.audience-left'), /2 subscribers on Facebook Messenger left out/);
  assert.deepEqual(await seriousViolations(), [], 'the send form with the notes');
  await browser.shot('paid-broadcast-preview');
});
