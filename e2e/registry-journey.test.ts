/**
 * The household registry in a real browser against the real server and its demo township:
 * the township office downloads the Excel template, fills it (here with exceljs, as a clerk
 * would in Excel), uploads it, confirms the preview, finds a new household by its pinyin
 * initials and opens it; a file with one wrong ID number is refused with the sheet, row and
 * column named; then village staff on a phone see only their village. Screenshots go to
 * e2e/screenshots/ (40–5x).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIdNumber } from '@fupin/domain';
import type { Worksheet } from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from '../apps/server/src/io/excel/exceljs';
import { browserAvailable, SCREENSHOTS } from './browser';
import { horizontalOverflow, logIn, withBrowser } from './journey';

const AREA = '369901';
const work = mkdtempSync(join(tmpdir(), 'fupin-registry-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A screenshot of the viewport only (drawers and popups are fixed to it). */
async function viewShot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

type Row = Record<string, string | number>;

/** Writes rows under the template's header row (row 1), matching columns by their header (without the *). */
function writeRows(ws: Worksheet, rows: Row[]): void {
  const columns = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => columns.set(String(cell.value).replace(/\*$/, ''), col));
  rows.forEach((row, i) => {
    for (const [header, value] of Object.entries(row)) {
      const col = columns.get(header);
      if (col === undefined) throw new Error(`the template has no column ${header}`);
      ws.getRow(i + 2).getCell(col).value = value;
    }
  });
}

/** The downloaded template with households and their members filled in; returns the file's path. */
async function fillTemplate(template: string, name: string, fill: (villages: string[], groups: string[]) => [Row[], Row[]]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const lists = wb.getWorksheet('代码表');
  if (!lists) throw new Error('the template has no 代码表 sheet');
  const column = (letter: string) =>
    (lists.getColumn(letter).values as unknown[]).slice(2).filter((v): v is string => typeof v === 'string');
  const [households, members] = fill(column('A'), column('B'));
  const hs = wb.getWorksheet('户信息');
  const ms = wb.getWorksheet('成员信息');
  if (!hs || !ms) throw new Error('the template lacks its sheets');
  writeRows(hs, households);
  writeRows(ms, members);
  const path = join(work, name);
  await wb.xlsx.writeFile(path);
  return path;
}

const person = (no: string, name: string, relation: string, birth: string, seq: number, sex: 'male' | 'female'): Row => ({
  户编号: no,
  姓名: name,
  身份证号: buildIdNumber(AREA, birth, seq, sex),
  与户主关系: relation,
  劳动能力: '普通劳动力',
  健康状况: '健康',
});

async function upload(page: Page, path: string): Promise<void> {
  await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(path);
}

