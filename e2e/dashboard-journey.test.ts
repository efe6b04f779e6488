/**
 * The township dashboard (工作看板) in a real browser against the real server and its demo
 * township: the township office opens its dashboard, clicks a bar of a chart and lands on the
 * list behind it, filtered the same way (the filters shown as tags, removable), with as many rows
 * as the bar counted; a figure and a cadre's number do the same. Village staff see their own
 * village on a phone; the county reviewer sees the county's townships side by side. The cadre
 * given a problem sees the bell's unread badge, opens the notification and lands on the problem.
 * Desktop and a 390-px phone. Screenshots: e2e/screenshots/150–159.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, browserAvailable, SCREENSHOTS } from './browser';
import { horizontalOverflow, logIn, PASSWORD, PHONE, withBrowser } from './journey';

const OVERDUE = '结对户危房改造未完工，屋顶仍漏雨（看板旅程）';
const OPEN = '石桥村两户饮水管道未接通（看板旅程）';

const beijing = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
const THREE_DAYS_AGO = beijing(new Date(Date.now() - 3 * 86_400_000));
const IN_TEN_DAYS = beijing(new Date(Date.now() + 10 * 86_400_000));

const ids = { township: '', dongxi: '', shiqiao: '', cadre: '', cadreName: '', household: '', overdue: '' };

interface Counts {
  tasks: number;
  done: number;
  late: number;
  due: number;
  missing: number;
  upcoming: number;
}
interface Dashboard {
  visits: { byVillage: (Counts & { villageId: string; villageName: string })[]; byCadre: (Counts & { userId: string })[] };
  problems: {
    totals: { open: number; overdue: number; closed: number };
    byVillage: { villageId: string | null; villageName: string; open: number; overdue: number; closed: number }[];
  };
}

/** A screenshot of the viewport only, from the top. */
async function viewShot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** A full-page picture from the top, after toasts and the charts' entry animation. */
async function fullShot(page: Page, shot: Browser['shot'], name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(900);
  await shot(name);
}

async function api(baseUrl: string, username: string) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(res.status, `login ${username}`).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, 'x-fupin-lang': 'zh-CN', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as T };
  };
}

/**
 * Clicks a bar of an ECharts chart for one category (a village's name) as a person would: the
 * mouse moves across the chart until the axis tooltip names the category, then along that band
 * until the pointer turns into a hand over a bar, and clicks there.
 */
async function clickBar(chart: Locator, category: string, horizontal: boolean): Promise<void> {
  const page = chart.page();
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error('chart not visible');
  const tooltipHead = () =>
    chart.evaluate((el) => {
      const tip = [...el.querySelectorAll('div')].find((d) => d.style.position === 'absolute' && d.style.display !== 'none');
      return (tip?.textContent ?? '').trim();
    });
  const pointer = () => chart.evaluate((el) => (el.firstElementChild as HTMLElement | null)?.style.cursor === 'pointer');
  const across = horizontal ? box.height : box.width;
  const along = horizontal ? box.width : box.height;
  const at = (a: number, b: number) => (horizontal ? { x: box.x + b, y: box.y + a } : { x: box.x + a, y: box.y + b });
  // 1. the band of the category, found where the axis tooltip starts with its name
  const band: number[] = [];
  for (let a = 4; a < across; a += 6) {
    const p = at(a, horizontal ? along * 0.5 : along * 0.6);
    await page.mouse.move(p.x, p.y);
    if ((await tooltipHead()).startsWith(category)) band.push(a);
    else if (band.length) break;
  }
  if (!band.length) throw new Error(`no bar for ${category}`);
  // 2. along the band from the axis to the first bar under the pointer; a band may hold two bars
  // side by side (overdue beside open and closed), so a few lines across it are tried
  const steps = [...Array(Math.floor(along / 4)).keys()].map((i) => (horizontal ? i * 4 : along - i * 4));
  for (const share of [0.3, 0.7, 0.5]) {
    const a = (band[0] as number) + ((band[band.length - 1] as number) - (band[0] as number)) * share;
    for (const b of steps) {
      const p = at(a, b);
      await page.mouse.move(p.x, p.y);
      if (await pointer()) {
        await page.mouse.click(p.x, p.y);
        return;
      }
    }
  }
  throw new Error(`no clickable bar for ${category}`);
}

