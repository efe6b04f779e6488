import { describe, expect, it } from 'vitest';
import {
  canAssignRoleOn,
  isWritePermission,
  PERMISSIONS,
  type Permission,
  permissionsOfRoles,
  type Reach,
  ROLE_DEFINITIONS,
  ROLES,
  type Role,
  reachOf,
  SECTORS,
  type UnitKind,
} from './roles';
import { UNIT_KINDS } from './units';

describe('ROLE_DEFINITIONS', () => {
  it('defines exactly the listed roles', () => {
    expect(Object.keys(ROLE_DEFINITIONS).sort()).toEqual([...ROLES].sort());
  });

  it.each(ROLES)('%s grants only known permissions and reaches', (role) => {
    for (const [permission, reach] of Object.entries(ROLE_DEFINITIONS[role].permissions)) {
      expect(PERMISSIONS).toContain(permission);
      expect(['subtree', 'paired']).toContain(reach);
    }
  });

  it.each(ROLES)('%s may be assigned somewhere, and never on a group', (role) => {
    expect(ROLE_DEFINITIONS[role].assignableOn.length).toBeGreaterThan(0);
    expect(ROLE_DEFINITIONS[role].assignableOn).not.toContain('group');
  });

  it.each(ROLES)('%s can read the units it is assigned on', (role) => {
    expect(reachOf(role, 'unit.read')).toBe('subtree');
  });

  // guards future edits: a read-only role must never receive a write permission
  it.each(ROLES.filter((r) => ROLE_DEFINITIONS[r].readOnly))('read-only %s holds no write permission', (role) => {
    const granted = Object.keys(ROLE_DEFINITIONS[role].permissions) as Permission[];
    expect(granted.filter(isWritePermission)).toEqual([]);
    for (const p of PERMISSIONS.filter(isWritePermission)) expect(reachOf(role, p)).toBeUndefined();
  });

  it('marks the discipline commission read-only (the county reviewer and town leaders record cross-checks and orders)', () => {
    expect(ROLES.filter((r) => ROLE_DEFINITIONS[r].readOnly).sort()).toEqual(['discipline']);
  });

  it('asks a sector only of the sector leader', () => {
    expect(ROLES.filter((r) => ROLE_DEFINITIONS[r].needsSector)).toEqual(['sector_leader']);
    expect(SECTORS).toEqual(['education', 'medical', 'housing', 'water']);
  });

  it('gives full ID numbers only to roles that manage households or are paired with them', () => {
    expect(ROLES.filter((r) => reachOf(r, 'household.read_id')).sort()).toEqual([
      'cadre',
      'county_admin',
      'township_admin',
      'village_staff',
    ]);
  });

  it('gives household.read to every role that sees full ID numbers, with at least that reach', () => {
    for (const role of ROLES) {
      const id = reachOf(role, 'household.read_id');
      if (!id) continue;
      const read = reachOf(role, 'household.read');
      expect(read, role).toBeDefined();
      if (id === 'subtree') expect(read, role).toBe('subtree');
    }
  });
});

describe('isWritePermission', () => {
  it.each<[Permission, boolean]>([
    ['unit.read', false],
    ['unit.manage', true],
    ['user.read', false],
    ['user.manage', true],
    ['audit.read', false],
    ['household.read', false],
    ['household.read_id', false],
    ['household.manage', true],
    ['rules.read', false],
    ['rules.manage', true],
    ['campaign.manage', true],
    ['visit.read', false],
    ['visit.submit', true],
    ['summary.submit', true],
    ['problem.read', false],
    ['problem.rectify', true],
    ['problem.verify', true],
    ['problem.manage', true],
    ['inspection.submit', true],
    ['inspection.crosscheck', true],
    ['order.manage', true],
    ['competition.read', false],
    ['competition.score', true],
    ['competition.nominate', true],
    ['competition.manage', true],
    ['dashboard.read', false],
    ['accountability.read', false],
  ])('%s → %s', (permission, write) => {
    expect(isWritePermission(permission)).toBe(write);
  });

  it('covers every permission in the table above', () => {
    expect(PERMISSIONS).toHaveLength(27);
  });

  it('treats every permission but reading as a write', () => {
    for (const p of PERMISSIONS) expect(isWritePermission(p), p).toBe(!/\.read(_id)?$/.test(p));
  });
});

