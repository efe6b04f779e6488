/**
 * Chromium for the journeys: Debian's /usr/bin/chromium driven by playwright-core, in a fresh
 * profile, headless, with the flags this sandbox needs. Screenshots go to e2e/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const SCREENSHOTS = resolve(import.meta.dirname, 'screenshots');

/** Whether the journeys can run here; when not, they say so and are skipped. */
export function browserAvailable(): boolean {
  const ok = inject('chromium') !== '';
  if (!ok)
    console.warn(
      '浏览器测试已跳过 Browser journeys SKIPPED: /usr/bin/chromium is not installed (set CHROMIUM_PATH or apt install chromium)',
    );
  return ok;
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  /** Saves a full-page screenshot as e2e/screenshots/<name>.png and returns its path. */
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openBrowser(
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'fupin-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: inject('chromium'),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: options.viewport ?? { width: 1366, height: 860 },
    locale: options.locale ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    page,
    baseUrl: inject('baseUrl'),
    shot: async (name) => {
      const path = join(SCREENSHOTS, `${name}.png`);
      // From the top: a page scrolled down drew its sticky header across the middle of the picture.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Moves the server's clock this many days ahead of the real time (0 puts it back). The server
 * re-reads the offset within 200 ms; sessions idle out after 12 hours, so log in again after.
 */
export async function moveServerClock(days: number): Promise<void> {
  writeFileSync(inject('clockFile'), String(Math.round(days * 24 * 60 * 60 * 1000)));
  await new Promise((r) => setTimeout(r, 300));
}
