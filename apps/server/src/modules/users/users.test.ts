/** Account and role administration through the routes. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type CountyFixture, loginAs, seedCounty } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';

describe('users and roles', () => {
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

  const newUser = (over: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    username: `u${Math.floor(Math.random() * 1e9)}`,
    displayName: '测试用户',
    phone: '13800000000',
    homeUnitId: township,
    password: 'start2020x',
    ...over,
  });

  it('creates an account idempotently and refuses a taken username, naming the field', async () => {
    const body = newUser({ username: 'Wang.Wei' });
    const first = await admin.post('/api/users', body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ username: 'wang.wei', mustChangePassword: true, disabled: false, roles: [] });
    expect((await admin.post('/api/users', body)).json().id).toBe(body.id);
    const taken = await admin.post('/api/users', newUser({ username: 'wang.wei' }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields).toEqual([{ path: 'username', message: '「用户名」：用户名「wang.wei」已被占用' }]);
  });

  it('lists every invalid field of a create at once', async () => {
    const res = await admin.post('/api/users', {
      id: 'not-a-uuid',
      username: 'a b',
      displayName: '',
      homeUnitId: township,
      password: 'x',
    });
    expect(res.statusCode).toBe(400);
    const fields = Object.fromEntries(res.json().error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(fields).toMatchObject({
      id: '「编号」：编号格式不正确',
      username: '「用户名」：只能使用字母、数字、点、横线和下划线，3 到 32 位',
      displayName: '「姓名」：必填',
    });
  });

  it('assigns roles only on units of the right kind, with a sector for sector leaders', async () => {
    const user = (await admin.post('/api/users', newUser())).json();
    const village = county.village(0, 0);
    const onVillage = await admin.post(`/api/users/${user.id}/roles`, {
      id: randomUUID(),
      role: 'village_staff',
      unitId: village,
      title: '第一书记',
    });
    expect(onVillage.statusCode).toBe(200);
    expect(onVillage.json().roles).toMatchObject([{ role: 'village_staff', unitId: village, title: '第一书记' }]);
    const wrongKind = await admin.post(`/api/users/${user.id}/roles`, {
      id: randomUUID(),
      role: 'township_admin',
      unitId: village,
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.message).toBe('「镇扶贫办」角色不能分配在村一级');
    const noSector = await admin.post(`/api/users/${user.id}/roles`, {
      id: randomUUID(),
      role: 'sector_leader',
      unitId: township,
    });
    expect(noSector.json().error.fields).toEqual([{ path: 'sector', message: '「分管行业」：行业分管领导必须指定分管行业' }]);
    const sector = await admin.post(`/api/users/${user.id}/roles`, {
      id: randomUUID(),
      role: 'sector_leader',
      unitId: township,
      sector: 'water',
    });
    expect(sector.json().roles).toHaveLength(2);
    // The same role twice is one role.
    const twice = await admin.post(`/api/users/${user.id}/roles`, {
      id: randomUUID(),
      role: 'sector_leader',
      unitId: township,
      sector: 'water',
    });
    expect(twice.json().roles).toHaveLength(2);
    const removed = await admin.delete(`/api/users/${user.id}/roles/${onVillage.json().roles[0].id}`);
    expect(removed.json().roles.map((r: { role: string }) => r.role)).toEqual(['sector_leader']);
  });

  it('refuses roles outside the administrator’s township, and removing one’s own administration', async () => {
    const user = (await admin.post('/api/users', newUser())).json();
    const outside = await admin.post(`/api/users/${user.id}/roles`, {
      id: randomUUID(),
      role: 'cadre',
      unitId: county.village(1, 0),
    });
    expect(outside.statusCode).toBe(403);
    const countyRole = await admin.post(`/api/users/${user.id}/roles`, {
      id: randomUUID(),
      role: 'county_admin',
      unitId: county.countyId,
    });
    expect(countyRole.statusCode).toBe(403);
    const me = county.users.get('t1.admin');
    const self = await admin.delete(`/api/users/${me?.id}/roles/${me?.roles[0]?.id}`);
    expect(self.json().error.code).toBe('SELF_LOCKOUT');
  });

  it('moves an account only to a unit the administrator manages', async () => {
    const user = (await admin.post('/api/users', newUser())).json();
    expect((await admin.patch(`/api/users/${user.id}`, { homeUnitId: county.village(0, 1) })).json().homeUnitId).toBe(
      county.village(0, 1),
    );
    expect((await admin.patch(`/api/users/${user.id}`, { homeUnitId: county.townships[1]?.id })).statusCode).toBe(403);
  });

  it('filters the list by name, unit and role, with paging', async () => {
    const all = (await admin.get('/api/users?limit=500')).json();
    const cadres = (await admin.get('/api/users?role=cadre&limit=500')).json();
    expect(cadres.total).toBeGreaterThan(0);
    expect(cadres.items.every((u: { roles: { role: string }[] }) => u.roles.some((r) => r.role === 'cadre'))).toBe(true);
    const page = (await admin.get('/api/users?limit=2&offset=1')).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(all.total);
    const inVillage = (await admin.get(`/api/users?unitId=${county.village(0, 0)}&limit=500`)).json();
    expect(inVillage.items.some((u: { username: string }) => u.username === 't1.v01')).toBe(true);
    expect(inVillage.items.some((u: { username: string }) => u.username === 't1.v02')).toBe(false);
    const byName = (await admin.get('/api/users?q=t1.discipline')).json();
    expect(byName.items.map((u: { username: string }) => u.username)).toEqual(['t1.discipline']);
  });
});
