/** The visit form's schema (packages/domain/src/schemas/visits.ts): what a cadre's phone may send. */
import { describe, expect, it } from 'vitest';
import { type IssueLike, issueToFieldError } from '../i18n/issues';
import { memberConfirmation, observation, type VisitFormInput, visitForm } from '../schemas/visits';
import { POLICIES } from './vocabularies';

const HOUSEHOLD = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const MEMBER = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';

function secured() {
  return { secured: true };
}

/** The smallest form a cadre can send: one member confirmed, everything secured. */
function form(patch: Record<string, unknown> = {}): VisitFormInput {
  return {
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    householdId: HOUSEHOLD,
    campaignId: '6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b',
    visitedAt: '2020-03-11T09:30:00+08:00',
    position: null,
    baseVersion: 1,
    housing: { structure: 'brick_concrete', grade: 'A', otherSafeHouse: false },
    observations: [],
    members: [{ memberId: MEMBER, name: '张三', check: 'present' }],
    archiveMatches: true,
    assistancePrecise: true,
    exitPrecise: null,
    income: { wageIncome: 12_000, businessIncome: 3_000, propertyIncome: 0, transferIncome: 1_500 },
    guarantees: {
      food: secured(),
      clothing: secured(),
      education: secured(),
      medical: secured(),
      housing: secured(),
      water: { secured: true, quantity: true, quality: true, convenience: true, reliability: true },
    },
    unsoldProduce: { has: false },
    industry: { has: true, failed: false },
    employment: { unstable: false },
    policies: [],
    shock: { affected: false },
    returnRisk: { atRisk: false },
    assistancePlan: [],
    ...patch,
  } as VisitFormInput;
}

function errors(input: unknown) {
  const result = visitForm.safeParse(input, { reportInput: true }); // as the server parses
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => issueToFieldError(i as IssueLike));
}

/** A copy of the form without one field, given as a dotted path. */
function without(path: string): Record<string, unknown> {
  const copy = structuredClone(form()) as Record<string, unknown>;
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  delete at[keys.at(-1)!];
  return copy;
}

describe('visitForm: a valid form', () => {
  it('parses, filling the defaults and turning absent notes into null', () => {
    const parsed = visitForm.parse(form());
    expect(parsed.proposeTags).toEqual([]);
    expect(parsed.note).toBeNull();
    expect(parsed.archiveNote).toBeNull();
    expect(parsed.housing.note).toBeNull();
    expect(parsed.guarantees.food).toEqual({ secured: true, problem: null, solvedOnSite: false });
    expect(parsed.guarantees.water.solvedOnSite).toBe(false);
    expect(parsed.shock).toEqual({ affected: false, industryImpact: null, employmentImpact: null });
    expect(parsed.members[0]).toEqual({
      memberId: MEMBER,
      name: '张三',
      check: 'present',
      date: null,
      sex: null,
      birthDate: null,
      relation: null,
      idNumber: null,
      note: null,
    });
  });

  it.each<[string, unknown, unknown]>([
    ['an empty note', '', null],
    ['a blank note', '   ', null],
    ['a null note', null, null],
    ['a note with spaces around', '  门前有积水  ', '门前有积水'],
    ['a note of 500 characters', '字'.repeat(500), '字'.repeat(500)],
  ])('%s', (_label, note, parsed) => {
    expect(visitForm.parse(form({ note })).note).toBe(parsed);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a position', { position: { latitude: 27.1, longitude: 115.0, accuracy: 12 } }],
    ['a position at the limits', { position: { latitude: -90, longitude: 180, accuracy: null } }],
    ['a UTC time', { visitedAt: '2020-03-11T01:30:00Z' }],
    ['a time with seconds fractions', { visitedAt: '2020-03-11T01:30:00.123Z' }],
    [
      'a negative business income (a loss)',
      { income: { wageIncome: 0, businessIncome: -5000, propertyIncome: 0, transferIncome: 0 } },
    ],
    ['an exited household’s precision', { exitPrecise: false }],
    ['thirty members', { members: Array.from({ length: 30 }, (_, i) => ({ memberId: null, name: `成员${i}`, check: 'born' })) }],
    ['every policy once', { policies: POLICIES.codes.map((code) => ({ code, due: true, enjoyed: true })) }],
    ['both proposals', { proposeTags: ['marginal', 'key'] }],
    [
      'a plan of ten measures',
      { assistancePlan: Array.from({ length: 10 }, () => ({ measure: 'industry', description: '发展养殖' })) },
    ],
    [
      'an observation of the household',
      { observations: [{ memberId: null, field: 'address', registryValue: '一组', observedValue: '二组' }] },
    ],
    [
      'an observation of a member',
      { observations: [{ memberId: MEMBER, field: 'health', registryValue: 'healthy', observedValue: 'serious' }] },
    ],
    ['an unknown key (dropped)', { extra: 1 }],
  ])('accepts %s', (_label, patch) => {
    expect(visitForm.safeParse(form(patch)).success).toBe(true);
  });

  it('drops keys it does not know', () => {
    expect(visitForm.parse(form({ extra: 1 }))).not.toHaveProperty('extra');
  });
});

