/** The unit tree through its routes: create, edit, delete, codes, idempotency, scope. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type CountyFixture, loginAs, seedCounty } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';

describe('units', () => {
  let t: TestApp;
  let county: CountyFixture;
  let admin: ReturnType<typeof as>;
  let township: string;
  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
    admin = as(t.app, await loginAs(t.app, 't1.admin'));
    township = county.townships[0]?.id as string;
  });
  afterAll(() => t.close());

  it('creates a village under the township, with its kind and chain derived', async () => {
    const id = randomUUID();
    const res = await admin.post('/api/units', { id, parentId: township, name: '新建村', code: '369901101299', sortOrder: 20 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id,
      kind: 'village',
      parentId: township,
      townshipId: township,
      villageId: null,
      countyId: county.countyId,
    });
    const group = await admin.post('/api/units', { id: randomUUID(), parentId: id, name: '一组', code: null });
    expect(group.json()).toMatchObject({ kind: 'group', villageId: id, townshipId: township });
    const nothingUnder = await admin.post('/api/units', {
      id: randomUUID(),
      parentId: group.json().id,
      name: '更小',
      code: null,
    });
    expect(nothingUnder.statusCode).toBe(400);
    expect(nothingUnder.json().error.message).toBe('「村民小组」不能建在「村民小组」之下');
  });

  it('answers a retry with the first answer and refuses the same id for other data', async () => {
    const body = { id: randomUUID(), parentId: township, name: '重试村', code: null };
    const first = await admin.post('/api/units', body);
    const again = await admin.post('/api/units', body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const other = await admin.post('/api/units', { ...body, name: '另一个村' });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('IDEMPOTENCY_CONFLICT');
  });

  it.each([
    ['36990110129', '「区划代码」：应为 12 位数字的统计用区划代码'],
    ['36990110129x', '「区划代码」：应为 12 位数字的统计用区划代码'],
    ['369901101000', '「区划代码」：与单位级别不符（县级代码后 6 位、镇级代码后 3 位应为 0）'],
    ['369901102201', '「区划代码」：与上级单位的区划代码不一致'],
  ])('refuses division code %s, naming the field', async (code, message) => {
    const res = await admin.post('/api/units', { id: randomUUID(), parentId: township, name: '代码村', code });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'code', message }]);
  });

  it('refuses a code another unit already has, naming that unit', async () => {
    const taken = county.townships[0]?.data.units.find((u) => u[1] === 'village')?.[6] as string;
    const res = await admin.post('/api/units', { id: randomUUID(), parentId: township, name: '重号村', code: taken });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/^区划代码 \d{12} 已被「.+村」使用$/);
  });

  it('edits name, code and order, and refuses an empty name', async () => {
    const village = county.village(0, 1);
    const res = await admin.patch(`/api/units/${village}`, { name: '  石桥新村 ', sortOrder: 7 });
    expect(res.json()).toMatchObject({ name: '石桥新村', sortOrder: 7 });
    const empty = await admin.patch(`/api/units/${village}`, { name: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe('「名称」：必填');
    const english = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${village}`,
      payload: { name: '' },
      headers: { cookie: (await loginAs(t.app, 't1.admin')).toString(), 'x-fupin-lang': 'en' },
    });
    expect(english.json().error.message).toBe('Name: required');
  });

  it('deletes an empty unit and refuses one with children or households', async () => {
    const id = randomUUID();
    await admin.post('/api/units', { id, parentId: township, name: '待删村', code: null });
    expect((await admin.delete(`/api/units/${id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/units/${id}`)).statusCode).toBe(404);
    const withGroups = await admin.delete(`/api/units/${county.village(0, 0)}`);
    expect(withGroups.statusCode).toBe(409);
    expect(withGroups.json().error.message).toMatch(/下还有 \d+ 个下级单位，不能删除$/);
    const group = county.townships[0]?.data.households[0]?.[3] as string;
    const withHouseholds = await admin.delete(`/api/units/${group}`);
    expect(withHouseholds.statusCode).toBe(409);
    expect(withHouseholds.json().error.message).toContain('仍有农户');
  });

  it('lets village staff read their village but not edit the tree', async () => {
    const staff = as(t.app, await loginAs(t.app, 't1.v01'));
    expect((await staff.get(`/api/units/${county.village(0, 0)}`)).statusCode).toBe(200);
    expect((await staff.get(`/api/units/${county.village(0, 1)}`)).statusCode).toBe(403);
    expect((await staff.patch(`/api/units/${county.village(0, 0)}`, { name: 'x' })).statusCode).toBe(403);
  });

  it('lets the county admin add a township under the county with a county-prefixed code', async () => {
    const countyAdmin = as(t.app, await loginAs(t.app, 'countyadmin'));
    const res = await countyAdmin.post('/api/units', {
      id: randomUUID(),
      parentId: county.countyId,
      name: '新镇',
      code: '369901109000',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().kind).toBe('township');
    expect(res.json().townshipId).toBe(res.json().id);
    // A township office cannot create townships.
    expect(
      (await admin.post('/api/units', { id: randomUUID(), parentId: county.countyId, name: '越权镇', code: null })).statusCode,
    ).toBe(403);
  });
});
