/**
 * The township office and its cadres in a real browser, on the demo township 清溪镇: a 派出单位
 * with its head and a cadre account sent from it; then a roster of cadres (帮扶干部花名册) imported
 * from Excel, every error listed first. Screenshots go to e2e/screenshots/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { browserAvailable } from './browser';
import { horizontalOverflow, logIn, PHONE, viewShot, withBrowser } from './journey';
import { fillRoster, type RosterLine, templateHeaders } from './roster-workbook';

/** Templates and rosters the roster step writes. */
const work = mkdtempSync(join(tmpdir(), 'fupin-roster-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!browserAvailable())('the township office and its cadres 派出单位与帮扶干部', () => {
  it('records a 派出单位 with its head, gives a cadre account to it, and fits a phone', async () => {
    await withBrowser({}, async ({ page, baseUrl, shot }) => {
      await logIn(page, baseUrl, 'admin', '/admin/units');
      await page.getByTestId('unit-tree').getByText('清溪镇', { exact: true }).click();
      const card = page.getByTestId('work-units');
      // The demo township's cadres come from county bureaus already; this one is new.
      await card.getByText('县交通运输局', { exact: true }).waitFor();

      const row = card.getByRole('row').filter({ hasText: '县自然资源局' });
      // The e2e project retries a failed test once: a unit the first try added is not added again.
      if ((await row.count()) === 0) {
        await card.getByRole('button', { name: '新增派出单位' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('名称').fill('县自然资源局');
        await dialog.getByLabel('负责人').fill('王建国');
        await dialog.getByLabel('职务').fill('局长');
        await dialog.getByLabel('联系电话').fill('13800001111');
        await viewShot(page, '08-work-unit-form');
        await dialog.getByRole('button', { name: '保存' }).click();
        await page.getByText('已新增派出单位“县自然资源局”').waitFor();
        await row.getByText('王建国').waitFor();
        expect(await row.getByTestId('work-unit-cadres').textContent()).toBe('0');
      }
      await row.getByText('王建国').waitFor();
      await shot('08b-work-units');

      // The cadre's account gets the 派出单位; the choices are its township's.
      await page.getByTestId('nav-menu').getByRole('menuitem', { name: '用户管理' }).click();
      await page.getByPlaceholder('姓名 / 用户名 / 手机号').fill('cadre001');
      await page.getByPlaceholder('姓名 / 用户名 / 手机号').press('Enter');
      const users = page.getByTestId('users-table');
      await users.getByRole('row').filter({ hasText: 'cadre001' }).getByRole('button', { name: '编辑' }).click();
      const form = page.getByTestId('edit-user-form');
      await form.getByLabel('派出单位').click();
      await page.locator('.ant-select-item-option').getByText('县自然资源局', { exact: true }).click();
      await viewShot(page, '08c-user-work-unit');
      await form.getByRole('button', { name: '保存' }).click();
      await page.getByText('已保存').first().waitFor();
      await page.keyboard.press('Escape');
      await users.getByRole('row').filter({ hasText: 'cadre001' }).getByText('县自然资源局').waitFor();

      await page.getByTestId('nav-menu').getByRole('menuitem', { name: '单位管理' }).click();
      await page.getByTestId('unit-tree').getByText('清溪镇', { exact: true }).click();
      await expect.poll(() => row.getByTestId('work-unit-cadres').textContent()).toBe('1');
      // A unit that still has its cadre is not deleted: the server says why.
      await row.getByRole('button', { name: '删除 县自然资源局' }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
      await page.getByText('「县自然资源局」仍有帮扶干部，不能删除').waitFor();
      await row.waitFor();
    });

    await withBrowser({ viewport: PHONE }, async ({ page, baseUrl }) => {
      await logIn(page, baseUrl, 'admin', '/admin/units');
      await page.getByTestId('unit-tree').getByText('清溪镇', { exact: true }).click();
      const card = page.getByTestId('work-units');
      await card.getByText('县自然资源局', { exact: true }).waitFor();
      // Below the sticky header, so the picture shows the card's title; after the page's own
      // smooth scroll to the chosen unit has ended.
      await page.waitForTimeout(800);
      await card.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 72));
      expect(await horizontalOverflow(page)).toBe(0);
      const box = await card.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(390);
      await viewShot(page, '15-mobile-work-units');
      await card.getByRole('button', { name: '编辑 县自然资源局' }).click();
      await page.getByRole('dialog').getByLabel('负责人').waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await viewShot(page, '16-mobile-work-unit-form');
      await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();

      await page.goto(`${baseUrl}/admin/users`);
      await page.getByTestId('user-create').click();
      const form = page.getByTestId('create-user-form');
      await form.getByLabel('所属单位').click();
      await page.locator('.ant-select-tree').getByText('东溪村', { exact: true }).click();
      await form.getByLabel('派出单位').click();
      await page.locator('.ant-select-item-option').getByText('县自然资源局', { exact: true }).waitFor();
      await page.keyboard.press('Escape');
      expect(await horizontalOverflow(page)).toBe(0);
      await viewShot(page, '17-mobile-user-work-unit');
    });
  });

  it('imports a roster of cadres from Excel: every error listed, then accounts, 派出单位 and pairings', async () => {
    const run = async (page: Page, baseUrl: string, suffix: string, shoot: (name: string) => Promise<void>) => {
      await logIn(page, baseUrl, 'admin', '/admin/users');
      const get = <T>(path: string) => page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
      const units = await get<{ items: { id: string; name: string; kind: string }[] }>('/api/units');
      const village = units.items.find((u) => u.kind === 'village' && u.name === '东溪村');
      const listed = await get<{ items: { householdNumber: string | null }[] }>(
        `/api/households?villageId=${village?.id}&limit=2`,
      );
      const [first = '', second = ''] = listed.items.map((h) => h.householdNumber ?? '');
      // The e2e project retries a failed test once, and the phone runs the same roster again:
      // a second import updates the two accounts and adds nothing.
      const again = (await get<{ total: number }>('/api/users?q=13900001234')).total > 0;

      await page.getByTestId('roster-open').click();
      const dialog = page.getByRole('dialog');
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('roster-template').click()]);
      expect(download.suggestedFilename()).toBe('清溪镇帮扶干部花名册模板.xlsx');
      const template = join(work, `template${suffix}.xlsx`);
      await download.saveAs(template);
      const { sheets, headers } = await templateHeaders(template);
      expect(sheets).toEqual(['填表说明', '帮扶干部']);
      expect(headers).toEqual(['姓名*', '手机号码*', '派出单位', '结对户编号']);
      // The township's roster as it stands comes in the same layout, to edit and import back.
      const [exported] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('roster-export').click()]);
      expect(exported.suggestedFilename()).toMatch(/^清溪镇帮扶干部花名册\d{4}-\d{2}-\d{2}\.xlsx$/);
      const current = join(work, `current${suffix}.xlsx`);
      await exported.saveAs(current);
      expect((await templateHeaders(current)).headers).toEqual(headers);

      const lines: RosterLine[] = [
        { 姓名: '张卫东', 手机号码: '13900001234', 派出单位: '县水利局', 结对户编号: [first] },
        { 姓名: '李春梅', 手机号码: '13900001235', 派出单位: '县乡村振兴局', 结对户编号: [second] },
      ];
      // Two mistakes, both listed: a short mobile number and a household that is not the township's.
      const bad = join(work, `roster-bad${suffix}.xlsx`);
      await fillRoster(template, bad, [
        { ...(lines[0] as RosterLine), 结对户编号: [first, '369901999999999'] },
        { ...(lines[1] as RosterLine), 手机号码: '1380000' },
      ]);
      await dialog.getByLabel('初始密码').fill('Roster2026a');
      await dialog.locator('input[type=file]').setInputFiles(bad);
      await dialog.getByTestId('roster-submit').click();
      const errors = dialog.getByTestId('roster-errors');
      await errors.getByText('花名册有 2 处错误，未导入任何内容').waitFor({ timeout: 60_000 });
      const errorLines = await errors.getByTestId('roster-error-lines').locator('li').allInnerTexts();
      expect(errorLines).toHaveLength(2);
      expect(errorLines.join('\n')).toContain('「1380000」不是 11 位手机号码');
      expect(errorLines.join('\n')).toContain('369901999999999');
      expect(await horizontalOverflow(page)).toBe(0);
      await shoot('roster-errors');

      const good = join(work, `roster${suffix}.xlsx`);
      await fillRoster(template, good, lines);
      await dialog.locator('input[type=file]').setInputFiles(good);
      await dialog.getByTestId('roster-submit').click();
      const summary = dialog.getByTestId('roster-summary');
      await summary.waitFor({ timeout: 60_000 });
      await summary.getByText('已导入 2 行').waitFor();
      expect(await summary.getByTestId('roster-summary-counts').textContent()).toBe(
        again
          ? '新建 0 个账号，更新 2 个，新增派出单位 0 个，新增结对 0 户'
          : '新建 2 个账号，更新 0 个，新增派出单位 1 个，新增结对 2 户',
      );
      expect(await horizontalOverflow(page)).toBe(0);
      await shoot('roster-summary');
      await dialog.getByTestId('roster-done').click();

      await page.getByPlaceholder('姓名 / 用户名 / 手机号').fill('13900001234');
      await page.getByPlaceholder('姓名 / 用户名 / 手机号').press('Enter');
      const row = page.getByTestId('users-table').getByRole('row').filter({ hasText: '13900001234' });
      await row.getByText('张卫东').first().waitFor();
      await row.getByText('县水利局').first().waitFor();
    };
    await withBrowser({}, async ({ page, baseUrl }) => {
      await run(page, baseUrl, '', (name) => viewShot(page, `18-${name}`));
    });
    await withBrowser({ viewport: PHONE }, async ({ page, baseUrl }) => {
      await run(page, baseUrl, '-phone', (name) => viewShot(page, `19-mobile-${name}`));
    });
  });
});
