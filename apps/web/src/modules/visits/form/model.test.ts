/** The visit form's model: pre-filled from the registry, changes become observations, the payload validates. */
import { problemsFromVisit, visitForm } from '@fupin/domain';
import type { Household } from '@fupin/domain/schemas/households';
import { describe, expect, it } from 'vitest';
import { figuresOf, flagsOf, observedHousehold, ruleContext } from './live';
import { initialValues, newMemberRow, observationsOf, type VisitMeta } from './model';
import { stepOfPath, toVisitForm, waterSecured } from './payload';

const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const member = (i: number, over: Partial<Household['members'][number]>): Household['members'][number] => ({
  id: id(i),
  name: `成员${i}`,
  idNumber: null,
  idMasked: false,
  age: 40,
  relation: 'head',
  sex: 'male',
  birthDate: '1986-01-01',
  maritalStatus: 'married',
  labourCapacity: 'normal',
  health: 'healthy',
  disabilityGrade: null,
  schoolingStage: 'not_in_school',
  employment: 'in_county',
  medicalInsurance: true,
  seriousIllnessInsurance: true,
  pensionInsurance: true,
  status: 'current',
  statusDate: null,
  ...over,
});

const household = (over: Partial<Household> = {}): Household => ({
  id: id(1),
  townshipId: id(2),
  villageId: id(3),
  villageName: '东溪村',
  groupId: null,
  groupName: null,
  householdNumber: '369901101000004',
  headName: '卢文祥',
  address: '东溪村五组54号',
  phone: null,
  povertyStatus: 'exited',
  exitYear: 2019,
  tags: [],
  housingStructure: 'brick_concrete',
  otherSafeHouse: false,
  housingGrade: 'B',
  hazardPoint: null,
  waterQuantityOk: true,
  waterQualityOk: true,
  waterConvenienceOk: true,
  waterReliabilityOk: true,
  incomeYear: 2025,
  wageIncome: 30000,
  businessIncome: 2000,
  propertyIncome: 0,
  transferIncome: 4000,
  industryProjects: ['生猪养殖'],
  assistanceMeasures: [],
  industryFailed: false,
  employmentUnstable: false,
  lowMotivationNote: null,
  riskNote: null,
  latitude: null,
  longitude: null,
  version: 3,
  updatedAt: '2026-03-01T00:00:00Z',
  members: [
    member(11, {}),
    member(12, { relation: 'spouse', sex: 'female', employment: 'none' }),
    member(13, { relation: 'son', status: 'moved_out', statusDate: '2024-01-01' }),
  ],
  pairings: [],
  flags: [],
  canEdit: false,
  ...over,
});

const meta = (h: Household): VisitMeta => ({
  formId: id(50),
  householdId: h.id,
  campaignId: id(60),
  baseVersion: h.version,
  visitedAt: '2026-03-10T02:00:00.000Z',
  position: null,
});

