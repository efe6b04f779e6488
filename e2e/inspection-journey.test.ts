/**
 * The big inspection (大排查) in a real browser against the real server and its demo township:
 * village staff self-check their clinic and fail two items (two problems in the ledger); the
 * township office sets one's deadline to yesterday, runs the overdue check and sees it go up to
 * the township (镇级, 逾期), then issues a supervision order for it (督办〔YYYY〕1号, printable, .xlsx).
 * The village fixes the other with a photo compressed in the browser; whoever submitted a fix
 * cannot verify it, someone else does (已销号). The township fixes the escalated one with a PDF and
 * the town leader verifies it (the order is 已办结). The county reviewer cross-checks 东溪村,
 * confirms one and reopens the other with a reason (复核重开). Phones get cards that fit 390 px.
 * Screenshots: e2e/screenshots/100–119.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Browser, browserAvailable, SCREENSHOTS } from './browser';
import { horizontalOverflow, logIn, PHONE, withBrowser } from './journey';

const A = '东溪村卫生室：基本药品配备齐全，在有效期内不达标（阿莫西林过期）';
const B = '东溪村卫生室：家庭医生签约服务落实，签约记录完整不达标（签约记录缺 3 户）';

/** Today and yesterday in Beijing time, as the server counts deadlines. */
const beijing = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
const YESTERDAY = beijing(new Date(Date.now() - 86_400_000));

const ids = { a: '', b: '', order: '', village: '' };

/** A screenshot of the viewport only (dialogs are fixed to it). */
async function viewShot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** A full-page picture from the top (the sticky header stays on top only there), after toasts and animations settle. */
async function fullShot(page: Page, shot: Browser['shot'], name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  await shot(name);
}

/** A phone photo: 3000×2000 JPEG of noise and colour, drawn by the browser itself. */
async function bigPhoto(page: Page): Promise<Buffer> {
  const data = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 3000;
    canvas.height = 2000;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    const g = ctx.createLinearGradient(0, 0, 3000, 2000);
    g.addColorStop(0, '#2f54eb');
    g.addColorStop(1, '#fa8c16');
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, 3000, 2000);
    for (let i = 0; i < 4000; i++) {
      ctx.fillStyle = `hsl(${(i * 37) % 360} 70% 50%)`;
      ctx.fillRect((i * 7919) % 3000, (i * 104729) % 2000, 18, 18);
    }
    ctx.fillStyle = '#fff';
    ctx.font = '160px sans-serif';
    ctx.fillText('药品已更换', 600, 1000);
    return canvas.toDataURL('image/jpeg', 0.95).split(',')[1] as string;
  });
  return Buffer.from(data, 'base64');
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Opens a problem and waits for its record. */
async function openProblem(page: Page, baseUrl: string, id: string): Promise<void> {
  await page.goto(`${baseUrl}/problems/${id}`);
  await page.getByTestId('problem-record').waitFor();
}

const statusOf = (page: Page) => page.getByTestId('problem-record').getByTestId('problem-tags').locator('[data-status]');

