/**
 * The policy: whether a person's role assignments allow a permission on a unit, and the set of
 * units a list may show them. Pure, so it is tested as a table and the web's navigation uses the
 * very same answer as the API.
 */
import { type Permission, type Reach, type Role, reachOf, type UnitKind } from './roles';

/** One role assignment with the position of its unit in the tree. */
export interface Grant {
  role: Role;
  unitId: string;
  unitKind: UnitKind;
  countyId: string;
  townshipId: string | null;
  sector: string | null;
}

/** A unit and its ancestors: itself, its village, its township, its county (absent levels null). */
export interface UnitChain {
  id: string;
  kind: UnitKind;
  countyId: string;
  townshipId: string | null;
  villageId: string | null;
}

/** Whether a unit lies in the subtree of another (a unit is in its own subtree). */
export function isWithin(chain: UnitChain, ancestorId: string): boolean {
  return (
    chain.id === ancestorId || chain.villageId === ancestorId || chain.townshipId === ancestorId || chain.countyId === ancestorId
  );
}

/** The reach with which a person holds a permission on a unit, or null when they do not. */
export function reachOn(grants: readonly Grant[], permission: Permission, chain: UnitChain): Reach | null {
  let best: Reach | null = null;
  for (const g of grants) {
    const reach = reachOf(g.role, permission);
    if (!reach || !isWithin(chain, g.unitId)) continue;
    if (reach === 'subtree') return 'subtree';
    best = reach;
  }
  return best;
}

/** Whether a person holds a permission anywhere. */
export function holdsAnywhere(grants: readonly Grant[], permission: Permission): boolean {
  return grants.some((g) => reachOf(g.role, permission) !== undefined);
}

/**
 * Where a permission reaches, as lists a query can filter by. A county grant covers the county's
 * own rows and every township in it; township and village grants cover their subtree.
 * `paired` lists the units where only the holder's paired households are visible.
 */
export interface Scope {
  counties: string[];
  townships: string[];
  villages: string[];
  paired: { townships: string[]; villages: string[] };
}

/** The scope of a permission; `townshipsOfCounty` expands a county grant to its townships. */
export function scopeOf(
  grants: readonly Grant[],
  permission: Permission,
  townshipsOfCounty: (countyId: string) => readonly string[],
): Scope {
  const counties = new Set<string>();
  const townships = new Set<string>();
  const villages = new Set<string>();
  const pairedTownships = new Set<string>();
  const pairedVillages = new Set<string>();
  for (const g of grants) {
    const reach = reachOf(g.role, permission);
    if (!reach) continue;
    if (reach === 'paired') {
      if (g.unitKind === 'township') pairedTownships.add(g.unitId);
      else if (g.unitKind === 'village') pairedVillages.add(g.unitId);
      continue;
    }
    if (g.unitKind === 'county') {
      counties.add(g.unitId);
      for (const t of townshipsOfCounty(g.unitId)) townships.add(t);
    } else if (g.unitKind === 'township') townships.add(g.unitId);
    else if (g.unitKind === 'village') villages.add(g.unitId);
  }
  return {
    counties: [...counties],
    townships: [...townships],
    villages: [...villages],
    paired: { townships: [...pairedTownships], villages: [...pairedVillages] },
  };
}

/** Whether a scope reaches nothing at all. */
export function isEmptyScope(scope: Scope): boolean {
  return (
    scope.counties.length +
      scope.townships.length +
      scope.villages.length +
      scope.paired.townships.length +
      scope.paired.villages.length ===
    0
  );
}
