/**
 * The township office's first steps in a real browser against the real server and its demo
 * township 清溪镇: log in, see the unit tree, manage users, switch language, log out; then the
 * same pages on a phone; then a 派出单位 with its head, and a cadre account sent from it; then what a
 * cadre may not see; then the forced password change of an account the office creates; then a
 * roster of cadres imported from Excel. Screenshots of every step go to e2e/screenshots/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { type Browser, browserAvailable, openBrowser, SCREENSHOTS } from './browser';
import { fillRoster, type RosterLine, templateHeaders } from './roster-workbook';

const PASSWORD = 'fupin2026';
/** Templates and rosters the roster step writes. */
const work = mkdtempSync(join(tmpdir(), 'fupin-roster-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function logIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** Waits for the login page to have rendered (the first load shows a spinner). */
async function onLoginPage(page: Page): Promise<void> {
  await page.waitForURL((u) => u.pathname === '/login');
  await page.getByRole('button', { name: '登录', exact: true }).waitFor();
}

/** The page body is no wider than the viewport: nothing overflows sideways. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);
}

/** Labels of the side menu (or the drawer menu on a phone). */
async function menuLabels(page: Page): Promise<string[]> {
  const items = page.getByTestId('nav-menu').getByRole('menuitem');
  return (await items.allInnerTexts()).map((s) => s.trim());
}

async function logOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: /退出登录|Log out/ }).click();
  await onLoginPage(page);
}

/** A screenshot of the viewport only: drawers and dialogs are fixed to it, a full page cuts them apart. */
async function viewShot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400); // let the drawer or dialog finish sliding in
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

async function withBrowser(options: Parameters<typeof openBrowser>[0], run: (b: Browser) => Promise<void>): Promise<void> {
  const b = await openBrowser(options);
  try {
    await run(b);
  } finally {
    await b.close();
  }
}