describe.skipIf(!browserAvailable())('big inspection 大排查', () => {
  it('village staff self-check the clinic: two failed items become problems in the ledger', async () => {
    await withBrowser({}, async ({ page, baseUrl, shot }) => {
      await logIn(page, baseUrl, 'v01', '/');
      await page
        .getByTestId('nav-menu')
        .getByRole('menuitem', { name: /(^|\s)排查$/ })
        .click();
      await page.waitForURL((u) => u.pathname === '/inspections');
      await page.getByTestId('site-picker').getByText('东溪村卫生室', { exact: true }).click();
      const form = page.getByTestId('self-check-form');
      await form.getByText('基本药品配备齐全，在有效期内').waitFor();
      // The checklist says what evidence each item asks for.
      await page.getByTestId('item-cl3').getByText('需资料').waitFor();

      // Submitting with items unanswered is refused, naming how many are open.
      await page.getByTestId('answer-cl1').getByText('达标', { exact: true }).click();
      await page.getByTestId('inspection-submit').click();
      await page.getByText('还有 3 项未选择“达标”或“不达标”').waitFor();

      await page.getByTestId('answer-cl2').getByText('不达标', { exact: true }).click();
      await page.getByTestId('note-cl2').fill('阿莫西林过期');
      await page.getByTestId('answer-cl3').getByText('不达标', { exact: true }).click();
      await page.getByTestId('note-cl3').fill('签约记录缺 3 户');
      await page.getByTestId('answer-cl4').getByText('达标', { exact: true }).click();
      await page.getByTestId('tally').getByText('已检查 4 / 4 项，不达标 2 项').waitFor();
      await fullShot(page, shot, '100-self-check');

      await page.getByTestId('inspection-submit').click();
      await page.getByTestId('inspection-done').getByText('已提交：发现 2 个问题，已记入问题台账').waitFor();
      await page.getByTestId('view-problems').click();
      await page.waitForURL((u) => u.pathname === '/problems');
      ids.village = new URL(page.url()).searchParams.get('village') ?? '';
      expect(ids.village).toMatch(/^[0-9a-f-]{36}$/);
      const table = page.getByTestId('problems-table');
      for (const [key, text] of [
        ['a', A],
        ['b', B],
      ] as const) {
        const link = table.getByRole('link', { name: text });
        await link.waitFor();
        ids[key] = (/\/problems\/([0-9a-f-]{36})$/.exec((await link.getAttribute('href')) ?? '') ?? [])[1] ?? '';
        expect(ids[key]).not.toBe('');
      }
      const row = table.getByRole('row').filter({ hasText: A });
      await row.getByText('待整改').waitFor();
      await row.getByText('东溪村卫生室', { exact: true }).waitFor();
      await fullShot(page, shot, '101-ledger');

      // The site now counts as inspected.
      await page.goto(`${baseUrl}/inspections`);
      await page.getByTestId('site-picker').getByText('已查 1 次').waitFor();
    });
  });

  it('the township office sets yesterday as the deadline; the overdue check escalates it; an order is issued', async () => {
    await withBrowser({}, async ({ page, baseUrl, shot }) => {
      await logIn(page, baseUrl, 'admin', `/problems/${ids.a}`);
      await page.getByTestId('problem-record').getByTestId('problem-level').getByText('村级').waitFor();
      await page.getByTestId('action-assign').click();
      const assign = page.getByTestId('assign-modal');
      const deadline = assign.getByLabel('整改时限');
      await deadline.click();
      await deadline.fill(YESTERDAY);
      await deadline.press('Enter');
      await assign.getByLabel('整改措施').fill('协调镇卫生院配送药品');
      await viewShot(page, '102-assign');
      await page.getByTestId('assign-ok').click();
      await page.getByText('已交办').first().waitFor();
      await page.getByTestId('problem-deadline').getByText(YESTERDAY).waitFor();

      // 研判会: 立即检查逾期 marks it and sends it up to the township.
      await page.getByTestId('nav-menu').getByRole('menuitem', { name: '研判会' }).click();
      await page.waitForURL((u) => u.pathname === '/problems/meeting');
      await page.getByTestId('matrix-table').getByText('东溪村').waitFor();
      await page.getByTestId('overdue-check').click();
      await page.getByText(/检查完成：标记逾期 [1-9]\d* 个，上报镇级 [1-9]\d* 个/).waitFor();
      const byUnit = page.getByTestId('overdue-by-unit');
      await byUnit.getByText('清溪镇').waitFor();
      await page.getByTestId('chart-villages').locator('canvas').first().waitFor();
      await page.waitForTimeout(800); // the charts' entry animation
      await fullShot(page, shot, '103-meeting');

      await openProblem(page, baseUrl, ids.a);
      const record = page.getByTestId('problem-record');
      await record.getByTestId('level-tag').getByText('镇级').waitFor();
      await record.getByTestId('overdue-tag').getByText('逾期').waitFor();
      await page.getByTestId('problem-history').locator('[data-action="auto_escalate"]').getByText('逾期自动上报镇级').waitFor();

      // The ledger: choose it and issue a supervision order.
      await page.goto(`${baseUrl}/problems?overdue=1`);
      const row = page.getByTestId('problems-table').getByRole('row').filter({ hasText: A });
      await row.getByTestId('overdue-tag').waitFor();
      await row.locator('.ant-checkbox-input').check();
      await page.getByTestId('issue-order-open').click();
      const dialog = page.getByTestId('issue-order');
      await dialog.getByText('已选择 1 个问题列入督办单。').waitFor();
      await dialog.getByTestId('order-title').fill('东溪村卫生室药品整改');
      const orderDeadline = await dialog.getByLabel('整改时限').inputValue();
      expect(orderDeadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const responsible = dialog.getByTestId('order-responsible').locator('input');
      await responsible.click();
      await responsible.fill('leader');
      await page.locator('.ant-select-item-option').filter({ hasText: '镇领导' }).click();
      await viewShot(page, '104-issue-order');
      await dialog.getByRole('button', { name: '下发督办单' }).click();
      await page.waitForURL((u) => /^\/orders\/[0-9a-f-]{36}$/.test(u.pathname));
      ids.order = new URL(page.url()).pathname.split('/')[2] ?? '';

      const print = page.getByTestId('order-print');
      const number = `督办〔${orderDeadline.slice(0, 4)}〕1号`;
      await print.getByTestId('order-number').getByText(number, { exact: true }).waitFor();
      await print.getByRole('heading', { name: '督办整改单' }).waitFor();
      await print.getByTestId('order-problem').getByText(A).waitFor();
      await print.getByText('责任人（签字）：').waitFor();
      await print.getByTestId('order-deadline-cell').getByText(orderDeadline).waitFor();
      await fullShot(page, shot, '105-order-print');
      // On paper the app's header, menu and buttons are gone.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.ant-layout-header').isVisible()).toBe(false);
      expect(await page.getByTestId('order-print-button').isVisible()).toBe(false);
      await fullShot(page, shot, '106-order-print-media');
      await page.emulateMedia({ media: 'screen' });

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('order-export').click()]);
      expect(download.suggestedFilename()).toBe(`${number}.xlsx`);
      await page.goto(`${baseUrl}/orders`);
      const order = page.getByTestId('orders-table').getByRole('row').filter({ hasText: number });
      await order.getByText('整改中').waitFor();
    });
  });

  it('the village fixes its problem with a compressed photo; the fixer cannot verify, another staff member does', async () => {
    await withBrowser({}, async ({ page, baseUrl, shot }) => {
      await logIn(page, baseUrl, 'v01', `/problems/${ids.a}`);
      // The escalated problem is the township's now: nothing for the village to press.
      await page.getByText('此问题已上报镇级，由镇级统筹整改。').waitFor();
      expect(await page.getByTestId('evidence-upload').count()).toBe(0);
      expect(await page.getByTestId('action-submit').count()).toBe(0);

      await openProblem(page, baseUrl, ids.b);
      await page.getByText('提交整改前请先上传佐证材料（照片或 PDF）。').waitFor();
      const photo = await bigPhoto(page);
      expect(photo.length).toBeGreaterThan(500_000);
      await page.getByTestId('evidence-input').setInputFiles({ name: '签约记录.jpg', mimeType: 'image/jpeg', buffer: photo });
      await page.getByText('已上传 1 份').waitFor();
      const img = page.getByTestId('section-evidence').locator('img').first();
      await img.waitFor();
      await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1600);
      const src = (await img.getAttribute('src')) ?? '';
      const stored = await page.evaluate(async (href) => (await (await fetch(href)).blob()).size, src);
      expect(stored).toBeLessThan(photo.length);

      await page.getByTestId('action-submit').click();
      await page.getByTestId('submit-modal-text').fill('已联系签约医生补签，签约记录已补齐');
      await page.getByTestId('submit-modal-ok').click();
      await page.getByText('已提交，等待他人核实').first().waitFor();
      await statusOf(page).getByText('待核实').waitFor();
      await page.getByText('您提交了这次整改，须由他人核实销号。').waitFor();
      expect(await page.getByTestId('action-verify').count()).toBe(0);
      await fullShot(page, shot, '107-problem-submitted');
    });

    await withBrowser({}, async ({ page, baseUrl, shot }) => {
      await logIn(page, baseUrl, 'fs01', `/problems/${ids.b}`);
      await page.getByTestId('problem-measures').getByText('已联系签约医生补签，签约记录已补齐').waitFor();
      await page.getByTestId('action-verify').click();
      await page.getByTestId('verify-ok').click();
      await statusOf(page).getByText('已销号').waitFor();
      await page.getByTestId('problem-history').locator('[data-action="verify"]').waitFor();
      await fullShot(page, shot, '108-problem-closed');
    });
  });

  it('the township fixes the escalated problem with a PDF; the town leader verifies; the order is done', async () => {
    await withBrowser({}, async ({ page, baseUrl }) => {
      await logIn(page, baseUrl, 'admin', `/problems/${ids.a}`);
      await page.getByTestId('evidence-input').setInputFiles({ name: '配药单.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByTestId('evidence-pdf').getByText('配药单.pdf').waitFor();
      await page.getByTestId('action-submit').click();
      await page.getByTestId('submit-modal-ok').click();
      await statusOf(page).getByText('待核实').waitFor();
      expect(await page.getByTestId('action-verify').count()).toBe(0);
    });
    await withBrowser({}, async ({ page, baseUrl }) => {
      await logIn(page, baseUrl, 'leader', `/problems/${ids.a}`);
      await page.getByTestId('action-verify').click();
      await page.getByTestId('verify-ok').click();
      await statusOf(page).getByText('已销号').waitFor();
      await page.goto(`${baseUrl}/orders/${ids.order}`);
      await page.getByTestId('order-print').getByText('已办结（1/1）').waitFor();
    });
  });

  it('the county reviewer cross-checks 东溪村: confirms one, reopens the other with a reason, records a new problem', async () => {
    await withBrowser({}, async ({ page, baseUrl, shot }) => {
      await logIn(page, baseUrl, 'reviewer', '/');
      await page.getByTestId('nav-menu').getByRole('menuitem', { name: '交叉检查' }).click();
      await page.waitForURL((u) => u.pathname === '/crosschecks');
      await page.getByTestId('crosscheck-village').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '东溪村' }).click();
      const form = page.getByTestId('crosscheck-form');
      const reviewA = form.getByTestId('review').filter({ hasText: A });
      const reviewB = form.getByTestId('review').filter({ hasText: B });
      await reviewA.getByText('确认').click();
      await reviewB.getByText('重开').click();
      // Reopening without a reason is refused.
      await page.getByTestId('crosscheck-submit').click();
      await page.getByText('请填写重开原因').first().waitFor();
      await reviewB.getByTestId('review-note').fill('抽查 3 户，签约记录仍不完整');
      await page.getByTestId('finding-add').click();
      const finding = form.getByTestId('finding');
      await finding.getByTestId('finding-category').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '基本医疗' }).click();
      await finding.getByTestId('finding-description').fill('村医未按时随访慢病患者');
      await form.getByText('确认 1 个，重开 1 个，新发现 1 个').waitFor();
      await fullShot(page, shot, '109-crosscheck');
      await page.getByTestId('crosscheck-submit').click();
      await page.getByTestId('crosscheck-done').getByText('已提交：重开 1 个，新发现 1 个问题').waitFor();

      await openProblem(page, baseUrl, ids.b);
      await statusOf(page).getByText('复核重开').waitFor();
      await page
        .getByTestId('problem-history')
        .locator('[data-action="reopen"]')
        .getByText('抽查 3 户，签约记录仍不完整')
        .waitFor();
      await openProblem(page, baseUrl, ids.a);
      await statusOf(page).getByText('已销号').waitFor();
      await page.getByTestId('problem-history').locator('[data-action="crosscheck_confirm"]').waitFor();
      await page.goto(`${baseUrl}/problems?village=${ids.village}&source=county_crosscheck`);
      await page.getByTestId('problems-table').getByRole('link', { name: '村医未按时随访慢病患者' }).waitFor();
      await fullShot(page, shot, '110-after-crosscheck');
    });
  });

  it('the village submits its summary (附件5); discipline reads without a button to change anything', async () => {
    await withBrowser({}, async ({ page, baseUrl, shot }) => {
      await logIn(page, baseUrl, 'v01', '/inspections/summary');
      const summary = page.getByTestId('village-summary');
      const figures = summary.getByTestId('summary-figures');
      await figures.getByRole('row', { name: /发现问题\s+2/ }).waitFor();
      await figures.getByRole('row', { name: /复核重开\s+1/ }).waitFor();
      await page.getByTestId('summary-submit').click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /确\s*定/ })
        .click();
      await summary.getByTestId('summary-status').getByText('已上报').waitFor();
      await fullShot(page, shot, '111-summary-submitted');
    });
    await withBrowser({}, async ({ page, baseUrl, shot }) => {
      // The township's roll-up shows it submitted; the office sends it back with a reason.
      await logIn(page, baseUrl, 'admin', '/inspections/summary');
      const row = page.getByTestId('overview-table').getByRole('row').filter({ hasText: '东溪村' });
      await row.getByText('已上报').waitFor();
      await fullShot(page, shot, '117-summary-overview');
      await row.getByTestId('overview-reopen').click();
      await page.getByTestId('overview-reopen-modal-text').fill('问题数与台账核对后再报');
      await page.getByTestId('overview-reopen-modal-ok').click();
      await row.getByText('进行中').waitFor();
    });
    await withBrowser({}, async ({ page, baseUrl }) => {
      await logIn(page, baseUrl, 'discipline', `/problems/${ids.b}`);
      await statusOf(page).getByText('复核重开').waitFor();
      await page.getByText('您对该问题暂无可办理的操作。').waitFor();
      for (const id of ['evidence-upload', 'action-start', 'action-submit', 'action-assign', 'action-escalate', 'action-reopen'])
        expect(await page.getByTestId(id).count(), id).toBe(0);
      await page.goto(`${baseUrl}/problems`);
      await page.getByTestId('problems-table').getByRole('link', { name: B }).waitFor();
      expect(await page.getByTestId('record-problem-open').count()).toBe(0);
      expect(await page.getByTestId('problems-table').locator('.ant-checkbox-input').count()).toBe(0);
    });
  });

  it('on a phone (390×844) the ledger, a problem, the self-check form, an order and the meeting fit the screen', async () => {
    await withBrowser({ viewport: PHONE }, async ({ page, baseUrl, shot }) => {
      await logIn(page, baseUrl, 'v01', '/problems');
      await page.getByTestId('problems-cards').getByTestId('problem-card').filter({ hasText: B }).getByText('复核重开').waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await viewShot(page, '112-mobile-ledger');

      await openProblem(page, baseUrl, ids.b);
      await page.getByTestId('section-evidence').locator('img').first().waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await fullShot(page, shot, '113-mobile-problem');

      await page.goto(`${baseUrl}/inspections`);
      await page.getByTestId('site-picker').getByText('东溪村扶贫工作室', { exact: true }).click();
      await page.getByTestId('answer-po1').getByText('不达标', { exact: true }).click();
      await page.getByTestId('note-po1').fill('制度未上墙');
      expect(await horizontalOverflow(page)).toBe(0);
      await fullShot(page, shot, '114-mobile-self-check');

      await page.goto(`${baseUrl}/orders/${ids.order}`);
      await page.getByTestId('order-print').getByTestId('order-problem').waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await fullShot(page, shot, '115-mobile-order');
    });
    await withBrowser({ viewport: PHONE }, async ({ page, baseUrl, shot }) => {
      await logIn(page, baseUrl, 'admin', '/problems/meeting');
      await page.getByTestId('matrix-cards').getByText('东溪村').waitFor();
      await page.getByTestId('chart-heatmap').locator('canvas').first().waitFor();
      await page.waitForTimeout(800);
      expect(await horizontalOverflow(page)).toBe(0);
      await fullShot(page, shot, '116-mobile-meeting');
    });
  });
});
