/**
 * 责任倒查 (DOMAIN.md §7) in a real browser against the real server and its demo township: the
 * discipline commission (镇纪委, read-only) looks back at last year's campaign, whose deadlines
 * have all passed. It finds a cadre who did not visit their paired households, opens the
 * evidence (which household, how many days late, who stands above them), finds a problem past
 * its deadline with its responsible person and chain, opens the problem (no buttons to change
 * anything), and downloads the 责任倒查表 .xlsx with the same filters. On a 390-px phone the
 * same pages fit without sideways scrolling. By 派出单位: a county bureau's row names its head,
 * and its count opens the lapses whose chain names that head.
 * Screenshots: e2e/screenshots/140–149.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import ExcelJS from '../apps/server/src/io/excel/exceljs';
import { type Browser, browserAvailable, SCREENSHOTS } from './browser';
import { horizontalOverflow, logIn, PASSWORD, PHONE, withBrowser } from './journey';

const PROBLEM = '东溪村饮水水池渗漏，供水不稳定（责任倒查旅程）';

const beijing = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
const TODAY = beijing(new Date());
const FIVE_DAYS_AGO = beijing(new Date(Date.now() - 5 * 86_400_000));
const LAST_YEAR = Number(TODAY.slice(0, 4)) - 1;

const ids = { township: '', dongxi: '', campaign: '', cadre: '', cadreName: '', problem: '' };

/** A screenshot of the viewport only, from the top. */
async function viewShot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** A full-page picture from the top, after toasts and animations settle. */
async function fullShot(page: Page, shot: Browser['shot'], name: string): Promise<void> {
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 8000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(600);
  await shot(name);
}

/** A session of a demo account for the API: what the township office set up before the check. */
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

/** The number a headline figure shows. */
async function figure(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).locator('.ant-statistic-content-value').textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

