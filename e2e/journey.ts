/**
 * What every browser journey does: log in as a demo account, check a phone page does not
 * scroll sideways, and open a browser that is closed whatever happens.
 */
import type { Page } from 'playwright-core';
import { type Browser, openBrowser } from './browser';

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

/** How many pixels the page is wider than the window (0 on a page that fits). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);
}

/** Runs a step in a fresh browser, closed afterwards even when the step fails. */
export async function withBrowser(options: Parameters<typeof openBrowser>[0], run: (b: Browser) => Promise<void>): Promise<void> {
  const b = await openBrowser(options);
  try {
    await run(b);
  } finally {
    await b.close();
  }
}
