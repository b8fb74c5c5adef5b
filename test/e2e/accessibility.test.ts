// The panel's accessibility in a real browser, in the shop of shop.ts with a completed broadcast, a
// periodic one, a draft, an external and a trigger event added: axe-core (through
// @axe-core/playwright, which injects itself with page.evaluate and so passes the panel's
// Content-Security-Policy) finds no serious or critical violation on any page, its dialogs
// included; and the keyboard: a dialog keeps the focus inside, Escape closes it and the focus
// returns to the control that opened it; the send form is reached and filled with Tab alone.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { BROWSER_MISSING, browserTest as test, logIn } from './browser.ts';
import { api, base, botId, browser, channelId, closeShop, nav, page, startShop, t, waitForStatus, logInToShop } from './shop.ts';

let sendId: number;
let screenId: number;

before(async () => {
  await startShop();
  if (BROWSER_MISSING) return;
  const send = await api('POST', `/api/bots/${botId}/sends`, {
    content: { type: 'text', text: 'Hello {{first_name}}' },
    channelIds: [channelId],
    audience: { type: 'all' },
  });
  sendId = send.id;
  await waitForStatus(sendId, ['completed']);
  await api('POST', `/api/bots/${botId}/sends`, {
    content: { type: 'text', text: 'Weekly news' },
    channelIds: [channelId],
    audience: { type: 'all' },
    timing: { type: 'periodic', recurrence: { kind: 'every_n_days', n: 7, time: '09:30' } },
  });
  await api('POST', `/api/bots/${botId}/sends`, {
    content: { type: 'text', text: 'New year' },
    channelIds: [channelId],
    audience: { type: 'all' },
    timing: { type: 'delayed', at: '2099-01-01T10:00' },
  });
  await api('POST', `/api/bots/${botId}/drafts`, {
    name: 'Sale',
    form: { content: { type: 'text', text: 'Sale!' }, channelIds: [channelId], audience: { type: 'tags', include: ['vip'] } },
  });
  await api('POST', `/api/bots/${botId}/external-events`, { name: 'Order shipped', content: { type: 'text', text: 'Shipped' } });
  await api('POST', `/api/bots/${botId}/triggers`, {
    name: 'Welcome VIP',
    tag: 'vip',
    content: { type: 'text', text: 'Welcome' },
    delay: { amount: 1, unit: 'days' },
  });
  screenId = (await api('GET', `/api/bots/${botId}/screens`))[0].id;
  await logInToShop();
});
after(closeShop);

/** axe's serious and critical findings on the page as it is now, one line each, for the failure message. */
async function seriousViolations(): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${v.help} — ${n.target.join(' ')}: ${n.failureSummary ?? ''}`));
}

async function check(name: string) {
  await page.locator('.loading').first().waitFor({ state: 'detached' });
  const found = await seriousViolations();
  assert.deepEqual(found, [], `${name}: axe found serious or critical violations:\n${found.join('\n')}`);
}

const PAGES: Array<[string, string, string]> = [
  ['subscribers', 'subscribers', 'Subscribers'],
  ['send form', 'broadcast', 'Send broadcast'],
  ['history, active', 'history?section=active', 'Broadcasting history'],
  ['history, scheduled', 'history?section=scheduled', 'Broadcasting history'],
  ['history, periodic', 'history?section=periodic', 'Broadcasting history'],
  ['history, completed', 'history?section=completed', 'Broadcasting history'],
  ['drafts', 'drafts', 'Drafts'],
  ['logs', 'logs', 'Logs'],
  ['events', 'events', 'Events'],
  ['tags', 'tags', 'Tags'],
  ['screens', 'screens', 'Screens'],
  ['new screen', 'screens/new', 'New screen'],
  ['channels', 'channels', 'Channels'],
  ['sandbox', 'sandbox', 'Sandbox'],
];

test('every page of a bot passes axe with no serious or critical violation', async () => {
  const failures: string[] = [];
  const visit = async (name: string, path: string, heading: string | RegExp) => {
    await page.goto(`${base}/bots/${botId}/${path}`);
    try {
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    } catch (error) {
      await browser.shot(`missing-${name.replace(/\W+/g, '-')}`);
      throw new Error(`${name}: no heading ${heading} in ${(await page.locator('main').textContent())?.slice(0, 300)}`, { cause: error });
    }
    await page.locator('.loading').first().waitFor({ state: 'detached' });
    const found = await seriousViolations();
    if (found.length) failures.push(`${name} (/${path}):\n  ${found.join('\n  ')}`);
  };
  for (const [name, path, heading] of PAGES) await visit(name, path, heading);
  await visit('send', `history/${sendId}`, new RegExp(`#${sendId}`));
  await visit('screen editor', `screens/${screenId}`, /Spring offer|Edit screen/);
  assert.deepEqual(failures, [], `axe found serious or critical violations:\n${failures.join('\n')}`);
});

