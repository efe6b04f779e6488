import { describe, expect, it, vi } from 'vitest';
import { type Grant, holdsAnywhere, isEmptyScope, isWithin, reachOn, type Scope, scopeOf, type UnitChain } from './access';
import { isWritePermission, PERMISSIONS, type Permission, type Reach, ROLE_DEFINITIONS, ROLES, type Role } from './roles';

/*
 * The test tree:
 *
 *   C (county)
 *   ├── T1 (township)
 *   │   └── V1 (village)
 *   │       └── G1 (group)
 *   └── T2 (township)
 *       └── V2 (village)
 *
 * Chains are shaped as the server stores units: a township's townshipId is its own id, a
 * village's villageId is null (it is the village), a group's villageId is its village.
 */
const CHAINS = {
  C: { id: 'C', kind: 'county', countyId: 'C', townshipId: null, villageId: null },
  T1: { id: 'T1', kind: 'township', countyId: 'C', townshipId: 'T1', villageId: null },
  T2: { id: 'T2', kind: 'township', countyId: 'C', townshipId: 'T2', villageId: null },
  V1: { id: 'V1', kind: 'village', countyId: 'C', townshipId: 'T1', villageId: null },
  V2: { id: 'V2', kind: 'village', countyId: 'C', townshipId: 'T2', villageId: null },
  G1: { id: 'G1', kind: 'group', countyId: 'C', townshipId: 'T1', villageId: 'V1' },
} as const satisfies Record<string, UnitChain>;
type UnitId = keyof typeof CHAINS;
const UNITS = Object.keys(CHAINS) as UnitId[];

/** The subtree of each unit, written out by hand (the oracle for isWithin). */
const SUBTREE: Record<UnitId, UnitId[]> = {
  C: ['C', 'T1', 'T2', 'V1', 'V2', 'G1'],
  T1: ['T1', 'V1', 'G1'],
  T2: ['T2', 'V2'],
  V1: ['V1', 'G1'],
  V2: ['V2'],
  G1: ['G1'],
};

function grant(role: Role, unit: UnitId, sector: string | null = null): Grant {
  const c = CHAINS[unit];
  return { role, unitId: c.id, unitKind: c.kind, countyId: c.countyId, townshipId: c.townshipId, sector };
}

const noTownships = () => [];

describe('isWithin', () => {
  const cases = UNITS.flatMap((unit) => UNITS.map((ancestor) => [unit, ancestor, SUBTREE[ancestor].includes(unit)] as const));
  it.each(cases)('%s within %s → %s', (unit, ancestor, within) => {
    expect(isWithin(CHAINS[unit], ancestor)).toBe(within);
  });

  it('is false for an id outside the tree', () => {
    for (const unit of UNITS) expect(isWithin(CHAINS[unit], 'X')).toBe(false);
  });
});

describe('reachOn: township_admin on T1, unit.manage', () => {
  const grants = [grant('township_admin', 'T1')];
  it.each<[UnitId, Reach | null]>([
    ['T1', 'subtree'],
    ['V1', 'subtree'],
    ['G1', 'subtree'],
    ['T2', null],
    ['V2', null],
    ['C', null],
  ])('on %s → %s', (unit, reach) => {
    expect(reachOn(grants, 'unit.manage', CHAINS[unit])).toBe(reach);
  });
});

describe('reachOn: cadre on V1', () => {
  const grants = [grant('cadre', 'V1')];
  it.each<[Permission, UnitId, Reach | null]>([
    ['household.read', 'V1', 'paired'],
    ['household.read', 'G1', 'paired'],
    ['household.read', 'V2', null],
    ['household.read', 'T1', null],
    ['household.read', 'C', null],
    ['household.read_id', 'V1', 'paired'],
    ['household.read_id', 'V2', null],
    ['unit.read', 'V1', 'subtree'],
    ['unit.read', 'G1', 'subtree'],
    ['unit.read', 'V2', null],
    ['unit.read', 'T1', null],
    ['household.manage', 'V1', null],
    ['unit.manage', 'V1', null],
    ['user.read', 'V1', null],
    ['audit.read', 'V1', null],
  ])('%s on %s → %s', (permission, unit, reach) => {
    expect(reachOn(grants, permission, CHAINS[unit])).toBe(reach);
  });
});

