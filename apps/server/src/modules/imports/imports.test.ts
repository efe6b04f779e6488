/** The registry's Excel import: template, checks with row and column, all-or-nothing commit, idempotent re-import. */
import { Readable } from 'node:stream';
import { buildIdNumber } from '@fupin/domain';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type CountyFixture, loginAs, seedCounty } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { type Row, registryWorkbook, upload, uploadChecked } from '../../../test/xlsx';
import { selectRows } from '../../db/client';
import { auditLog, households } from '../../db/schema/index';
import ExcelJS from '../../io/excel/exceljs';

const id = (birth: string, seq: number, sex: 'male' | 'female') => buildIdNumber('369901', birth, seq, sex);

/** Three households in 清溪镇's first village, seven members. */
function goodFile(village: string) {
  const households: Row[] = [
    {
      户编号: 'IMP-001',
      村: village,
      村民小组: '一组',
      户主姓名: '陈大山',
      贫困户状态: '未脱贫',
      工资性收入: 15000,
      转移性收入: 4200,
      标签: '',
      帮扶措施: '产业帮扶、就业帮扶',
    },
    {
      户编号: 'IMP-002',
      村: village,
      贫困户状态: '已脱贫',
      脱贫年度: 2018,
      住房结构: '砖混',
      有其他安全住房: '否',
      饮水水量达标: '是',
    },
    { 户编号: 'IMP-003', 村: village, 贫困户状态: '非建档立卡户', 标签: '边缘户、重点户', 生产经营性收入: -2000 },
  ];
  const members: Row[] = [
    {
      户编号: 'IMP-001',
      姓名: '陈大山',
      身份证号: id('1965-04-01', 11, 'male'),
      与户主关系: '户主',
      劳动能力: '普通劳动力',
      健康状况: '健康',
    },
    {
      户编号: 'IMP-001',
      姓名: '刘秀英',
      身份证号: id('1967-09-12', 22, 'female'),
      与户主关系: '配偶',
      出生日期: new Date(Date.UTC(1967, 8, 12)),
    },
    { 户编号: 'IMP-001', 姓名: '陈小明', 身份证号: id('2004-01-20', 33, 'male'), 与户主关系: '之子', 在校情况: '高中' },
    {
      户编号: 'IMP-002',
      姓名: '黄老汉',
      身份证号: id('1950-02-02', 44, 'male').toLowerCase(),
      与户主关系: '户主',
      婚姻状况: '丧偶',
    },
    { 户编号: 'IMP-003', 姓名: '周桂兰', 身份证号: id('1970-07-07', 55, 'female'), 与户主关系: '户主' },
    { 户编号: 'IMP-003', 姓名: '周强', 身份证号: id('1995-03-03', 66, 'male'), 与户主关系: '之子', 务工情况: '省外务工' },
    { 户编号: 'IMP-003', 姓名: '周小花', 与户主关系: '之女', 性别: '女', 出生日期: '2020/1/5' },
  ];
  return { households, members };
}