test('the settings page, the dialogs and the pages of a visitor pass axe', async () => {
  await page.goto(`${base}/settings`);
  await page.getByRole('heading', { name: 'API keys' }).waitFor();
  await check('settings');
  await page.goto(`${base}/bots/${botId}/subscribers`);
  await page.getByRole('table', { name: 'Subscribers' }).getByRole('button', { name: 'Alice Able' }).click();
  await page.getByRole('dialog', { name: 'Alice Able' }).waitFor();
  await check('subscriber drawer');
  await page.keyboard.press('Escape');
  // The resend dialog of the finished send (Bob's delivery failed), with the unknown warning shown.
  await page.goto(`${base}/bots/${botId}/logs/${sendId}`);
  await page.getByRole('button', { name: 'Resend to…' }).click();
  await page
    .getByRole('dialog', { name: `Resend send #${sendId} to…` })
    .getByLabel('Failed (1)')
    .waitFor();
  await check('resend dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'New bot' }).click();
  await page.getByRole('dialog', { name: 'New bot' }).waitFor();
  await check('new bot dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('button', { name: 'Log in' }).waitFor();
  await check('login');
  await page.goto(`${base}/signup`);
  await page
    .getByRole('button', { name: /Create/ })
    .first()
    .waitFor();
  await check('signup');
  // A member of a workspace without bots lands on the welcome page.
  const { email: newcomer } = await t.workspace('Empty workspace');
  await logIn(page, base, newcomer);
  await page.getByRole('heading', { name: 'Create your first bot' }).waitFor();
  await check('welcome');
  await page.getByRole('button', { name: 'Log out' }).click();
  await logInToShop();
});

/** What has the focus: its tag, accessible name-ish text, whether it is inside an open dialog, and its focus ring. */
const focused = () =>
  page.evaluate(`(() => {
    const el = document.activeElement;
    const style = el ? getComputedStyle(el) : null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      name: (el?.getAttribute('aria-label') || el?.labels?.[0]?.textContent || el?.textContent || '').trim().slice(0, 60),
      inDialog: !!el?.closest('dialog[open]'),
      ring: !!style && (style.outlineStyle !== 'none' || style.boxShadow !== 'none'),
    };
  })()`) as Promise<{ tag: string; name: string; inDialog: boolean; ring: boolean }>;

test('keyboard: a dialog keeps the focus inside, Escape closes it, the focus returns to its opener', async () => {
  await page.goto(`${base}/bots/${botId}/subscribers`);
  await page.getByRole('table', { name: 'Subscribers' }).getByText('Alice Able').waitFor();
  const opener = page.getByRole('button', { name: 'New bot' });
  await opener.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'New bot' }).waitFor();
  // Name, Time zone, Cancel, Create bot, Close: more Tabs than controls go round, never out.
  for (let i = 0; i < 12; i++) {
    const now = await focused();
    assert.ok(now.inDialog, `Tab ${i}: the focus left the dialog for ${now.tag} "${now.name}"`);
    assert.ok(now.ring, `Tab ${i}: ${now.tag} "${now.name}" shows no focus ring`);
    await page.keyboard.press('Tab');
  }
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Shift+Tab');
    assert.ok((await focused()).inDialog, `Shift+Tab ${i}: the focus left the dialog`);
  }
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'New bot' }).waitFor({ state: 'detached' });
  assert.equal((await focused()).name, 'New bot', 'the focus is back on the button that opened the dialog');
});

test('keyboard: the send form is reached, filled and sent with Tab and Enter alone', async () => {
  await nav('Send broadcast');
  await page.getByRole('form', { name: 'Send broadcast' }).waitFor();
  await page.getByRole('heading', { name: 'Send broadcast', level: 1 }).focus();
  const tabTo = async (want: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string) => {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const now = await focused();
      assert.ok(now.ring || now.tag === 'body', `${now.tag} "${now.name}" shows no focus ring`);
      if (want(now)) return;
    }
    assert.fail(`${what} was not reached with Tab`);
  };
  await tabTo((f) => f.tag === 'textarea' && /Message text/.test(f.name), 'the message text');
  await page.keyboard.type('Hello from the keyboard');
  await tabTo((f) => f.tag === 'button' && f.name === 'Send', 'the Send button');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/history\?section=active$/);
  await page.locator('.toast', { hasText: 'Broadcast #' }).waitFor();
});

test('the send page announces its progress politely, and tells sent, failed and held apart without colour', async () => {
  await page.goto(`${base}/bots/${botId}/history/${sendId}`);
  await page.getByRole('heading', { name: new RegExp(`#${sendId}`), level: 1 }).waitFor();
  assert.equal(await page.locator('.send-progress [aria-live="polite"]').count(), 1);
  const marks = (await page.evaluate(`['sent', 'failed', 'held', 'unknown'].map((key) =>
    getComputedStyle(document.querySelector('.send-progress [data-count=' + key + '] dt'), '::before').content)`)) as string[];
  assert.equal(new Set(marks).size, 4, `each state has its own mark: ${marks.join(' ')}`);
  assert.ok(
    marks.every((m) => m !== 'none' && m !== 'normal'),
    marks.join(' '),
  );
  // The recipients' states too: Bob blocked the bot (failed), the others got it (sent).
  await page.locator('[data-delivery]').first().waitFor();
  const badges = (await page.evaluate(`[...document.querySelectorAll('[data-delivery] .badge')].map((b) =>
    b.textContent.trim() + ' ' + getComputedStyle(b, '::before').content)`)) as string[];
  assert.ok(badges.some((b) => /^sent .*✓/.test(b)) && badges.some((b) => /^failed .*✕/.test(b)), badges.join(', '));
});