describe('reachOf', () => {
  it.each<[Role, Permission, Reach | undefined]>([
    ['county_admin', 'unit.manage', 'subtree'],
    ['county_admin', 'household.manage', 'subtree'],
    ['county_reviewer', 'household.read', 'subtree'],
    ['county_reviewer', 'household.manage', undefined],
    ['township_admin', 'user.manage', 'subtree'],
    ['township_admin', 'audit.read', 'subtree'],
    ['town_leader', 'user.read', 'subtree'],
    ['town_leader', 'user.manage', undefined],
    ['sector_leader', 'household.read', 'subtree'],
    ['sector_leader', 'household.read_id', undefined],
    ['discipline', 'audit.read', 'subtree'],
    ['discipline', 'unit.manage', undefined],
    ['judge', 'unit.read', 'subtree'],
    ['judge', 'household.read', undefined],
    ['village_staff', 'household.manage', 'subtree'],
    ['village_staff', 'user.manage', undefined],
    ['cadre', 'household.read', 'paired'],
    ['cadre', 'household.read_id', 'paired'],
    ['cadre', 'household.manage', undefined],
  ])('%s, %s → %s', (role, permission, reach) => {
    expect(reachOf(role, permission)).toBe(reach);
  });
});

describe('canAssignRoleOn', () => {
  const ASSIGNABLE: Record<Role, UnitKind[]> = {
    county_admin: ['county'],
    county_reviewer: ['county'],
    township_admin: ['township'],
    town_leader: ['township', 'village'],
    sector_leader: ['township'],
    discipline: ['township'],
    judge: ['township'],
    village_staff: ['village'],
    cadre: ['township', 'village'],
  };
  const cases = ROLES.flatMap((role) => UNIT_KINDS.map((kind) => [role, kind, ASSIGNABLE[role].includes(kind)] as const));
  it.each(cases)('%s on %s → %s', (role, kind, ok) => {
    expect(canAssignRoleOn(role, kind)).toBe(ok);
  });
});

describe('permissionsOfRoles', () => {
  it.each<[Role[], Permission[]]>([
    [[], []],
    [['judge'], ['unit.read', 'competition.read', 'competition.score']],
    [
      ['cadre'],
      [
        'unit.read',
        'household.read',
        'household.read_id',
        'rules.read',
        'visit.read',
        'visit.submit',
        'problem.read',
        'problem.rectify',
      ],
    ],
    [
      ['county_reviewer'],
      [
        'unit.read',
        'household.read',
        'rules.read',
        'visit.read',
        'problem.read',
        'competition.read',
        'inspection.crosscheck',
        'dashboard.read',
      ],
    ],
    [
      ['discipline'],
      [
        'unit.read',
        'household.read',
        'rules.read',
        'visit.read',
        'problem.read',
        'competition.read',
        'user.read',
        'audit.read',
        'dashboard.read',
        'accountability.read',
      ],
    ],
    [
      ['cadre', 'judge'],
      [
        'unit.read',
        'household.read',
        'household.read_id',
        'rules.read',
        'visit.read',
        'visit.submit',
        'problem.read',
        'problem.rectify',
        'competition.read',
        'competition.score',
      ],
    ],
    [
      ['judge', 'judge'],
      ['unit.read', 'competition.read', 'competition.score'],
    ],
    [
      ['village_staff', 'town_leader'],
      [
        'unit.read',
        'household.read',
        'household.read_id',
        'household.manage',
        'rules.read',
        'visit.read',
        'visit.submit',
        'summary.submit',
        'problem.read',
        'problem.rectify',
        'problem.verify',
        'inspection.submit',
        'inspection.crosscheck',
        'order.manage',
        'user.read',
        'competition.read',
        'competition.nominate',
        'dashboard.read',
        'accountability.read',
      ],
    ],
    // The village submits its own summary and nominates its groups; cross-checks are the county's
    // and the area leaders'; judges score.
    [
      ['township_admin'],
      PERMISSIONS.filter(
        (p) => !['summary.submit', 'inspection.crosscheck', 'competition.score', 'competition.nominate'].includes(p),
      ),
    ],
    [[...ROLES], [...PERMISSIONS]],
  ])('%j → %j', (roles, permissions) => {
    expect([...permissionsOfRoles(roles)].sort()).toEqual([...permissions].sort());
  });

  it('holds no write permission for any combination of read-only roles', () => {
    const readOnly = ROLES.filter((r) => ROLE_DEFINITIONS[r].readOnly);
    expect([...permissionsOfRoles(readOnly)].filter(isWritePermission)).toEqual([]);
  });
});