describe('reachOn: county_reviewer on C', () => {
  const grants = [grant('county_reviewer', 'C')];
  it.each(UNITS)('reads units and households on %s', (unit) => {
    expect(reachOn(grants, 'unit.read', CHAINS[unit])).toBe('subtree');
    expect(reachOn(grants, 'household.read', CHAINS[unit])).toBe('subtree');
  });

  // The county's work groups record cross-check findings; nothing else they may change.
  const writes = PERMISSIONS.filter(isWritePermission).filter((p) => p !== 'inspection.crosscheck');
  it.each(writes)('never holds %s anywhere', (permission) => {
    expect(holdsAnywhere(grants, permission)).toBe(false);
    for (const unit of UNITS) expect(reachOn(grants, permission, CHAINS[unit])).toBeNull();
  });

  it('does not see full ID numbers', () => {
    expect(holdsAnywhere(grants, 'household.read_id')).toBe(false);
  });

  it.each(UNITS)('records cross-check findings on %s', (unit) => {
    expect(reachOn(grants, 'inspection.crosscheck', CHAINS[unit])).toBe('subtree');
  });
});

describe('reachOn: discipline on T1', () => {
  const grants = [grant('discipline', 'T1')];
  it.each<[Permission, UnitId, Reach | null]>([
    ['audit.read', 'T1', 'subtree'],
    ['audit.read', 'V1', 'subtree'],
    ['audit.read', 'G1', 'subtree'],
    ['audit.read', 'T2', null],
    ['audit.read', 'C', null],
    ['user.read', 'T1', 'subtree'],
    ['household.read', 'V1', 'subtree'],
    ['unit.manage', 'T1', null],
    ['user.manage', 'T1', null],
    ['household.manage', 'V1', null],
  ])('%s on %s → %s', (permission, unit, reach) => {
    expect(reachOn(grants, permission, CHAINS[unit])).toBe(reach);
  });

  it.each<[Permission, boolean]>([
    ['audit.read', true],
    ['unit.read', true],
    ['user.read', true],
    ['household.read', true],
    ['unit.manage', false],
    ['user.manage', false],
    ['household.manage', false],
  ])('holdsAnywhere %s → %s', (permission, held) => {
    expect(holdsAnywhere(grants, permission)).toBe(held);
  });
});

describe('reachOn: several grants', () => {
  it.each<[string, Grant[], Permission, UnitId, Reach | null]>([
    ['cadre then village_staff on V1', [grant('cadre', 'V1'), grant('village_staff', 'V1')], 'household.read', 'V1', 'subtree'],
    ['village_staff then cadre on V1', [grant('village_staff', 'V1'), grant('cadre', 'V1')], 'household.read', 'V1', 'subtree'],
    [
      'cadre and village_staff on V1, in G1',
      [grant('cadre', 'V1'), grant('village_staff', 'V1')],
      'household.read',
      'G1',
      'subtree',
    ],
    [
      'cadre and village_staff on V1, ID numbers',
      [grant('cadre', 'V1'), grant('village_staff', 'V1')],
      'household.read_id',
      'V1',
      'subtree',
    ],
    [
      'cadre on V1, village_staff on V2: V1',
      [grant('cadre', 'V1'), grant('village_staff', 'V2')],
      'household.read',
      'V1',
      'paired',
    ],
    [
      'cadre on V1, village_staff on V2: V2',
      [grant('cadre', 'V1'), grant('village_staff', 'V2')],
      'household.read',
      'V2',
      'subtree',
    ],
    ['cadre on V1, village_staff on V2: T1', [grant('cadre', 'V1'), grant('village_staff', 'V2')], 'household.read', 'T1', null],
    ['cadre on T1 and on V1', [grant('cadre', 'T1'), grant('cadre', 'V1')], 'household.read', 'V1', 'paired'],
    ['cadre on T1 reaches V1 paired', [grant('cadre', 'T1')], 'household.read', 'V1', 'paired'],
    [
      'township_admin T1 and cadre V2: V2',
      [grant('township_admin', 'T1'), grant('cadre', 'V2')],
      'household.read',
      'V2',
      'paired',
    ],
    ['township_admin T1 and T2', [grant('township_admin', 'T1'), grant('township_admin', 'T2')], 'unit.manage', 'V2', 'subtree'],
    ['judge T1 has no household access', [grant('judge', 'T1')], 'household.read', 'V1', null],
    ['no grants', [], 'unit.read', 'V1', null],
  ])('%s: %s on %s → %s', (_label, grants, permission, unit, reach) => {
    expect(reachOn(grants, permission, CHAINS[unit])).toBe(reach);
  });
});

