/**
 * The audit log: every write leaves its record in the same transaction, and the table refuses
 * UPDATE, DELETE and TRUNCATE from anyone (a trigger, on PGlite and on PostgreSQL alike).
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type CountyFixture, loginAs, seedCounty } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { auditLog, units } from '../../db/schema/index';
import { runCommand } from '../../lib/command';

describe('audit log', () => {
  let t: TestApp;
  let county: CountyFixture;
  let admin1: ReturnType<typeof as>;
  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
    admin1 = as(t.app, await loginAs(t.app, 't1.admin'));
  });
  afterAll(() => t.close());

  const countRows = async () => {
    const [row] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    return row?.n ?? 0;
  };

  it('records actor, time, entity, action, before and after of a change', async () => {
    const villageId = county.village(0, 0);
    const res = await admin1.patch(`/api/units/${villageId}`, { name: '东溪新村' });
    expect(res.statusCode).toBe(200);
    const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, villageId));
    expect(rows).toHaveLength(1);
    const [entry] = rows;
    expect(entry?.action).toBe('update');
    expect(entry?.entityType).toBe('unit');
    expect(entry?.townshipId).toBe(county.townships[0]?.id);
    expect(entry?.actorId).toBe(county.users.get('t1.admin')?.id);
    expect(entry?.at.toISOString()).toBe(t.clock.now().toISOString());
    expect(entry?.before).toMatchObject({ id: villageId });
    expect(entry?.before).not.toMatchObject({ name: '东溪新村' });
    expect(entry?.after).toMatchObject({ id: villageId, name: '东溪新村' });
  });

  it('keeps no record of a change that rolled back, and no change without its record', async () => {
    const before = await countRows();
    const villageId = county.village(0, 1);
    const failing = runCommand(
      t.database,
      t.clock,
      { userId: null, name: 'test', ip: null, requestId: null },
      async (ctx) => {
        await ctx.tx.update(units).set({ name: '不应保存' }).where(eq(units.id, villageId));
        await ctx.audit.record({
          townshipId: county.townships[0]?.id as string,
          entityType: 'unit',
          entityId: villageId,
          action: 'update',
        });
        throw new Error('fails after writing');
      },
      null,
    );
    await expect(failing).rejects.toThrow('fails after writing');
    expect(await countRows()).toBe(before);
    const [unit] = await t.database.db.select().from(units).where(eq(units.id, villageId));
    expect(unit?.name).not.toBe('不应保存');
  });

  it.each([
    ['UPDATE', sql`update audit_log set action = 'tampered'`],
    ['DELETE', sql`delete from audit_log`],
    ['TRUNCATE', sql`truncate audit_log`],
  ])('refuses %s on the audit table', async (_op, statement) => {
    const before = await countRows();
    expect(before).toBeGreaterThan(0);
    await expect(t.database.db.execute(statement)).rejects.toThrow();
    expect(await countRows()).toBe(before);
    const tampered = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'tampered'));
    expect(tampered).toHaveLength(0);
  });

  it('shows the township office its own township only, newest first, with filters', async () => {
    const admin2 = as(t.app, await loginAs(t.app, 't2.admin'));
    await admin2.patch(`/api/units/${county.village(1, 0)}`, { name: '云山一村' });
    const mine = (await admin1.get('/api/audit?limit=200')).json();
    expect(mine.total).toBeGreaterThan(0);
    const townships = new Set(mine.items.map((i: { unitId: string | null }) => i.unitId));
    expect(townships.has(county.village(1, 0))).toBe(false);
    const times = mine.items.map((i: { at: string }) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
    const updates = (await admin1.get('/api/audit?entityType=unit&action=update')).json();
    expect(updates.items.every((i: { action: string }) => i.action === 'update')).toBe(true);
    expect(updates.items.length).toBeGreaterThan(0);
    // 2020-03-10 09:00 Beijing: the day's filter includes it, the next day's does not.
    expect((await admin1.get('/api/audit?from=2020-03-10&to=2020-03-10')).json().total).toBeGreaterThan(0);
    expect((await admin1.get('/api/audit?from=2020-03-11')).json().total).toBe(0);
    const byUnit = (await admin1.get(`/api/audit?unitId=${county.village(0, 0)}`)).json();
    expect(byUnit.items.every((i: { unitId: string }) => i.unitId === county.village(0, 0))).toBe(true);
  });

  it('is readable by the discipline commission and the county, not by cadres or village staff', async () => {
    expect((await as(t.app, await loginAs(t.app, 't1.discipline')).get('/api/audit')).statusCode).toBe(200);
    const countyView = (await as(t.app, await loginAs(t.app, 'countyadmin')).get('/api/audit?limit=500')).json();
    const seen = new Set(countyView.items.map((i: { unitId: string }) => i.unitId));
    expect(seen.has(county.village(0, 0)) && seen.has(county.village(1, 0))).toBe(true);
    for (const username of ['t1.cadre001', 't1.v01', 't1.judge1', 't1.edu', 'reviewer']) {
      const res = await as(t.app, await loginAs(t.app, username)).get('/api/audit');
      expect(res.statusCode, username).toBe(403);
    }
  });

  it('records logins, failed logins and logouts', async () => {
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 't1.v02', password: 'wrong-one-1' } });
    const cookie = await loginAs(t.app, 't1.v02');
    await as(t.app, cookie).post('/api/auth/logout');
    const userId = county.users.get('t1.v02')?.id as string;
    const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, userId));
    expect(rows.map((r) => r.action).sort()).toEqual(['login', 'login_failed', 'logout']);
    expect(rows.every((r) => r.actorId === userId)).toBe(true);
  });

  it('keeps one record for a create and its retry', async () => {
    const id = randomUUID();
    const res = await admin1.post('/api/units', { id, parentId: county.village(0, 0), name: '十三组', code: null });
    expect(res.statusCode).toBe(200);
    const retry = await admin1.post('/api/units', { id, parentId: county.village(0, 0), name: '十三组', code: null });
    expect(retry.statusCode).toBe(200);
    const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    // The retry changed nothing, so it left no record.
    expect(rows).toHaveLength(1);
  });
});
