import { describe, expect, it } from 'vitest';
import type { RuleMember } from '../rules/values';
import type { MemberConfirmation, VisitForm } from '../schemas/visits';
import { householdAsObserved, membersConfirmed, type RegistryHousehold, type RegistryMember } from './observed';

const HEAD = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const WIFE = '2c5f39cb-3ab2-42e3-994c-1127e4ddb538';
const SON = '3d6a4adc-4bc3-43f4-8a5d-2238f5eec649';

function member(id: string, patch: Partial<RegistryMember> = {}): RegistryMember {
  return {
    id,
    status: 'current',
    birthDate: '1970-05-01',
    sex: 'male',
    relation: 'head',
    maritalStatus: 'married',
    labourCapacity: 'normal',
    health: 'healthy',
    disabilityGrade: null,
    schoolingStage: 'not_in_school',
    employment: 'local',
    ...patch,
  };
}

function registry(): RegistryHousehold {
  return {
    povertyStatus: 'exited',
    wageIncome: 10_000,
    businessIncome: 2_000,
    propertyIncome: 100,
    transferIncome: 900,
    housingStructure: 'brick_wood',
    otherSafeHouse: false,
    housingGrade: 'B',
    hazardPoint: null,
    industryProjects: ['油茶'],
    industryFailed: false,
    employmentUnstable: false,
    lowMotivationNote: null,
    riskNote: '登记的风险',
    members: [
      member(HEAD),
      member(WIFE, { sex: 'female', relation: 'spouse' }),
      member(SON, {
        birthDate: '2005-09-01',
        relation: 'son',
        maritalStatus: 'unmarried',
        schoolingStage: 'senior',
        employment: 'none',
      }),
    ],
  };
}

type Parts = Parameters<typeof householdAsObserved>[1];

function confirm(
  memberId: string | null,
  check: MemberConfirmation['check'],
  patch: Partial<MemberConfirmation> = {},
): MemberConfirmation {
  return {
    memberId,
    name: '某',
    check,
    date: null,
    sex: null,
    birthDate: null,
    relation: null,
    idNumber: null,
    note: null,
    ...patch,
  };
}

/** A form that confirms everyone present and repeats the registry's income, housing and answers. */
function parts(patch: Partial<Parts> = {}): Parts {
  return {
    observations: [],
    members: [confirm(HEAD, 'present'), confirm(WIFE, 'present'), confirm(SON, 'present')],
    income: { wageIncome: 10_000, businessIncome: 2_000, propertyIncome: 100, transferIncome: 900 },
    housing: { structure: null, grade: null, otherSafeHouse: false, note: null },
    industry: { has: true, failed: false, description: null },
    employment: { unstable: false, description: null },
    returnRisk: { atRisk: false, note: null },
    ...patch,
  };
}

const statuses = (members: readonly RuleMember[]) => members.map((m) => m.status);