describe('reachOn: the full matrix of one grant', () => {
  // every role × every unit of the tree it may be assigned on; inside, every permission × every unit
  const cases = ROLES.flatMap((role) =>
    UNITS.filter((u) => ROLE_DEFINITIONS[role].assignableOn.includes(CHAINS[u].kind)).map((on) => [role, on] as const),
  );
  it.each(cases)('%s on %s agrees with the role definition and the subtree', (role, on) => {
    for (const permission of PERMISSIONS) {
      for (const target of UNITS) {
        const expected = SUBTREE[on].includes(target) ? (ROLE_DEFINITIONS[role].permissions[permission] ?? null) : null;
        expect(reachOn([grant(role, on)], permission, CHAINS[target]), `${permission} on ${target}`).toBe(expected);
      }
    }
  });
});

describe('holdsAnywhere', () => {
  it.each<[string, Grant[], Permission, boolean]>([
    ['no grants', [], 'unit.read', false],
    ['cadre, household.read', [grant('cadre', 'V1')], 'household.read', true],
    ['cadre, household.manage', [grant('cadre', 'V1')], 'household.manage', false],
    ['judge, unit.read', [grant('judge', 'T1')], 'unit.read', true],
    ['judge and township_admin, user.manage', [grant('judge', 'T1'), grant('township_admin', 'T2')], 'user.manage', true],
    ['town_leader, user.read', [grant('town_leader', 'T1')], 'user.read', true],
    ['town_leader, audit.read', [grant('town_leader', 'T1')], 'audit.read', false],
    ['sector_leader, household.read', [grant('sector_leader', 'T1', 'education')], 'household.read', true],
    ['sector_leader, household.manage', [grant('sector_leader', 'T1', 'education')], 'household.manage', false],
  ])('%s → %s', (_label, grants, permission, held) => {
    expect(holdsAnywhere(grants, permission)).toBe(held);
  });
});

const EMPTY: Scope = { counties: [], townships: [], villages: [], paired: { townships: [], villages: [] } };

