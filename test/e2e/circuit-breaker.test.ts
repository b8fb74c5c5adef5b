// The circuit breaker in the panel (issue 17 point 10): a send whose recipients refuse it too
// often pauses itself, and its page says why — the breaker's reason, not a person's name — with
// the Resume button only a person presses. Recall (point 12): a delivered Telegram send is recalled
// from its page — its text replaced first, then the messages deleted —, and the fake Telegram sees one
// edit and one delete per chat. The breaker's settings on the channel page. Screenshots:
// test-results/broadcasts-*.png.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { browserTest as test, logIn } from './browser.ts';
import { seedSubscribers, waitFor } from '../helpers/world.ts';
import { startFakeServer } from '../fakes/server.ts';
import { api, base, botId, browser, closeShop, email, page, startShop, t, waitForStatus } from './shop.ts';

before(startShop);
after(closeShop);

test('logs in', async () => {
  await logIn(page, base, email);
  await page.waitForURL(new RegExp(`/bots/${botId}/`));
});

test('a send paused by the circuit breaker shows the reason on its page', async () => {
  const bot = (await api('POST', '/api/bots', { name: 'Breaker bot', timeZone: 'Europe/Berlin' })).id;
  const channel = (await api('POST', `/api/bots/${bot}/channels`, { platform: 'sandbox', ratePerSecond: 50 })).id;
  await api('PATCH', `/api/channels/${channel}`, { circuitBreaker: { percent: 20, window: 50 } });
  const [{ workspace_id: workspaceId }] = await t.app.ctx.db.query<{ workspace_id: number }>(
    'SELECT workspace_id FROM bots WHERE id = $1',
    [bot],
  );
  const total = 200;
  await seedSubscribers(t.app.ctx.db, { workspaceId, botId: bot, channelId: channel, platform: 'sandbox', count: total, prefix: 'brk-' });
  // Every third person has blocked the bot.
  await t.app.ctx.db.query(
    `INSERT INTO sandbox_users (channel_id, user_id, behaviour) SELECT $1, 'brk-' || g, 'blocked' FROM generate_series(1, $2::int, 3) AS g`,
    [channel, total],
  );
  const send = await api('POST', `/api/bots/${bot}/sends`, {
    content: { type: 'text', text: 'Too many refuse this' },
    channelIds: [channel],
    audience: { type: 'all' },
  });
  await waitForStatus(send.id, ['paused']);
  await page.goto(`${base}/bots/${bot}/history/${send.id}`);
  const banner = page.locator('.paused-banner');
  await banner.waitFor();
  assert.match(
    (await banner.textContent()) ?? '',
    /Paused automatically: \d+ % of the last 50 messages on .+ were refused \(blocked or permanent errors\)/,
  );
  assert.equal(await banner.getByRole('button', { name: 'Resume' }).count(), 1);
  await browser.shot('send-breaker');
});

test('a delivered Telegram send is recalled from its page', async () => {
  const fake = await startFakeServer();
  try {
    const bot = (await api('POST', '/api/bots', { name: 'Recall bot', timeZone: 'Europe/Berlin' })).id;
    const token = `77:recall${Date.now()}`;
    const channel = (
      await api('POST', `/api/bots/${bot}/channels`, { platform: 'tg', verify: false, credentials: { token }, apiBaseUrl: fake.url })
    ).id;
    const [{ workspace_id: workspaceId }] = await t.app.ctx.db.query<{ workspace_id: number }>(
      'SELECT workspace_id FROM bots WHERE id = $1',
      [bot],
    );
    await seedSubscribers(t.app.ctx.db, { workspaceId, botId: bot, channelId: channel, platform: 'tg', count: 6, startAt: 9100 });
    const send = await api('POST', `/api/bots/${bot}/sends`, {
      content: { type: 'text', text: 'Wrong price' },
      channelIds: [channel],
      audience: { type: 'all' },
    });
    await waitForStatus(send.id, ['completed']);
    await page.goto(`${base}/bots/${bot}/history/${send.id}`);
    const at = (method: string) => fake.records.filter((r) => r.channel === token && r.method === method && r.status === 200);
    // First the text is replaced, then the messages are deleted.
    await page.getByRole('button', { name: 'Recall…' }).click();
    let dialog = page.getByRole('dialog', { name: `Recall send #${send.id}` });
    await dialog.getByLabel('Replace the text').check();
    assert.equal(await dialog.getByLabel('New text').inputValue(), 'Wrong price');
    await dialog.getByLabel('New text').fill('Right price: 9 €');
    await browser.shot('send-recall-edit');
    await dialog.getByRole('button', { name: 'Replace the text' }).click();
    await page.locator('.toast', { hasText: 'Editing 6 messages' }).waitFor();
    await waitFor('six edits at the fake Telegram', async () => at('editMessageText').length === 6);
    assert.ok(at('editMessageText').every((r) => (r.body as { text?: string }).text === 'Right price: 9 €'));
    await waitFor('the edit job to finish', async () => {
      const [job] = (await api('GET', `/api/sends/${send.id}/recalls`)).items;
      return job?.state === 'completed';
    });
    await page.getByRole('button', { name: 'Recall…' }).click();
    dialog = page.getByRole('dialog', { name: `Recall send #${send.id}` });
    await dialog.getByRole('button', { name: 'Delete from the chats' }).click();
    await page.locator('.toast', { hasText: 'Recalling 6 messages' }).waitFor();
    await waitFor('six deletes at the fake Telegram', async () => at('deleteMessage').length === 6);
    await browser.shot('send-recalled');
  } finally {
    await fake.close();
  }
});

test('the circuit breaker is set on the channel page: threshold, window, off', async () => {
  const bot = (await api('POST', '/api/bots', { name: 'Breaker settings bot', timeZone: 'Europe/Berlin' })).id;
  const channel = (await api('POST', `/api/bots/${bot}/channels`, { platform: 'sandbox' })).id;
  await page.goto(`${base}/bots/${bot}/channels`);
  const form = page.getByRole('form', { name: 'Circuit breaker' });
  await form.waitFor();
  assert.equal(await form.getByLabel('Pause sends on this channel when too many are refused').isChecked(), true, 'on by default');
  assert.equal(await form.getByLabel('Refused, more than (%)').inputValue(), '20');
  assert.equal(await form.getByLabel('Of the last (outcomes)').inputValue(), '500');
  await form.getByLabel('Of the last (outcomes)').fill('10');
  await form.getByRole('button', { name: 'Save circuit breaker' }).click();
  await form.locator('.field-error', { hasText: 'Enter a whole number of outcomes from 50 to 100,000' }).waitFor();
  await form.getByLabel('Refused, more than (%)').fill('35');
  await form.getByLabel('Of the last (outcomes)').fill('200');
  await form.getByRole('button', { name: 'Save circuit breaker' }).click();
  await page.locator('.toast', { hasText: 'pauses at more than 35 % refused of the last 200' }).waitFor();
  assert.deepEqual((await api('GET', `/api/channels/${channel}`)).circuitBreaker, { percent: 35, window: 200 });
  await form.getByLabel('Pause sends on this channel when too many are refused').uncheck();
  await form.getByRole('button', { name: 'Save circuit breaker' }).click();
  await page.locator('.toast', { hasText: 'Circuit breaker off' }).waitFor();
  assert.equal((await api('GET', `/api/channels/${channel}`)).circuitBreaker, null);
  await browser.shot('channel-breaker');
});
