/** Registry exports: what they hold, whom they mask, and that an exported file imports back unchanged. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOUSEHOLD_SHEET_COLUMNS, maskIdNumber } from '@fupin/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type CountyFixture, loginAs, seedCounty } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { upload } from '../../../test/xlsx';
import ExcelJS from '../../io/excel/exceljs';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

async function sheets(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const out: Record<string, unknown[][]> = {};
  for (const ws of wb.worksheets) {
    out[ws.name] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      out[ws.name]?.push((row.values as unknown[]).slice(1));
    });
  }
  return out;
}

describe('registry export', () => {
  let t: TestApp;
  let county: CountyFixture;
  let admin: string;
  let village: string;
  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
    admin = await loginAs(t.app, 't1.admin');
    village = county.village(0, 0);
  });
  afterAll(() => t.close());

  it('exports the listed households and their members in the template’s layout', async () => {
    const res = await as(t.app, admin).get(`/api/registry/export.xlsx?villageId=${village}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const s = await sheets(res.rawPayload);
    const list = (await as(t.app, admin).get(`/api/households?villageId=${village}&limit=500`)).json();
    expect(s.户信息?.[0]).toEqual(HOUSEHOLD_SHEET_COLUMNS.map((c) => c.header));
    expect(s.户信息?.length).toBe(list.total + 1);
    const numbers = s.户信息?.slice(1).map((r) => r[0]);
    expect(numbers).toEqual(list.items.map((i: { householdNumber: string }) => i.householdNumber));
    const memberRows = s.成员信息?.slice(1) ?? [];
    expect(memberRows.length).toBeGreaterThan(list.total);
    expect(memberRows.every((r) => /^\d{17}[\dX]$/.test(String(r[2])))).toBe(true);
  });

  it('imports back unchanged: nothing new, nothing changed', async () => {
    const res = await as(t.app, admin).get(`/api/registry/export.xlsx?villageId=${village}`);
    const up = await upload(t.app, admin, `/api/registry/imports?unitId=${county.townships[0]?.id}`, res.rawPayload, '导出.xlsx');
    await t.app.jobs.idle();
    const state = (await as(t.app, admin).get(`/api/registry/imports/${up.json().id}`)).json();
    const errors = (await as(t.app, admin).get(`/api/registry/imports/${up.json().id}/errors`)).json();
    expect(errors.items).toEqual([]);
    expect(state.counts).toMatchObject({ householdsNew: 0, householdsChanged: 0, membersNew: 0, membersChanged: 0 });
    expect(state.counts.householdsUnchanged).toBeGreaterThan(0);
  });

  it('masks ID numbers for readers who may not see them', async () => {
    const discipline = await loginAs(t.app, 't1.discipline');
    const res = await as(t.app, discipline).get(`/api/registry/export.xlsx?villageId=${village}`);
    const ids = ((await sheets(res.rawPayload)).成员信息 ?? []).slice(1).map((r) => String(r[2]));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id === maskIdNumber(id) || /^\d{4}\*{10}[\dX]{4}$/.test(id))).toBe(true);
  });

  it('lists households not yet out of poverty with their plans, as a signed government table', async () => {
    const res = await as(t.app, admin).get('/api/registry/not-out.xlsx');
    const rows = (await sheets(res.rawPayload)).未脱贫户帮扶计划 ?? [];
    expect(String(rows[0]?.[0])).toBe('清溪镇未脱贫户帮扶计划表');
    expect(String(rows[1]?.[0])).toBe('填报单位：清溪镇');
    expect(rows[2]?.slice(0, 4)).toEqual(['序号', '村', '村民小组', '户编号']);
    const notOut = (await as(t.app, admin).get('/api/households?povertyStatus=not_out&limit=500')).json();
    const body = rows.slice(3).filter((r) => typeof r[0] === 'number');
    expect(body).toHaveLength(notOut.total);
    expect(body.every((r) => String(r[9]).length > 0)).toBe(true);
    expect(rows.some((r) => r.includes('单位负责人（签字）：'))).toBe(true);
  });

  it.runIf(SOFFICE)(
    'opens in LibreOffice with the same values',
    async () => {
      const res = await as(t.app, admin).get(`/api/registry/export.xlsx?villageId=${village}`);
      const dir = mkdtempSync(join(tmpdir(), 'fupin-lo-'));
      try {
        writeFileSync(join(dir, 'export.xlsx'), res.rawPayload);
        execFileSync(
          SOFFICE as string,
          [
            '--headless',
            '--norestore',
            `-env:UserInstallation=file://${dir}/profile`,
            '--convert-to',
            'csv:Text - txt - csv (StarCalc):44,34,76,1',
            '--outdir',
            dir,
            join(dir, 'export.xlsx'),
          ],
          { timeout: 120_000, stdio: 'ignore' },
        );
        const csv = readFileSync(join(dir, 'export.csv'), 'utf8').trim().split('\n');
        const ours = (await sheets(res.rawPayload)).户信息 ?? [];
        expect(csv.length).toBe(ours.length);
        for (const [i, line] of csv.entries()) {
          const cells =
            line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')) ??
            [];
          const expected = Array.from(ours[i] ?? [], (v) => (v === null || v === undefined ? '' : String(v)));
          expect(cells.slice(0, expected.length), `row ${i + 1}`).toEqual(expected);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
