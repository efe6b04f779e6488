/**
 * Key-household rules (重点户规则) in a real browser against the real server and its demo
 * township: the township office copies the active default rules into a draft, lowers K1's
 * threshold from 40% to 30%, sees a broken condition refused live with its character position,
 * adds a category of its own, tries the draft on a sample household, saves, previews the impact,
 * activates it and waits for the recomputation; the registry then lists K1 households with their
 * explanations. The discipline commission reads the rules without a button to change them; on a
 * phone the pages fit 390 px. Screenshots go to e2e/screenshots/ (60–7x).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, SCREENSHOTS } from './browser';
import { horizontalOverflow, logIn, withBrowser } from './journey';

/** A screenshot of the viewport only (drawers, dialogs and the sticky save bar are fixed to it). */
async function viewShot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** The panel of one rule in the draft editor, opened. */
async function openRule(page: Page, id: string) {
  const panel = page
    .getByTestId('rule-panels')
    .locator('.ant-collapse-item')
    .filter({ has: page.getByTestId(`rule-header-${id}`) });
  await page.getByTestId(`rule-header-${id}`).click();
  await panel.getByTestId('rule-when').waitFor();
  return panel;
}

describe.skipIf(!browserAvailable())('key-household rules 重点户规则', () => {
  it('the township office edits a draft, previews its impact and activates it; the registry follows', async () => {
    await withBrowser({}, async ({ page, baseUrl, shot }) => {
      await logIn(page, baseUrl, 'admin', '/');
      await page.getByTestId('nav-menu').getByRole('menuitem', { name: '重点户规则' }).click();
      await page.waitForURL((u) => u.pathname === '/rules');
      // The active default set, first in the list, and its rules below.
      const active = page.getByTestId('rule-sets').getByRole('row').filter({ hasText: '生效' });
      await active.getByText('默认规则').waitFor();
      await page.getByTestId('active-rules').getByTestId('rule-card-K1').getByText('threshold = 40%').waitFor();
      await shot('60-rules');

      await active.getByRole('link').click();
      await page.waitForURL((u) => /^\/rules\/[0-9a-f-]{36}$/.test(u.pathname));
      const title = (await page.getByTestId('rule-set-title').textContent()) ?? '';
      const year = Number(/^(\d{4}) 年/.exec(title)?.[1]);
      expect(year).toBeGreaterThan(2000);
      await page.getByTestId('rule-card-K10').getByText('statuses = 未婚、离婚、丧偶').waitFor();
      await viewShot(page, '61-rule-set');

      // 以此为基础新建草稿: the same year, a note; the draft opens in the editor.
      await page.getByTestId('new-from-this').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(`${year} 年（同一年度的新版本）`).waitFor();
      await dialog.getByTestId('new-draft-note').fill('K1 阈值调整为 30%，新增残疾人类别');
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await page.waitForURL((u) => /^\/rules\/[0-9a-f-]{36}\/edit$/.test(u.pathname));
      await page.getByRole('heading', { name: `编辑草稿：${year} 年第 2 版` }).waitFor();
      await page.getByTestId('draft-valid').waitFor();

      // K1: the threshold is a percentage (the explanation formats it :pct).
      const k1 = await openRule(page, 'K1');
      const threshold = k1.getByTestId('param-threshold');
      expect(await threshold.inputValue()).toBe('40');
      await threshold.fill('30');
      await k1.getByTestId('rule-name-zh').fill('转移性收入占比超过30%');
      await k1.getByTestId('rule-name-en').fill('Transfer income over 30% of income');
      await viewShot(page, '62-editor-k1');

      // A typo in K2's condition is refused as it is typed, with the character it concerns.
      const k2 = await openRule(page, 'K2');
      await k2.getByTestId('rule-when').fill('labourCoefficient < thresold');
      await k2.getByTestId('rule-when-error').getByText('第 21 个字符处：不认识的名称「thresold」').waitFor();
      await page.getByTestId('draft-problems').getByText('还有 1 处问题，改正后才能保存').waitFor();
      expect(await page.getByTestId('draft-save').isDisabled()).toBe(true);
      await page.getByTestId('rule-header-K2').getByText('1 处问题').waitFor();
      // Above the sticky save bar, the message in view.
      await k2.getByTestId('rule-when').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await viewShot(page, '63-editor-error');
      await k2.getByTestId('rule-when').fill('labourCoefficient < threshold');
      await page.getByTestId('draft-valid').waitFor();
      expect(await page.getByTestId('draft-save').isDisabled()).toBe(false);

      // A category of the township's own (the seed's 等等), typed by hand.
      await page.getByTestId('add-rule').click();
      const drawer = page.getByTestId('add-rule-drawer');
      expect(await drawer.getByTestId('rule-id').inputValue()).toBe('K11');
      // The names the language knows, described in Chinese.
      await drawer.getByTestId('add-rule-help').getByText('表达式写法').click();
      await drawer.getByTestId('help-household').getByText('转移性收入占比（0 到 1，可写 40%）').waitFor();
      await drawer.getByTestId('help-member').getByText('健康状况').waitFor();
      await drawer.getByTestId('rule-name-zh').fill('家中有2个以上残疾人');
      await drawer.getByTestId('rule-when').fill("count(members, health == 'disabled') >= 2");
      await drawer.getByTestId('rule-explain-zh').fill("家中有 {count(members, health == 'disabled')} 名残疾人");
      await viewShot(page, '64-add-category');
      await drawer.getByTestId('help-member').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await viewShot(page, '64b-add-category-help');
      await drawer.getByTestId('add-rule-ok').click();
      await drawer.waitFor({ state: 'detached' });
      await page.getByTestId('rule-header-K11').getByText('家中有2个以上残疾人').waitFor();

      // 试算: the sample household (transfer income 35.2% of its income) now meets K1.
      await page.getByTestId('tryout-panel').getByText('试算').click();
      await page.getByTestId('tryout-flags').getByTestId('flag-K1').getByText('转移性收入占比 35.2% > 30%').waitFor();
      await page.waitForTimeout(500); // the panel has finished opening
      await page.getByTestId('tryout-flags').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await viewShot(page, '65-tryout');

      await page.getByTestId('draft-save').click();
      await page.getByText('草稿已保存').first().waitFor();

      // 预览影响: K1 gains households, each a link to its page.
      await page.getByTestId('editor-preview').click();
      await page.waitForURL((u) => /^\/rules\/[0-9a-f-]{36}$/.test(u.pathname));
      await page.getByTestId('rule-set-status').getByText('草稿').waitFor();
      const impact = page.getByTestId('impact-K1');
      await impact.waitFor({ timeout: 60_000 });
      const cells = await impact.getByRole('cell').allInnerTexts();
      const gained = Number(/\+(\d+)/.exec(cells.join(' '))?.[1] ?? 0);
      expect(gained).toBeGreaterThan(0);
      await page.getByTestId('impact-K11').waitFor();
      await impact.locator('.ant-table-row-expand-icon').click();
      await page.getByTestId('impact-households-K1').getByTestId('impact-household').first().waitFor();
      await viewShot(page, '66-preview');

      // 启用: a confirmation saying what happens, the job's progress, then the version is active.
      await page.getByTestId('draft-activate').click();
      const confirm = page.getByRole('dialog');
      await confirm.getByText('当前生效的版本将停用', { exact: false }).waitFor();
      await confirm.getByRole('button', { name: '确认启用' }).click();
      await page.getByTestId('activation-done').waitFor({ timeout: 90_000 });
      await page.getByTestId('rule-set-status').getByText('生效').waitFor();
      await page.getByTestId('rule-card-K1').getByText('threshold = 30%').waitFor();
      await viewShot(page, '67-activated');

      // The list: the new version active first, the default retired.
      await page.getByRole('link', { name: '返回规则版本' }).click();
      const rows = page.getByTestId('rule-sets').getByRole('row');
      await rows.nth(1).getByText(`${year} 年第 2 版`).waitFor();
      await rows.nth(1).getByText('生效').waitFor();
      await rows.filter({ hasText: '默认规则' }).getByText('已停用').waitFor();

      // The registry filtered by K1: every household carries the flag; one explains itself.
      await page.goto(`${baseUrl}/registry?flag=K1`);
      const table = page.getByTestId('households-table');
      await page.getByTestId('flag-filter').getByText('K1 转移性收入占比超过30%').waitFor();
      const first = table.getByRole('row').nth(1);
      await first.locator('[data-flag="K1"]').waitFor();
      const flagged = await table
        .locator('tbody tr.ant-table-row')
        .evaluateAll((trs) => trs.map((tr) => tr.querySelector('[data-flag="K1"]') !== null));
      expect(flagged.length).toBeGreaterThan(0);
      expect(flagged.every(Boolean)).toBe(true);
      await first.locator('[data-flag="K1"]').hover();
      await page.getByRole('tooltip').getByText('转移性收入占比超过30%').waitFor();
      await viewShot(page, '68-registry-k1');

      await first.click();
      await page.waitForURL((u) => /^\/registry\/[0-9a-f-]{36}$/.test(u.pathname));
      const flag = page.getByTestId('section-flags').getByTestId('flag-K1');
      await flag.getByText('转移性收入占比超过30%').waitFor();
      expect(await flag.textContent()).toMatch(/转移性收入占比 [\d.]+% > 30%/);
      await viewShot(page, '69-household-flags');
    });
  });

  it('the discipline commission reads the rules but has no button to change them', async () => {
    await withBrowser({}, async ({ page, baseUrl, shot }) => {
      await logIn(page, baseUrl, 'discipline', '/rules');
      const rows = page.getByTestId('rule-sets').getByRole('row');
      await rows.nth(1).getByText('生效').waitFor();
      expect(await page.getByTestId('new-from-default').count()).toBe(0);
      await rows.nth(1).getByRole('link').click();
      await page.waitForURL((u) => /^\/rules\/[0-9a-f-]{36}$/.test(u.pathname));
      // The list shows the active rules too: wait for the version's own page.
      await page.getByTestId('rule-set-title').waitFor();
      await page.getByTestId('rule-card-K11').waitFor();
      for (const id of ['new-from-this', 'draft-edit', 'draft-preview', 'draft-activate', 'draft-delete'])
        expect(await page.getByTestId(id).count(), id).toBe(0);
      await shot('70-discipline-rules');
      await page.goto(`${page.url()}/edit`);
      await page.getByText('没有权限').waitFor();
    });
  });

  it('on a phone (390×844) the rules and a household’s flags fit the screen', async () => {
    await withBrowser({ viewport: { width: 390, height: 844 } }, async ({ page, baseUrl }) => {
      await logIn(page, baseUrl, 'admin', '/rules');
      const cards = page.getByTestId('rule-set-card');
      await cards.first().getByText('生效').waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await viewShot(page, '71-mobile-rules');
      await cards.first().click();
      await page.waitForURL((u) => /^\/rules\/[0-9a-f-]{36}$/.test(u.pathname));
      await page.getByTestId('rule-set-title').waitFor();
      await page.getByTestId('rule-card-K1').getByTestId('rule-when').scrollIntoViewIfNeeded();
      expect(await horizontalOverflow(page)).toBe(0);
      await viewShot(page, '72-mobile-rule-set');
    });
    await withBrowser({ viewport: { width: 390, height: 844 } }, async ({ page, baseUrl }) => {
      // Village staff: their village's households, with the township's flags.
      await logIn(page, baseUrl, 'v01', '/registry?flag=M');
      const cards = page.getByTestId('household-card');
      await cards.first().locator('[data-flag="M"]').waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await viewShot(page, '73-mobile-registry-flags');
      await cards.first().click();
      await page.waitForURL((u) => /^\/registry\/[0-9a-f-]{36}$/.test(u.pathname));
      const flags = page.getByTestId('section-flags');
      await flags.getByTestId('flag-M').getByText('非建档立卡户', { exact: false }).waitFor();
      await flags.scrollIntoViewIfNeeded();
      expect(await horizontalOverflow(page)).toBe(0);
      await viewShot(page, '74-mobile-household-flags');
    });
  });
});
