// Broadcasts → Logs and resend to a subset in the panel (issue 17 points 7 and 9), in the shop of
// shop.ts: the Logs page lists every send and run (a send that never ran too), filters to runs with
// errors and by send id, and opens the log view; View errors in Completed lands there filtered to
// errors; from the finished run's page, "Resend to…" the failed recipients with the text edited —
// unknown only with its warning acknowledged — makes a linked send that reaches exactly them.
// Screenshots go to test-results/broadcasts-logs-*.png.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { browserTest as test, logIn } from './browser.ts';
import type { Json } from '../helpers/json.ts';
import { api, base, botId, browser, channelId, closeShop, email, nav, page, startShop, subscribers, t, waitForStatus } from './shop.ts';

let parent: number;
let parentRun: number;
let delayed: number;

before(startShop);
after(closeShop);

const inbox = async (userId: string) =>
  ((await api('GET', `/api/channels/${channelId}/sandbox/inbox?userId=${userId}`)) as Json[])
    .filter((m) => m.direction === 'out')
    .map((m) => JSON.stringify(m.body));

test('logs in; a send with two failures has finished, a delayed one has not run', async () => {
  await logIn(page, base, email);
  await page.waitForURL(new RegExp(`/bots/${botId}/`));
  // Carol's chat is gone for now: with Bob (who blocked the bot) two of the three fail.
  await api('PUT', `/api/channels/${channelId}/sandbox/users/carol`, { behaviour: 'gone' });
  const send = await api('POST', `/api/bots/${botId}/sends`, {
    content: { type: 'text', text: 'Spring sale' },
    channelIds: [channelId],
    audience: { type: 'selected', subscriberIds: [subscribers.alice, subscribers.bob, subscribers.carol] },
  });
  parent = send.id;
  const done = await waitForStatus(parent, ['completed']);
  parentRun = done.runs[0].id;
  assert.equal(done.counts.failed, 2);
  delayed = (
    await api('POST', `/api/bots/${botId}/sends`, {
      content: { type: 'text', text: 'Next year' },
      channelIds: [channelId],
      audience: { type: 'all' },
      timing: { type: 'delayed', at: '2099-01-01T10:00' },
    })
  ).id;
});

test('the Logs page lists every send and run, filters to errors and by id, and opens the log', async () => {
  await nav('Logs');
  await page.waitForURL(new RegExp(`/bots/${botId}/logs$`));
  const table = page.getByRole('table', { name: 'Logs' });
  const row = table.locator(`tr[data-send="${parent}"][data-run="${parentRun}"]`);
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /2 errors/);
  assert.match((await row.textContent()) ?? '', /Completed/);
  assert.match((await table.locator(`tr[data-send="${delayed}"]`).textContent()) ?? '', /Not started/);
  await browser.shot('logs-list');

  await page.getByLabel('Only with errors').check();
  await page.waitForURL(/errors=1/);
  await table.locator(`tr[data-send="${delayed}"]`).waitFor({ state: 'detached' });
  await row.waitFor();

  await page.getByLabel('Only with errors').uncheck();
  await page.getByLabel('Search by send id').fill(`#${delayed}`);
  await page.getByRole('button', { name: 'Find' }).click();
  await row.waitFor({ state: 'detached' });
  await table.locator(`tr[data-send="${delayed}"]`).waitFor();

  await page.getByLabel('Search by send id').fill(String(parent));
  await page.getByRole('button', { name: 'Find' }).click();
  await row.getByRole('link', { name: `Open log of send ${parent}, run ${parentRun}` }).click();
  await page.waitForURL(new RegExp(`/logs/${parent}\\?run=${parentRun}$`));
  await page.getByRole('list', { name: 'Events of the run' }).locator('[data-event=finished]').waitFor();
  await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Logs' }).waitFor();
});