describe('registry import', () => {
  let t: TestApp;
  let county: CountyFixture;
  let cookie: string;
  let township: string;
  let villageName: string;

  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
    cookie = await loginAs(t.app, 't1.admin');
    township = county.townships[0]?.id as string;
    villageName = county.villageName(0, 0);
  });
  afterAll(() => t.close());

  /** Uploads, waits for the check, returns the import with its errors. */
  async function check(file: Buffer, unitId = township, who = cookie) {
    const state = await uploadChecked(t.app, who, unitId, file);
    const errors = (await as(t.app, who).get(`/api/registry/imports/${state.id}/errors?limit=500`)).json();
    return { state, errors: errors.items.map((e: { message: string }) => e.message) as string[] };
  }

  it('serves a template with both sheets, Chinese headers and dropdowns', async () => {
    const res = await as(t.app, cookie).get(`/api/registry/template.xlsx?unitId=${township}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['填表说明', '户信息', '成员信息', '代码表']);
    expect(wb.getWorksheet('户信息')?.getRow(1).getCell(1).value).toBe('户编号*');
    expect(wb.getWorksheet('成员信息')?.getRow(1).getCell(3).value).toBe('身份证号');
    const lists = wb.getWorksheet('代码表');
    const villages = lists?.getColumn(1).values.slice(2);
    expect(villages).toContain(villageName);
  });

  it('previews, commits all at once, and changes nothing when the same file comes again', async () => {
    const { households: hs, members: ms } = goodFile(villageName);
    const file = await registryWorkbook(hs, ms);
    const first = await check(file);
    expect(first.errors).toEqual([]);
    expect(first.state).toMatchObject({ status: 'checked', errorCount: 0 });
    expect(first.state.counts).toMatchObject({
      householdRows: 3,
      memberRows: 7,
      householdsNew: 3,
      membersNew: 7,
      householdsChanged: 0,
    });
    const committed = await as(t.app, cookie).post(`/api/registry/imports/${first.state.id}/commit`);
    expect(committed.json().status).toBe('committed');

    const list = (await as(t.app, cookie).get('/api/households?q=IMP-00&limit=10')).json();
    expect(list.items.map((i: { headName: string }) => i.headName).sort()).toEqual(['周桂兰', '陈大山', '黄老汉'].sort());
    const chen = list.items.find((i: { householdNumber: string }) => i.householdNumber === 'IMP-001');
    expect(chen).toMatchObject({ currentMembers: 3, perCapitaIncome: 6400, povertyStatus: 'not_out' });
    const zhou = (
      await as(t.app, cookie).get(
        `/api/households/${list.items.find((i: { householdNumber: string }) => i.householdNumber === 'IMP-003').id}`,
      )
    ).json();
    expect(zhou.tags).toEqual(['marginal', 'key']);
    expect(zhou.businessIncome).toBe(-2000);
    expect(zhou.members.map((m: { name: string; birthDate: string }) => [m.name, m.birthDate])).toContainEqual([
      '周小花',
      '2020-01-05',
    ]);
    // found by pinyin initials of the head
    expect(
      (await as(t.app, cookie).get('/api/households?q=cds'))
        .json()
        .items.map((i: { householdNumber: string }) => i.householdNumber),
    ).toContain('IMP-001');

    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'import_create'));
    expect(audits).toHaveLength(3);
    const versions = await selectRows<{ v: number }>(
      t.database.db,
      sql`select sum(version)::int as v from households where household_number like 'IMP-%'`,
    );

    const again = await check(file);
    expect(again.state.counts).toMatchObject({
      householdsNew: 0,
      householdsChanged: 0,
      householdsUnchanged: 3,
      membersNew: 0,
      membersChanged: 0,
      membersUnchanged: 7,
    });
    await as(t.app, cookie).post(`/api/registry/imports/${again.state.id}/commit`);
    expect(
      await selectRows<{ v: number }>(
        t.database.db,
        sql`select sum(version)::int as v from households where household_number like 'IMP-%'`,
      ),
    ).toEqual(versions);
    const auditsAfter = await t.database.db.select().from(auditLog).where(sql`${auditLog.action} like 'import_%'`);
    expect(auditsAfter).toHaveLength(3);

    // One changed cell changes one household, with its before and after in the history.
    hs[1] = { ...hs[1], 地址: '新地址 1 号' };
    const changed = await check(await registryWorkbook(hs, ms));
    expect(changed.state.counts).toMatchObject({ householdsChanged: 1, householdsUnchanged: 2 });
    await as(t.app, cookie).post(`/api/registry/imports/${changed.state.id}/commit`);
    const [h2] = await t.database.db.select().from(households).where(eq(households.householdNumber, 'IMP-002'));
    expect(h2?.address).toBe('新地址 1 号');
    const history = (await as(t.app, cookie).get(`/api/households/${h2?.id}/history`)).json().items;
    expect(history[0]).toMatchObject({ action: 'import_update', before: { address: null }, after: { address: '新地址 1 号' } });
  });

  it('names sheet, row and column of every cell error', async () => {
    const { households: hs, members: ms } = goodFile(villageName);
    const bad: Row[] = ms.map((m) => ({ ...m, 户编号: `BAD-${m.户编号}` }));
    const badHouseholds: Row[] = hs.map((h) => ({ ...h, 户编号: `BAD-${h.户编号}` }));
    badHouseholds[0] = { ...badHouseholds[0], 贫困户状态: '不知道' };
    badHouseholds[1] = { ...badHouseholds[1], 脱贫年度: null };
    bad[0] = {
      ...bad[0],
      身份证号: `${String(bad[0]?.身份证号).slice(0, 17)}${String(bad[0]?.身份证号).endsWith('1') ? '2' : '1'}`,
    };
    bad[1] = { ...bad[1], 出生日期: '1967-13-45' };
    bad[2] = { ...bad[2], 身份证号: 369901200401203300 };
    bad[3] = { ...bad[3], 与户主关系: '' };
    const { state, errors } = await check(await registryWorkbook(badHouseholds, bad));
    expect(state.status).toBe('invalid');
    expect(errors).toEqual(
      expect.arrayContaining([
        '户信息 第 2 行 G 列（贫困户状态）：「不知道」不是下拉列表中的选项',
        '户信息 第 3 行 H 列（脱贫年度）：已脱贫户须填写脱贫年度',
        '成员信息 第 2 行 C 列（身份证号）：身份证号校验码错误（最后一位不对）',
        '成员信息 第 3 行 F 列（出生日期）：不是有效的日期（应为 年-月-日）',
        '成员信息 第 4 行 C 列（身份证号）：身份证号被存成了数字，末几位已丢失；请把该列设为文本格式后重新填写',
        '成员信息 第 5 行 D 列（与户主关系）：必填',
      ]),
    );
    // Members of households whose own row had errors are not also called orphans.
    expect(errors.some((e) => e.includes('都不存在'))).toBe(false);
    const commit = await as(t.app, cookie).post(`/api/registry/imports/${state.id}/commit`);
    expect(commit.statusCode).toBe(409);
    expect(commit.json().error.code).toBe('IMPORT_HAS_ERRORS');
    expect((await as(t.app, cookie).get('/api/households?q=BAD-')).json().total).toBe(0);
  });

  it('finds repeated rows, repeated numbers with other data, repeated ID numbers and orphans', async () => {
    const { households: hs, members: ms } = goodFile(villageName);
    const rows: Row[] = hs.map((h) => ({ ...h, 户编号: `DUP-${h.户编号}` }));
    const people: Row[] = ms.map((m) => ({ ...m, 户编号: `DUP-${m.户编号}` }));
    rows.push({ ...rows[0] }, { ...rows[1], 地址: '另一个地址' });
    people.push({ ...people[4], 户编号: 'DUP-IMP-002', 姓名: '重复的人', 与户主关系: '之女' });
    people.push({ 户编号: 'NO-SUCH', 姓名: '孤儿', 与户主关系: '户主', 性别: '男' });
    const { errors } = await check(await registryWorkbook(rows, people));
    expect(errors).toEqual(
      expect.arrayContaining([
        '户信息 第 5 行 A 列（户编号）：与第 2 行完全相同（重复行）',
        '户信息 第 6 行 A 列（户编号）：户编号与第 3 行相同但内容不同',
        '成员信息 第 9 行 C 列（身份证号）：身份证号与第 6 行相同',
        '成员信息 第 10 行 A 列（户编号）：户编号 NO-SUCH 在户信息表和系统中都不存在',
      ]),
    );
  });

  it('refuses an ID number registered in another household, naming it', async () => {
    const existing = county.townships[0]?.data.members[0] as unknown[];
    const { errors } = await check(
      await registryWorkbook(
        [{ 户编号: 'OTHER-1', 村: villageName, 贫困户状态: '非建档立卡户' }],
        [{ 户编号: 'OTHER-1', 姓名: '冒名', 身份证号: existing[5], 与户主关系: '户主' }],
      ),
    );
    expect(errors[0]).toMatch(/^成员信息 第 2 行 C 列（身份证号）：该身份证号已登记在.+村「.+」户（户编号 \d+）$/);
  });

  it('reports wrong headers, a missing sheet and an empty sheet', async () => {
    const headers = await check(await registryWorkbook([{ 户号: 'X' }], [], { householdHeaders: ['户号', '村', '贫困户状态'] }));
    expect(headers.errors).toContain('户信息 第 1 行：缺少列「户编号」（请使用下载的模板，不要改动表头）');
    const missing = await check(await registryWorkbook([], [], { omitSheet: '成员信息' }));
    expect(missing.errors).toEqual(
      expect.arrayContaining([
        '成员信息 第 1 行：缺少工作表「成员信息」（请使用下载的模板）',
        '户信息 第 2 行：工作表「户信息」没有数据',
      ]),
    );
  });

  it('refuses a file that is not .xlsx at once, and fails cleanly on a broken one', async () => {
    const text = await upload(t.app, cookie, `/api/registry/imports?unitId=${township}`, Buffer.from('户编号,村\nA,B\n'));
    expect(text.statusCode).toBe(400);
    expect(text.json().error.message).toContain('不是有效的 Excel 文件');
    const good = await registryWorkbook([{ 户编号: 'T1', 村: villageName, 贫困户状态: '未脱贫' }], []);
    const truncated = await upload(
      t.app,
      cookie,
      `/api/registry/imports?unitId=${township}`,
      good.subarray(0, Math.floor(good.length / 2)),
    );
    await t.app.jobs.idle();
    const state = (await as(t.app, cookie).get(`/api/registry/imports/${truncated.json().id}`)).json();
    expect(state.status).toBe('failed');
    expect(state.failure).toBe('文件内容无法读取，请检查后重新上传');
    const commit = await as(t.app, cookie).post(`/api/registry/imports/${state.id}/commit`);
    expect([commit.statusCode, commit.json().error.message]).toEqual([409, '该文件未能读取完成，不能提交；请重新上传']);
  });

  it('refuses to commit a checked import whose staged rows a crash emptied (unlogged staging)', async () => {
    const file = await registryWorkbook([{ 户编号: 'LOST-1', 村: villageName, 贫困户状态: '未脱贫' }], []);
    const checked = await check(file);
    expect(checked.state.status).toBe('checked');
    // What crash recovery does to an unlogged table.
    for (const table of ['import_households', 'import_members'])
      await t.database.db.execute(sql`delete from ${sql.raw(table)} where import_id = ${checked.state.id}`);
    const commit = await as(t.app, cookie).post(`/api/registry/imports/${checked.state.id}/commit`);
    expect([commit.statusCode, commit.json().error.message]).toEqual([409, '该文件未能读取完成，不能提交；请重新上传']);
    const [row] = await selectRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from households where household_number = 'LOST-1'`,
    );
    expect(row?.n).toBe(0);
  });

  it('refuses a file over 200 MB as it arrives, saying the limit', async () => {
    const boundary = '----big';
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    function* body() {
      yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.xlsx"\r\n\r\nPK\x03\x04`);
      for (let i = 0; i <= 200; i++) yield chunk;
      yield Buffer.from(`\r\n--${boundary}--\r\n`);
    }
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/registry/imports?unitId=${township}`,
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Readable.from(body()),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe('文件过大（单个不超过 200 MB）');
  });

  it('keeps village staff to their own village', async () => {
    const staff = await loginAs(t.app, 't1.v01');
    const otherVillage = county.villageName(0, 1);
    const file = await registryWorkbook(
      [{ 户编号: 'VS-1', 村: otherVillage, 贫困户状态: '非建档立卡户' }],
      [{ 户编号: 'VS-1', 姓名: '甲', 与户主关系: '户主', 性别: '男' }],
    );
    expect((await upload(t.app, staff, `/api/registry/imports?unitId=${township}`, file)).statusCode).toBe(403);
    const { errors } = await check(file, county.village(0, 0), staff);
    expect(errors[0]).toBe(`户信息 第 2 行 B 列（村）：本镇没有名为「${otherVillage}」的村`);
  });
});
