/** The 帮扶干部花名册 through its routes: the template, a whole import, a repeat, refusals and scope. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type CountyFixture, loginAs, seedCounty } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { rosterWorkbook, upload } from '../../../test/xlsx';
import { selectRows } from '../../db/client';
import ExcelJS from '../../io/excel/exceljs';

const PASSWORD = 'Qingxi#2020roster';

describe('the cadre roster (帮扶干部花名册)', () => {
  let t: TestApp;
  let county: CountyFixture;
  let cookie: string;
  let township: string;
  /** household numbers of township 1: two of its first village, one of its second; one of township 2 */
  let numbers: { a: string; b: string; c: string; elsewhere: string };
  let existingUnit: string;
  const url = () => `/api/users/roster?townshipId=${township}`;
  const send = (file: Buffer, password = PASSWORD, who = cookie) => upload(t.app, who, url(), file, '花名册.xlsx', { password });
  const count = async (query: ReturnType<typeof sql>) => (await selectRows<{ n: number }>(t.database.db, query))[0]?.n ?? 0;

  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
    cookie = await loginAs(t.app, 't1.admin');
    township = county.townships[0]?.id as string;
    const t1 = county.townships[0]?.data;
    const t2 = county.townships[1]?.data;
    const inVillage = (v: string) => (t1?.households ?? []).filter((h) => h[2] === v).map((h) => h[4] as string);
    const [a, b] = inVillage(county.village(0, 0));
    numbers = {
      a: a as string,
      b: b as string,
      c: inVillage(county.village(0, 1))[0] as string,
      elsewhere: t2?.households[0]?.[4] as string,
    };
    existingUnit = t1?.workUnits[0]?.[2] as string;
  });
  afterAll(() => t.close());

  it('gives a template with the roster’s columns and the township’s 派出单位 in its notes', async () => {
    const res = await as(t.app, cookie).get(`/api/users/roster-template.xlsx?townshipId=${township}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('帮扶干部花名册模板'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('帮扶干部')?.getRow(1).values).toEqual([undefined, '姓名*', '手机号码*', '派出单位', '结对户编号']);
    const notes: string[] = [];
    wb.getWorksheet('填表说明')?.eachRow((row) => notes.push(String(row.getCell(4).value ?? '')));
    expect(notes.join('\n')).toContain(existingUnit);
  });

  it('imports cadres whole: accounts, a new 派出单位, roles on their households’ villages, pairings, audit records', async () => {
    const before = await count(sql`select count(*)::int as n from audit_log`);
    const res = await send(
      await rosterWorkbook([
        { 姓名: '周新', 手机号码: '13900001111', 派出单位: '县自然资源局', 结对户编号: `${numbers.a}、${numbers.c}` },
        { 姓名: '吴明', 手机号码: 13900002222, 派出单位: existingUnit, 结对户编号: numbers.b },
        { 姓名: '郑未结对', 手机号码: '139-0000-3333' },
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 3, created: 3, updated: 0, workUnitsCreated: 1, pairingsAdded: 3 });
    const [zhou] = await selectRows<{ id: string; must: boolean; unit: string; roles: string[] }>(
      t.database.db,
      sql`select u.id, u.must_change_password as must, wu.name as unit,
                 array(select un.name from role_assignments ra join units un on un.id = ra.unit_id
                       where ra.user_id = u.id and ra.role = 'cadre' order by un.name) as roles
          from users u join work_units wu on wu.id = u.work_unit_id where u.username = '13900001111'`,
    );
    expect(zhou).toMatchObject({ must: true, unit: '县自然资源局' });
    expect(zhou?.roles).toHaveLength(2); // the villages of 周新's two households
    expect(await count(sql`select count(*)::int as n from pairings where cadre_id = ${zhou?.id as string}::uuid`)).toBe(2);
    // a cadre with no households holds the role on the township
    const [zheng] = await selectRows<{ unit: string }>(
      t.database.db,
      sql`select ra.unit_id::text as unit from role_assignments ra join users u on u.id = ra.user_id where u.username = '13900003333'`,
    );
    expect(zheng?.unit).toBe(township);
    // users 3, roles 4, work unit 1, pairings 3
    expect((await count(sql`select count(*)::int as n from audit_log`)) - before).toBe(11);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: '13900001111', password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
  });

  it('imports the same roster again without a new account or pairing; a changed name is updated', async () => {
    const res = await send(
      await rosterWorkbook([
        { 姓名: '周新', 手机号码: '13900001111', 派出单位: '县自然资源局', 结对户编号: `${numbers.a}、${numbers.c}` },
        { 姓名: '吴明明', 手机号码: '13900002222', 结对户编号: numbers.b },
      ]),
    );
    expect(res.json()).toEqual({ rows: 2, created: 0, updated: 2, workUnitsCreated: 0, pairingsAdded: 0 });
    const [wu] = await selectRows<{ name: string; unit: string }>(
      t.database.db,
      sql`select u.display_name as name, wu.name as unit from users u join work_units wu on wu.id = u.work_unit_id where u.username = '13900002222'`,
    );
    // a blank 派出单位 leaves the account's as it was
    expect(wu).toEqual({ name: '吴明明', unit: existingUnit });
  });

  it('exports the township’s cadres as a roster that imports back without a change', async () => {
    const res = await as(t.app, cookie).get(`/api/users/roster.xlsx?townshipId=${township}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('帮扶干部花名册'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('帮扶干部');
    const rows: string[][] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) rows.push([1, 2, 3, 4].map((c) => String(row.getCell(c).value ?? '')));
    });
    const zhou = rows.find((r) => r[1] === '13900001111');
    expect(zhou).toEqual(['周新', '13900001111', '县自然资源局', [numbers.a, numbers.c].sort().join('、')]);
    // accounts made by hand with no mobile are listed too, their mobile left for the office to fill
    expect(rows.some((r) => r[1] === '' && r[3] !== '')).toBe(true);
    const withMobile = rows.filter((r) => r[1] !== '');
    const again = await send(
      await rosterWorkbook(
        withMobile.map(([姓名, 手机号码, 派出单位, 结对户编号]) => ({ 姓名, 手机号码, 派出单位, 结对户编号 })),
      ),
    );
    expect(again.json()).toEqual({
      rows: withMobile.length,
      created: 0,
      updated: withMobile.length,
      workUnitsCreated: 0,
      pairingsAdded: 0,
    });
  });

  it('finds an account made by hand by its phone; a phone two accounts share is refused', async () => {
    const admin = as(t.app, cookie);
    const id = (name: string) => county.users.get(name)?.id as string;
    expect((await admin.patch(`/api/users/${id('t1.cadre001')}`, { phone: '13911112222' })).statusCode).toBe(200);
    const found = await send(await rosterWorkbook([{ 姓名: '原帮扶干部', 手机号码: '13911112222', 结对户编号: numbers.b }]));
    expect(found.json()).toMatchObject({ created: 0, updated: 1, pairingsAdded: 1 });
    const [row] = await selectRows<{ username: string; name: string }>(
      t.database.db,
      sql`select username, display_name as name from users where id = ${id('t1.cadre001')}::uuid`,
    );
    expect(row).toEqual({ username: 't1.cadre001', name: '原帮扶干部' });
    await admin.patch(`/api/users/${id('t1.cadre002')}`, { phone: '13911112222' });
    const shared = await send(await rosterWorkbook([{ 姓名: '谁', 手机号码: '13911112222' }]));
    expect(shared.json().error.errors).toEqual([
      '帮扶干部 第 2 行 B 列（手机号码）：手机号码 13911112222 同时登记在账号 t1.cadre001、t1.cadre002 上，无法确定是哪一个；请先在用户管理中改正',
    ]);
  });

  it('refuses a roster with errors, naming every row and column, and writes nothing', async () => {
    const t2cookie = await loginAs(t.app, 't2.admin');
    const t2 = county.townships[1]?.id as string;
    const elsewhere = await upload(
      t.app,
      t2cookie,
      `/api/users/roster?townshipId=${t2}`,
      await rosterWorkbook([{ 姓名: '乙镇干部', 手机号码: '13700004444' }]),
      '花名册.xlsx',
      { password: PASSWORD },
    );
    expect(elsewhere.statusCode, elsewhere.body).toBe(200);
    const users = await count(sql`select count(*)::int as n from users`);
    const res = await send(
      await rosterWorkbook([
        { 姓名: '甲', 手机号码: '1390000', 结对户编号: numbers.a },
        { 姓名: '乙', 手机号码: '13900005555', 结对户编号: `${numbers.b}、NO-SUCH、${numbers.elsewhere}` },
        { 姓名: '丙', 手机号码: '13900005555' },
        { 姓名: '庚', 手机号码: '13700004444' },
        { 手机号码: '13900006666', 派出单位: '新单位' },
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'ROSTER_HAS_ERRORS', message: '花名册有 6 处错误，未导入任何内容' });
    expect(res.json().error.errors).toEqual([
      '帮扶干部 第 2 行 B 列（手机号码）：「1390000」不是 11 位手机号码',
      '帮扶干部 第 3 行 D 列（结对户编号）：户编号 NO-SUCH 不是本镇的农户',
      `帮扶干部 第 3 行 D 列（结对户编号）：户编号 ${numbers.elsewhere} 不是本镇的农户`,
      '帮扶干部 第 4 行 B 列（手机号码）：手机号码与第 3 行相同',
      '帮扶干部 第 5 行 B 列（手机号码）：手机号码 13700004444 已是本镇以外的账号，不能在此导入',
      '帮扶干部 第 6 行 A 列（姓名）：必填',
    ]);
    expect(await count(sql`select count(*)::int as n from users`)).toBe(users);
    expect(await count(sql`select count(*)::int as n from work_units where name = '新单位'`)).toBe(0);
  });

  it('names a sheet or column that is missing', async () => {
    const noColumn = await send(
      await rosterWorkbook([{ 姓名: '甲', 手机号码: '13900007777' }], ['姓名', '手机号码', '派出单位']),
    );
    expect(noColumn.json().error.errors).toEqual(['帮扶干部 第 1 行：缺少列「结对户编号」（请使用下载的模板，不要改动表头）']);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['姓名']);
    const noSheet = await send(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(noSheet.json().error.errors).toEqual(['帮扶干部 第 1 行：缺少工作表「帮扶干部」（请使用下载的模板）']);
    const notXlsx = await send(Buffer.from('姓名,手机号码\n'));
    expect([notXlsx.statusCode, notXlsx.json().error.code]).toEqual([400, 'IMPORT_FILE_INVALID']);
  });

  it('refuses new accounts without an initial password, or with a weak one', async () => {
    const file = await rosterWorkbook([{ 姓名: '戊', 手机号码: '13900008888' }]);
    const none = await send(file, '');
    expect(none.json().error.fields).toEqual([expect.objectContaining({ path: 'password' })]);
    const weak = await send(file, '123456');
    expect([weak.statusCode, weak.json().error.code]).toEqual([400, 'PASSWORD_WEAK']);
    expect(await count(sql`select count(*)::int as n from users where username = '13900008888'`)).toBe(0);
  });

  it('is the township office’s: another township, a village and a cadre are refused', async () => {
    const file = await rosterWorkbook([{ 姓名: '己', 手机号码: '13900009999' }]);
    const t2admin = await loginAs(t.app, 't2.admin');
    expect((await send(file, PASSWORD, t2admin)).statusCode).toBe(403);
    expect((await send(file, PASSWORD, await loginAs(t.app, 't1.cadre001'))).statusCode).toBe(403);
    const village = await upload(t.app, cookie, `/api/users/roster?townshipId=${county.village(0, 0)}`, file, 'x.xlsx', {
      password: PASSWORD,
    });
    expect(village.statusCode).toBe(400);
    expect((await as(t.app, t2admin).get(`/api/users/roster-template.xlsx?townshipId=${township}`)).statusCode).toBe(403);
    expect((await as(t.app, t2admin).get(`/api/users/roster.xlsx?townshipId=${township}`)).statusCode).toBe(403);
  });
});
