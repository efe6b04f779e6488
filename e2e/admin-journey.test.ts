/**
 * The township office's first steps in a real browser against the real server and its demo
 * township 清溪镇: log in, see the unit tree, manage users, switch language, log out; then the
 * same pages on a phone; then what a cadre may not see; then the forced password change of an
 * account the office creates (its cadres: cadres-journey.test.ts). Screenshots of every step go to
 * e2e/screenshots/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from './browser';
import { horizontalOverflow, viewShot, withBrowser } from './journey';

const PASSWORD = 'fupin2026';

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
      // The unit edit's 已保存 has gone, so the guide's picture shows the page alone.
      await page.getByText('已保存').first().waitFor({ state: 'hidden' });
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
});
