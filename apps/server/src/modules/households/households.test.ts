/** The registry through its routes: create, edit, search, pairing, masking, scope. */
import { randomUUID } from 'node:crypto';
import { buildIdNumber, maskIdNumber } from '@fupin/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type CountyFixture, loginAs, seedCounty } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';

const ZHANG = buildIdNumber('369901', '1970-05-06', 11, 'male');
const LI = buildIdNumber('369901', '1972-08-09', 22, 'female');

function household(villageId: string, over: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    villageId,
    householdNumber: `H${Math.floor(Math.random() * 1e9)}`,
    povertyStatus: 'not_out',
    wageIncome: 12000,
    transferIncome: 3000.5,
    members: [
      {
        id: randomUUID(),
        name: '张三丰',
        idNumber: ZHANG,
        relation: 'head',
        sex: 'male',
        birthDate: null,
        labourCapacity: 'normal',
      },
      { id: randomUUID(), name: '李四妹', idNumber: LI, relation: 'spouse', sex: 'female', birthDate: '1972-08-09' },
    ],
    ...over,
  };
}

describe('households', () => {
  let t: TestApp;
  let county: CountyFixture;
  let admin: ReturnType<typeof as>;
  let created: { id: string; version: number; members: { id: string }[] };
  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
    admin = as(t.app, await loginAs(t.app, 't1.admin'));
    const res = await admin.post('/api/households', household(county.village(0, 0)));
    expect(res.statusCode, res.body).toBe(200);
    created = res.json();
  });
  afterAll(() => t.close());

  it('registers a household, deriving the head, the birth date from the ID number and per-capita income', async () => {
    const h = (await admin.get(`/api/households/${created.id}`)).json();
    expect(h.headName).toBe('张三丰');
    expect(h.members[0]).toMatchObject({ idNumber: ZHANG, idMasked: false, birthDate: '1970-05-06', age: 49 });
    expect(h.transferIncome).toBe(3000.5);
    expect(h.canEdit).toBe(true);
    const list = (await admin.get(`/api/households?q=${ZHANG}`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ headName: '张三丰', currentMembers: 2, perCapitaIncome: 7500.25, headIdNumber: ZHANG });
  });

  it.each([
    [
      'a wrong check digit',
      { idNumber: `${ZHANG.slice(0, 17)}${ZHANG[17] === '0' ? '1' : '0'}` },
      'members.0.idNumber',
      '「身份证号」：身份证号校验码错误（最后一位不对）',
    ],
    [
      '31 February',
      { idNumber: buildIdNumber('369901', '1970-02-28', 1, 'male').replace('19700228', '19700231') },
      'members.0.idNumber',
      '「身份证号」：身份证号中的出生日期不存在',
    ],
    [
      'a sex that contradicts the number',
      { sex: 'female' },
      'members.0.sex',
      '「性别」：与身份证号不符（第 17 位奇数为男、偶数为女）',
    ],
    [
      'a birth date that contradicts the number',
      { birthDate: '1970-05-07' },
      'members.0.birthDate',
      '「出生日期」：与身份证号不符（身份证号中为 1970-05-06）',
    ],
  ])('refuses %s, naming the member’s field', async (_label, change, path, message) => {
    const body = household(county.village(0, 0));
    const members = body.members as Record<string, unknown>[];
    members[0] = { ...members[0], idNumber: buildIdNumber('369901', '1970-05-06', 301, 'male'), ...change };
    members.splice(1, 1);
    const res = await admin.post('/api/households', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toContainEqual({ path, message });
  });

  it('refuses an ID number registered in another household, naming that household', async () => {
    const body = household(county.village(0, 1));
    (body.members as Record<string, unknown>[]).splice(1, 1);
    const res = await admin.post('/api/households', body);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields[0].path).toBe('members.0.idNumber');
    expect(res.json().error.message).toMatch(/^身份证号 \d{17}[\dX] 已登记在.+村「张三丰」户（户编号 H\d+）$/);
  });

  it('refuses an edit based on an old version instead of overwriting', async () => {
    const current = (await admin.get(`/api/households/${created.id}`)).json();
    const edit = { ...current, address: '东溪村一组 8 号' };
    const first = await admin.put(`/api/households/${created.id}`, edit);
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(current.version + 1);
    const stale = await admin.put(`/api/households/${created.id}`, { ...edit, address: '别处' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
  });

  it('keeps the history of changes with before and after', async () => {
    const history = (await admin.get(`/api/households/${created.id}/history`)).json().items;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(history[0].before.address).toBeNull();
    expect(history[0].after.address).toBe('东溪村一组 8 号');
  });

  it.each([
    ['zs', true],
    ['zsf', true],
    ['zhangs', true],
    ['zhangsanfeng', true],
    ['ls', true],
    ['张三', true],
    ['三丰', true],
    ['zx', false],
  ])('finds the household by “%s”: %s', async (q, found) => {
    const items = (
      await admin.get(`/api/households?q=${encodeURIComponent(q)}&villageId=${county.village(0, 0)}&limit=500`)
    ).json().items;
    expect(items.some((i: { id: string }) => i.id === created.id)).toBe(found);
  });

  it('shows a cadre only paired households, and pairing opens one to them', async () => {
    const cadreUser = county.users.get('t1.cadre001');
    const cadre = as(t.app, await loginAs(t.app, 't1.cadre001'));
    const before = (await cadre.get('/api/households?limit=500')).json();
    expect(before.items.length).toBeGreaterThan(0);
    expect(before.items.length).toBeLessThanOrEqual(5);
    expect(before.items.some((i: { id: string }) => i.id === created.id)).toBe(false);
    expect((await cadre.get(`/api/households/${created.id}`)).statusCode).toBe(404);
    // Searching a fragment of an ID number needs the right to see ID numbers where the household is.
    const paired = await admin.post(`/api/households/${created.id}/pairings`, { cadreId: cadreUser?.id });
    // the cadre with the 派出单位 that sent them
    const unitName = county.townships[0]?.data.workUnits.find((w) => w[0] === cadreUser?.workUnitId)?.[2];
    expect(paired.json().pairings).toContainEqual(
      expect.objectContaining({ cadreName: cadreUser?.displayName, workUnitName: unitName ?? 'none' }),
    );
    const seen = (await cadre.get(`/api/households/${created.id}`)).json();
    expect(seen.members[0].idNumber).toBe(ZHANG);
    expect(seen.canEdit).toBe(false);
    expect((await cadre.put(`/api/households/${created.id}`, { ...seen, address: 'x' })).statusCode).toBe(403);
  });

  it('masks ID numbers for the discipline commission and sector leaders', async () => {
    for (const username of ['t1.discipline', 't1.edu', 't1.leader']) {
      const reader = as(t.app, await loginAs(t.app, username));
      const h = (await reader.get(`/api/households/${created.id}`)).json();
      expect(h.members[0].idNumber, username).toBe(maskIdNumber(ZHANG));
      expect(h.members[0].idMasked).toBe(true);
      const list = (await reader.get(`/api/households?q=${ZHANG}`)).json();
      expect(list.items[0].headIdNumber).toBe(maskIdNumber(ZHANG));
      expect((await reader.get(`/api/households?q=${ZHANG.slice(0, 10)}`)).json().total).toBe(0);
      const history = (await reader.get(`/api/households/${created.id}/history`)).json().items;
      expect(JSON.stringify(history)).not.toContain(ZHANG);
    }
  });

  it('shows village staff their own village only', async () => {
    const staff = as(t.app, await loginAs(t.app, 't1.v02'));
    const list = (await staff.get('/api/households?limit=500')).json();
    expect(list.items.every((i: { villageId: string }) => i.villageId === county.village(0, 1))).toBe(true);
    expect((await staff.get(`/api/households/${created.id}`)).statusCode).toBe(403);
    const own = household(county.village(0, 1), {
      members: [{ id: randomUUID(), name: '王五', idNumber: null, relation: 'head', sex: 'male' }],
    });
    expect((await staff.post('/api/households', own)).statusCode).toBe(200);
    expect((await staff.post('/api/households', household(county.village(0, 0)))).statusCode).toBe(403);
  });

  it('filters by status, tag, cadre and empty households', async () => {
    const notOut = (await admin.get('/api/households?povertyStatus=not_out&limit=500')).json();
    expect(notOut.items.every((i: { povertyStatus: string }) => i.povertyStatus === 'not_out')).toBe(true);
    const cadreId = county.users.get('t1.cadre001')?.id;
    const byCadre = (await admin.get(`/api/households?cadreId=${cadreId}&limit=500`)).json();
    expect(byCadre.items.some((i: { id: string }) => i.id === created.id)).toBe(true);
    const empty = household(county.village(0, 0), {
      members: [{ id: randomUUID(), name: '赵六', idNumber: null, relation: 'head', sex: 'male', status: 'died' }],
      povertyStatus: 'none',
    });
    const made = (await admin.post('/api/households', empty)).json();
    const emptyList = (await admin.get('/api/households?empty=true&limit=500')).json();
    expect(emptyList.items.map((i: { id: string }) => i.id)).toContain(made.id);
    expect(emptyList.items.find((i: { id: string }) => i.id === made.id).perCapitaIncome).toBeNull();
  });
});
