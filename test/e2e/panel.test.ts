// The admin panel in a real browser (Debian's Chromium through playwright-core) against an
// in-process Botcast on a real port. One story, in order: a wrong login, a login, a bot, a sandbox
// channel, a sandbox user writing, that subscriber found, tagged and opted out (counted in the
// audience preview), the tag "in use", a screen,
// the broadcast pages reached from the sidebar, phone width, log out. Screenshots of the main pages
// go to test-results/ (the broadcasting pages themselves: broadcasts.test.ts and events.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserTest, PASSWORD, textOf } from './browser.ts';
import { t, base, email, browser, page, usePanelApp } from './panel-app.ts';
import type { Json } from '../helpers/json.ts';

let botId: number;

const shot = (name: string) => browser.shot(name);
const text = (selector: string) => textOf(page, selector);

usePanelApp('Panel test workspace', 'panel');

test('the panel is served at / with a fallback for its own addresses; /api and /hooks keep JSON 404s', async () => {
  const index = await fetch(`${base}/`);
  assert.equal(index.status, 200);
  assert.match(index.headers.get('content-type') ?? '', /text\/html/);
  assert.match(index.headers.get('content-security-policy') ?? '', /script-src 'self' 'sha256-/);
  const deep = await fetch(`${base}/bots/1/subscribers?tag=vip`, { headers: { accept: 'text/html' } });
  assert.equal(deep.status, 200);
  assert.match(await deep.text(), /<script type="module" src="\/app\/main.js">/);
  for (const file of [
    '/app/main.js',
    '/assets/styles/base.css',
    '/assets/styles/narrow.css',
    '/assets/vendor/preact.mjs',
    '/assets/vendor/preact-hooks.mjs',
    '/assets/vendor/htm.mjs',
    '/assets/vendor/uplot.mjs',
    '/assets/vendor/uplot.css',
  ]) {
    assert.equal((await fetch(base + file)).status, 200, file);
  }
  const { key } = await t.workspace('Other');
  const api404 = await fetch(`${base}/api/no-such-route`, { headers: { accept: 'text/html', authorization: `Bearer ${key}` } });
  assert.equal(api404.status, 404);
  assert.equal(((await api404.json()) as Json).error.code, 'route_not_found');
  const hooks404 = await fetch(`${base}/hooks/nothing`, { headers: { accept: 'text/html' } });
  assert.equal(hooks404.status, 404);
  assert.match(hooks404.headers.get('content-type') ?? '', /json/);
  assert.equal((await fetch(`${base}/no-such-file.js`)).status, 404);
  assert.equal((await fetch(`${base}/assets/vendor/package.json`)).status, 404);
  assert.equal((await fetch(`${base}/app/%2e%2e/%2e%2e/package.json`)).status >= 400, true);
});

browserTest('a wrong password shows a message', async () => {
  await page.goto(`${base}/`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  assert.match(await text('[role=alert]'), /e-mail or password is wrong/);
  await shot('login-error');
});

browserTest('logs in and lands on the welcome page of an empty workspace', async () => {
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Create your first bot' }).waitFor();
  assert.equal(await text('.workspace'), 'Panel test workspace');
  await shot('welcome');
});

browserTest('creates a bot with a time zone; a wrong zone is shown next to the field', async () => {
  await page.getByRole('button', { name: 'Create a bot' }).click();
  const dialog = page.getByRole('dialog', { name: 'New bot' });
  await dialog.getByLabel('Name').fill('Pizza bot');
  await dialog.getByLabel('Time zone').fill('Mars/Olympus');
  await dialog.getByRole('button', { name: 'Create bot' }).click();
  await dialog.locator('.field-error').filter({ hasText: 'not an IANA time zone' }).waitFor();
  assert.equal(await dialog.getByLabel('Time zone').getAttribute('aria-invalid'), 'true');
  await dialog.getByLabel('Time zone').fill('Europe/Berlin');
  await dialog.getByRole('button', { name: 'Create bot' }).click();
  await page.waitForURL(/\/bots\/\d+\/channels$/);
  botId = Number(/\/bots\/(\d+)\//.exec(page.url())![1]);
  assert.equal(await page.locator('#bot-picker option:checked').textContent(), 'Pizza bot');
  assert.equal(await text('.tz'), 'Europe/Berlin');
  await page.getByRole('heading', { name: 'No channels yet' }).waitFor();
});

browserTest('connects a sandbox channel, shows missing credentials next to their fields, changes the rate', async () => {
  await page.getByRole('button', { name: 'Connect a platform' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Connect a platform' });
  await dialog.getByLabel('Platform').selectOption('tg');
  await dialog.getByRole('button', { name: 'Connect Telegram' }).click();
  await dialog
    .locator('.field', { has: page.getByLabel('Bot token') })
    .locator('.field-error')
    .filter({ hasText: 'Required' })
    .waitFor();
  await shot('connect-error');
  await dialog.getByLabel('Platform').selectOption('sandbox');
  await dialog.getByRole('button', { name: 'Connect Sandbox' }).click();
  const card = page.locator('section.channel[data-platform=sandbox]');
  await card.getByText('Active').waitFor();
  assert.match((await card.locator('.rate').textContent()) ?? '', /200 messages \/ second/);

  await card.getByRole('button', { name: /Change the send rate/ }).click();
  await card.getByLabel('Messages per second').fill('2000000');
  await card.getByRole('button', { name: 'Save', exact: true }).click();
  await card.locator('.field-error', { hasText: 'Must be <= 1000000' }).waitFor();
  await card.getByLabel('Messages per second').fill('50');
  await card.getByRole('button', { name: 'Save', exact: true }).click();
  await card.locator('.rate', { hasText: '50 messages / second' }).waitFor();
  await shot('channels');
});

browserTest('a sandbox user writes to the bot; the inbox shows it; a behaviour is set', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sandbox' }).click();
  const form = page.getByRole('form', { name: 'Write as a sandbox user' });
  await form.getByLabel('User ID').fill('alice');
  await form.getByLabel('Name', { exact: true }).fill('Alice Example');
  await form.getByLabel('Message').fill('Hello bot!');
  await form.getByRole('button', { name: 'Send to the bot' }).click();
  const inbox = page.getByRole('list', { name: 'Sandbox messages, newest first' });
  await inbox.getByText('Hello bot!').waitFor();
  assert.match((await inbox.locator('.inbox-in .badge').first().textContent()) ?? '', /from alice/);

  await form.getByLabel('User ID').fill('bob');
  await form.getByLabel('Name', { exact: true }).fill('Bob Builder');
  await form.getByLabel('Message').fill('Hi');
  await form.getByRole('button', { name: 'Send to the bot' }).click();
  await inbox.getByText('from bob').waitFor();

  const behaviour = page.getByRole('form', { name: 'Sandbox user behaviour' });
  await behaviour.getByLabel('User ID').fill('bob');
  await behaviour.getByLabel('Behaviour').selectOption('blocked');
  await behaviour.getByRole('button', { name: 'Apply' }).click();
  const behaviours = page.getByRole('list', { name: 'Behaviours of sandbox users' });
  await behaviours.getByText('blocked').waitFor();
  // Kept by the server: still listed after a reload.
  await page.reload();
  await behaviours.locator('li', { hasText: 'bob' }).getByText('blocked').waitFor();
  await shot('sandbox');
});

browserTest('the subscriber appears in the list, can be searched, tagged and given an operator chat', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Subscribers' }).click();
  const table = page.getByRole('table', { name: 'Subscribers' });
  await table.getByText('Bob Builder').waitFor();
  await page.getByLabel('Search', { exact: true }).fill('alice');
  await page.waitForURL(/q=alice/);
  await table.locator('tbody tr').filter({ hasText: 'Bob Builder' }).waitFor({ state: 'detached' });
  assert.equal(await table.locator('tbody tr').count(), 1);
  await shot('subscribers');

  await table.getByRole('button', { name: 'Alice Example' }).click();
  const drawer = page.getByRole('dialog', { name: 'Alice Example' });
  await drawer.getByLabel('Add a tag').fill('vip');
  await drawer.getByRole('button', { name: 'Add tag' }).click();
  await drawer.getByRole('button', { name: 'Remove tag vip' }).waitFor();
  await drawer.getByLabel('Add a tag').fill('newsletter');
  await drawer.getByRole('button', { name: 'Add tag' }).click();
  await drawer.getByRole('button', { name: 'Remove tag newsletter' }).click();
  await drawer.getByRole('button', { name: 'Remove tag newsletter' }).waitFor({ state: 'detached' });
  await drawer.getByRole('button', { name: 'Open operator chat' }).click();
  await drawer.getByRole('button', { name: 'Close chat' }).waitFor();
  await shot('subscriber-drawer');
  await drawer.getByRole('button', { name: 'Close chat' }).click();
  await drawer.getByRole('button', { name: 'Open operator chat' }).waitFor();
  // Opted out of broadcasts from the drawer (she stays active); the preview counts her below.
  await drawer.getByRole('button', { name: 'Opt out of broadcasts' }).click();
  await drawer.locator('[data-opted-out="yes"]', { hasText: 'Opted out' }).waitFor();
  await drawer.getByRole('button', { name: 'Opt back in' }).waitFor();
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'detached' });
  // The row follows the drawer's changes.
  await table.locator('tbody tr', { hasText: 'Alice Example' }).locator('.tag-chip', { hasText: 'vip' }).waitFor();

  await page.getByLabel('Search', { exact: true }).fill('');
  await table.getByText('Bob Builder').waitFor();
  await page.getByLabel('Tag', { exact: true }).selectOption('vip');
  await page.waitForURL(/tag=vip/);
  await table.locator('tbody tr').filter({ hasText: 'Bob Builder' }).waitFor({ state: 'detached' });
  assert.equal(await table.locator('tbody tr').count(), 1);
  // Nobody blocked the bot yet (bob's sandbox behaviour shows only when a broadcast reaches him).
  await page.getByLabel('Status', { exact: true }).selectOption('blocked');
  await page.getByRole('heading', { name: 'Nobody matches these filters' }).waitFor();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await table.getByText('Bob Builder').waitFor();
  assert.equal(new URL(page.url()).search, '');
});

browserTest('tags show their subscriber count and "in use"; create, rename, delete', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }).click();
  const vip = page.locator('tr[data-tag=vip]');
  await vip.getByText('In use', { exact: true }).waitFor();
  assert.equal((await vip.locator('td.num').textContent())?.trim(), '1');
  // Removed from everyone: the tag stays, not in use.
  await page.locator('tr[data-tag=newsletter]').getByText('Not in use').waitFor();

  await page.getByLabel('New tag').fill('spring');
  await page.getByRole('button', { name: 'Create tag' }).click();
  await page.locator('tr[data-tag=spring]').getByText('Not in use').waitFor();
  await page.getByLabel('New tag').fill('vip');
  await page.getByRole('button', { name: 'Create tag' }).click();
  await page
    .locator('.field', { has: page.getByLabel('New tag') })
    .locator('.field-error', { hasText: 'tag "vip" already exists' })
    .waitFor();

  await page.getByRole('button', { name: 'Rename spring' }).click();
  await page.getByLabel('New name for spring').fill('summer');
  await page.locator('tr[data-tag=spring]').getByRole('button', { name: 'Save' }).click();
  await page.locator('tr[data-tag=summer]').waitFor();
  await shot('tags');
  await page.getByRole('button', { name: 'Delete summer' }).click();
  await page
    .getByRole('dialog', { name: /Delete the tag/ })
    .getByRole('button', { name: 'Delete tag' })
    .click();
  await page.locator('tr[data-tag=summer]').waitFor({ state: 'detached' });
});

