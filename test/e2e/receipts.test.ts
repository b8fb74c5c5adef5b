// The funnel on a send's page (issue 18 point 3): a broadcast to WhatsApp and Telegram through the
// fake platforms, whose status callbacks (bursts, duplicates, out of order) arrive after it
// completed; the page shows sent → delivered → read per platform equal to the fake's record, and
// "not reported" for Telegram; the Completed list shows the delivered and read percentages.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { browserTest as test, logIn } from './browser.ts';
import { startFakeServer, type FakeServer } from '../fakes/server.ts';
import { planReceipts, postReceipts } from '../fakes/receipts.ts';
import { seedSubscribers } from '../helpers/world.ts';
import { api, base, botId, browser, closeShop, email, page, startShop, t, waitForStatus } from './shop.ts';

let fake: FakeServer;
let tgChannel = 0;
before(async () => {
  await startShop();
  fake = await startFakeServer({ seed: 2 });
});
after(async () => {
  await fake?.close();
  await closeShop();
});

test('logs in', async () => {
  await logIn(page, base, email);
  await page.waitForURL(new RegExp(`/bots/${botId}/`));
});

test('the send page shows sent → delivered → read per platform, and not reported for Telegram', async () => {
  const credentials = { accessToken: 'wa-token', phoneNumberId: '106540352242922', appSecret: 'wa-secret', verifyToken: 'v' };
  const wa = (await api('POST', `/api/bots/${botId}/channels`, { platform: 'wa', verify: false, credentials, apiBaseUrl: fake.url })).id;
  const tg = (
    await api('POST', `/api/bots/${botId}/channels`, {
      platform: 'tg',
      verify: false,
      credentials: { token: '1:tg' },
      apiBaseUrl: fake.url,
    })
  ).id;
  tgChannel = tg;
  const [{ workspace_id: workspaceId }] = await t.app.ctx.db.query<{ workspace_id: number }>(
    'SELECT workspace_id FROM bots WHERE id = $1',
    [botId],
  );
  await seedSubscribers(t.app.ctx.db, { workspaceId, botId, channelId: wa, platform: 'wa', count: 30, prefix: '1650555', startAt: 100 });
  await seedSubscribers(t.app.ctx.db, { workspaceId, botId, channelId: tg, platform: 'tg', count: 10, startAt: 100 });
  const send = await api('POST', `/api/bots/${botId}/sends`, {
    content: { type: 'text', text: 'Receipts, please' },
    channelIds: [wa, tg],
    audience: { type: 'all' },
  });
  await waitForStatus(send.id, ['completed']);

  await page.goto(`${base}/bots/${botId}/history/${send.id}`);
  const funnel = page.getByRole('table', { name: 'Sent, delivered and read per platform' });
  await funnel.waitFor();
  const waRow = funnel.locator('tr[data-platform="wa"]');
  assert.match((await waRow.locator('[data-step="delivered"]').textContent()) ?? '', /^0/, 'nothing reported yet');

  const plan = planReceipts(fake.records, [{ platform: 'wa', fakeChannel: '106540352242922', channelId: wa, secret: 'wa-secret' }], {
    seed: 4,
    duplicates: 0.3,
  });
  const posted = await postReceipts(async (path, headers, raw) => (await t.request('POST', path, { raw, headers })).status, plan, {
    concurrency: 16,
  });
  assert.equal(posted.refused, 0);
  const report = plan.report.get(wa)!;
  // The page reads the funnel again by itself: the new figures appear without a reload.
  await waRow.locator('[data-step="delivered"]', { hasText: new RegExp(`^${report.delivered}\\b`) }).waitFor();
  assert.match((await waRow.locator('[data-step="read"]').textContent()) ?? '', new RegExp(`^${report.read}\\b`));
  assert.match((await waRow.locator('[data-step="sent"]').textContent()) ?? '', /^30$/);
  const tgRow = funnel.locator('tr[data-platform="tg"]');
  assert.equal((await tgRow.locator('[data-step="delivered"]').textContent())?.trim(), 'not reported');
  assert.equal((await tgRow.locator('[data-step="read"]').textContent())?.trim(), 'not reported');
  await browser.shot('send-funnel');

  await page.goto(`${base}/bots/${botId}/history?section=completed`);
  const rates = page.locator(`tr[data-send="${send.id}"] .receipt-rates`);
  await rates.waitFor();
  const pct = (n: number) => `${Math.round((n / 30) * 1000) / 10} %`;
  assert.equal((await rates.textContent())?.replace(/\s+/g, ' ').trim(), `Delivered ${pct(report.delivered)} · read ${pct(report.read)}`);
});

test('a send that counts clicks shows the people who clicked per platform, and people and clicks per link button', async () => {
  const screen = await api('POST', `/api/bots/${botId}/screens`, {
    name: 'Two links',
    text: 'Pick one',
    buttons: [
      { kind: 'url', text: 'Catalogue', url: 'https://example.com/catalogue' },
      { kind: 'url', text: 'Stores', url: 'https://example.com/stores' },
    ],
  });
  fake.reset();
  const send = await api('POST', `/api/bots/${botId}/sends`, {
    content: { type: 'screen', screenId: screen.id, trackClicks: true },
    channelIds: [tgChannel],
    audience: { type: 'all' },
  });
  await waitForStatus(send.id, ['completed']);
  // Two people open the catalogue, one of them twice.
  const links = fake
    .deliveries()
    .map((r) => (r.body as { reply_markup: { inline_keyboard: Array<Array<{ url: string }>> } }).reply_markup.inline_keyboard[0][0].url);
  for (const url of [links[0], links[0], links[1]]) assert.equal((await t.request('GET', new URL(url).pathname)).status, 302);

  await page.goto(`${base}/bots/${botId}/history/${send.id}`);
  const funnel = page.getByRole('table', { name: 'Sent, delivered, read and clicked per platform' });
  await funnel.locator('tr[data-platform="tg"] [data-step="clicked"]', { hasText: /^2\b/ }).waitFor();
  const perButton = page.getByRole('table', { name: 'Clicks per link button' });
  const catalogue = perButton.locator('tr[data-button="0"]');
  assert.equal((await catalogue.locator('[data-count="unique"]').textContent())?.trim(), '2');
  assert.equal((await catalogue.locator('[data-count="total"]').textContent())?.trim(), '3');
  assert.equal((await perButton.locator('tr[data-button="1"] [data-count="total"]').textContent())?.trim(), '0');
  await browser.shot('send-clicks');
});