test('View errors in Completed opens the run’s log in Logs, filtered to errors', async () => {
  await page.goto(`${base}/bots/${botId}/history?section=completed`);
  await page.locator(`tr[data-send="${parent}"]`).getByRole('link', { name: 'View errors' }).click();
  await page.waitForURL(new RegExp(`/logs/${parent}\\?run=${parentRun}&errors=1$`));
  const errors = page.getByRole('table', { name: 'Errors' });
  await errors.locator('tbody tr', { hasText: 'carol' }).waitFor();
  await errors.locator('tbody tr', { hasText: 'bob' }).waitFor();
  assert.equal(await errors.locator('tbody tr').count(), 2);
});

test('resend to failed: counts per outcome, unknown only acknowledged, edited text, reaches exactly them, linked both ways', async () => {
  await api('PUT', `/api/channels/${channelId}/sandbox/users/carol`, { behaviour: 'normal' });
  // Alice's delivery as a lost answer leaves it: unknown (the sandbox never answers so).
  await t.app.ctx.db.query(
    `UPDATE deliveries SET state = 'unknown', outcome = 'unknown', error_code = 'timeout', error_text = 'no answer' WHERE run_id = $1 AND subscriber_id = $2`,
    [parentRun, subscribers.alice],
  );
  await page.goto(`${base}/bots/${botId}/logs/${parent}?run=${parentRun}`);
  await page.getByRole('button', { name: 'Resend to…' }).click();
  const dialog = page.getByRole('dialog', { name: `Resend send #${parent} to…` });
  const failed = dialog.getByLabel('Failed (2)');
  await failed.waitFor();
  assert.equal(await failed.isChecked(), true);
  assert.equal(await dialog.getByLabel('Outside the messaging window (0)').isDisabled(), true);
  const submit = dialog.getByRole('button', { name: /^Resend to/ });
  assert.equal(await submit.textContent(), 'Resend to 2 recipients');

  // Unknown: its warning, and the button waits for the acknowledgement.
  await dialog.getByLabel('Unknown (1)').check();
  await dialog.getByRole('alert').filter({ hasText: 'They will get it twice' }).waitFor();
  assert.equal(await submit.isDisabled(), true);
  await dialog.getByLabel('I understand: some of them will get it twice').check();
  assert.equal(await submit.isDisabled(), false);
  assert.equal(await submit.textContent(), 'Resend to 3 recipients');
  await browser.shot('logs-resend-dialog');
  await dialog.getByLabel('Unknown (1)').uncheck();

  const text = dialog.getByLabel('Message text');
  assert.equal(await text.inputValue(), 'Spring sale');
  await text.fill('Spring sale, second try');
  await submit.click();
  await page.waitForURL(new RegExp(`/logs/(?!${parent}\\b)\\d+$`));
  const child = Number(/\/logs\/(\d+)/.exec(page.url())![1]);
  await page.locator('.resent-from', { hasText: `#${parent}` }).waitFor();
  const done = await waitForStatus(child, ['completed']);
  // Bob blocked the bot: left out when it starts. Carol gets the new text, Alice nothing new.
  assert.equal(done.counts.recipients, 1);
  assert.equal(done.counts.sent, 1);
  assert.equal(done.content.text, 'Spring sale, second try');
  assert.ok((await inbox('carol')).some((m) => m.includes('Spring sale, second try')));
  assert.ok(!(await inbox('alice')).some((m) => m.includes('second try')));
  await browser.shot('logs-resend-child');

  await page
    .locator('.resent-from')
    .getByRole('link', { name: `#${parent}` })
    .click();
  await page.waitForURL(new RegExp(`/logs/${parent}\\?run=${parentRun}$`));
  await page
    .locator('.resends')
    .getByRole('link', { name: `#${child}` })
    .waitFor();

  await nav('Logs');
  const childRow = page.getByRole('table', { name: 'Logs' }).locator(`tr[data-send="${child}"]`);
  await childRow.waitFor();
  assert.match((await childRow.textContent()) ?? '', new RegExp(`Resent from #${parent}`));
});
