// The life of a send in the panel (issue 17 points 1 and 6), in the shop of shop.ts: a send that
// waits only for an operator chat is listed apart in Active as "Waiting for 1 operator chat", with
// View errors at once, and its held recipient is released from the dialog; an edited draft asks,
// when sent, whether the edits go into the draft; a send paused from its page is Paused in Active and
// resumed from there (point 8); a trigger's send is in Completed the same day (point 2).
// Screenshots go to test-results/broadcasts-*.png.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { browserTest as test } from './browser.ts';
import type { Json } from '../helpers/json.ts';
import { seedSubscribers, waitFor } from '../helpers/world.ts';
import { api, base, botId, browser, channelId, closeShop, page, startShop, subscribers, t, waitForStatus, logInToShop } from './shop.ts';

before(startShop);
after(closeShop);

test('logs in', async () => {
  await logInToShop();
});

test('a send waiting only for an operator chat: apart in Active, View errors at once, released from the dialog', async () => {
  await api('POST', `/api/subscribers/${subscribers.erin}/chat`);
  const send = await api('POST', `/api/bots/${botId}/sends`, {
    content: { type: 'text', text: 'Held for Erin' },
    channelIds: [channelId],
    audience: { type: 'selected', subscriberIds: [subscribers.erin, subscribers.bob] },
  });
  await waitForStatus(send.id, ['waiting_for_chats']);
  await page.goto(`${base}/bots/${botId}/history?section=active`);
  const row = page.locator(`tr[data-send="${send.id}"][data-phase="waiting_for_chats"]`);
  await row.waitFor();
  await page.getByRole('rowheader', { name: /Waiting for operator chats/ }).waitFor();
  assert.match((await row.textContent()) ?? '', /Waiting for 1 operator chat/);
  assert.match((await row.locator('.errors-count').textContent()) ?? '', /1 error/);
  assert.equal(await row.getByRole('link', { name: 'View errors' }).count(), 1);
  await browser.shot('history-waiting');

  await row.getByRole('button', { name: `Held recipients of send ${send.id}` }).click();
  const dialog = page.getByRole('dialog', { name: /Waiting for 1 operator chat/ });
  await dialog.getByLabel('Release them now').check();
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await page.locator('.toast', { hasText: '1 held recipient released' }).waitFor();
  const done = await waitForStatus(send.id, ['completed']);
  assert.equal(done.counts.sent, 1);
  const inbox = await api('GET', `/api/channels/${channelId}/sandbox/inbox?userId=erin`);
  assert.ok(inbox.some((m: Json) => m.direction === 'out' && JSON.stringify(m.body).includes('Held for Erin')));
  await api('POST', `/api/subscribers/${subscribers.erin}/chat/close`);
});

