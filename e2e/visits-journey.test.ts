/**
 * The big visit (大走访) on a phone, against the real server and its demo township: a cadre opens
 * 我的走访 online (the service worker installs), loses the signal, fills two forms (one finds a
 * water problem), reloads the page with no network (the app still opens, the two forms still
 * wait), gets the signal back and the forms go — each recorded exactly once. Then village staff
 * decide the differences (one made a conflict by an edit after the visit) and submit the village
 * summary, and the township office sees the village as 已上报. Screenshots: e2e/screenshots/8x–9x.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Browser, browserAvailable, openBrowser } from './browser';

const PASSWORD = 'fupin2026';
const PHONE = { width: 390, height: 844 };

async function logIn(page: Page, baseUrl: string, username: string, next: string): Promise<void> {
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((u) => u.pathname === next);
}

async function withBrowser(run: (b: Browser) => Promise<void>): Promise<void> {
  const b = await openBrowser({ viewport: PHONE });
  try {
    await run(b);
  } finally {
    await b.close();
  }
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);
}

/** A signed-in API session from Node (the server wants the Origin of a write to be its own). */
async function apiSession(baseUrl: string, username: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, origin: baseUrl, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };
}

/** A full-page picture from the top (the sticky header stays on top only there). */
async function topShot(page: Page, shot: Browser['shot'], name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await shot(name);
}

/** Goes through the steps to 确认, with what each test needs done on the way. */
async function fillForm(page: Page, shot: Browser['shot'], prefix: string | null, waterProblem: boolean): Promise<void> {
  const next = page.getByTestId('step-next');
  await page.getByTestId('step-look').waitFor();
  if (prefix) await topShot(page, shot, `${prefix}1-form-look`);
  await next.click();
  await page.getByTestId('step-check').waitFor();
  if (prefix) await topShot(page, shot, `${prefix}2-form-check`);
  await next.click();
  await page.getByTestId('step-calc').waitFor();
  if (waterProblem) {
    // Transfer income as found: the K1 flag shows at once, and the figure differs from the registry.
    const transfer = page.getByTestId('income-transferIncome');
    await transfer.fill('60000');
    await page.getByTestId('live-flags').locator('[data-testid="flag-K1"]').waitFor();
    await page.getByTestId('step-calc').getByText('已更改').first().waitFor();
  }
  if (prefix) await topShot(page, shot, `${prefix}3-form-calc`);
  await next.click();
  await page.getByTestId('step-listen').waitFor();
  if (waterProblem) {
    await page.getByTestId('water-quality').getByText('不达标').click();
    await page.getByTestId('problem-water').fill('井水浑浊，雨后发黄');
    if (prefix) await topShot(page, shot, `${prefix}4-form-listen-water`);
  }
  await next.click();
  await page.getByTestId('step-talk').waitFor();
  // A household not yet out needs its plan for the year.
  if (await page.getByTestId('plan').getByText('未脱贫户须制定').count()) {
    await page.getByTestId('plan-add').click();
    await page.getByTestId('plan-description').last().fill('发展脐橙种植 5 亩');
  }
  if (prefix) await topShot(page, shot, `${prefix}5-form-talk`);
  await next.click();
  await page.getByTestId('step-confirm').waitFor();
}

