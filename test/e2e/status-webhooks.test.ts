// Settings → Status webhooks in a real browser: an admin adds an endpoint (a local receiver), sees
// its signing secret once, sends a test event that arrives signed with that secret, and reads the
// attempt in the endpoint's delivery log.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startReceiver, type Receiver } from '../helpers/webhook-receiver.ts';
import { verifySignature } from '../../src/security/webhook-signature.ts';
import { browserTest, logIn } from './browser.ts';
import { t, base, email, browser, page, usePanelApp } from './panel-app.ts';

let receiver: Receiver;

before(async () => {
  receiver = await startReceiver();
});
after(async () => {
  await receiver?.close();
});
usePanelApp('Webhooks test workspace', 'status-webhooks');

browserTest('an admin adds an endpoint, copies its secret once, sends a test event and reads the delivery log', async () => {
  await logIn(page, base, email);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Status webhooks' }).waitFor();
  const form = page.getByRole('form', { name: 'Add a status webhook' });
  await form.getByLabel('Endpoint URL').fill(receiver.url);
  await form.getByLabel('Description').fill('CRM');
  await form.getByLabel('Run paused').uncheck();
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  const row = page.locator(`tr[data-status-webhook="${receiver.url}"]`);
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /active/);
  const secret = await page.getByRole('textbox', { name: `Signing secret of ${receiver.url}` }).inputValue();
  assert.match(secret, /^bcwh_/);

  await page.getByRole('button', { name: `Send a test event to ${receiver.url}` }).click();
  const log = page.getByRole('table', { name: 'Delivery log' });
  await log.getByText('test event').waitFor();
  assert.match((await log.textContent()) ?? '', /200/);
  assert.equal(receiver.posts.length, 1);
  const [post] = receiver.posts;
  assert.equal(post.body.events[0].type, 'test');
  assert.equal(verifySignature(secret, String(post.headers['botcast-signature']), post.raw), true);
  const [listed] = (await t.request('GET', '/api/status-webhooks', { key: (await t.workspace()).key })).body;
  assert.equal(listed, undefined, 'another workspace sees none');
  await browser.shot('added');

  // The secret is not shown again after a reload.
  await page.reload();
  await row.waitFor();
  assert.equal(await page.getByRole('textbox', { name: `Signing secret of ${receiver.url}` }).count(), 0);
});