browserTest('a screen is created with variables, an image and buttons; a bad button URL is shown next to it', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Screens' }).click();
  await page.getByRole('heading', { name: 'No screens yet' }).waitFor();
  await page.getByRole('link', { name: 'Create a screen' }).click();
  const form = page.getByRole('form', { name: 'Screen' });
  await form.getByLabel('Name').fill('Welcome offer');
  await form.getByLabel('Text', { exact: true }).fill('Hi ');
  await form.getByRole('button', { name: '{{first_name}}' }).click();
  await form.getByLabel('Text', { exact: true }).press('End');
  await form.getByLabel('Text', { exact: true }).pressSequentially(', 10% off today!');
  await form.getByLabel('Attachment').selectOption('image');
  await form.getByLabel('Image URL').fill('https://example.com/offer.png');
  await form.getByRole('button', { name: 'Add URL button' }).click();
  await form.getByLabel('Button 1 text').fill('Order now');
  await form.getByLabel('Button 1 URL').fill('not a url');
  await form.getByRole('button', { name: 'Add reply button' }).click();
  await form.getByLabel('Button 2 text').fill('Later');
  await page.locator('.preview .bubble-text', { hasText: 'Hi Alex, 10% off today!' }).waitFor();
  await form.getByRole('button', { name: 'Create screen' }).click();
  await form
    .locator('.field', { has: page.getByLabel('Button 1 URL') })
    .locator('.field-error')
    .waitFor();
  await shot('screen-editor');
  await form.getByLabel('Button 1 URL').fill('https://example.com/order');
  await form.getByRole('button', { name: 'Create screen' }).click();
  const row = page.locator('tr[data-screen="Welcome offer"]');
  await row.getByText('2 buttons').waitFor();
  await shot('screens');

  const [screen] = await t.app.ctx.db.query<{ text: string; buttons: unknown }>('SELECT text, buttons FROM screens WHERE bot_id = $1', [
    botId,
  ]);
  assert.equal(screen.text, 'Hi {{first_name}}, 10% off today!');
  assert.deepEqual(screen.buttons, [
    { kind: 'url', text: 'Order now', url: 'https://example.com/order' },
    { kind: 'reply', text: 'Later' },
  ]);
});