describe('the visit form model', () => {
  it('starts from the registry: current members to confirm, nothing observed, a valid form with no problems', () => {
    const h = household();
    const values = initialValues(h);
    expect(values.members.map((m) => [m.name, m.check])).toEqual([
      ['成员11', 'present'],
      ['成员12', 'present'],
    ]);
    expect(observationsOf(h, values)).toEqual([]);
    const form = toVisitForm(h, meta(h), values, 'registered');
    const parsed = visitForm.safeParse(form);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(problemsFromVisit(visitForm.parse(form), h)).toEqual([]);
    expect(form.exitPrecise).toBe(true);
  });

  it('turns each changed value into an observation with the registry value beside it', () => {
    const h = household();
    const values = initialValues(h);
    values.income.transferIncome = 9000;
    values.hazardPoint = '  后山滑坡点 ';
    values.industryProjects = [];
    const spouse = values.members[1];
    if (spouse) spouse.health = 'serious';
    expect(observationsOf(h, values)).toEqual([
      { memberId: null, field: 'hazardPoint', registryValue: null, observedValue: '后山滑坡点' },
      { memberId: null, field: 'transferIncome', registryValue: 4000, observedValue: 9000 },
      { memberId: null, field: 'industryProjects', registryValue: ['生猪养殖'], observedValue: [] },
      { memberId: id(12), field: 'health', registryValue: 'healthy', observedValue: 'serious' },
    ]);
  });

  it('records a water problem with the failing indicators, and members who left or arrived', () => {
    const h = household();
    const values = initialValues(h);
    values.guarantees.water = { ...values.guarantees.water, quality: false, problem: '井水浑浊' };
    const head = values.members[0];
    if (head) head.check = 'died';
    values.members.push({ ...newMemberRow(id(70)), name: '卢小宝', sex: 'female', birthDate: '2026-01-05' });
    expect(waterSecured(values.guarantees.water)).toBe(false);
    const form = visitForm.parse(toVisitForm(h, meta(h), values, 'registered'));
    expect(form.guarantees.water).toMatchObject({ secured: false, quality: false, problem: '井水浑浊' });
    expect(form.members[2]).toMatchObject({ memberId: null, name: '卢小宝', check: 'born', relation: 'grandchild' });
    const problems = problemsFromVisit(form, h).map((p) => p.description);
    expect(problems).toEqual([
      '未达到“饮水安全有保障”：不达标：水质；井水浑浊',
      '家庭人口变化未及时增减：成员11（死亡）、卢小宝（新生）',
    ]);
    // A member who died is not observed field by field.
    if (head) head.health = 'serious';
    expect(observationsOf(h, values)).toEqual([]);
  });

  it('keeps 附件2 to what applies to marginal and key households, with the proposed tags', () => {
    const h = household({ povertyStatus: 'none', exitYear: null });
    const values = initialValues(h);
    values.assistancePlan = [{ measure: 'industry', description: '种脐橙' }];
    values.archiveMatches = false;
    values.proposeTags = ['marginal', 'marginal'];
    const form = toVisitForm(h, meta(h), values, 'marginal_key');
    expect(form).toMatchObject({ assistancePlan: [], archiveMatches: true, exitPrecise: null, proposeTags: ['marginal'] });
    expect(toVisitForm(h, meta(h), values, 'registered').proposeTags).toEqual([]);
  });

  it('computes per-capita income, transfer share, labour coefficient and the flags of the household as found', () => {
    const h = household();
    const rules = ruleContext(null, 2026);
    const values = initialValues(h);
    values.income = { wageIncome: 3000, businessIncome: 0, propertyIncome: 0, transferIncome: 3000 };
    const spouse = values.members[1];
    if (spouse) spouse.labourCapacity = 'lost';
    const found = observedHousehold(h, toVisitForm(h, meta(h), values, 'registered'));
    expect(figuresOf(found, rules.params)).toMatchObject({
      currentMembers: 2,
      totalIncome: 6000,
      perCapitaIncome: 3000,
      transferShare: 0.5,
      labourCoefficient: 0.5,
    });
    expect(flagsOf(found, rules)).toEqual([]);
  });

  it('flags K1 live with the active rule set', async () => {
    const { defaultRuleSet } = await import('@fupin/domain');
    const h = household();
    const rules = ruleContext({ definition: defaultRuleSet(2026) }, 2026);
    const values = initialValues(h);
    values.income.transferIncome = 40000;
    const flags = flagsOf(observedHousehold(h, toVisitForm(h, meta(h), values, 'registered')), rules);
    expect(flags.map((f) => f.ruleId)).toContain('K1');
    expect(flags.find((f) => f.ruleId === 'K1')?.explanation.zh).toMatch(/^转移性收入占比 55\.6% > 40/);
  });

  it('names the step of a message’s field', () => {
    expect(stepOfPath('housing.grade')).toBe(0);
    expect(stepOfPath('members.2.name')).toBe(1);
    expect(stepOfPath('income.wageIncome')).toBe(2);
    expect(stepOfPath('guarantees.water.problem')).toBe(3);
    expect(stepOfPath('assistancePlan')).toBe(4);
  });
});