describe('visitForm: required fields', () => {
  it.each([
    'id',
    'householdId',
    'campaignId',
    'visitedAt',
    'position',
    'baseVersion',
    'housing',
    'housing.otherSafeHouse',
    'observations',
    'members',
    'archiveMatches',
    'assistancePrecise',
    'exitPrecise',
    'income',
    'income.wageIncome',
    'income.businessIncome',
    'income.propertyIncome',
    'income.transferIncome',
    'guarantees',
    'guarantees.food',
    'guarantees.food.secured',
    'guarantees.clothing',
    'guarantees.education',
    'guarantees.medical',
    'guarantees.housing',
    'guarantees.water',
    'guarantees.water.secured',
    'guarantees.water.quantity',
    'guarantees.water.quality',
    'guarantees.water.convenience',
    'guarantees.water.reliability',
    'unsoldProduce',
    'unsoldProduce.has',
    'industry',
    'industry.has',
    'industry.failed',
    'employment',
    'employment.unstable',
    'policies',
    'shock',
    'shock.affected',
    'returnRisk',
    'returnRisk.atRisk',
    'assistancePlan',
  ])('%s', (path) => {
    expect(errors(without(path))).toEqual([{ path, key: 'issue.required' }]);
  });

  it.each(['housing.structure', 'housing.grade'])('%s (a choice left out: told as required)', (path) => {
    expect(errors(without(path))).toEqual([{ path, key: 'issue.required' }]);
  });

  it.each([
    'note',
    'archiveNote',
    'proposeTags',
    'housing.note',
    'guarantees.food.problem',
    'guarantees.food.solvedOnSite',
    'unsoldProduce.description',
    'shock.industryImpact',
    'returnRisk.note',
  ])('%s may be left out', (path) => {
    expect(visitForm.safeParse(without(path)).success).toBe(true);
  });
});

