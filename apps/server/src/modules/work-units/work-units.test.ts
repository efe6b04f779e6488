/** 派出单位 through their routes: the township's list, a cadre's unit, refusals, scope and the audit trail. */
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type CountyFixture, loginAs, seedCounty } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { auditLog } from '../../db/schema/index';

describe('sending units (派出单位)', () => {
  let t: TestApp;
  let county: CountyFixture;
  let admin: ReturnType<typeof as>;
  let township: string;
  let bureau: string;
  const cadre = () => county.users.get('t1.cadre001')?.id as string;
  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
    admin = as(t.app, await loginAs(t.app, 't1.admin'));
    township = county.townships[0]?.id as string;
  });
  afterAll(() => t.close());

  it('adds a unit with its head to the township’s list; a retry answers the same, the id for other data is refused', async () => {
    bureau = randomUUID();
    const body = {
      id: bureau,
      townshipId: township,
      name: '县文化广电旅游局',
      headName: '王建国',
      headTitle: '局长',
      headPhone: '13900000001',
    };
    const first = await admin.post('/api/work-units', body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ ...body, sortOrder: 0, cadreCount: 0 });
    expect((await admin.post('/api/work-units', body)).json()).toEqual(first.json());
    const other = await admin.post('/api/work-units', { ...body, name: '县林业局' });
    expect([other.statusCode, other.json().error.code]).toEqual([409, 'IDEMPOTENCY_CONFLICT']);
    await admin.post('/api/work-units', { id: randomUUID(), townshipId: township, name: '县林业局', sortOrder: 2 });
    // beside the units the fixture's township already has, in their order
    const list = (await admin.get(`/api/work-units?townshipId=${township}`)).json();
    const mine = list.items.filter((w: { name: string }) => ['县文化广电旅游局', '县林业局'].includes(w.name));
    expect(mine.map((w: { name: string; headName: string | null }) => [w.name, w.headName])).toEqual([
      ['县文化广电旅游局', '王建国'],
      ['县林业局', null],
    ]);
  });

  it('refuses a name the township already uses and a place that is not a township, naming the field', async () => {
    const taken = await admin.post('/api/work-units', { id: randomUUID(), townshipId: township, name: '县文化广电旅游局' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toBe('本镇已有派出单位「县文化广电旅游局」');
    expect(taken.json().error.fields).toEqual([expect.objectContaining({ path: 'name' })]);
    const village = await admin.post('/api/work-units', { id: randomUUID(), townshipId: county.village(0, 0), name: '村里' });
    expect(village.statusCode).toBe(400);
    expect(village.json().error.fields).toEqual([
      expect.objectContaining({ path: 'townshipId', message: '「乡镇」：应选择一个镇（乡）' }),
    ]);
    const renamed = await admin.patch(`/api/work-units/${bureau}`, { name: '县林业局' });
    expect(renamed.statusCode).toBe(409);
  });

  it('gives a cadre account its unit, which then cannot be deleted from under them', async () => {
    const given = await admin.patch(`/api/users/${cadre()}`, { workUnitId: bureau });
    expect(given.statusCode, given.body).toBe(200);
    expect(given.json()).toMatchObject({ workUnitId: bureau, workUnitName: '县文化广电旅游局' });
    const list = (await admin.get(`/api/work-units?townshipId=${township}`)).json();
    expect(list.items.find((w: { id: string }) => w.id === bureau)).toMatchObject({ name: '县文化广电旅游局', cadreCount: 1 });
    const refused = await admin.delete(`/api/work-units/${bureau}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('「县文化广电旅游局」仍有帮扶干部，不能删除');
  });

  it('refuses another township’s unit for an account, and a move to another township that keeps it', async () => {
    const t2 = county.townships[1]?.id as string;
    const t2admin = as(t.app, await loginAs(t.app, 't2.admin'));
    const theirs = randomUUID();
    expect((await t2admin.post('/api/work-units', { id: theirs, townshipId: t2, name: '县商务局' })).statusCode).toBe(200);
    // the county admin reaches both townships; the unit must still match the account's township
    const countyAdmin = as(t.app, await loginAs(t.app, 'countyadmin'));
    const wrong = await countyAdmin.patch(`/api/users/${cadre()}`, { workUnitId: theirs });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('派出单位「县商务局」不属于该账号所在的镇');
    const moved = await countyAdmin.patch(`/api/users/${cadre()}`, { homeUnitId: t2 });
    expect(moved.statusCode).toBe(400);
    const created = await admin.post('/api/users', {
      id: randomUUID(),
      username: 'cadre.sent',
      displayName: '派来干部',
      homeUnitId: township,
      workUnitId: theirs,
      password: 'Fupin#2020-sent',
    });
    expect(created.statusCode).toBe(400);
  });

  it('keeps each township to its own units', async () => {
    const t2admin = as(t.app, await loginAs(t.app, 't2.admin'));
    expect((await t2admin.get(`/api/work-units?townshipId=${township}`)).statusCode).toBe(403);
    expect((await t2admin.patch(`/api/work-units/${bureau}`, { headName: '某人' })).statusCode).toBe(403);
    expect((await t2admin.delete(`/api/work-units/${bureau}`)).statusCode).toBe(403);
    // the discipline commission reads the list, and changes nothing
    const discipline = as(t.app, await loginAs(t.app, 't1.discipline'));
    expect((await discipline.get(`/api/work-units?townshipId=${township}`)).statusCode).toBe(200);
    expect((await discipline.patch(`/api/work-units/${bureau}`, { headName: '某人' })).statusCode).toBe(403);
  });

  it('records the head, clears it, frees the unit and deletes it, every change in the audit log', async () => {
    const edited = await admin.patch(`/api/work-units/${bureau}`, { headName: '李四', headPhone: null });
    expect(edited.json()).toMatchObject({ headName: '李四', headTitle: '局长', headPhone: null, cadreCount: 1 });
    const cleared = await admin.patch(`/api/users/${cadre()}`, { workUnitId: null });
    expect(cleared.json()).toMatchObject({ workUnitId: null, workUnitName: null });
    expect((await admin.delete(`/api/work-units/${bureau}`)).statusCode).toBe(204);
    const trail = await t.database.db
      .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'work_unit'), eq(auditLog.entityId, bureau)))
      .orderBy(asc(auditLog.id));
    expect(trail.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(trail[1]?.before).toMatchObject({ headName: '王建国' });
    expect(trail[1]?.after).toMatchObject({ headName: '李四' });
    const userTrail = await t.database.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, cadre())))
      .orderBy(asc(auditLog.id));
    expect(userTrail.map((e) => (e.after as { workUnitId: string | null }).workUnitId)).toEqual([bureau, null]);
  });
});
