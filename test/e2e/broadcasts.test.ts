// The broadcasting pages in a real browser, in the shop of shop.ts (an in-process Botcast with its
// delivery worker, grace window 0, fast engine settings): the Send Broadcast form with the live audience preview,
// the per-platform preview and a test send; a broadcast to tags minus an exclusion tag that reaches
// Completed with an error (a sandbox user who blocked the bot), View errors, the chart and the CSV
// export; drafts (save, duplicate, delete, edit and send); selected users from CSV files, bad and
// good; a periodic broadcast deleted from Periodic; search by id; the screen editor's platform
// preview; phone width. Screenshots go to test-results/broadcasts-*.png.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { browserTest as test, textOf } from './browser.ts';
import type { Json } from '../helpers/json.ts';
import { api, browser, botId, base, channelId, closeShop, nav, page, startShop, waitForStatus, logInToShop } from './shop.ts';

let firstSendId: number;

const form = () => page.getByRole('form', { name: 'Send broadcast' });

/** The number of the toast "Broadcast #12 created …". */
async function sendIdFromToast() {
  const toast = await textOf(page, '.toast:has-text("Broadcast #")');
  return Number(/#(\d+)/.exec(toast)![1]);
}

before(startShop);
after(closeShop);

test('logs in', async () => {
  await logInToShop();
});

test('a broadcast to tags minus an exclusion tag: audience preview, platform preview, test send, Send', async () => {
  await nav('Send broadcast');
  await form().getByLabel('Message text').fill('Hello {{first_name}}!');
  await form().getByLabel('Users with selected tags').check();
  await page.locator('.tag-picker-include').getByRole('button', { name: /^vip/ }).click();
  // Four have vip; dave is churned. The preview counts 3 and says 1 is left out by exclusion tags.
  await page.locator('.audience [data-recipients="4"]').waitFor();
  await page
    .locator('.tag-picker-exclude')
    .getByRole('button', { name: /^churned/ })
    .click();
  await page.locator('.audience [data-recipients="3"]').waitFor();
  assert.match(await textOf(page, '.audience-left'), /1 subscriber left out by exclusion tags/);
  // A tag chosen to send to cannot be an exclusion tag too.
  assert.equal(await page.locator('.tag-picker-exclude').getByRole('button', { name: /^vip/ }).isDisabled(), true);
  // The message as the sandbox shows it, variables filled with sample values.
  await page.locator('.send-aside .bubble-text', { hasText: 'Hello Alex!' }).waitFor();

  // Test send to Alice: she gets it in the sandbox, no send appears in history.
  await page.getByLabel('Test recipient').fill('alice');
  await page.getByRole('option', { name: /Alice Able/ }).click();
  await page.getByRole('button', { name: 'Send test' }).click();
  await page.locator('.test-result.ok', { hasText: 'Sent to Alice Able' }).waitFor();
  const inbox = await api('GET', `/api/channels/${channelId}/sandbox/inbox?userId=alice`);
  assert.ok(inbox.some((m: Json) => m.direction === 'out' && JSON.stringify(m.body).includes('Hello Alice!')));
  await browser.shot('send-form');

  await form().getByRole('button', { name: 'Send', exact: true }).click();
  await page.waitForURL(/\/history\?section=active$/);
  firstSendId = await sendIdFromToast();
  const send = await waitForStatus(firstSendId, ['completed']);
  assert.deepEqual(send.targeting.includeTags, ['vip']);
  assert.deepEqual(send.targeting.excludeTags, ['churned']);
});

test('the broadcast reaches Completed with one error; View errors opens the log filtered to errors', async () => {
  // The Active list either watched it finish or never saw it (grace window 0): both lead to Completed.
  await page.getByRole('navigation', { name: 'Sections of the history' }).getByRole('link', { name: 'Completed' }).click();
  const row = page.locator(`tr[data-send="${firstSendId}"]`);
  await row.waitFor();
  assert.match((await row.locator('.errors-count').textContent()) ?? '', /1 error/);
  assert.equal((await row.locator('[data-count=recipients] dd').textContent())?.trim(), '3');
  assert.equal((await row.locator('[data-count=sent] dd').textContent())?.trim(), '2');
  assert.equal((await row.locator('[data-count=failed] dd').textContent())?.trim(), '1');
  assert.match((await row.textContent()) ?? '', /vip/);
  assert.match((await row.textContent()) ?? '', /−churned/);
  await browser.shot('history-completed');

  // Alice opts out soon after it reached her, then back in: the run counts one unsubscribe.
  const alice = (await api('GET', `/api/bots/${botId}/subscribers?q=alice`)).items[0].id;
  await api('POST', `/api/subscribers/${alice}/opt-out`);
  await api('POST', `/api/subscribers/${alice}/opt-in`);

  await row.getByRole('link', { name: 'View errors' }).click();
  await page.waitForURL(new RegExp(`/logs/${firstSendId}\\?run=\\d+&errors=1$`));
  await page.locator('.run-reach', { hasText: '1 recipient opted out within 24 hours after receiving it' }).waitFor();
  const errors = page.getByRole('table', { name: 'Errors' });
  await errors.locator('tbody tr', { hasText: 'bob' }).waitFor();
  assert.equal(await errors.locator('tbody tr').count(), 1);
  assert.match((await errors.locator('tbody tr').textContent()) ?? '', /blocked/);
  // The log as a whole: created, started, audience, finished; the chart of the delivery rate.
  const events = page.getByRole('list', { name: 'Events of the run' });
  for (const type of ['created', 'started', 'audience', 'finished']) await events.locator(`[data-event=${type}]`).waitFor();
  await page.locator('.rate-chart-plot canvas').waitFor();
  assert.match(await textOf(page, '.send-facts'), /Users with selected tags/);
  await browser.shot('send-errors');

  // Export: the links answer CSV (with the session cookie of the panel).
  for (const name of ['Export CSV', 'Export log (CSV)']) {
    const href = await page.getByRole('link', { name }).getAttribute('href');
    assert.ok(href?.startsWith(`/api/sends/${firstSendId}/log.csv`), href ?? '');
    const res = (await page.evaluate(
      `fetch(${JSON.stringify(href)}).then(async (r) => ({ status: r.status, type: r.headers.get('content-type'), body: await r.text() }))`,
    )) as { status: number; type: string; body: string };
    assert.equal(res.status, 200);
    assert.match(res.type, /^text\/csv/);
    assert.match(res.body, /bob/);
  }

  // All recipients: the two who got it and the one who did not.
  await page.getByRole('link', { name: 'All recipients' }).click();
  await page.getByRole('table', { name: 'Recipients' }).locator('tbody tr').nth(2).waitFor();
  assert.equal(await page.getByRole('table', { name: 'Recipients' }).locator('tbody tr').count(), 3);
});

test('search by send id in Completed; a search that is not an id says so', async () => {
  await page.goto(`${base}/bots/${botId}/history?section=completed`);
  await page.getByLabel('Search by send id').fill(String(firstSendId + 1000));
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByRole('heading', { name: `No send #${firstSendId + 1000} in Completed` }).waitFor();
  await page.getByLabel('Search by send id').fill(`#${firstSendId}`);
  await page.getByRole('button', { name: 'Find' }).click();
  await page.locator(`tr[data-send="${firstSendId}"]`).waitFor();
  // Its sparkline: what it sent over its time, named for screen readers.
  await page.getByRole('img', { name: `Send ${firstSendId}: messages sent over the run, 24 slices from start to end` }).waitFor();
  await page.getByLabel('Search by send id').fill('abc');
  await page.getByRole('button', { name: 'Find' }).click();
  assert.match(await textOf(page, '[role=alert]'), /send id/);
  // The type checkboxes filter; none checked is all types.
  await page.getByLabel('Search by send id').fill('');
  await page.getByLabel('External').check();
  await page.waitForURL(/kinds=external/);
  await page.getByRole('heading', { name: 'No external in Completed' }).waitFor();
  await page.getByLabel('Broadcasts').check();
  await page.locator(`tr[data-send="${firstSendId}"]`).waitFor();
});

test('save a draft, duplicate and delete the copy, then Edit and Send from it; the draft stays', async () => {
  await nav('Send broadcast');
  await form().getByRole('radio', { name: 'Screen', exact: true }).check();
  await form().getByLabel('Screen to send').selectOption({ label: 'Spring offer' });
  await page.locator('.send-aside .bubble-text', { hasText: 'Hi Alex, spring is here!' }).waitFor();
  // Bob blocked the bot during the first broadcast: all users minus churned are alice, carol, erin.
  await page
    .locator('.tag-picker-exclude')
    .getByRole('button', { name: /^churned/ })
    .click();
  await page.locator('.audience [data-recipients="3"]').waitFor();
  assert.match(await textOf(page, '.audience-left'), /1 subscriber blocked the bot/);
  await form().getByLabel('Count clicks on link buttons').check();
  await form().getByRole('button', { name: 'Save draft' }).click();
  await page.waitForURL(/\/drafts$/);
  const drafts = page.getByRole('table', { name: 'Drafts' });
  await drafts.locator('tbody tr', { hasText: 'Spring offer' }).waitFor();
  assert.equal(await drafts.locator('tbody tr').count(), 1);

  await drafts.getByRole('button', { name: /^Duplicate/ }).click();
  await drafts.locator('tbody tr', { hasText: '(copy)' }).waitFor();
  await browser.shot('drafts');
  await drafts
    .locator('tbody tr', { hasText: '(copy)' })
    .getByRole('button', { name: /^Delete/ })
    .click();
  await page
    .getByRole('dialog', { name: /Delete the draft/ })
    .getByRole('button', { name: 'Delete draft' })
    .click();
  await drafts.locator('tbody tr', { hasText: '(copy)' }).waitFor({ state: 'detached' });

  await drafts.getByRole('button', { name: /^Edit/ }).click();
  await page.getByRole('heading', { name: /Edit draft/, level: 1 }).waitFor();
  // The form comes back as it was saved: screen, all users minus churned.
  assert.equal(await form().getByRole('radio', { name: 'Screen', exact: true }).isChecked(), true);
  assert.equal(await form().getByLabel('Count clicks on link buttons').isChecked(), true);
  assert.equal(await form().getByLabel('All users').isChecked(), true);
  assert.equal(
    await page
      .locator('.tag-picker-exclude')
      .getByRole('button', { name: /^churned/ })
      .getAttribute('aria-pressed'),
    'true',
  );
  await page.locator('.audience [data-recipients="3"]').waitFor();
  await form().getByRole('button', { name: 'Send', exact: true }).click();
  await page.waitForURL(/\/history\?section=active$/);
  const id = await sendIdFromToast();
  const send = await waitForStatus(id, ['completed']);
  assert.equal(send.content.type, 'screen');
  assert.equal(send.counts.recipients, 3);
  const left = await api('GET', `/api/bots/${botId}/drafts`);
  assert.equal(left.length, 1);
});

test('Selected Users from a CSV file: a bad file shows the API’s message, a good one the matches and problems', async () => {
  await nav('Send broadcast');
  await form().getByLabel('Message text').fill('Just for you');
  await form().getByLabel('Selected Users').check();
  await form().getByLabel('From a CSV file').check();
  const file = form().locator('input[type=file]');

  await file.setInputFiles({ name: 'two-columns.csv', mimeType: 'text/csv', buffer: Buffer.from('user id\nalice,extra\ncarol\n') });
  await form().locator('.file-field .field-error', { hasText: 'two-columns.csv: more than one column at line 2' }).waitFor();
  await browser.shot('csv-error');

  await file.setInputFiles({
    name: 'latin1.csv',
    mimeType: 'text/csv',
    buffer: Buffer.concat([Buffer.from('id\nalice\nJos'), Buffer.from([0xff]), Buffer.from('\n')]),
  });
  await form().locator('.file-field .field-error', { hasText: 'latin1.csv: not UTF-8: invalid byte 0xFF at line 3' }).waitFor();

  await file.setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from('"id"\n"alice"\ncarol\ncarol\nnobody\nbob\n') });
  const result = page.getByRole('status', { name: 'Import result' });
  await result.getByText('2 users matched').waitFor();
  assert.match((await result.locator('[data-kind=unknown] summary').textContent()) ?? '', /1\s*Unknown/);
  assert.match((await result.locator('[data-kind=blocked] summary').textContent()) ?? '', /1\s*Blocked/);
  assert.match((await result.locator('[data-kind=duplicates] summary').textContent()) ?? '', /1\s*Duplicates/);
  assert.equal(await form().locator('.file-field .field-error').count(), 0);
  const report = await result.getByRole('link', { name: /Download the report/ }).getAttribute('href');
  const res = (await page.evaluate(`fetch(${JSON.stringify(report)}).then(async (r) => ({ status: r.status, body: await r.text() }))`)) as {
    status: number;
    body: string;
  };
  assert.equal(res.status, 200);
  assert.match(res.body, /nobody/);
  await page.locator('.audience [data-recipients="2"]').waitFor();
  await browser.shot('csv-matched');

  // Selected Users needs exactly one platform: with none (or several) it is unavailable, and says why.
  await form().getByLabel('Sandbox').uncheck();
  await form().getByRole('status').getByText('Selected Users needs exactly one platform').waitFor();
  await form().getByLabel('All users').check();
  assert.equal(await form().getByLabel('Selected Users').isDisabled(), true);
  await form().getByText('Only with exactly one platform selected').waitFor();
});

