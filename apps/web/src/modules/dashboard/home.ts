/**
 * Where a person's dashboard opens, from their roles (pure: the menu and the pages use it):
 * a county role opens the county view; else the township, else the village they read.
 */
import { type Permission, type Role, reachOf } from '@fupin/domain';
import type { Me } from '@fupin/domain/schemas/users';

export type DashboardHome =
  | { kind: 'county'; countyId: string }
  | { kind: 'unit'; unitId: string; unitKind: 'township' | 'village' };

const ORDER = ['county', 'township', 'village'] as const;

/** The widest unit on which the person holds the permission over the whole subtree, or null. */
export function dashboardHome(me: Me | undefined, permission: Permission = 'dashboard.read'): DashboardHome | null {
  const roles = (me?.user.roles ?? []).filter((r) => reachOf(r.role as Role, permission) === 'subtree');
  for (const kind of ORDER) {
    const role = roles.find((r) => r.unitKind === kind);
    if (!role) continue;
    return kind === 'county' ? { kind, countyId: role.unitId } : { kind: 'unit', unitId: role.unitId, unitKind: kind };
  }
  return null;
}

/** Whether the person reads a whole county (the county view is theirs). */
export function readsCounty(me: Me | undefined): boolean {
  return dashboardHome(me)?.kind === 'county';
}
