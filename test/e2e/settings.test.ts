// The Settings page in a real browser: an owner creates an API key with a role (shown once), sees
// it listed and revokes it; adds a member with a role; and reads both changes in the audit log.

import assert from 'node:assert/strict';
import { browserTest, logIn } from './browser.ts';
import { base, email, browser, page, usePanelApp } from './panel-app.ts';

usePanelApp('Settings test workspace', 'settings');

browserTest('an owner makes an API key with a role, sees it once, and revokes it', async () => {
  await logIn(page, base, email);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'API keys' }).waitFor();
  const form = page.getByRole('form', { name: 'Create an API key' });
  await form.getByLabel('Name').fill('CRM sync');
  await form.getByLabel('Role').selectOption('viewer');
  await form.getByRole('button', { name: 'Create key' }).click();
  const row = page.locator('tr[data-key="CRM sync"]');
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /viewer.*never/);
  const key = await page.locator('input[readonly]').first().inputValue();
  assert.equal((await fetch(`${base}/api/bots`, { headers: { authorization: `Bearer ${key}` } })).status, 200);
  await page.getByRole('button', { name: 'Revoke CRM sync' }).click();
  await page.getByRole('button', { name: 'Revoke key' }).click();
  await row.getByText('Revoked').waitFor();
  assert.equal((await fetch(`${base}/api/bots`, { headers: { authorization: `Bearer ${key}` } })).status, 401);
  await browser.shot('keys');
});

browserTest('an owner adds a member with a role, and the audit log shows both changes', async () => {
  const form = page.getByRole('form', { name: 'Add a member' });
  await form.getByLabel('E-mail').fill('editor@example.com');
  await form.getByLabel('First password').fill('long enough password');
  await form.getByLabel('Role').selectOption('editor');
  await form.getByRole('button', { name: 'Add member' }).click();
  await page.locator('tr[data-member="editor@example.com"]').waitFor();
  await page.reload();
  const log = page.getByRole('table', { name: 'Audit log' });
  await log.getByText('member.added').waitFor();
  assert.match((await log.textContent()) ?? '', /api_key\.revoked/);
  await browser.shot('page');
});