describe.skipIf(!browserAvailable())('township office journey 镇扶贫办', () => {
  it('logs in, sees the unit tree and the users, switches language, logs out', async () => {
    await withBrowser({}, async ({ page, baseUrl, shot }) => {
      // A page asked for before logging in is remembered and opened after.
      await page.goto(`${baseUrl}/admin/units`);
      await onLoginPage(page);
      expect(new URL(page.url()).searchParams.get('next')).toBe('/admin/units');
      expect(await page.title()).toBe('扶贫 Fupin');
      await shot('01-login');

      await logIn(page, 'admin', 'wrong-password-1');
      await page.getByTestId('login-error').getByText('用户名或密码错误').waitFor();
      await shot('01b-login-error');

      await logIn(page, 'admin');
      await page.waitForURL((u) => u.pathname === '/admin/units');
      const tree = page.getByTestId('unit-tree');
      await tree.getByText('清溪镇', { exact: true }).waitFor();
      await tree.getByText('东溪村', { exact: true }).waitFor();
      expect(await page.getByTestId('brand').textContent()).toContain('扶贫 · 大走访 大排查 大比武');
      expect(await menuLabels(page)).toEqual([
        '工作台',
        '工作看板',
        '农户台账',
        '导入农户',
        '我的走访',
        '台账核对',
        '走访进度',
        '问题台账',
        '排查',
        '排查汇总',
        '督办整改单',
        '研判会',
        '大比武',
        '年度得分',
        '重点户规则',
        '检查清单',
        '比武设置',
        '单位管理',
        '用户管理',
        '责任倒查',
        '操作日志',
      ]);
      await shot('02-units');

      await tree.getByText('东溪村', { exact: true }).click();
      const detail = page.getByTestId('unit-detail');
      await detail.getByText('区划代码').waitFor();
      await detail.getByText('村', { exact: true }).waitFor();
      await detail.getByRole('button', { name: '新增下级' }).waitFor();
      await shot('03-unit-detail');

      // An edit, which the audit log will show field by field.
      await detail.getByRole('button', { name: '编辑' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('排序').fill('3');
      await viewShot(page, '03b-unit-edit');
      await dialog.getByRole('button', { name: '保存' }).click();
      await page.getByText('已保存').first().waitFor();
      await detail.getByRole('cell', { name: '3', exact: true }).waitFor();

      await page.getByPlaceholder('按名称搜索').fill('东溪');
      await tree.getByText('东溪村', { exact: true }).waitFor();
      await tree.getByText('石桥村', { exact: true }).waitFor({ state: 'detached' });

      await page.getByTestId('nav-menu').getByRole('menuitem', { name: '用户管理' }).click();
      await page.waitForURL((u) => u.pathname === '/admin/users');
      const users = page.getByTestId('users-table');
      await users.getByText('admin', { exact: true }).waitFor();
      await users.getByText('共', { exact: false }).waitFor();
      await page.getByRole('columnheader', { name: '最近登录' }).waitFor();
      await shot('04-users');

      await page.getByTestId('lang-switch').click();
      await page.getByRole('columnheader', { name: 'Last login' }).waitFor();
      expect(await menuLabels(page)).toEqual([
        'Home',
        'Dashboard',
        'Households',
        'Import households',
        'My visits',
        'Registry check',
        'Visit progress',
        'Problem ledger',
        'Inspections',
        'Inspection summary',
        'Supervision orders',
        'Analysis meeting',
        'Competition',
        'Competition year',
        'Key-household rules',
        'Checklists',
        'Competition settings',
        'Units',
        'Users',
        'Accountability',
        'Audit log',
      ]);
      await page.getByRole('heading', { name: 'Users' }).waitFor();
      // Role labels come from the server's shared catalogue.
      await users
        .getByText(/Township office · 清溪镇/)
        .first()
        .waitFor();
      expect(await page.evaluate(() => localStorage.getItem('fupin.lang'))).toBe('en');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await shot('05-users-en');

      // The choice survives a reload, and the server answers in it too.
      await page.reload();
      await page.getByRole('heading', { name: 'Users' }).waitFor();
      const status = await page.evaluate(async () => {
        const res = await fetch('/api/units/00000000-0000-4000-8000-000000000000', { headers: { 'x-fupin-lang': 'en' } });
        return (await res.json()) as { error: { message: string } };
      });
      expect(status.error.message).toMatch(/not found/i);

      await page.getByTestId('lang-switch').click();
      await page.getByRole('heading', { name: '用户管理' }).waitFor();
      expect(await page.evaluate(() => localStorage.getItem('fupin.lang'))).toBe('zh-CN');

      await page.getByTestId('nav-menu').getByRole('menuitem', { name: '操作日志' }).click();
      const audit = page.getByTestId('audit-table');
      await audit.getByText('登录失败').first().waitFor();
      await audit
        .getByRole('button', { name: /展开行|Expand row/ })
        .first()
        .click();
      await page.getByTestId('audit-diff').first().waitFor();
      await shot('06-audit');

      await logOut(page);
      // Logged out means logged out: the protected page sends back to the login.
      await page.goto(`${baseUrl}/admin/users`);
      await onLoginPage(page);
      await shot('07-logged-out');
    });
  });

  it('fits a phone screen (390×844): units and users, menu in a drawer', async () => {
    await withBrowser({ viewport: { width: 390, height: 844 } }, async ({ page, baseUrl, shot }) => {
      await page.goto(`${baseUrl}/login`);
      await onLoginPage(page);
      expect(await horizontalOverflow(page)).toBe(0);
      await shot('10-mobile-login');
      await logIn(page, 'admin');
      await page.waitForURL((u) => u.pathname === '/');
      await page.getByTestId('greeting').waitFor();

      await page.goto(`${baseUrl}/admin/units`);
      const tree = page.getByTestId('unit-tree');
      await tree.getByText('东溪村', { exact: true }).waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await shot('11-mobile-units');

      await tree.getByText('东溪村', { exact: true }).click();
      await page.getByTestId('unit-detail').getByText('区划代码').waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await shot('12-mobile-unit-detail');

      // Header controls are big enough for a thumb.
      for (const id of ['menu-button', 'lang-switch', 'user-menu']) {
        const box = await page.getByTestId(id).boundingBox();
        expect(box?.height ?? 0, id).toBeGreaterThanOrEqual(40);
        expect(box?.width ?? 0, id).toBeGreaterThanOrEqual(40);
      }

      await page.getByTestId('menu-button').click();
      await page.getByTestId('nav-menu').getByRole('menuitem', { name: '用户管理' }).waitFor();
      await viewShot(page, '13-mobile-menu');
      await page.getByTestId('nav-menu').getByRole('menuitem', { name: '用户管理' }).click();
      await page.waitForURL((u) => u.pathname === '/admin/users');
      await page.getByTestId('users-table').getByText('admin', { exact: true }).waitFor();
      // The drawer and its mask have slid away before the picture.
      await page.locator('.ant-drawer-content').waitFor({ state: 'hidden' });
      await page.locator('.ant-drawer-mask').waitFor({ state: 'hidden' });
      expect(await horizontalOverflow(page)).toBe(0);
      await shot('14-mobile-users');
    });
  });

  it('records a 派出单位 with its head, gives a cadre account to it, and fits a phone', async () => {
    await withBrowser({}, async ({ page, baseUrl, shot }) => {
      await page.goto(`${baseUrl}/login?next=%2Fadmin%2Funits`);
      await onLoginPage(page);
      await logIn(page, 'admin');
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

    await withBrowser({ viewport: { width: 390, height: 844 } }, async ({ page, baseUrl }) => {
      await page.goto(`${baseUrl}/login?next=%2Fadmin%2Funits`);
      await onLoginPage(page);
      await logIn(page, 'admin');
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

  it('a cadre sees neither 用户管理 nor 操作日志, and the pages refuse them', async () => {
    await withBrowser({}, async ({ page, baseUrl, shot }) => {
      await page.goto(`${baseUrl}/login`);
      await onLoginPage(page);
      await logIn(page, 'cadre001');
      await page.waitForURL((u) => u.pathname === '/');
      await page.getByTestId('greeting').waitFor();
      const labels = await menuLabels(page);
      expect(labels).toContain('工作台');
      expect(labels).not.toContain('用户管理');
      expect(labels).not.toContain('操作日志');
      await shot('20-cadre-home');

      const failed: string[] = [];
      page.on('response', (res) => {
        if (res.url().includes('/api/') && res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
      });
      await page.goto(`${baseUrl}/admin/users`);
      await page.getByText('没有权限').waitFor();
      await page.goto(`${baseUrl}/audit`);
      await page.getByText('没有权限').waitFor();
      expect(failed).toEqual([]);
      await shot('21-cadre-forbidden');
    });
  });

  it('an account the office creates must change its password before anything else', async () => {
    const username = `e2e${Date.now().toString(36)}`;
    const initial = 'Start2026a';
    await withBrowser({}, async ({ page, baseUrl, shot }) => {
      await page.goto(`${baseUrl}/login?next=%2Fadmin%2Fusers`);
      await onLoginPage(page);
      await logIn(page, 'admin');
      await page.waitForURL((u) => u.pathname === '/admin/users');
      await page.getByTestId('user-create').click();
      const form = page.getByTestId('create-user-form');
      await form.getByLabel('姓名').fill('测试干部');
      await form.getByLabel('用户名').fill(username);
      await form.getByLabel('所属单位').click();
      await page.locator('.ant-select-tree').getByText('东溪村', { exact: true }).click();
      await form.getByLabel('初始密码').fill(initial);
      await viewShot(page, '30-create-user');
      await form.getByRole('button', { name: '保存' }).click();
      // Created: the drawer moves on to the roles of the new account.
      await page.getByRole('tab', { name: '角色', selected: true }).waitFor();
      await page.getByText('尚未分配角色').waitFor();
      await viewShot(page, '31-user-roles');
      await page.keyboard.press('Escape');
      await logOut(page);

      await logIn(page, username, initial);
      await page.waitForURL((u) => u.pathname === '/change-password');
      await page.getByText('首次登录或密码被重置后，须先修改密码才能继续使用。').waitFor();
      // Nowhere else until the password is changed.
      await page.goto(`${baseUrl}/admin/units`);
      await page.waitForURL((u) => u.pathname === '/change-password');
      await page.getByLabel('当前密码').fill(initial);
      await page.getByLabel('新密码', { exact: true }).fill(`${username}X1`);
      await page.getByLabel('确认新密码').fill(`${username}X1`);
      await page.getByRole('button', { name: '修改密码' }).click();
      // The server's own message, under the field it concerns.
      await page.getByText('「新密码」：不能包含用户名').waitFor();
      await shot('32-change-password-refused');
      await page.getByLabel('新密码', { exact: true }).fill('Village2026b');
      await page.getByLabel('确认新密码').fill('Village2026b');
      await page.getByRole('button', { name: '修改密码' }).click();
      await page.waitForURL((u) => u.pathname === '/admin/units');
      // No role yet, so no page of the office's either: an honest 403, not an error.
      await page.getByText('没有权限').waitFor();
      await shot('33-after-password-change');
    });
  });

  it('imports a roster of cadres from Excel: every error listed, then accounts, 派出单位 and pairings', async () => {
    const run = async (page: Page, baseUrl: string, suffix: string, shoot: (name: string) => Promise<void>) => {
      await page.goto(`${baseUrl}/login?next=%2Fadmin%2Fusers`);
      await onLoginPage(page);
      await logIn(page, 'admin');
      await page.waitForURL((u) => u.pathname === '/admin/users');
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
    await withBrowser({ viewport: { width: 390, height: 844 } }, async ({ page, baseUrl }) => {
      await run(page, baseUrl, '-phone', (name) => viewShot(page, `19-mobile-${name}`));
    });
  });
});