browserTest('the broadcast pages are built, Events included', async () => {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Send broadcast' }).click();
  await page.getByRole('heading', { name: 'Send broadcast', level: 1 }).waitFor();
  await page.getByRole('form', { name: 'Send broadcast' }).waitFor();
  // Alice opted out in the drawer: the audience preview counts her apart.
  await page.locator('.audience-left', { hasText: '1 subscriber opted out of broadcasts' }).waitFor();
  await nav.getByRole('link', { name: 'History' }).click();
  await page.getByRole('heading', { name: 'Broadcasting history', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Nothing is being sent right now' }).waitFor();
  await nav.getByRole('link', { name: 'Drafts' }).click();
  await page.getByRole('heading', { name: 'No drafts yet' }).waitFor();
  const events = nav.getByRole('link', { name: 'Events' });
  assert.equal(await events.locator('.soon').count(), 0, 'Events is not marked as coming');
  await events.click();
  await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'No external events yet' }).waitFor();
});

browserTest('works at phone width with the menu behind a button, and keeps the address on reload', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/bots/${botId}/subscribers?tag=vip`);
  await page.getByRole('table', { name: 'Subscribers' }).getByText('Alice Example').waitFor();
  assert.equal(await page.locator('#sidebar').isVisible(), false);
  await shot('subscribers-phone');
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }).click();
  await page.locator('tr[data-tag=vip]').waitFor();
  await page.setViewportSize({ width: 1280, height: 800 });
});

browserTest('logs out', async () => {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('button', { name: 'Log in' }).waitFor();
  const me = await page.evaluate(async () => (await fetch('/api/me')).status);
  assert.equal(me, 401);
});