describe('scopeOf', () => {
  const townshipsOf = (county: string) => (county === 'C' ? ['T1', 'T2'] : []);

  it.each<[string, Grant[], Permission, Scope]>([
    ['no grants', [], 'unit.read', EMPTY],
    [
      'county_admin on C expands to its townships',
      [grant('county_admin', 'C')],
      'household.read',
      { ...EMPTY, counties: ['C'], townships: ['T1', 'T2'] },
    ],
    [
      'county_reviewer on C expands to its townships',
      [grant('county_reviewer', 'C')],
      'unit.read',
      { ...EMPTY, counties: ['C'], townships: ['T1', 'T2'] },
    ],
    ['county_reviewer on C, a write permission', [grant('county_reviewer', 'C')], 'household.manage', EMPTY],
    ['township_admin on T1', [grant('township_admin', 'T1')], 'unit.manage', { ...EMPTY, townships: ['T1'] }],
    [
      'township_admin on T1 and T2',
      [grant('township_admin', 'T1'), grant('township_admin', 'T2')],
      'unit.manage',
      { ...EMPTY, townships: ['T1', 'T2'] },
    ],
    [
      'county grant and township grant do not repeat a township',
      [grant('county_admin', 'C'), grant('township_admin', 'T1')],
      'unit.read',
      { ...EMPTY, counties: ['C'], townships: ['T1', 'T2'] },
    ],
    [
      'the same grant twice',
      [grant('village_staff', 'V1'), grant('village_staff', 'V1')],
      'household.read',
      { ...EMPTY, villages: ['V1'] },
    ],
    ['village_staff on V1', [grant('village_staff', 'V1')], 'household.manage', { ...EMPTY, villages: ['V1'] }],
    ['town_leader on V2', [grant('town_leader', 'V2')], 'household.read', { ...EMPTY, villages: ['V2'] }],
    [
      'cadre on V1, household.read is paired',
      [grant('cadre', 'V1')],
      'household.read',
      { ...EMPTY, paired: { townships: [], villages: ['V1'] } },
    ],
    [
      'cadre on T1, household.read_id is paired',
      [grant('cadre', 'T1')],
      'household.read_id',
      { ...EMPTY, paired: { townships: ['T1'], villages: [] } },
    ],
    ['cadre on V1, unit.read is the subtree', [grant('cadre', 'V1')], 'unit.read', { ...EMPTY, villages: ['V1'] }],
    ['cadre on V1, household.manage', [grant('cadre', 'V1')], 'household.manage', EMPTY],
    ['judge on T1, household.read', [grant('judge', 'T1')], 'household.read', EMPTY],
    ['discipline on T1, audit.read', [grant('discipline', 'T1')], 'audit.read', { ...EMPTY, townships: ['T1'] }],
  ])('%s', (_label, grants, permission, scope) => {
    expect(scopeOf(grants, permission, townshipsOf)).toEqual(scope);
  });

  it('asks the callback only for the county of a county grant that holds the permission', () => {
    const callback = vi.fn(townshipsOf);
    scopeOf([grant('county_admin', 'C'), grant('township_admin', 'T1'), grant('cadre', 'V1')], 'unit.read', callback);
    expect(callback).toHaveBeenCalledTimes(1);
    expect(callback).toHaveBeenCalledWith('C');
  });

  it('does not call the callback when no county grant carries the permission', () => {
    const callback = vi.fn(townshipsOf);
    scopeOf([grant('county_reviewer', 'C'), grant('township_admin', 'T1')], 'unit.manage', callback);
    expect(callback).not.toHaveBeenCalled();
    scopeOf([], 'unit.read', callback);
    expect(callback).not.toHaveBeenCalled();
  });

  it('keeps the county itself when the county has no townships yet', () => {
    expect(scopeOf([grant('county_admin', 'C')], 'unit.read', noTownships)).toEqual({ ...EMPTY, counties: ['C'] });
  });

  it('covers the village fully when both a paired and a subtree grant are held there', () => {
    const scope = scopeOf([grant('cadre', 'V1'), grant('village_staff', 'V1')], 'household.read', townshipsOf);
    expect(scope.villages).toEqual(['V1']);
  });
});

describe('isEmptyScope', () => {
  it.each<[string, Scope, boolean]>([
    ['nothing', EMPTY, true],
    ['a county', { ...EMPTY, counties: ['C'] }, false],
    ['a township', { ...EMPTY, townships: ['T1'] }, false],
    ['a village', { ...EMPTY, villages: ['V1'] }, false],
    ['a paired township', { ...EMPTY, paired: { townships: ['T1'], villages: [] } }, false],
    ['a paired village', { ...EMPTY, paired: { townships: [], villages: ['V1'] } }, false],
  ])('%s → %s', (_label, scope, empty) => {
    expect(isEmptyScope(scope)).toBe(empty);
  });

  it.each<[string, Grant[], Permission, boolean]>([
    ['empty grants', [], 'unit.read', true],
    ['cadre, household.manage', [grant('cadre', 'V1')], 'household.manage', true],
    ['cadre, household.read', [grant('cadre', 'V1')], 'household.read', false],
    ['discipline, user.manage', [grant('discipline', 'T1')], 'user.manage', true],
  ])('scope of %s for %s: empty → %s', (_label, grants, permission, empty) => {
    expect(isEmptyScope(scopeOf(grants, permission, noTownships))).toBe(empty);
  });
});
