/**
 * Roles of DOMAIN.md §1 and the permissions each grants. Pure data: the server's policy layer
 * and the web's navigation both read it, so a menu item never shows what the API would refuse.
 */

export const ROLES = [
  'county_admin',
  'county_reviewer',
  'township_admin',
  'town_leader',
  'sector_leader',
  'discipline',
  'judge',
  'village_staff',
  'cadre',
] as const;
export type Role = (typeof ROLES)[number];

export const SECTORS = ['education', 'medical', 'housing', 'water'] as const;
export type Sector = (typeof SECTORS)[number];

export const PERMISSIONS = [
  'unit.read',
  'unit.manage',
  'user.read',
  'user.manage',
  'audit.read',
  'household.read',
  'household.read_id',
  'household.manage',
  'rules.read',
  'rules.manage',
  'campaign.manage',
  'visit.read',
  'visit.submit',
  'summary.submit',
  'problem.read',
  'problem.rectify',
  'problem.verify',
  'problem.manage',
  'inspection.submit',
  'inspection.crosscheck',
  'order.manage',
  'competition.read',
  'competition.score',
  'competition.nominate',
  'competition.manage',
  // the township dashboard and the county view (issue 8)
  'dashboard.read',
  // the discipline commission's accountability view (责任倒查, DOMAIN §7)
  'accountability.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * How far a grant reaches below the unit it is assigned on:
 * `subtree` covers the unit and everything under it; `paired` only the households paired with
 * the holder (an assistance cadre sees no other household, even in their own village).
 */
export type Reach = 'subtree' | 'paired';

export type UnitKind = 'county' | 'township' | 'village' | 'group';

export interface RoleDefinition {
  /** the unit kinds this role may be assigned on */
  assignableOn: readonly UnitKind[];
  permissions: Partial<Record<Permission, Reach>>;
  /** whether the assignment names a sector (行业) */
  needsSector?: boolean;
  /** read-only roles never receive a write permission, whatever a later edit adds */
  readOnly?: boolean;
}

const READ_REGISTRY = {
  'unit.read': 'subtree',
  'household.read': 'subtree',
  'rules.read': 'subtree',
  'visit.read': 'subtree',
  'problem.read': 'subtree',
  'competition.read': 'subtree',
} as const satisfies Partial<Record<Permission, Reach>>;

export const ROLE_DEFINITIONS: Record<Role, RoleDefinition> = {
  county_admin: {
    assignableOn: ['county'],
    permissions: {
      ...READ_REGISTRY,
      'unit.manage': 'subtree',
      'user.read': 'subtree',
      'user.manage': 'subtree',
      'audit.read': 'subtree',
      'household.read_id': 'subtree',
      'household.manage': 'subtree',
      'rules.manage': 'subtree',
      'campaign.manage': 'subtree',
      'visit.submit': 'subtree',
      'problem.rectify': 'subtree',
      'problem.verify': 'subtree',
      'problem.manage': 'subtree',
      'inspection.submit': 'subtree',
      'inspection.crosscheck': 'subtree',
      'order.manage': 'subtree',
      'competition.manage': 'subtree',
      'dashboard.read': 'subtree',
      'accountability.read': 'subtree',
    },
  },
  county_reviewer: {
    assignableOn: ['county'],
    // reads the county; records cross-check findings and reopens what was closed too soon
    permissions: { ...READ_REGISTRY, 'inspection.crosscheck': 'subtree', 'dashboard.read': 'subtree' },
  },
  township_admin: {
    assignableOn: ['township'],
    permissions: {
      ...READ_REGISTRY,
      'unit.manage': 'subtree',
      'user.read': 'subtree',
      'user.manage': 'subtree',
      'audit.read': 'subtree',
      'household.read_id': 'subtree',
      'household.manage': 'subtree',
      'rules.manage': 'subtree',
      'campaign.manage': 'subtree',
      'visit.submit': 'subtree',
      'problem.rectify': 'subtree',
      'problem.verify': 'subtree',
      'problem.manage': 'subtree',
      'inspection.submit': 'subtree',
      'order.manage': 'subtree',
      'competition.manage': 'subtree',
      'dashboard.read': 'subtree',
      'accountability.read': 'subtree',
    },
  },
  town_leader: {
    assignableOn: ['township', 'village'],
    // reads the township, issues supervision orders, leads the area cross-checks
    permissions: {
      ...READ_REGISTRY,
      'user.read': 'subtree',
      'problem.verify': 'subtree',
      'order.manage': 'subtree',
      'inspection.crosscheck': 'subtree',
      'dashboard.read': 'subtree',
      'accountability.read': 'subtree',
    },
  },
  sector_leader: {
    assignableOn: ['township'],
    // inspects their sector across the township and owns that sector's problems
    permissions: {
      ...READ_REGISTRY,
      'inspection.submit': 'subtree',
      'problem.rectify': 'subtree',
      'dashboard.read': 'subtree',
    },
    needsSector: true,
  },
  discipline: {
    assignableOn: ['township'],
    permissions: {
      ...READ_REGISTRY,
      'user.read': 'subtree',
      'audit.read': 'subtree',
      'dashboard.read': 'subtree',
      'accountability.read': 'subtree',
    },
    readOnly: true,
  },
  judge: {
    assignableOn: ['township'],
    // scores the parts and villages assigned, and sees the round's samples and nominations
    permissions: { 'unit.read': 'subtree', 'competition.read': 'subtree', 'competition.score': 'subtree' },
  },
  village_staff: {
    assignableOn: ['village'],
    permissions: {
      ...READ_REGISTRY,
      'household.read_id': 'subtree',
      'household.manage': 'subtree',
      // the carpet survey of marginal and key households, and the village's summary (附件3)
      'visit.submit': 'subtree',
      'summary.submit': 'subtree',
      // self-inspection, rectification and closing of the village's own problems
      'inspection.submit': 'subtree',
      'problem.rectify': 'subtree',
      'problem.verify': 'subtree',
      // nominates its two groups for 看组 and raises objections to a published ranking
      'competition.nominate': 'subtree',
      // the dashboard of their own village
      'dashboard.read': 'subtree',
    },
  },
  cadre: {
    assignableOn: ['township', 'village'],
    permissions: {
      'unit.read': 'subtree',
      'household.read': 'paired',
      'household.read_id': 'paired',
      // the active rule set, so the visit form can show flags as the cadre types
      'rules.read': 'subtree',
      'visit.read': 'paired',
      'visit.submit': 'paired',
      'problem.read': 'paired',
      // rectification evidence for the paired households' problems
      'problem.rectify': 'paired',
    },
  },
};

const WRITE_PERMISSIONS: ReadonlySet<Permission> = new Set([
  'unit.manage',
  'user.manage',
  'household.manage',
  'rules.manage',
  'campaign.manage',
  'visit.submit',
  'summary.submit',
  'problem.rectify',
  'problem.verify',
  'problem.manage',
  'inspection.submit',
  'inspection.crosscheck',
  'order.manage',
  'competition.score',
  'competition.nominate',
  'competition.manage',
]);

/** Whether a permission changes data (read-only roles must never hold one). */
export function isWritePermission(permission: Permission): boolean {
  return WRITE_PERMISSIONS.has(permission);
}

/** The reach a role has for a permission, or undefined when the role lacks it. */
export function reachOf(role: Role, permission: Permission): Reach | undefined {
  return ROLE_DEFINITIONS[role].permissions[permission];
}

/** Whether a role may be assigned on a unit of this kind. */
export function canAssignRoleOn(role: Role, kind: UnitKind): boolean {
  return ROLE_DEFINITIONS[role].assignableOn.includes(kind);
}

/** Every permission any of the given roles grants (for navigation). */
export function permissionsOfRoles(roles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const role of roles) {
    for (const p of Object.keys(ROLE_DEFINITIONS[role].permissions) as Permission[]) out.add(p);
  }
  return out;
}