/** The number a headline figure shows. */
async function figure(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).locator('.ant-statistic-content-value').textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

/** The rows a list says it holds (共 N 条). */
async function listTotal(page: Page): Promise<number> {
  const rows = page.getByTestId('drill-row');
  const total = page.locator('.ant-pagination-total-text');
  if (await total.count()) return Number(((await total.first().textContent()) ?? '').replace(/[^\d]/g, ''));
  return rows.count();
}

describe.skipIf(!browserAvailable())('the township dashboard 工作看板', () => {
  beforeAll(async () => {
    const baseUrl = inject('baseUrl');
    const admin = await api(baseUrl, 'admin');
    const me = await admin<{ user: { roles: { unitId: string; unitKind: string }[] } }>('GET', '/api/me');
    ids.township = me.body.user.roles.find((r) => r.unitKind === 'township')?.unitId ?? '';
    const units = await admin<{ items: { id: string; name: string; kind: string }[] }>('GET', '/api/units');
    const village = (name: string) => units.body.items.find((u) => u.kind === 'village' && u.name === name)?.id ?? '';
    ids.dongxi = village('东溪村');
    ids.shiqiao = village('石桥村');
    const asCadre = await api(baseUrl, 'cadre001');
    const cadre = await asCadre<{ user: { id: string; displayName: string } }>('GET', '/api/me');
    ids.cadre = cadre.body.user.id;
    ids.cadreName = cadre.body.user.displayName;
    ids.household = (await asCadre<{ items: { id: string }[] }>('GET', '/api/households?limit=1')).body.items[0]?.id ?? '';
    // Two problems from the sector inspection: one of cadre001's paired households past its
    // deadline (given to cadre001, who is notified), one still within it.
    ids.overdue = crypto.randomUUID();
    for (const [id, unitId, householdId, category, description, deadline, responsibleUserId] of [
      [ids.overdue, ids.dongxi, ids.household, 'housing', OVERDUE, THREE_DAYS_AGO, ids.cadre],
      [crypto.randomUUID(), ids.shiqiao, null, 'water', OPEN, IN_TEN_DAYS, null],
    ] as const) {
      const r = await admin('POST', '/api/problems', {
        id,
        unitId,
        householdId,
        category,
        description,
        deadline,
        responsibleUserId,
      });
      expect(r.status).toBe(200);
    }
  });

  it('the township office drills down from a chart, a figure and a cadre to the lists behind them', async () => {
    await withBrowser({}, async ({ page, baseUrl, shot }) => {
      const admin = await api(baseUrl, 'admin');
      const d = (await admin<Dashboard>('GET', `/api/dashboard?unitId=${ids.township}`)).body;
      await logIn(page, baseUrl, 'admin', '/');
      await page.getByTestId('nav-menu').getByRole('menuitem', { name: '工作看板' }).click();
      await page.waitForURL((u) => u.pathname === '/dashboard');
      await page.getByTestId('dashboard-page').getByText('清溪镇工作看板').waitFor();
      await page.getByTestId('chart-visit-villages').locator('canvas').first().waitFor();
      expect(await figure(page, 'figure-overdue')).toBe(d.problems.totals.overdue);
      expect(await figure(page, 'figure-tasks')).toBe(d.visits.byVillage.reduce((n, v) => n + v.tasks, 0));
      await fullShot(page, shot, '150-dashboard');

      // A bar of 东溪村 in 按村 (problems): the list of those problems, the same count.
      await clickBar(page.getByTestId('chart-problem-villages'), '东溪村', false);
      await page.waitForURL((u) => u.pathname === '/dashboard/problems' && u.searchParams.get('village') === ids.dongxi);
      const state = new URL(page.url()).searchParams.get('state') as 'open' | 'overdue' | 'closed';
      const row = d.problems.byVillage.find((v) => v.villageId === ids.dongxi);
      await page.getByTestId('drill-filter-village').getByText('村：东溪村').waitFor();
      await page.getByTestId('drill-filter-state').waitFor();
      await page.getByTestId('drill-row').first().waitFor();
      expect(await listTotal(page)).toBe(row?.[state]);
      await page.getByTestId('drill-list').getByText(OVERDUE).waitFor();
      await fullShot(page, shot, '151-drill-chart');

      // Removing the village shows that state across the township.
      await page.getByTestId('drill-filter-village').locator('.ant-tag-close-icon').click();
      await page.waitForURL((u) => !u.searchParams.has('village'));
      await expect.poll(() => listTotal(page)).toBe(d.problems.totals[state]);

      // 逾期问题, the figure: the overdue problems, soonest deadline first, each saying how late.
      await page.getByTestId('back-to-dashboard').click();
      await page.getByTestId('figure-overdue').click();
      await page.waitForURL((u) => u.pathname === '/dashboard/problems' && u.searchParams.get('state') === 'overdue');
      await page.getByTestId('drill-filter-state').getByText('状态：逾期').waitFor();
      const late = page.getByTestId('drill-row').filter({ hasText: OVERDUE });
      await late.getByText('逾期 3 天').waitFor();
      expect(await page.getByTestId('drill-list').getByText(OPEN).count()).toBe(0);
      await late.getByRole('link', { name: OVERDUE }).click();
      await page.waitForURL((u) => u.pathname === `/problems/${ids.overdue}`);
      await page.goBack();

      // A village's visits from the visit chart, then one cadre's from the table.
      await page.goto(`${baseUrl}/dashboard`);
      await clickBar(page.getByTestId('chart-visit-villages'), '石桥村', false);
      await page.waitForURL((u) => u.pathname === '/dashboard/visits' && u.searchParams.get('village') === ids.shiqiao);
      const vstate = new URL(page.url()).searchParams.get('state') as keyof Counts;
      await page.getByTestId('drill-filter-village').getByText('村：石桥村').waitFor();
      await page.getByTestId('drill-row').first().waitFor();
      expect(await listTotal(page)).toBe(d.visits.byVillage.find((v) => v.villageId === ids.shiqiao)?.[vstate]);
      await fullShot(page, shot, '152-drill-visits');

      await page.getByTestId('back-to-dashboard').click();
      await page.getByTestId('cadre-search').locator('input').fill(ids.cadreName);
      const cadreRow = page.getByTestId('cadre-table').getByRole('row').filter({ hasText: ids.cadreName });
      await cadreRow.getByRole('link', { name: ids.cadreName }).click();
      await page.waitForURL((u) => u.pathname === '/dashboard/visits' && u.searchParams.get('cadre') === ids.cadre);
      await page.getByTestId('drill-filter-cadre').getByText(`帮扶干部：${ids.cadreName}`).waitFor();
      const cadre = d.visits.byCadre.find((c) => c.userId === ids.cadre);
      await expect.poll(() => listTotal(page)).toBe(cadre?.tasks);
      await page.getByTestId('drill-list').getByText(ids.cadreName).first().waitFor();

      // The summaries: which villages have not reported 附件3.
      await page.getByTestId('back-to-dashboard').click();
      await page.getByTestId('summary-visit-pending').click();
      await page.waitForURL((u) => u.pathname === '/dashboard/summaries' && u.searchParams.get('state') === 'pending');
      await page.getByTestId('drill-filter-state').getByText('状态：未上报').waitFor();
      await page.getByTestId('drill-row').first().waitFor();
      await fullShot(page, shot, '153-drill-summaries');

      // 走访汇总已上报, the figure: the villages in, on time or late, as many as it counts.
      await page.getByTestId('back-to-dashboard').click();
      const reported = await figure(page, 'figure-summaries');
      await page.getByTestId('figure-summaries').click();
      await page.waitForURL((u) => u.pathname === '/dashboard/summaries' && u.searchParams.get('state') === 'reported');
      await page.getByTestId('drill-filter-state').getByText('状态：已上报（含逾期上报）').waitFor();
      await page.getByTestId('drill-list').waitFor();
      await expect.poll(() => listTotal(page)).toBe(reported);
    });
  });

  it('on a phone: the dashboard fits 390 px, and a tap on a bar opens its list', async () => {
    await withBrowser({ viewport: PHONE }, async ({ page, baseUrl }) => {
      await logIn(page, baseUrl, 'admin', '/dashboard');
      await page.getByTestId('chart-problem-villages').locator('canvas').first().waitFor();
      await page.waitForTimeout(800);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await viewShot(page, '154-mobile-dashboard');
      await clickBar(page.getByTestId('chart-problem-villages'), '东溪村', true);
      await page.waitForURL((u) => u.pathname === '/dashboard/problems' && u.searchParams.get('village') === ids.dongxi);
      await page.getByTestId('drill-row').first().waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await viewShot(page, '155-mobile-drill');
    });
  });

  it('village staff see their own village', async () => {
    await withBrowser({ viewport: PHONE }, async ({ page, baseUrl }) => {
      await logIn(page, baseUrl, 'v01', '/dashboard');
      await page.getByTestId('dashboard-page').getByText('东溪村工作看板').waitFor();
      await page.getByTestId('chart-visit-villages').locator('canvas').first().waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await viewShot(page, '156-mobile-village-dashboard');
    });
  });

  it('the cadre given a problem sees the bell’s badge, opens the notice and lands on the problem', async () => {
    await withBrowser({}, async ({ page, baseUrl, shot }) => {
      await logIn(page, baseUrl, 'cadre001', '/');
      const badge = page.getByTestId('notification-badge').locator('.ant-badge-count');
      await badge.waitFor();
      const before = Number((await badge.getAttribute('title')) ?? '0');
      expect(before).toBeGreaterThanOrEqual(1);
      await page.getByTestId('notification-bell').click();
      const item = page.getByTestId('notification-popover').getByTestId('notification-item').filter({ hasText: OVERDUE });
      await item.getByText('问题交办').waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SCREENSHOTS, '157-notifications.png') });
      await item.click();
      await page.waitForURL((u) => u.pathname === `/problems/${ids.overdue}`);
      await page.getByTestId('problem-record').getByText(OVERDUE).waitFor();
      await expect
        .poll(async () => ((await badge.count()) ? Number((await badge.getAttribute('title')) ?? '0') : 0))
        .toBe(before - 1);
      void shot;
    });
    await withBrowser({ viewport: PHONE }, async ({ page, baseUrl }) => {
      await logIn(page, baseUrl, 'cadre001', '/');
      await page.getByTestId('notification-bell').click();
      await page.waitForURL((u) => u.pathname === '/notifications');
      await page.getByTestId('notification-item').first().waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await viewShot(page, '158-mobile-notifications');
      await page.getByTestId('notifications-read-all').click();
      await page.getByText('已全部标为已读').waitFor();
      await page.getByTestId('notification-badge').locator('.ant-badge-count').waitFor({ state: 'detached' });
      expect(await page.locator('[data-testid="notification-item"][data-unread="true"]').count()).toBe(0);
    });
  });

  it('the county reviewer sees the townships side by side and opens one', async () => {
    await withBrowser({}, async ({ page, baseUrl, shot }) => {
      await logIn(page, baseUrl, 'reviewer', '/');
      await page.getByTestId('nav-menu').getByRole('menuitem', { name: '全县看板' }).click();
      await page.waitForURL((u) => u.pathname === '/dashboard/county');
      await page.getByTestId('county-table').getByText('清溪镇').waitFor();
      await page.getByTestId('chart-county').locator('canvas').first().waitFor();
      await fullShot(page, shot, '159-county');
      await page.getByTestId('county-table').getByTestId('county-township').filter({ hasText: '清溪镇' }).click();
      await page.waitForURL((u) => u.pathname === '/dashboard' && u.searchParams.get('unit') === ids.township);
      await page.getByTestId('dashboard-page').getByText('清溪镇工作看板').waitFor();
    });
  });
});