describe.skipIf(!browserAvailable())('大走访 on a phone with no signal', () => {
  it('fills two forms offline, survives a reload, sends each exactly once, then the village and township take over', async () => {
    let households: string[] = [];
    let baseUrl = '';
    await withBrowser(async ({ page, context, shot, baseUrl: base }) => {
      baseUrl = base;
      await logIn(page, baseUrl, 'cadre001', '/visits');
      await page.getByTestId('visits-page').waitFor();
      // Online first: the service worker installs, precaches the app and takes the page over.
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await page.getByTestId('group-due').waitFor();
      await page.getByTestId('countdown').waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await shot('80-visits-online');

      households = (
        await page
          .getByTestId('group-due')
          .getByTestId('task-card')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-household') ?? ''))
      ).slice(0, 2);
      expect(households).toHaveLength(2);

      await context.setOffline(true);
      await page.getByTestId('net-state').getByText('离线').waitFor();

      // Form 1: a water problem, and transfer income as found.
      await page.locator(`[data-household="${households[0]}"]`).click();
      await page.waitForURL((u) => u.pathname === `/visits/${households[0]}/new`);
      await fillForm(page, shot, '8', true);
      const problems = page.getByTestId('confirm-problems');
      await problems.getByText('饮水安全', { exact: true }).waitFor();
      await problems.getByText(/不达标：水质；井水浑浊/).waitFor();
      await page.getByTestId('confirm-differences').getByText('转移性收入').waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await topShot(page, shot, '86-form-confirm');
      await page.getByTestId('visit-submit').click();
      await page.waitForURL((u) => u.pathname === '/visits');
      await expect.poll(() => page.getByTestId('sync-waiting').getAttribute('data-count')).toBe('1');

      // Form 2: nothing found.
      await page.locator(`[data-household="${households[1]}"]`).click();
      await fillForm(page, shot, null, false);
      await page.getByTestId('visit-submit').click();
      await page.waitForURL((u) => u.pathname === '/visits');
      await expect.poll(() => page.getByTestId('sync-waiting').getAttribute('data-count')).toBe('2');
      await shot('87-visits-two-waiting');

      // Reload with no network: the shell comes from the service worker, the queue from IndexedDB.
      await page.reload();
      await page.getByTestId('visits-page').waitFor();
      await expect.poll(() => page.getByTestId('sync-waiting').getAttribute('data-count')).toBe('2');
      await page.getByTestId('net-state').getByText('离线').waitFor();
      expect(
        await page.evaluate(() =>
          fetch('/api/health').then(
            () => 'reached',
            () => 'offline',
          ),
        ),
      ).toBe('offline');
      await shot('88-visits-offline-reloaded');

      // The signal returns: the forms go by themselves.
      await context.setOffline(false);
      await expect.poll(() => page.getByTestId('sync-waiting').getAttribute('data-count'), { timeout: 30_000 }).toBe('0');
      await page.getByTestId('outbox-entry').first().waitFor();
      // The task list is fetched again: both households are now visited.
      await expect.poll(() => page.getByTestId('group-done').getByTestId('task-card').count(), { timeout: 15_000 }).toBe(2);
      await shot('89-visits-synced');
      // A second round sends nothing twice.
      await page.getByTestId('sync-now').click();
      await page.waitForTimeout(1000);

      for (const id of households) {
        const res = await page.request.get(`${baseUrl}/api/visits?householdId=${id}`);
        expect(res.status()).toBe(200);
        const { items } = (await res.json()) as { items: unknown[] };
        expect(items, `visits of ${id}`).toHaveLength(1);
      }

      // The printable form.
      await page.getByTestId('outbox-entry').filter({ hasText: '发现问题 1' }).getByRole('link').click();
      await page.getByTestId('visit-print').getByText('井水浑浊，雨后发黄').waitFor();
      await shot('90-visit-record');
    });

    // After the visit someone edits the same registry field: the village sees a conflict.
    const admin = await apiSession(baseUrl, 'admin');
    const h = await admin<Record<string, unknown> & { transferIncome: number }>('GET', `/api/households/${households[0]}`);
    await admin('PUT', `/api/households/${households[0]}`, { ...h, transferIncome: h.transferIncome + 1234 });

    await withBrowser(async ({ page, shot }) => {
      await logIn(page, baseUrl, 'v01', '/visits/review');
      const conflict = page.locator('[data-testid="discrepancy"][data-conflict="true"]').first();
      await conflict.waitFor();
      for (const label of ['台账原值', '走访发现', '台账现值']) await conflict.getByText(label, { exact: true }).waitFor();
      await conflict.getByText('60,000 元').waitFor();
      expect(await conflict.getByTestId('accept').isDisabled()).toBe(true);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await shot('91-review-conflict');
      await conflict.getByTestId('confirm-conflict').click();
      await conflict.getByTestId('accept').click();
      await page.getByText('已采纳，台账已更新').waitFor();
      await shot('92-review-accepted');
      const after = await admin<{ transferIncome: number }>('GET', `/api/households/${households[0]}`);
      expect(after.transferIncome).toBe(60000);

      await page.getByTestId('menu-button').click();
      await page.getByTestId('nav-menu').getByRole('menuitem', { name: '走访汇总' }).click();
      await page.getByTestId('summary-view').waitFor();
      await page.getByTestId('summary-submit').click();
      await page.getByTestId('summary-submit-ok').click();
      await page.getByTestId('summary-locked').waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await shot('93-summary-submitted');
    });

    await withBrowser(async ({ page, shot }) => {
      await logIn(page, baseUrl, 'admin', '/visits/overview');
      const row = page.getByTestId('overview-villages').getByRole('row', { name: /东溪村/ });
      await row.getByText('已上报').waitFor();
      await row.getByTestId('reopen').waitFor();
      await page.getByTestId('overview-cadres').locator('tbody tr.ant-table-row').first().waitFor();
      await shot('94-overview');
    });
  });
});