describe('householdAsObserved', () => {
  it('a form that finds everything as registered gives the registry back', () => {
    const h = registry();
    const observed = householdAsObserved(h, parts());
    const { members, ...rest } = h;
    expect(observed).toMatchObject(rest);
    expect(observed.members).toEqual(members);
  });

  it('does not change the registry it was given', () => {
    const h = registry();
    const before = structuredClone(h);
    householdAsObserved(
      h,
      parts({
        members: [confirm(HEAD, 'died'), confirm(null, 'born')],
        observations: [{ memberId: SON, field: 'health', registryValue: 'healthy', observedValue: 'serious' }],
        income: { wageIncome: 0, businessIncome: 0, propertyIncome: 0, transferIncome: 0 },
      }),
    );
    expect(h).toEqual(before);
  });

  describe('member confirmations', () => {
    it.each<[MemberConfirmation['check'], string]>([
      ['present', 'current'],
      ['moved_out', 'moved_out'],
      ['married_out', 'moved_out'],
      ['died', 'died'],
      // a registered member cannot be "born" or "married in": the registry's status stands
      ['born', 'current'],
      ['married_in', 'current'],
    ])('a registered member found %s is %s', (check, status) => {
      const observed = householdAsObserved(registry(), parts({ members: [confirm(HEAD, check)] }));
      expect(observed.members[0]!.status).toBe(status);
    });

    it('a registered member the form does not mention keeps the registry’s status', () => {
      const h = registry();
      h.members[2]!.status = 'moved_out';
      const observed = householdAsObserved(h, parts({ members: [confirm(HEAD, 'present')] }));
      expect(statuses(observed.members)).toEqual(['current', 'current', 'moved_out']);
    });

    it('a member who had left and is found present counts again', () => {
      const h = registry();
      h.members[2]!.status = 'moved_out';
      expect(statuses(householdAsObserved(h, parts()).members)).toEqual(['current', 'current', 'current']);
    });

    it('a confirmation of someone not in the registry’s list is ignored for them', () => {
      const observed = householdAsObserved(
        registry(),
        parts({ members: [confirm('9f9f9f9f-9f9f-4f9f-9f9f-9f9f9f9f9f9f', 'died')] }),
      );
      expect(statuses(observed.members)).toEqual(['current', 'current', 'current']);
    });

    it('a baby born is added as a current member with no labour capacity, not in school, unmarried', () => {
      const observed = householdAsObserved(
        registry(),
        parts({ members: [confirm(null, 'born', { sex: 'female', birthDate: '2020-01-15', relation: 'grandchild' })] }),
      );
      expect(observed.members).toHaveLength(4);
      expect(observed.members[3]).toEqual({
        status: 'current',
        birthDate: '2020-01-15',
        sex: 'female',
        relation: 'grandchild',
        maritalStatus: 'unmarried',
        labourCapacity: 'none',
        health: null,
        disabilityGrade: null,
        schoolingStage: 'not_in_school',
        employment: null,
      });
    });

    it('someone married in is added as a current married member, labour and schooling unknown', () => {
      const observed = householdAsObserved(
        registry(),
        parts({ members: [confirm(null, 'married_in', { sex: 'female', relation: 'daughter_in_law' })] }),
      );
      expect(observed.members[3]).toMatchObject({
        status: 'current',
        sex: 'female',
        relation: 'daughter_in_law',
        maritalStatus: 'married',
        labourCapacity: null,
        schoolingStage: null,
        birthDate: null,
      });
    });

    it('a newcomer without sex or relation is taken as male and "other"', () => {
      // Questionable default (see the report): the sex is unknown, not male.
      const observed = householdAsObserved(registry(), parts({ members: [confirm(null, 'born')] }));
      expect(observed.members[3]).toMatchObject({ sex: 'male', relation: 'other', birthDate: null });
    });

    it.each<[MemberConfirmation['check']]>([['present'], ['died'], ['moved_out'], ['married_out']])(
      'someone without a registry id found %s is not added',
      (check) => {
        // REPORTED (gap): a person living there whom the registry lacks (present, memberId null) is
        // not counted, though 不落一人 asks for every member.
        expect(householdAsObserved(registry(), parts({ members: [confirm(null, check)] })).members).toHaveLength(3);
      },
    );

    it('newcomers come after the registered members, in the form’s order', () => {
      const observed = householdAsObserved(
        registry(),
        parts({
          members: [
            confirm(null, 'married_in', { relation: 'daughter_in_law' }),
            confirm(HEAD, 'died'),
            confirm(null, 'born', { relation: 'grandchild' }),
          ],
        }),
      );
      expect(observed.members.map((m) => [m.relation, m.status])).toEqual([
        ['head', 'died'],
        ['spouse', 'current'],
        ['son', 'current'],
        ['daughter_in_law', 'current'],
        ['grandchild', 'current'],
      ]);
    });
  });

  describe('observations', () => {
    it.each<[string, unknown]>([
      ['hazardPoint', '滑坡点 3 号'],
      ['lowMotivationNote', '等靠要思想严重'],
      ['industryProjects', ['养蜂', '种茶']],
      ['address', '二组 18 号'],
    ])('an observation of the household’s %s replaces the registry value', (field, value) => {
      const observed = householdAsObserved(
        registry(),
        parts({ observations: [{ memberId: null, field: field as never, registryValue: null, observedValue: value as never }] }),
      ) as unknown as Record<string, unknown>;
      expect(observed[field]).toEqual(value);
    });

    it('observations of a member replace that member’s values only, and several merge', () => {
      const observed = householdAsObserved(
        registry(),
        parts({
          observations: [
            { memberId: SON, field: 'health', registryValue: 'healthy', observedValue: 'serious' },
            { memberId: SON, field: 'schoolingStage', registryValue: 'senior', observedValue: 'not_in_school' },
            { memberId: WIFE, field: 'labourCapacity', registryValue: 'normal', observedValue: 'weak' },
          ],
        }),
      );
      expect(observed.members[0]).toMatchObject({ health: 'healthy', labourCapacity: 'normal' });
      expect(observed.members[1]).toMatchObject({ health: 'healthy', labourCapacity: 'weak' });
      expect(observed.members[2]).toMatchObject({ health: 'serious', schoolingStage: 'not_in_school', labourCapacity: 'normal' });
    });

    it('a later observation of the same field wins', () => {
      const observed = householdAsObserved(
        registry(),
        parts({
          observations: [
            { memberId: HEAD, field: 'health', registryValue: 'healthy', observedValue: 'chronic' },
            { memberId: HEAD, field: 'health', registryValue: 'healthy', observedValue: 'serious' },
          ],
        }),
      );
      expect(observed.members[0]!.health).toBe('serious');
    });

    it('an observation of a member the registry does not list changes no one', () => {
      const observed = householdAsObserved(
        registry(),
        parts({
          observations: [
            { memberId: '9f9f9f9f-9f9f-4f9f-9f9f-9f9f9f9f9f9f', field: 'health', registryValue: null, observedValue: 'serious' },
          ],
        }),
      );
      expect(observed.members.map((m) => m.health)).toEqual(['healthy', 'healthy', 'healthy']);
    });

    it('a member observed and confirmed dead is dead with the observed values', () => {
      const observed = householdAsObserved(
        registry(),
        parts({
          members: [confirm(HEAD, 'died')],
          observations: [{ memberId: HEAD, field: 'health', registryValue: 'healthy', observedValue: 'serious' }],
        }),
      );
      expect(observed.members[0]).toMatchObject({ status: 'died', health: 'serious' });
    });
  });

  describe('the form’s own sections win', () => {
    it('income is the form’s, even over an observation of it', () => {
      const observed = householdAsObserved(
        registry(),
        parts({
          observations: [{ memberId: null, field: 'wageIncome', registryValue: 10_000, observedValue: 8_000 }],
          income: { wageIncome: 6_000, businessIncome: -500, propertyIncome: 0, transferIncome: 3_000 },
        }),
      );
      expect(observed).toMatchObject({ wageIncome: 6_000, businessIncome: -500, propertyIncome: 0, transferIncome: 3_000 });
    });

    it.each<[string, VisitForm['housing'], Partial<Record<string, unknown>>]>([
      [
        'nothing seen keeps the registry',
        { structure: null, grade: null, otherSafeHouse: false, note: null },
        { housingStructure: 'brick_wood', housingGrade: 'B', otherSafeHouse: false },
      ],
      [
        'an adobe house',
        { structure: 'adobe', grade: null, otherSafeHouse: false, note: null },
        { housingStructure: 'adobe', housingGrade: 'B' },
      ],
      [
        'a dangerous grade',
        { structure: null, grade: 'D', otherSafeHouse: false, note: null },
        { housingStructure: 'brick_wood', housingGrade: 'D' },
      ],
      [
        'another safe house',
        { structure: 'adobe', grade: 'C', otherSafeHouse: true, note: null },
        { housingStructure: 'adobe', housingGrade: 'C', otherSafeHouse: true },
      ],
    ])('housing: %s', (_label, housing, expected) => {
      expect(householdAsObserved(registry(), parts({ housing }))).toMatchObject(expected);
    });

    it('otherSafeHouse is always the form’s answer (false clears the registry’s true)', () => {
      const h = { ...registry(), otherSafeHouse: true };
      expect(householdAsObserved(h, parts()).otherSafeHouse).toBe(false);
    });

    it('a structure observed but left blank in the housing section stays observed', () => {
      const observed = householdAsObserved(
        registry(),
        parts({
          observations: [{ memberId: null, field: 'housingStructure', registryValue: 'brick_wood', observedValue: 'adobe' }],
        }),
      );
      expect(observed.housingStructure).toBe('adobe');
    });

    it.each<[boolean, boolean]>([
      [true, false],
      [false, true],
      [true, true],
    ])('industry failed %s and work unstable %s are the form’s', (industryFailed, employmentUnstable) => {
      const observed = householdAsObserved(
        { ...registry(), industryFailed: !industryFailed, employmentUnstable: !employmentUnstable },
        parts({
          industry: { has: true, failed: industryFailed, description: null },
          employment: { unstable: employmentUnstable, description: null },
        }),
      );
      expect(observed).toMatchObject({ industryFailed, employmentUnstable });
    });

    it.each<[string, VisitForm['returnRisk'], string | null, string | null]>([
      ['a risk with a note', { atRisk: true, note: '因病返贫风险' }, null, '因病返贫风险'],
      ['a risk without a note', { atRisk: true, note: null }, null, '走访发现返贫风险'],
      ['a risk replaces the registry’s note', { atRisk: true, note: '新风险' }, '旧风险', '新风险'],
      ['no risk keeps the registry’s note', { atRisk: false, note: null }, '旧风险', '旧风险'],
      ['no risk and none registered', { atRisk: false, note: '不适用' }, null, null],
    ])('risk: %s', (_label, returnRisk, registered, riskNote) => {
      expect(householdAsObserved({ ...registry(), riskNote: registered }, parts({ returnRisk })).riskNote).toBe(riskNote);
    });
  });
});

describe('membersConfirmed', () => {
  it.each<[MemberConfirmation['check'][], number]>([
    [['present'], 1],
    [['present', 'present', 'present'], 3],
    [['present', 'born', 'married_in'], 3],
    [['died', 'moved_out', 'married_out'], 0],
    [['present', 'died', 'born', 'moved_out'], 2],
  ])('%j → %i', (checks, n) => {
    expect(membersConfirmed({ members: checks.map((c) => confirm(null, c)) })).toBe(n);
  });

  it('matches the current members of the household as observed, when every registered member is confirmed', () => {
    const form = parts({
      members: [
        confirm(HEAD, 'present'),
        confirm(WIFE, 'died'),
        confirm(SON, 'moved_out'),
        confirm(null, 'born'),
        confirm(null, 'married_in'),
      ],
    });
    const current = householdAsObserved(registry(), form).members.filter((m) => m.status === 'current').length;
    expect(membersConfirmed(form)).toBe(current);
    expect(current).toBe(3);
  });
});
