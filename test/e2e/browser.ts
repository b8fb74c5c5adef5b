// Shared set-up of the browser tests: Debian's Chromium through playwright-core (headless, no
// sandbox, no background traffic), a page that may only talk to the Botcast under test, and
// full-page screenshots into test-results/ (not committed).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { afterEach, test, type TestContext } from 'node:test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.BOTCAST_CHROMIUM ?? '/usr/bin/chromium';
/**
 * Why the browser tests cannot run here, or '' when they can. test/run.mjs installs Debian's
 * Chromium first when it is missing and it may (root, apt-get); otherwise these tests are skipped
 * with this reason, and the runner's closing line says so.
 */
export const BROWSER_MISSING = existsSync(CHROMIUM) ? '' : `no Chromium at ${CHROMIUM} (apt-get install chromium, or set BOTCAST_CHROMIUM)`;

/** A test that needs the browser: skipped, with the reason, when there is none. */
export function browserTest(name: string, fn: (ctx: TestContext) => Promise<void>): void {
  test(name, { skip: BROWSER_MISSING || false }, fn);
}
export const SHOTS = join(process.cwd(), 'test-results');
export const PASSWORD = 'correct horse battery';

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** A full-page screenshot test-results/<prefix>-<name>.png, without toasts. */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

// Every open browser, so that a failing test leaves a picture of the page as it was when it failed
// (test-results/failed-<prefix>-<test>.png): an intermittent failure is explained from that.
const openBrowsers = new Map<Page, string>();
afterEach(async (t) => {
  // (`passed` is Node 20.12+; the installed typings predate it.)
  if ((t as { passed?: boolean }).passed !== false) return;
  const name = t.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
  for (const [page, prefix] of openBrowsers) {
    await page.screenshot({ path: join(SHOTS, `failed-${prefix}-${name}.png`), fullPage: true }).catch(() => undefined);
  }
});

export async function openBrowser(base: string, prefix: string): Promise<TestBrowser> {
  mkdirSync(SHOTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'botcast-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 800 },
  });
  // Generous: CI machines are shared and a cold page (first import of every module) can be slow.
  context.setDefaultTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());
  openBrowsers.set(page, prefix);
  // No request of the panel may leave Botcast.
  await page.route(
    (url) => !url.href.startsWith(base),
    (route) => route.abort(),
  );
  return {
    context,
    page,
    async shot(name: string) {
      // Toasts of earlier steps would cover the page: the story runs faster than they fade.
      // (Hidden through the DOM: the panel's Content-Security-Policy refuses injected style sheets.)
      // (Strings: the tests are type-checked without the DOM library.)
      // The window is made as tall as the page, so what sticks to its bottom (the send form's
      // actions) is drawn where it ends up, not over the middle of a long page.
      await page.evaluate("window.scrollTo(0, 0); document.querySelector('.toasts')?.style.setProperty('display', 'none')");
      const size = page.viewportSize() ?? { width: 1280, height: 800 };
      const height = (await page.evaluate('document.documentElement.scrollHeight')) as number;
      await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.min(height, 6000)) });
      await page.screenshot({ path: join(SHOTS, `${prefix}-${name}.png`), fullPage: true });
      await page.setViewportSize(size);
      await page.evaluate("document.querySelector('.toasts')?.style.removeProperty('display')");
    },
    async close() {
      openBrowsers.delete(page);
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits for the element and returns its text. */
export async function textOf(page: Page, selector: string) {
  const locator = page.locator(selector).first();
  await locator.waitFor();
  return (await locator.textContent()) ?? '';
}

export async function logIn(page: Page, base: string, email: string, password = PASSWORD) {
  await page.goto(`${base}/`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  // Logged in when the form is gone: a page.goto right after the click would abort the login
  // request and land on the login form again (a failure seen at load 6).
  await page.getByRole('button', { name: 'Log in' }).waitFor({ state: 'detached' });
}