describe('visitForm: bad input', () => {
  const member = { memberId: MEMBER, name: '张三', check: 'present' };

  it.each<[string, Record<string, unknown>, string, string]>([
    ['an id that is no UUID', { id: 'visit-1' }, 'id', 'issue.invalid_uuid'],
    ['a household id that is no UUID', { householdId: 'H1' }, 'householdId', 'issue.invalid_uuid'],
    ['a time without its offset', { visitedAt: '2020-03-11T09:30:00' }, 'visitedAt', 'issue.invalid_date'],
    ['a date for a time', { visitedAt: '2020-03-11' }, 'visitedAt', 'issue.invalid_date'],
    ['an impossible time', { visitedAt: '2020-02-30T09:30:00Z' }, 'visitedAt', 'issue.invalid_date'],
    [
      'latitude above 90',
      { position: { latitude: 90.0001, longitude: 0, accuracy: null } },
      'position.latitude',
      'issue.too_big',
    ],
    [
      'longitude below -180',
      { position: { latitude: 0, longitude: -180.1, accuracy: null } },
      'position.longitude',
      'issue.too_small',
    ],
    ['a negative accuracy', { position: { latitude: 0, longitude: 0, accuracy: -1 } }, 'position.accuracy', 'issue.too_small'],
    ['base version 0', { baseVersion: 0 }, 'baseVersion', 'issue.too_small'],
    ['a fractional base version', { baseVersion: 1.5 }, 'baseVersion', 'issue.not_integer'],
    ['a base version as text', { baseVersion: '1' }, 'baseVersion', 'issue.type'],
    [
      'an unknown structure',
      { housing: { structure: 'tent', grade: null, otherSafeHouse: false } },
      'housing.structure',
      'issue.invalid_option',
    ],
    ['grade E', { housing: { structure: null, grade: 'E', otherSafeHouse: false } }, 'housing.grade', 'issue.invalid_option'],
    ['no member confirmed', { members: [] }, 'members', 'issue.required'],
    ['31 members', { members: Array.from({ length: 31 }, () => member) }, 'members', 'issue.too_big'],
    ['a member with a blank name', { members: [{ ...member, name: '  ' }] }, 'members.0.name', 'issue.required'],
    ['a member name of 41 characters', { members: [{ ...member, name: '张'.repeat(41) }] }, 'members.0.name', 'issue.too_long'],
    ['an unknown member check', { members: [{ ...member, check: 'lost' }] }, 'members.0.check', 'issue.invalid_option'],
    ['a member id that is no UUID', { members: [{ ...member, memberId: 'M1' }] }, 'members.0.memberId', 'issue.invalid_uuid'],
    [
      'a birth date that is no date',
      { members: [{ ...member, birthDate: '2020-02-30' }] },
      'members.0.birthDate',
      'issue.invalid_date',
    ],
    ['an unknown sex', { members: [{ ...member, sex: 'x' }] }, 'members.0.sex', 'issue.invalid_option'],
    [
      'an ID number of 19 characters',
      { members: [{ ...member, idNumber: '1'.repeat(19) }] },
      'members.0.idNumber',
      'issue.too_long',
    ],
    ['archiveMatches as text', { archiveMatches: 'yes' }, 'archiveMatches', 'issue.type'],
    ['an archive note of 501 characters', { archiveNote: 'x'.repeat(501) }, 'archiveNote', 'issue.too_long'],
    [
      'a negative wage income',
      { income: { wageIncome: -1, businessIncome: 0, propertyIncome: 0, transferIncome: 0 } },
      'income.wageIncome',
      'issue.too_small',
    ],
    [
      'a negative transfer income',
      { income: { wageIncome: 0, businessIncome: 0, propertyIncome: 0, transferIncome: -0.01 } },
      'income.transferIncome',
      'issue.too_small',
    ],
    [
      'a business loss beyond the bound',
      { income: { wageIncome: 0, businessIncome: -100_000_001, propertyIncome: 0, transferIncome: 0 } },
      'income.businessIncome',
      'issue.too_small',
    ],
    [
      'an income beyond the bound',
      { income: { wageIncome: 100_000_001, businessIncome: 0, propertyIncome: 0, transferIncome: 0 } },
      'income.wageIncome',
      'issue.too_big',
    ],
    [
      'an unknown policy',
      { policies: [{ code: 'lottery', due: true, enjoyed: false }] },
      'policies.0.code',
      'issue.invalid_option',
    ],
    [
      'more policies than there are',
      { policies: [...POLICIES.codes, 'dibao'].map((code) => ({ code, due: true, enjoyed: true })) },
      'policies',
      'issue.too_big',
    ],
    ['a proposal other than marginal or key', { proposeTags: ['poor'] }, 'proposeTags.0', 'issue.invalid_option'],
    ['three proposals', { proposeTags: ['marginal', 'key', 'key'] }, 'proposeTags', 'issue.too_big'],
    [
      'a measure with a blank description',
      { assistancePlan: [{ measure: 'industry', description: ' ' }] },
      'assistancePlan.0.description',
      'issue.required',
    ],
    [
      'a measure described in 301 characters',
      { assistancePlan: [{ measure: 'industry', description: 'x'.repeat(301) }] },
      'assistancePlan.0.description',
      'issue.too_long',
    ],
    [
      'an unknown measure',
      { assistancePlan: [{ measure: 'luck', description: '等' }] },
      'assistancePlan.0.measure',
      'issue.invalid_option',
    ],
    [
      'eleven measures',
      { assistancePlan: Array.from({ length: 11 }, () => ({ measure: 'industry', description: '养殖' })) },
      'assistancePlan',
      'issue.too_big',
    ],
    [
      'an observation of a field no one observes',
      { observations: [{ memberId: null, field: 'povertyStatus', registryValue: 'none', observedValue: 'not_out' }] },
      'observations.0.field',
      'issue.invalid_option',
    ],
    [
      '101 observations',
      {
        observations: Array.from({ length: 101 }, () => ({
          memberId: null,
          field: 'phone',
          registryValue: null,
          observedValue: '1',
        })),
      },
      'observations',
      'issue.too_big',
    ],
  ])('refuses %s', (_label, patch, path, key) => {
    expect(errors(form(patch))).toMatchObject([{ path, key }]);
  });

  it('names every bad field at once', () => {
    const paths = errors(form({ householdId: 'x', members: [], baseVersion: 0 })).map((e) => e.path);
    expect(paths.sort()).toEqual(['baseVersion', 'householdId', 'members']);
  });
});

describe('memberConfirmation', () => {
  it('normalises a newcomer’s ID number', () => {
    const parsed = memberConfirmation.parse({
      memberId: null,
      name: ' 张小宝 ',
      check: 'born',
      date: '2020-01-15',
      sex: 'male',
      birthDate: '2020-01-15',
      relation: 'grandchild',
      idNumber: ' 36042120200115001x ',
    });
    expect(parsed).toMatchObject({ name: '张小宝', idNumber: '36042120200115001X', relation: 'grandchild' });
  });

  it.each(['', '   ', null, undefined])('an ID number of %j is none', (idNumber) => {
    expect(memberConfirmation.parse({ memberId: null, name: '李', check: 'born', idNumber }).idNumber).toBeNull();
  });
});

describe('observation', () => {
  it.each<[string, unknown, boolean]>([
    ['text', '二组', true],
    ['a number', 12_000, true],
    ['a yes/no', true, true],
    ['a list', ['养猪', '种茶'], true],
    ['nothing', null, true],
    ['text of 501 characters', 'x'.repeat(501), false],
    ['a list of 21', Array.from({ length: 21 }, () => 'x'), false],
    ['an object', { a: 1 }, false],
  ])('an observed value of %s → valid %s', (_label, observedValue, ok) => {
    expect(observation.safeParse({ memberId: null, field: 'riskNote', registryValue: null, observedValue }).success).toBe(ok);
  });
});
