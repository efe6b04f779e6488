import { buildIdNumber } from '@fupin/domain';
import type { Household } from '@fupin/domain/schemas/households';
import { describe, expect, it } from 'vitest';
import {
  checkValues,
  createInput,
  emptyHousehold,
  emptyMember,
  membersWithErrors,
  namePath,
  updateInput,
  valuesFromHousehold,
} from './form-values';

const TODAY = '2026-03-10';
const V = '0196a3f0-0000-7000-8000-00000000000a';
const HEAD = '0196a3f0-0000-7000-8000-00000000000b';

function household(): Household {
  const values = emptyHousehold({ villageId: V }, HEAD);
  const input = createInput('0196a3f0-0000-7000-8000-00000000000c', values);
  return {
    ...input,
    townshipId: V,
    villageName: '东溪村',
    groupName: null,
    headName: '谭振华',
    version: 4,
    updatedAt: '2026-03-01T00:00:00.000Z',
    latitude: 26.2,
    longitude: 115.4,
    pairings: [],
    flags: [],
    canEdit: true,
    members: [
      {
        ...input.members[0]!,
        name: '谭振华',
        idNumber: buildIdNumber('369901', '1968-04-12', 901, 'male'),
        idMasked: false,
        age: 57,
        birthDate: '1968-04-12',
      },
    ],
  } as Household;
}

describe('household form values', () => {
  it('a new household starts in the list’s village with one member, the head', () => {
    const v = emptyHousehold({ villageId: V, groupId: null }, HEAD);
    expect(v.villageId).toBe(V);
    expect(v.members).toEqual([emptyMember(HEAD)]);
    expect(v.members[0]?.relation).toBe('head');
  });

  it('an edit sends the whole household with the version it was based on, keeping coordinates', () => {
    const h = household();
    const v = valuesFromHousehold(h);
    v.address = '  东溪村一组8号 ';
    v.wageIncome = null;
    v.exitYear = 2019; // not exited: dropped
    v.members[0]!.status = 'current';
    v.members[0]!.statusDate = '2026-01-01'; // only for who left: dropped
    const input = updateInput(h, v);
    expect(input.version).toBe(4);
    expect(input.latitude).toBe(26.2);
    expect(input.address).toBe('东溪村一组8号');
    expect(input.wageIncome).toBe(0);
    expect(input.exitYear).toBeNull();
    expect(input.members[0]).not.toHaveProperty('idMasked');
    expect(input.members[0]).not.toHaveProperty('isNew');
    expect(input.members[0]?.statusDate).toBeNull();
  });

  it('a create carries the id made when the form opened, and each member its own', () => {
    const v = emptyHousehold({ villageId: V }, HEAD);
    v.members[0]!.name = ' 张三 ';
    v.members[0]!.idNumber = buildIdNumber('369901', '1990-01-01', 11, 'male').toLowerCase();
    const input = createInput('0196a3f0-0000-7000-8000-0000000000ff', v);
    expect(input.id).toBe('0196a3f0-0000-7000-8000-0000000000ff');
    expect(input.members[0]?.id).toBe(HEAD);
    expect(input.members[0]?.name).toBe('张三');
    expect(input.members[0]?.idNumber).toMatch(/^\d{17}[\dX]$/);
  });
});

describe('checkValues', () => {
  it('finds what the server would refuse: no head, a wrong sex, an exit year missing', () => {
    const v = emptyHousehold({ villageId: V }, HEAD);
    v.povertyStatus = 'exited';
    v.members[0]!.relation = 'spouse';
    v.members[0]!.sex = 'female';
    v.members[0]!.idNumber = buildIdNumber('369901', '1968-04-12', 901, 'male');
    const paths = checkValues(v, TODAY).map((e) => `${e.path}:${e.key}`);
    expect(paths).toEqual([
      'members.0.sex:idcard.sex_mismatch',
      'members:household.no_head',
      'exitYear:household.exit_year_required',
    ]);
  });

  it('leaves a masked number to the server', () => {
    const v = emptyHousehold({ villageId: V }, HEAD);
    v.members[0]!.idNumber = '3699**********1234';
    v.members[0]!.idMasked = true;
    expect(checkValues(v, TODAY)).toEqual([]);
  });
});

describe('error paths', () => {
  it('turn into form paths and name the members to open', () => {
    expect(namePath('members.2.idNumber')).toEqual(['members', 2, 'idNumber']);
    expect(membersWithErrors(['members.2.idNumber', 'exitYear', 'members.0.sex', 'members.2.sex', 'members'])).toEqual([0, 2]);
  });
});
