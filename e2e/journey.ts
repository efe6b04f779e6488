/**
 * What every browser journey does: log in as a demo account, check a phone page does not
 * scroll sideways, and open a browser that is closed whatever happens.
 */

import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type Browser, openBrowser, SCREENSHOTS } from './browser';

/** Every demo account's password (README). */
export const PASSWORD = 'fupin2026';
/** The phone the journeys check pages on. */
export const PHONE = { width: 390, height: 844 };

/** Logs in through the login page and waits until the app has opened `next`. */
export async function logIn(page: Page, baseUrl: string, username: string, next: string): Promise<void> {
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((u) => `${u.pathname}${u.search}` === next || u.pathname === next);
}

/** A screenshot of the viewport only: drawers and dialogs are fixed to it, a full page cuts them apart. */
export async function viewShot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400); // let the drawer or dialog finish sliding in
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** How many pixels the page is wider than the window (0 on a page that fits). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);
}

/**
 * Runs a step in a fresh browser, closed afterwards even when the step fails. A failing step
 * leaves its evidence before the e2e project's retry hides it: a screenshot
 * (e2e/screenshots/failed-*.png), the address, and the browser's last console errors, failed
 * requests and 5xx answers, on stderr.
 */
export async function withBrowser(options: Parameters<typeof openBrowser>[0], run: (b: Browser) => Promise<void>): Promise<void> {
  const b = await openBrowser(options);
  const seen: string[] = [];
  const note = (line: string) => {
    seen.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (seen.length > 30) seen.shift();
  };
  b.page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') note(`console.${m.type()}: ${m.text()}`);
  });
  b.page.on('pageerror', (e) => note(`page error: ${e.message}`));
  b.page.on('requestfailed', (r) => note(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
  b.page.on('response', (r) => {
    // Refusals of the API too: a console line "401" does not say which request it was.
    if (r.status() >= 500 || (r.status() >= 400 && r.url().includes('/api/')))
      note(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  try {
    await run(b);
  } catch (error) {
    const shot = await b.shot(`failed-${Date.now()}`).catch(() => 'no screenshot');
    console.error(
      [
        // The call log too (which locator, what it waited for), not only the first line.
        `journey step failed at ${b.page.url()}: ${(error as Error).message.split('\n').slice(0, 8).join('\n    ')}`,
        `screenshot: ${shot}`,
        ...seen,
      ].join('\n  '),
    );
    throw error;
  } finally {
    await b.close();
  }
}
