/** Rule sets through the API: stored flags that explain themselves, drafts, preview, activation. */
import { randomUUID } from 'node:crypto';
import { buildIdNumber, defaultRuleSet } from '@fupin/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type CountyFixture, loginAs, seedCounty } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { auditLog, ruleSets } from '../../db/schema/index';

describe('rule sets and flags', () => {
  let t: TestApp;
  let county: CountyFixture;
  let admin: ReturnType<typeof as>;
  let township: string;
  let household: { id: string; version: number } & Record<string, unknown>;

  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
    admin = as(t.app, await loginAs(t.app, 't1.admin'));
    township = county.townships[0]?.id as string;
    const res = await admin.post('/api/households', {
      id: randomUUID(),
      villageId: county.village(0, 0),
      householdNumber: 'RULE-1',
      povertyStatus: 'none',
      wageIncome: 15000,
      transferIncome: 12000,
      members: [
        {
          id: randomUUID(),
          name: '规则甲',
          idNumber: buildIdNumber('369901', '1980-01-01', 5, 'male'),
          relation: 'head',
          sex: 'male',
          labourCapacity: 'normal',
          employment: 'local',
        },
        {
          id: randomUUID(),
          name: '规则乙',
          idNumber: buildIdNumber('369901', '1982-01-01', 6, 'female'),
          relation: 'spouse',
          sex: 'female',
          labourCapacity: 'normal',
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    household = res.json();
  });
  afterAll(() => t.close());

  it('stores the household’s flags in the same transaction, each explaining itself', () => {
    expect(household.flags).toEqual([
      {
        ruleId: 'K1',
        kind: 'key',
        name: { zh: '转移性收入占比超过40%', en: 'Transfer income over 40% of income' },
        explanation: { zh: '转移性收入占比 44.4% > 40%', en: 'Transfer income share 44.4% > 40%' },
      },
    ]);
  });

  it('filters the list by flag', async () => {
    const k1 = (await admin.get('/api/households?flag=K1&limit=500')).json();
    expect(k1.items.map((i: { id: string }) => i.id)).toContain(household.id);
    expect(k1.items.every((i: { flags: string[] }) => i.flags.includes('K1'))).toBe(true);
  });

  it('recomputes flags when the household changes', async () => {
    // 4,000 of 19,000 is 21%: under 40%, over the 20% a later draft sets.
    const edited = await admin.put(`/api/households/${household.id}`, { ...household, transferIncome: 4000 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().flags).toEqual([]);
    household = edited.json();
    expect((await admin.get('/api/households?flag=K1&limit=500')).json().items.map((i: { id: string }) => i.id)).not.toContain(
      household.id,
    );
  });

  it('refuses a draft whose expression is wrong, naming the rule and the character', async () => {
    const definition = defaultRuleSet(2020);
    (definition.rules[0] as { when: string }).when = 'transferShare > thresold';
    const res = await admin.post('/api/rules/sets', { id: randomUUID(), townshipId: township, definition });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { path: 'definition.rules.0.when', message: '「条件表达式」：第 17 个字符处：不认识的名称「thresold」' },
    ]);
  });

  it('previews a draft’s impact, activates it through a job, and switches lists at once', async () => {
    const definition = defaultRuleSet(2020);
    (definition.rules[0] as { params: Record<string, number> }).params.threshold = 0.2;
    definition.rules.splice(10, 0, {
      id: 'T1',
      kind: 'key',
      name: { zh: '家中有2个以上残疾人', en: 'Two or more disabled members' },
      params: { minimum: 1 },
      when: "count(members, health == 'disabled') >= minimum",
      explain: {
        zh: "家中有 {count(members, health == 'disabled')} 个残疾人",
        en: "{count(members, health == 'disabled')} disabled",
      },
      enabled: true,
    });
    const draft = (
      await admin.post('/api/rules/sets', { id: randomUUID(), townshipId: township, definition, note: '降低 K1 门槛' })
    ).json();
    expect(draft).toMatchObject({ status: 'draft', year: 2020, version: 2 });

    const preview = (await admin.post(`/api/rules/sets/${draft.id}/preview`)).json();
    const k1 = preview.rules.find((r: { ruleId: string }) => r.ruleId === 'K1');
    expect(k1.after).toBeGreaterThanOrEqual(k1.before);
    expect(k1.gainedTotal).toBe(k1.after - k1.before);
    expect(k1.gained.some((g: { id: string }) => g.id === household.id)).toBe(true);
    const t1 = preview.rules.find((r: { ruleId: string }) => r.ruleId === 'T1');
    expect(t1.before).toBe(0);

    const job = (await admin.post(`/api/rules/sets/${draft.id}/activate`)).json();
    expect(job.status).toBe('running');
    await t.app.jobs.idle();
    const finished = (await admin.get(`/api/jobs/${job.id}`)).json();
    expect(finished).toMatchObject({ status: 'done', total: finished.done });

    const sets = (await admin.get(`/api/rules/sets?townshipId=${township}`)).json().items;
    expect(sets.map((s: { version: number; status: string }) => [s.version, s.status])).toEqual([
      [2, 'active'],
      [1, 'retired'],
    ]);
    const listed = (await admin.get('/api/households?flag=K1&limit=1')).json().total;
    expect(listed).toBe(k1.after);
    expect((await admin.get(`/api/households/${household.id}`)).json().flags.map((f: { ruleId: string }) => f.ruleId)).toContain(
      'K1',
    );
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'rule_set'), eq(auditLog.entityId, draft.id)));
    expect(audits.map((a) => a.action)).toEqual(['create', 'start_activation', 'activate']);
    const retired = sets.find((s: { status: string }) => s.status === 'retired');
    const [retire] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'rule_set'), eq(auditLog.entityId, retired.id), eq(auditLog.action, 'retire')));
    expect(retire?.after).toEqual({ status: 'retired', replacedBy: draft.id });
  });

  it('edits only drafts', async () => {
    const [active] = await t.database.db
      .select()
      .from(ruleSets)
      .where(and(eq(ruleSets.townshipId, township), eq(ruleSets.status, 'active')));
    const res = await admin.put(`/api/rules/sets/${active?.id}`, { definition: defaultRuleSet(2020) });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('只有草稿可以修改、删除或启用');
  });

  it('lets a cadre read the active set for the form, never change it', async () => {
    const cadre = as(t.app, await loginAs(t.app, 't1.cadre001'));
    const village = county.users.get('t1.cadre001')?.roles[0]?.unitId;
    const active = await cadre.get(`/api/rules/active?unitId=${village}`);
    expect(active.statusCode).toBe(200);
    expect(active.json().status).toBe('active');
    expect(
      (await cadre.post('/api/rules/sets', { id: randomUUID(), townshipId: township, definition: defaultRuleSet(2021) }))
        .statusCode,
    ).toBe(403);
  });
});