test('sending an edited draft asks whether to save the edits into it', async () => {
  const draft = await api('POST', `/api/bots/${botId}/drafts`, {
    name: 'Weekly',
    form: { content: { type: 'text', text: 'Version 1' }, channelIds: [channelId], audience: { type: 'all' } },
  });
  await page.goto(`${base}/bots/${botId}/broadcast?draft=${draft.id}`);
  await page.getByRole('heading', { name: 'Edit draft “Weekly”', level: 1 }).waitFor();
  assert.equal(await page.getByLabel('Draft name').inputValue(), 'Weekly');
  await page.getByLabel('Message text').fill('Version 2');
  await page.getByRole('form', { name: 'Send broadcast' }).getByRole('button', { name: 'Send', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Save your edits into the draft?' });
  await dialog.getByLabel('Save the edits into the draft').check();
  await dialog.getByRole('button', { name: 'Send' }).click();
  await page.waitForURL(/\/history\?section=active$/);
  const saved = await waitFor('the edits in the draft', async () => {
    const d = await api('GET', `/api/drafts/${draft.id}`);
    return d.form.content.text === 'Version 2' ? d : null;
  });
  assert.equal(saved.name, 'Weekly');
});

test('pause and resume from the send page: Paused in Active, nothing new sent, then everyone once', async () => {
  // A bot with a slow channel (5 a second), so that the send is still delivering when Pause is clicked.
  const slowBot = (await api('POST', '/api/bots', { name: 'Slow bot', timeZone: 'Europe/Berlin' })).id;
  const slow = (await api('POST', `/api/bots/${slowBot}/channels`, { platform: 'sandbox', ratePerSecond: 5 })).id;
  const [{ workspace_id: workspaceId }] = await t.app.ctx.db.query<{ workspace_id: number }>(
    'SELECT workspace_id FROM bots WHERE id = $1',
    [botId],
  );
  const total = 40;
  await seedSubscribers(t.app.ctx.db, { workspaceId, botId, channelId: slow, platform: 'sandbox', count: total, prefix: 'slow-' });
  const send = await api('POST', `/api/bots/${slowBot}/sends`, {
    content: { type: 'text', text: 'Paused and resumed' },
    channelIds: [slow],
    audience: { type: 'all' },
  });
  await waitForStatus(send.id, ['delivering']);
  await page.goto(`${base}/bots/${slowBot}/history/${send.id}`);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.locator('.paused-banner').waitFor();
  assert.match((await page.locator('.paused-banner').textContent()) ?? '', /Paused by .+ at /);
  await browser.shot('send-paused');
  const paused = await waitFor('in-flight deliveries to finish', async () => {
    const s = await api('GET', `/api/sends/${send.id}`);
    return s.status === 'paused' && s.counts.inFlight === 0 ? s : null;
  });
  assert.ok(paused.counts.queued > 0, 'queued deliveries wait');

  await page.goto(`${base}/bots/${slowBot}/history?section=active`);
  const row = page.locator(`tr[data-send="${send.id}"][data-phase="paused"]`);
  await row.waitFor();
  assert.equal((await api('GET', `/api/sends/${send.id}`)).counts.sent, paused.counts.sent, 'nothing new sent while paused');
  await row.getByRole('button', { name: `Resume send ${send.id}` }).click();
  await page.locator('.toast', { hasText: `Send #${send.id} resumed` }).waitFor();
  const done = await waitForStatus(send.id, ['completed']);
  assert.equal(done.counts.sent, total);
  const [{ n }] = await t.app.ctx.db.query<{ n: number }>(
    `SELECT count(DISTINCT subscriber_id)::int AS n FROM deliveries d JOIN runs r ON r.id = d.run_id WHERE r.send_id = $1 AND d.state = 'sent'`,
    [send.id],
  );
  assert.equal(n, total);
  // The send page's chart marks the pause and the resume on its time axis, and says so in words.
  await page.goto(`${base}/bots/${slowBot}/history/${send.id}`);
  const caption = page.locator('figure.rate-chart figcaption');
  await caption.getByText(/Marked on the time axis: paused at [\d:]+; resumed at [\d:]+\./).waitFor();
  await page.locator('figure.rate-chart canvas').first().waitFor();
  await browser.shot('send-chart-marks');
});

test('a trigger’s send is in Completed → Trigger events the same day, named by its trigger', async () => {
  await api('POST', `/api/bots/${botId}/tags`, { name: 'lc-welcome' });
  const trigger = await api('POST', `/api/bots/${botId}/triggers`, {
    name: 'Welcome aboard',
    tag: 'lc-welcome',
    delay: { amount: 1, unit: 'minutes' },
    content: { type: 'text', text: 'Welcome aboard, {{name}}!' },
  });
  await api('POST', `/api/subscribers/${subscribers.carol}/tags`, { tags: ['lc-welcome'] });
  const firing = async (state: string) =>
    (await api('GET', `/api/triggers/${trigger.id}/firings?subscriberId=${subscribers.carol}&state=${state}`))[0] as Json | undefined;
  await waitFor('the firing to be pending', () => firing('pending'));
  // Its minute of delay made due now.
  await t.app.ctx.db.query(`UPDATE trigger_firings SET due_at = now() - interval '1 second' WHERE trigger_id = $1 AND state = 'pending'`, [
    trigger.id,
  ]);
  const fired = await waitFor('the firing to be sent', () => firing('fired'));
  await waitForStatus(fired.sendId, ['completed']);
  await page.goto(`${base}/bots/${botId}/history?section=completed&kinds=trigger`);
  const row = page.locator(`tr[data-send="${fired.sendId}"]`);
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /Welcome aboard/);
  assert.equal(await page.locator(`tr[data-send="${fired.sendId}"]`).count(), 1);
  const active = (await api('GET', `/api/history?section=active&botId=${botId}`)).items as Json[];
  assert.ok(!active.some((i) => i.id === fired.sendId), 'not in Active: nothing left to send');
  await browser.shot('history-trigger-completed');
});
