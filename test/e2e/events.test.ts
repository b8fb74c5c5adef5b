// The Events page in a real browser, in the shop of shop.ts (logged in before the test): an external
// event created, its URL copied and called, its send found in History; trigger events created with
// a text and a screen, reordered and disabled. Screenshots go to test-results/broadcasts-*.png.
import assert from 'node:assert/strict';
import { waitFor } from '../helpers/world.ts';
import { browserTest as test } from './browser.ts';
import type { Json } from '../helpers/json.ts';
import { api, base, botId, browser, nav, page, useShopLoggedIn, waitForStatus } from './shop.ts';

useShopLoggedIn();

test('events: an external event with its URL to copy and call; trigger events created, reordered, disabled', async () => {
  await nav('Events');
  await page.getByRole('heading', { name: 'No external events yet' }).waitFor();
  await page.getByRole('button', { name: 'New external event' }).click();
  const dialog = page.getByRole('dialog', { name: 'New external event' });
  await dialog.getByLabel('Name').fill('Order shipped');
  await dialog.getByLabel('Message text').fill('Your order {{order}} is on its way');
  await dialog.getByRole('button', { name: 'Create event' }).click();
  const card = page.locator('.event-card', { hasText: 'Order shipped' });
  const url = await card.getByRole('textbox', { name: 'Webhook URL' }).inputValue();
  assert.match(url, /\/hooks\/events\/[\w-]{20,}$/);
  await card.getByRole('button', { name: 'Copy Webhook URL' }).click();
  await card.getByRole('button', { name: 'Copy Webhook URL' }).getByText('Copied').waitFor();
  await browser.shot('events-external');
  // A call to the URL becomes a send of kind external, listed under External in History.
  const call = await fetch(base + new URL(url).pathname, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ platform: 'sandbox', users: ['alice'], data: { order: 'A-1001' } }),
  });
  assert.equal(call.status, 202, `the call answered ${call.status}`);
  // Completed before the page is opened: the row must be there on the page's own first load.
  const { sendId } = (await call.json()) as { sendId: number };
  await waitForStatus(sendId, ['completed']);
  await card.getByRole('link', { name: 'Its sends in History' }).click();
  await page.waitForURL(/kinds=external/);
  await page.locator(`tr[data-send="${sendId}"]`, { hasText: 'External' }).waitFor();

  await page.goto(`${base}/bots/${botId}/events?tab=triggers`);
  await page.getByRole('heading', { name: 'No trigger events yet' }).waitFor();
  for (const [name, tag, amount, unit, at] of [
    ['Welcome', 'newsletter', '1', 'days', '19:00'],
    ['VIP offer', 'vip', '10', 'minutes', ''],
  ]) {
    await page.getByRole('button', { name: 'New trigger event' }).click();
    const d = page.getByRole('dialog', { name: 'New trigger event' });
    await d.getByLabel('Name (optional)').fill(name);
    await d.getByLabel('When this tag is assigned').selectOption(tag);
    await d.getByLabel('Delay').fill(amount);
    await d.getByLabel('Unit').selectOption(unit);
    if (at) await d.getByLabel('At (optional)').fill(at);
    if (name === 'VIP offer') {
      await d.getByRole('radio', { name: 'Screen' }).check();
      await d.getByLabel('Screen to send').selectOption({ label: 'Spring offer' });
    } else await d.getByLabel('Message text').fill('Welcome, {{first_name|friend}}!');
    await d.getByRole('button', { name: 'Create trigger' }).click();
    await d.waitFor({ state: 'detached' });
  }
  const table = page.getByRole('table', { name: 'Trigger events, in order' });
  await table.getByText('after 1 day at 19:00').waitFor();
  await table.getByText('after 10 minutes').waitFor();
  await table.getByRole('button', { name: 'Move VIP offer up' }).click();
  await table.locator('tbody tr').first().getByText('VIP offer').waitFor();
  const order = await api('GET', `/api/bots/${botId}/triggers`);
  assert.deepEqual(
    order.map((x: Json) => x.name),
    ['VIP offer', 'Welcome'],
  );
  await table.getByRole('switch', { name: 'Welcome enabled' }).uncheck();
  await waitFor(
    'the trigger to be disabled',
    async () => (await api('GET', `/api/bots/${botId}/triggers`)).find((x: Json) => x.name === 'Welcome')?.enabled === false,
  );
  await browser.shot('events-triggers');
});
