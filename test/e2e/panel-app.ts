// The setup most browser test files share: an in-process Botcast serving the panel on a port, one
// workspace (its owner's e-mail and API key), and a browser on it (none when Chromium is missing:
// browserTest then skips). Each test file runs in its own process and ES module exports are live,
// so a file calls usePanelApp once and reads `t`, `page`, … as they are when its tests run.
import { after, before } from 'node:test';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { BROWSER_MISSING, openBrowser, type TestBrowser } from './browser.ts';

export let t: TestApp;
export let base: string;
export let email: string;
export let key: string;
export let workspaceId: number;
export let browser: TestBrowser;
export let page: Page;

/** Registers the file's before and after hooks; `shots` prefixes its screenshots in test-results/. */
export function usePanelApp(workspaceName: string, shots: string) {
  before(async () => {
    t = await startTestApp();
    base = await t.app.server!.listen({ port: 0, host: '127.0.0.1' });
    ({ email, key, workspaceId } = await t.workspace(workspaceName));
    if (BROWSER_MISSING) return;
    browser = await openBrowser(base, shots);
    page = browser.page;
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });
}
