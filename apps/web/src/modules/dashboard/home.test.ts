import type { Me } from '@fupin/domain/schemas/users';
import { describe, expect, it } from 'vitest';
import { dashboardHome, readsCounty } from './home';

const COUNTY = '0190a1b2-0000-7000-8000-00000000000c';
const TOWN = '0190a1b2-0000-7000-8000-00000000000a';
const VILLAGE = '0190a1b2-0000-7000-8000-00000000000b';

function me(roles: [string, string, string][]): Me {
  return {
    permissions: [],
    user: {
      id: '0190a1b2-0000-7000-8000-000000000009',
      username: 'x',
      displayName: 'x',
      phone: null,
      homeUnitId: TOWN,
      homeUnitName: '清溪镇',
      workUnitId: null,
      workUnitName: null,
      mustChangePassword: false,
      disabled: false,
      locked: false,
      lastLoginAt: null,
      roles: roles.map(([role, unitId, unitKind], i) => ({
        id: `0190a1b2-0000-7000-8000-00000000010${i}`,
        role: role as Me['user']['roles'][number]['role'],
        unitId,
        unitName: unitKind,
        unitKind,
        sector: null,
        title: null,
      })),
    },
  };
}

describe('where a dashboard opens', () => {
  it.each([
    [
      'the township office: its township',
      [['township_admin', TOWN, 'township']],
      { kind: 'unit', unitId: TOWN, unitKind: 'township' },
    ],
    [
      'village staff: their village',
      [['village_staff', VILLAGE, 'village']],
      { kind: 'unit', unitId: VILLAGE, unitKind: 'village' },
    ],
    ['a county reviewer: the county view', [['county_reviewer', COUNTY, 'county']], { kind: 'county', countyId: COUNTY }],
    [
      'a town leader stationed in a village and on the township: the township, the wider',
      [
        ['town_leader', VILLAGE, 'village'],
        ['town_leader', TOWN, 'township'],
      ],
      { kind: 'unit', unitId: TOWN, unitKind: 'township' },
    ],
    ['a cadre (no dashboard): nowhere', [['cadre', VILLAGE, 'village']], null],
    ['a judge (no dashboard): nowhere', [['judge', TOWN, 'township']], null],
  ] as [string, [string, string, string][], unknown][])('%s', (_, roles, home) => {
    expect(dashboardHome(me(roles))).toEqual(home);
  });

  it('asks about the permission given: the accountability view is not every dashboard reader’s', () => {
    expect(dashboardHome(me([['sector_leader', TOWN, 'township']]))).not.toBeNull();
    expect(dashboardHome(me([['sector_leader', TOWN, 'township']]), 'accountability.read')).toBeNull();
    expect(dashboardHome(me([['discipline', TOWN, 'township']]), 'accountability.read')).toEqual({
      kind: 'unit',
      unitId: TOWN,
      unitKind: 'township',
    });
  });

  it('knows the county roles', () => {
    expect(readsCounty(me([['county_admin', COUNTY, 'county']]))).toBe(true);
    expect(readsCounty(me([['township_admin', TOWN, 'township']]))).toBe(false);
    expect(readsCounty(undefined)).toBe(false);
  });
});