test('a periodic broadcast is listed in Periodic with its next run, and can be deleted', async () => {
  await page.goto(`${base}/bots/${botId}/broadcast`);
  await form().getByLabel('Message text').fill('Weekly news');
  await form().getByLabel('Periodic').check();
  await form().getByLabel('Repeat').selectOption('weekdays');
  await form().getByLabel('Monday').uncheck();
  await form().getByRole('button', { name: 'Schedule' }).click();
  // Nothing chosen: the problem is shown next to the field before anything is sent.
  await form().locator('.day-picker .field-error', { hasText: 'Choose at least one weekday' }).waitFor();
  await form().getByLabel('Wednesday').check();
  await form().getByLabel('At (Europe/Berlin)').fill('09:30');
  await form().getByRole('button', { name: 'Schedule' }).click();
  await page.waitForURL(/section=periodic/);
  const row = page.locator('tr[data-send]').first();
  await row.getByText('Wed at 09:30').waitFor();
  assert.match((await row.textContent()) ?? '', /Next run/);
  await browser.shot('history-periodic');
  await row.getByRole('button', { name: /^Delete send/ }).click();
  await page
    .getByRole('dialog', { name: /Delete send/ })
    .getByRole('button', { name: 'Delete' })
    .click();
  await page.getByRole('heading', { name: 'No periodic broadcasts' }).waitFor();
});