describe.skipIf(!browserAvailable())('household registry 农户台账', () => {
  it('imports two households from the template, finds one by pinyin initials and opens it', async () => {
    await withBrowser({}, async ({ page, baseUrl, shot }) => {
      await logIn(page, baseUrl, 'admin', '/registry/import');
      await page.getByTestId('import-unit').getByText('清溪镇').waitFor();
      await shot('40-import-start');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
      expect(download.suggestedFilename()).toBe('清溪镇农户信息导入模板.xlsx');
      const template = join(work, 'template.xlsx');
      await download.saveAs(template);

      const file = await fillTemplate(template, '两户.xlsx', (villages, groups) => {
        expect(villages).toContain('东溪村');
        const [v1, v2] = villages;
        const common = { 村民小组: groups[0] ?? '', 收入年度: 2025 };
        return [
          [
            { ...common, 户编号: '369901101900001', 村: v1 ?? '', 贫困户状态: '未脱贫', 工资性收入: 18000, 转移性收入: 2400 },
            { ...common, 户编号: '369901101900002', 村: v2 ?? '', 贫困户状态: '已脱贫', 脱贫年度: 2019, 工资性收入: 30000 },
          ],
          [
            person('369901101900001', '谭振华', '户主', '1968-04-12', 901, 'male'),
            person('369901101900001', '李秀英', '配偶', '1970-09-03', 902, 'female'),
            person('369901101900001', '谭小军', '之子', '1996-01-20', 903, 'male'),
            person('369901101900002', '欧阳明', '户主', '1975-07-08', 905, 'male'),
            person('369901101900002', '欧阳丽', '之女', '2003-11-30', 906, 'female'),
          ],
        ];
      });
      await upload(page, file);
      const preview = page.getByTestId('import-preview');
      await preview.waitFor({ timeout: 60_000 });
      const counts = page.getByTestId('import-counts');
      expect(await counts.locator('.ant-statistic-content-value').allInnerTexts()).toEqual(['2', '0', '0', '5', '0', '0']);
      await shot('41-import-preview');

      await page.getByTestId('import-commit').click();
      await page
        .getByRole('tooltip')
        .getByRole('button', { name: /确\s*定/ })
        .click();
      await page.getByTestId('import-committed').waitFor();
      await page.getByTestId('recent-imports').getByText('已导入').first().waitFor();
      await shot('42-import-committed');

      await page.getByTestId('import-view-list').click();
      await page.waitForURL((u) => u.pathname === '/registry');
      await page.getByTestId('registry-search').locator('input').fill('tzh');
      // The search goes to the server after a pause, and into the address (reload and back keep it).
      await page.waitForURL((u) => u.searchParams.get('q') === 'tzh');
      const table = page.getByTestId('households-table');
      const total = async () => {
        const text = (await table.locator('.ant-pagination-total-text').textContent()) ?? '';
        return Number(text.replace(/\D/g, ''));
      };
      await expect.poll(total).toBeLessThan(20);
      const row = table.getByRole('row', { name: /谭振华/ });
      await row.waitFor();
      await row.getByText('未脱贫').waitFor();
      await shot('43-registry-search-pinyin');

      await row.click();
      await page.waitForURL((u) => /^\/registry\/[0-9a-f-]{36}$/.test(u.pathname));
      await page.getByTestId('household-title').getByText('谭振华').waitFor();
      const members = page.getByTestId('members');
      for (const name of ['谭振华', '李秀英', '谭小军']) await members.getByText(name, { exact: true }).waitFor();
      // Per-capita income: (18,000 + 2,400) ÷ 3 current members.
      await page.getByTestId('income').getByText('6,800 元').waitFor();
      await page.getByTestId('history').getByText('导入新增').waitFor();
      await shot('44-household');

      // The form checks an ID number as it is typed, and fills sex and birth date from it.
      await page.getByTestId('household-edit').click();
      const drawer = page.getByTestId('household-drawer');
      await drawer.getByTestId('members-editor').getByText('谭小军').click();
      const id = drawer.getByTestId('member-id').nth(2);
      const good = buildIdNumber(AREA, '1997-02-21', 907, 'female');
      await id.fill(`${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`);
      await drawer.getByText('身份证号校验码错误（最后一位不对）').waitFor();
      await viewShot(page, '45-form-id-check');
      await id.fill(good);
      await drawer.getByText('身份证号显示：女，1997-02-21 出生').waitFor();
      await drawer.getByTestId('member-name').nth(2).fill('谭小玲');
      await drawer.getByTestId('household-save').click();
      await page.getByText('已保存').first().waitFor();
      await members.getByText('谭小玲', { exact: true }).waitFor();
      await page.getByTestId('history').getByText('修改', { exact: true }).waitFor();
      await page.getByTestId('history').getByText('修改', { exact: true }).click();
      await page.getByTestId('history-diff').getByText('谭小玲 · 姓名').waitFor();
      // The sticky header stays on top of a full-page picture only when the page is at its top.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(500);
      await shot('46-household-history');

      // The export lists what the list shows.
      await page.getByTestId('nav-menu').getByRole('menuitem', { name: '农户台账' }).click();
      const [exported] = await Promise.all([page.waitForEvent('download'), page.getByTestId('registry-export').click()]);
      expect(exported.suggestedFilename()).toMatch(/^农户信息_\d{4}-\d{2}-\d{2}\.xlsx$/);
    });
  });

  it('refuses a file with one wrong ID number, naming the sheet, row and column', async () => {
    await withBrowser({}, async ({ page, baseUrl, shot }) => {
      await logIn(page, baseUrl, 'admin', '/registry/import');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
      const template = join(work, 'template-2.xlsx');
      await download.saveAs(template);
      const file = await fillTemplate(template, '错一个身份证号.xlsx', (villages, groups) => {
        // The daughter's number has a wrong last character; everything else is right.
        const daughter = person('369901101900003', '韦小燕', '之女', '1990-06-01', 912, 'female');
        const id = String(daughter['身份证号']);
        return [
          [{ 户编号: '369901101900003', 村: villages[0] ?? '', 村民小组: groups[0] ?? '', 贫困户状态: '非建档立卡户' }],
          [
            person('369901101900003', '韦国强', '户主', '1962-03-15', 911, 'male'),
            { ...daughter, 身份证号: `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}` },
          ],
        ];
      });
      await upload(page, file);
      const errors = page.getByTestId('import-errors');
      await errors.waitFor({ timeout: 60_000 });
      await errors.getByText('发现 1 处错误，没有写入任何数据').waitFor();
      const row = errors.getByRole('row', { name: /成员信息/ });
      expect(await row.getByRole('cell').allInnerTexts()).toEqual([
        '成员信息',
        '3',
        'C（身份证号）',
        '身份证号校验码错误（最后一位不对）',
      ]);
      await shot('47-import-errors');
    });
  });

  it('village staff on a phone (390×844) see only their village, as cards', async () => {
    await withBrowser({ viewport: { width: 390, height: 844 } }, async ({ page, baseUrl, shot }) => {
      await logIn(page, baseUrl, 'v01', '/registry');
      const cards = page.getByTestId('household-card');
      await cards.first().waitFor();
      const texts = await cards.allInnerTexts();
      expect(texts.length).toBeGreaterThan(5);
      for (const text of texts) expect(text).toContain('东溪村');
      expect(await horizontalOverflow(page)).toBe(0);
      await viewShot(page, '50-mobile-registry');

      await page.getByTestId('filters-toggle').click();
      await page.getByTestId('filters-panel').waitFor();
      await page.getByTestId('status-filter').click();
      // antd's visible option (its role=option twin is for screen readers only)
      await page.locator('.ant-select-item-option[title="未脱贫"]').click();
      await page.waitForURL((u) => u.searchParams.get('status') === 'not_out');
      await cards.first().getByText('未脱贫').waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await viewShot(page, '51-mobile-registry-filters');

      await cards.first().click();
      await page.waitForURL((u) => /^\/registry\/[0-9a-f-]{36}$/.test(u.pathname));
      await page.getByTestId('member-card').first().waitFor();
      await page.getByTestId('household-header').getByText('东溪村', { exact: false }).waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await viewShot(page, '52-mobile-household');
      await shot('53-mobile-household-full');

      // A new household on the phone: the form fills the screen, the village is theirs already.
      await page.goto(`${baseUrl}/registry`);
      await page.getByTestId('household-create').click();
      const drawer = page.getByTestId('household-drawer');
      await drawer.getByTestId('form-village').getByText('东溪村').waitFor();
      await drawer.getByTestId('member-name').fill('覃立新');
      await drawer.getByTestId('member-id').fill(buildIdNumber(AREA, '1980-05-06', 921, 'female'));
      await drawer.getByText('身份证号显示：女，1980-05-06 出生').waitFor();
      await viewShot(page, '54-mobile-household-form');
      // Full screen once it has slid in.
      expect(Math.round((await drawer.boundingBox())?.width ?? 0)).toBe(390);
      await drawer.getByTestId('household-save').click();
      await page.waitForURL((u) => /^\/registry\/[0-9a-f-]{36}$/.test(u.pathname));
      await page.getByTestId('household-title').getByText('覃立新').waitFor();
      await page
        .getByTestId('member-card')
        .getByText(/女 · \d+ 岁/)
        .waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
    });
  });
});