describe.skipIf(!browserAvailable())('accountability 责任倒查', () => {
  beforeAll(async () => {
    const baseUrl = inject('baseUrl');
    const admin = await api(baseUrl, 'admin');
    const me = await admin<{ user: { roles: { unitId: string; unitKind: string }[] } }>('GET', '/api/me');
    ids.township = me.body.user.roles.find((r) => r.unitKind === 'township')?.unitId ?? '';
    const units = await admin<{ items: { id: string; name: string; kind: string }[] }>('GET', '/api/units');
    ids.dongxi = units.body.items.find((u) => u.kind === 'village' && u.name === '东溪村')?.id ?? '';
    // Last year's campaign with the 2020 plan's calendar: every deadline in it has passed.
    const created = await admin<{ id: string }>('POST', '/api/campaigns', {
      id: crypto.randomUUID(),
      townshipId: ids.township,
      year: LAST_YEAR,
      name: `${LAST_YEAR}年脱贫攻坚大走访大排查大比武`,
    });
    if (created.status === 200) ids.campaign = created.body.id;
    else {
      const list = await admin<{ items: { id: string; year: number }[] }>('GET', `/api/campaigns?townshipId=${ids.township}`);
      ids.campaign = list.body.items.find((c) => c.year === LAST_YEAR)?.id ?? '';
    }
    expect(ids.campaign).not.toBe('');
    const cadre = await (await api(baseUrl, 'cadre001'))<{ user: { id: string; displayName: string } }>('GET', '/api/me');
    ids.cadre = cadre.body.user.id;
    ids.cadreName = cadre.body.user.displayName;
    // A problem the office gave cadre001 with a deadline five days ago, still open.
    ids.problem = crypto.randomUUID();
    const problem = await admin('POST', '/api/problems', {
      id: ids.problem,
      unitId: ids.dongxi,
      category: 'water',
      description: PROBLEM,
      deadline: FIVE_DAYS_AGO,
      responsibleUserId: ids.cadre,
    });
    expect(problem.status).toBe(200);
  });

  it('the discipline commission finds a cadre who did not visit, with the households and the chain above', async () => {
    await withBrowser({}, async ({ page, baseUrl, shot }) => {
      await logIn(page, baseUrl, 'discipline', '/');
      await page.getByTestId('nav-menu').getByRole('menuitem', { name: '责任倒查' }).click();
      await page.waitForURL((u) => u.pathname === '/accountability');
      await page.getByTestId('accountability-page').waitFor();
      await page.getByText('本页只读').waitFor();

      // Look back at last year's campaign.
      await page.getByTestId('campaign-picker').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: `${LAST_YEAR}年` })
        .click();
      await page.waitForURL((u) => u.searchParams.get('campaign') === ids.campaign);
      await page.getByText(`${LAST_YEAR}年脱贫攻坚大走访大排查大比武`).first().waitFor();
      await expect.poll(() => figure(page, 'acc-figure-visit')).toBeGreaterThan(0);
      expect(await figure(page, 'acc-figure-rectify')).toBeGreaterThanOrEqual(1);
      // Every village has its chain, with a vacant seat named rather than left out.
      await page.getByTestId('units-table').getByRole('cell', { name: '东溪村', exact: true }).waitFor();
      await page.getByTestId('units-table').getByText('（空缺）').first().waitFor();
      await page.getByTestId('chart-lapse-units').locator('canvas').first().waitFor();
      await fullShot(page, shot, '140-accountability');

      // The cadre: found by name, their lapses open with the evidence.
      await page.getByTestId('people-search').locator('input').fill(ids.cadreName);
      const row = page.getByTestId('people-table').getByRole('row').filter({ hasText: ids.cadreName });
      await row.getByText('帮扶干部').waitFor();
      await row.getByTestId('person-link').click();
      await page.waitForURL((u) => u.pathname === '/accountability/lapses' && u.searchParams.get('user') === ids.cadre);
      await page.getByTestId('drill-filter-user').getByText(`责任人：${ids.cadreName}`).waitFor();
      const first = page.getByTestId('drill-row').first();
      await first.getByText('结对户走访').waitFor();
      const days = Number(((await first.getByTestId('lapse-days').textContent()) ?? '').replace(/[^\d]/g, ''));
      expect(days).toBeGreaterThan(200); // last spring's visits, never done
      await first.locator('[data-link="stationed_leader"], [data-link="first_secretary"]').first().waitFor();
      await first.locator('[data-link="township_office"]').waitFor();
      // Visits and the problem assigned to them: both answer to the cadre.
      await page.getByTestId('drill-list').getByText(PROBLEM).waitFor();
      await fullShot(page, shot, '141-lapses-person');

      // The evidence: the household they did not visit.
      const household = first.getByTestId('lapse-evidence');
      const name = (await household.textContent()) ?? '';
      await household.click();
      await page.waitForURL((u) => u.pathname.startsWith('/registry/'));
      await page.getByTestId('household-title').getByText(name).waitFor();
      await page.goBack();
      await page.getByTestId('drill-filter-user').waitFor();
    });
  });

  it('finds the overdue problem with its responsible person, opens it read-only, and downloads the 责任倒查表', async () => {
    await withBrowser({}, async ({ page, baseUrl, shot }) => {
      await logIn(page, baseUrl, 'discipline', `/accountability?campaign=${ids.campaign}`);
      await page.getByTestId('acc-figure-rectify').click();
      await page.waitForURL((u) => u.pathname === '/accountability/lapses' && u.searchParams.get('kind') === 'rectify');
      await page.getByTestId('drill-filter-kind').getByText('类别：整改').waitFor();
      const row = page.getByTestId('drill-row').filter({ hasText: PROBLEM });
      await row.getByText('问题整改').waitFor();
      await row.getByTestId('lapse-days').getByText('逾期 5 天').waitFor();
      await row.locator('[data-link="responsible"]').getByText(ids.cadreName).waitFor();
      await row.locator('[data-link="township_office"]').waitFor();
      await fullShot(page, shot, '143-lapses-rectify');

      // The same filters go into the .xlsx.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-lapses').click()]);
      expect(download.suggestedFilename()).toMatch(/^清溪镇责任倒查表_\d{4}-\d{2}-\d{2}\.xlsx$/);
      const file = join(tmpdir(), `fupin-lapses-${process.pid}.xlsx`);
      await download.saveAs(file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const cells: string[] = [];
      wb.eachSheet((sheet) => sheet.eachRow((r) => r.eachCell((c) => void cells.push(String(c.value ?? '')))));
      expect(cells.some((c) => c.includes(PROBLEM))).toBe(true);
      expect(cells.some((c) => c.includes(ids.cadreName))).toBe(true);
      // only the rectification lapses: no visit duty in this export
      expect(cells.some((c) => c.includes('结对户走访'))).toBe(false);

      // Removing the filter shows every lapse again.
      const before = await page.getByTestId('drill-row').count();
      await page.getByTestId('drill-filter-kind').locator('.ant-tag-close-icon').click();
      await page.waitForURL((u) => !u.searchParams.has('kind'));
      await expect.poll(() => page.getByTestId('drill-row').count()).toBeGreaterThanOrEqual(before);
      await page.getByText('结对户走访').first().waitFor();

      // The problem itself, read-only for the commission.
      await page.getByTestId('pick-kind').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '整改' }).click();
      await page.getByTestId('drill-row').filter({ hasText: PROBLEM }).getByTestId('lapse-evidence').click();
      await page.waitForURL((u) => u.pathname === `/problems/${ids.problem}`);
      await page.getByTestId('problem-record').getByText(PROBLEM).waitFor();
      await page.getByTestId('overdue-tag').first().waitFor();
      expect(await page.locator('[data-testid^="action-"]').count()).toBe(0);
      await fullShot(page, shot, '144-problem-evidence');
    });
  });

  it('holds a 派出单位 answerable: its row names the head, and its count opens exactly the lapses whose chain names them', async () => {
    await withBrowser({}, async ({ page, baseUrl, shot }) => {
      await logIn(page, baseUrl, 'discipline', `/accountability?campaign=${ids.campaign}`);
      const card = page.getByTestId('sending-units-card');
      await card.getByText('按派出单位').waitFor();
      // A county bureau with a head on record, read from the page: the demo draws the heads' names,
      // and the admin journey may already have moved cadre001 to a unit of its own.
      const row = card
        .locator('tr.ant-table-row')
        .filter({ has: page.locator('[data-head]') })
        .filter({ has: page.getByTestId('sending-unit-lapses') })
        .first();
      const unit = ((await row.getByTestId('sending-unit-name').textContent()) ?? '').trim();
      const head = (await row.getByTestId('sending-unit-head').getAttribute('data-head')) ?? '';
      expect(unit).toMatch(/^县/);
      expect(head).not.toBe('');
      // the head by name with their title: 王建国（局长）
      expect(await row.getByTestId('sending-unit-head').textContent()).toMatch(new RegExp(`^${head}（.+）$`));
      const count = Number((await row.getByTestId('sending-unit-lapses').textContent()) ?? '');
      expect(count).toBeGreaterThan(0);
      await card.screenshot({ path: join(SCREENSHOTS, '142-sending-units.png') });

      await row.getByTestId('sending-unit-lapses').click();
      await page.waitForURL((u) => u.pathname === '/accountability/lapses' && u.searchParams.get('sending') === unit);
      await page.getByTestId('drill-filter-sending').getByText(`派出单位：${unit}`).waitFor();
      await page.locator('.ant-pagination-total-text').getByText(`共 ${count} 条`).waitFor();
      // Every row's chain names the same head of the same unit.
      const rows = page.getByTestId('drill-row');
      await rows.first().waitFor();
      for (let i = 0; i < Math.min(await rows.count(), 5); i++)
        await rows
          .nth(i)
          .locator('[data-link="unit_head"]')
          .filter({ hasText: head })
          .filter({ hasText: unit })
          .first()
          .waitFor();
      await fullShot(page, shot, '147-lapses-sending');

      // Removing the tag shows every lapse of the campaign again.
      await page.getByTestId('drill-filter-sending').locator('.ant-tag-close-icon').click();
      await page.waitForURL((u) => !u.searchParams.has('sending'));
      await page.getByTestId('drill-filter-sending').waitFor({ state: 'detached' });
    });
  });

  it('fits a 390-px phone', async () => {
    await withBrowser({ viewport: PHONE }, async ({ page, baseUrl }) => {
      await logIn(page, baseUrl, 'discipline', `/accountability?campaign=${ids.campaign}`);
      await page.getByTestId('accountability-figures').waitFor();
      await page.getByTestId('chart-lapse-units').locator('canvas').first().waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await viewShot(page, '145-mobile-accountability');

      await page.goto(`${baseUrl}/accountability/lapses?unit=${ids.township}&campaign=${ids.campaign}&user=${ids.cadre}`);
      await page.getByTestId('drill-row').first().getByText('结对户走访').waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await viewShot(page, '146-mobile-lapses');

      // The 派出单位 card and its list on the phone: the unit and its head beside the figures.
      await page.goto(`${baseUrl}/accountability?campaign=${ids.campaign}`);
      const card = page.getByTestId('sending-units-card');
      await card.getByTestId('sending-unit-head').first().waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await card.scrollIntoViewIfNeeded();
      await card.screenshot({ path: join(SCREENSHOTS, '148-mobile-sending-units.png') });
      const unit = ((await card.getByTestId('sending-unit-name').first().textContent()) ?? '').trim();
      await card.getByTestId('sending-unit-lapses').first().click();
      await page.waitForURL((u) => u.pathname === '/accountability/lapses' && u.searchParams.has('sending'));
      await page.getByTestId('drill-filter-sending').getByText(`派出单位：${unit}`).waitFor();
      await page.getByTestId('drill-row').first().locator('[data-link="unit_head"]').first().waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await viewShot(page, '149-mobile-lapses-sending');
    });
  });
});