test('a date in the past is refused next to the date field', async () => {
  await page.goto(`${base}/bots/${botId}/broadcast`);
  await form().getByLabel('Message text').fill('Too late');
  await form().getByLabel('At a date and time').check();
  await form().getByLabel('Date and time (Europe/Berlin)').fill('2020-01-01T10:00');
  await form().getByRole('button', { name: 'Schedule' }).click();
  await form()
    .locator('.field', { has: page.getByLabel('Date and time (Europe/Berlin)') })
    .locator('.field-error', { hasText: 'is in the past' })
    .waitFor();
});

test('the screen editor shows each platform’s rendering and what degrades there', async () => {
  // The bot's channels are held back: until they arrive the tabs must not be drawn, or their
  // re-sort (the bot's platforms first) would move a tab from under a click (an intermittent failure).
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/api\/bots\/\d+\/channels$/, async (route) => {
    await held;
    await route.continue();
  });
  await nav('Screens');
  const rendered = page.waitForResponse(/\/content\/preview$/);
  await page.getByRole('link', { name: 'Spring offer', exact: true }).click();
  await rendered;
  const platforms = page.getByRole('group', { name: 'Platform of the preview' });
  assert.equal(await platforms.count(), 0, 'no platform tabs before the bot’s channels are known');
  release();
  await page.unroute(/\/api\/bots\/\d+\/channels$/);
  await platforms.getByRole('button', { name: /^Telegram/ }).click();
  await page
    .getByRole('list', { name: 'What changes on Telegram' })
    .getByText('Telegram cannot show link buttons and answer buttons on one message')
    .waitFor();
  await platforms.getByRole('button', { name: /^Viber/ }).click();
  await page.getByText('Shown as designed on Viber.').waitFor();
  await browser.shot('screen-platforms');
});

test('works at phone width', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/bots/${botId}/broadcast`);
  await form().getByLabel('Message text').waitFor();
  await page.locator('.audience [data-recipients]').waitFor();
  await browser.shot('send-form-phone');
  await page.goto(`${base}/bots/${botId}/history?section=completed`);
  await page.locator(`tr[data-send="${firstSendId}"]`).waitFor();
  await browser.shot('history-phone');
  await page.goto(`${base}/bots/${botId}/history/${firstSendId}`);
  await page.locator('.rate-chart-plot canvas').waitFor();
  await browser.shot('send-phone');
  await page.setViewportSize({ width: 1280, height: 800 });
});
