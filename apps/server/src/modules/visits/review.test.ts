/** After the visits: the village decides the differences, submits its summary (附件3), the township sees the roll-up. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type CountyFixture, loginAs, seedCounty } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { cleanForm } from '../../../test/visit-form';
import { auditLog, households, members } from '../../db/schema/index';
import ExcelJS from '../../io/excel/exceljs';

describe('differences and summaries', () => {
  let t: TestApp;
  let county: CountyFixture;
  let admin: ReturnType<typeof as>;
  let staff: ReturnType<typeof as>;
  let campaignId: string;
  let village: string;
  let target: Record<string, unknown> & {
    id: string;
    version: number;
    transferIncome: number;
    members: { id: string; name: string }[];
  };

  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
    admin = as(t.app, await loginAs(t.app, 't1.admin'));
    staff = as(t.app, await loginAs(t.app, 't1.v01'));
    campaignId = county.campaignIds[0] as string;
    village = county.village(0, 0);
    const list = (await admin.get(`/api/households?villageId=${village}&limit=500`)).json();
    const withTwo = list.items.find((i: { currentMembers: number }) => i.currentMembers >= 2);
    target = (await admin.get(`/api/households/${withTwo.id}`)).json();
    const form = cleanForm(target as never, campaignId, {
      observations: [
        {
          memberId: null,
          field: 'transferIncome',
          registryValue: target.transferIncome,
          observedValue: target.transferIncome + 2400,
        },
      ],
      members: target.members.map((m, i) => ({
        memberId: m.id,
        name: m.name,
        check: i === 1 ? ('died' as const) : ('present' as const),
        date: i === 1 ? '2020-02-20' : null,
      })),
    });
    // The township office visits this household (it may visit any), so a cadre's pairing is not needed.
    const res = await admin.post('/api/visits', form);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().discrepancies).toBe(2);
  });
  afterAll(() => t.close());

  const pending = async () => (await staff.get(`/api/discrepancies?villageId=${village}&status=pending`)).json().items;

  it('lists the differences for the village with the registry value, the finding and the value now', async () => {
    const items = await pending();
    expect(items).toHaveLength(2);
    const income = items.find((d: { field: string }) => d.field === 'transferIncome');
    expect(income).toMatchObject({
      registryValue: target.transferIncome,
      observedValue: target.transferIncome + 2400,
      currentValue: target.transferIncome,
      conflict: false,
    });
  });

  it('accepts a finding into the registry, audited, with the flags recomputed', async () => {
    const income = (await pending()).find((d: { field: string }) => d.field === 'transferIncome');
    const res = await staff.post(`/api/discrepancies/${income.id}/decide`, { decision: 'accept', note: '核实无误' });
    expect(res.json()).toMatchObject({ status: 'accepted', conflict: false });
    const [h] = await t.database.db.select().from(households).where(eq(households.id, target.id));
    expect(h?.transferIncome).toBe(target.transferIncome + 2400);
    expect(h?.version).toBe(target.version + 1);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, target.id), eq(auditLog.action, 'accept_visit_finding')));
    expect(audit).toHaveLength(1);
    expect((await staff.post(`/api/discrepancies/${income.id}/decide`, { decision: 'reject' })).json().error.code).toBe(
      'DISCREPANCY_DECIDED',
    );
  });

  it('shows a conflict when the registry changed after the visit, and applies it only when confirmed', async () => {
    const died = (await pending()).find((d: { kind: string }) => d.kind === 'member_status');
    // The registry is edited meanwhile: the member is marked moved out.
    await t.database.db.update(members).set({ status: 'moved_out' }).where(eq(members.id, died.memberId));
    const listed = (await pending()).find((d: { id: string }) => d.id === died.id);
    expect(listed).toMatchObject({ conflict: true, currentValue: 'moved_out', registryValue: 'current' });
    const refused = await staff.post(`/api/discrepancies/${died.id}/decide`, { decision: 'accept' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('走访之后台账已被修改');
    const accepted = await staff.post(`/api/discrepancies/${died.id}/decide`, { decision: 'accept', confirmConflict: true });
    expect(accepted.json()).toMatchObject({ status: 'accepted', conflict: true });
    const [m] = await t.database.db.select().from(members).where(eq(members.id, died.memberId));
    expect(m).toMatchObject({ status: 'died', statusDate: '2020-02-20' });
  });

  it('computes the village summary, locks it on submission, and lets only the township reopen it', async () => {
    const live = (await staff.get(`/api/visits/summary?campaignId=${campaignId}&villageId=${village}`)).json();
    expect(live.status).toBe('in_progress');
    expect(live.live).toMatchObject({ visited: 1, discrepancies: 2 });
    expect(live.live.membersConfirmed).toBe(target.members.length - 1);
    const submitted = (await staff.post('/api/visits/summary/submit', { campaignId, villageId: village })).json();
    expect(submitted.status).toBe('submitted');
    expect(submitted.submitted).toMatchObject({ visited: 1 });
    expect(
      (await staff.post('/api/visits/summary/reopen', { campaignId, villageId: village, reason: '自己想改' })).statusCode,
    ).toBe(403);
    const reopened = (
      await admin.post('/api/visits/summary/reopen', { campaignId, villageId: village, reason: '漏报一户，请补充' })
    ).json();
    expect(reopened).toMatchObject({ status: 'in_progress', reopenReason: '漏报一户，请补充' });
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.entityType, 'visit_summary'))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(['submit', 'reopen']);
  });

  it('shows the township every village’s state, late ones too, and every cadre’s progress', async () => {
    const now = (await admin.get(`/api/visits/overview?campaignId=${campaignId}`)).json();
    expect(now.villages.map((v: { status: string }) => v.status).sort()).toEqual(['in_progress', 'not_started']);
    expect(now.cadres.length).toBeGreaterThan(0);
    expect(now.cadres.every((c: { missing: number }) => c.missing === 0)).toBe(true);
    t.clock.set('2020-03-17T01:00:00Z');
    const later = (await as(t.app, await loginAs(t.app, 't1.admin')).get(`/api/visits/overview?campaignId=${campaignId}`)).json();
    expect(later.villages.map((v: { status: string }) => v.status)).toEqual(['late', 'late']);
    expect(later.cadres.some((c: { missing: number }) => c.missing > 0)).toBe(true);
    t.clock.set('2020-03-10T01:00:00Z');
  });

  it('exports the summary and the roll-up as government tables', async () => {
    admin = as(t.app, await loginAs(t.app, 't1.admin'));
    const one = await admin.get(`/api/visits/summary.xlsx?campaignId=${campaignId}&villageId=${village}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(one.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(String(ws?.getCell('A1').value)).toMatch(/村脱贫攻坚“大走访”情况汇总表$/);
    expect(String(ws?.getCell('A2').value)).toMatch(/^填报单位：/);
    const all = await admin.get(`/api/visits/overview.xlsx?campaignId=${campaignId}`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(all.rawPayload as unknown as ArrayBuffer);
    const values: string[] = [];
    wb2.worksheets[0]?.eachRow((row) => values.push(String((row.values as unknown[])[1])));
    expect(values).toContain('合计');
    expect(values).toContain('填表人：');
  });
});
