/** SQL of the unit tree. */
import { DomainError, term } from '@fupin/domain';
import { and, asc, count, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { households, roleAssignments, units, users } from '../../db/schema/index';
import type { Scope } from '../auth/repository';

export type UnitRow = typeof units.$inferSelect;

/** The unit with this id, or a NOT_FOUND error. */
export async function getUnit(db: Db | Tx, id: string): Promise<UnitRow> {
  const [row] = await db.select().from(units).where(eq(units.id, id)).limit(1);
  if (!row) throw new DomainError('NOT_FOUND', { entity: term('entity.unit') });
  return row;
}

/** The unit with this code, if any. */
export async function findUnitByCode(db: Db | Tx, code: string): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(units).where(eq(units.code, code)).limit(1);
  return row;
}

/**
 * The tenant key under which records about a unit are kept: its township, or its county for
 * a county itself.
 */
export function tenantOfUnit(unit: Pick<UnitRow, 'townshipId' | 'countyId'>): string {
  return unit.townshipId ?? unit.countyId;
}

/** The tenant key of a unit given only its id. */
export async function tenantOfUnitId(db: Db | Tx, unitId: string): Promise<string> {
  return tenantOfUnit(await getUnit(db, unitId));
}

/** The condition "unit row lies in the scope" (subtree reach, and the units of paired grants). */
export function unitScopeCondition(scope: Scope): SQL | undefined {
  const parts: SQL[] = [];
  if (scope.counties.length) parts.push(inArray(units.countyId, scope.counties));
  const townships = [...scope.townships, ...scope.paired.townships];
  const villages = [...scope.villages, ...scope.paired.villages];
  if (townships.length) parts.push(inArray(units.townshipId, townships));
  if (villages.length) parts.push(inArray(units.id, villages), inArray(units.villageId, villages));
  return parts.length ? or(...parts) : undefined;
}

/**
 * The units a scope may see, and the ancestors of its grant units, so the tree can be drawn
 * from the county down. Sorted for display.
 */
export async function listUnitsInScope(db: Db | Tx, scope: Scope): Promise<UnitRow[]> {
  const condition = unitScopeCondition(scope);
  if (!condition) return [];
  const rows = await db.select().from(units).where(condition).orderBy(asc(units.sortOrder), asc(units.code), asc(units.name));
  const have = new Set(rows.map((r) => r.id));
  const missing = new Set<string>();
  for (const r of rows) for (const a of [r.countyId, r.townshipId, r.villageId]) if (a && !have.has(a)) missing.add(a);
  if (missing.size === 0) return rows;
  const ancestors = await db
    .select()
    .from(units)
    .where(inArray(units.id, [...missing]));
  return [...ancestors, ...rows];
}

/** The direct children of a unit. */
export async function countChildren(db: Db | Tx, id: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(units).where(eq(units.parentId, id));
  return row?.n ?? 0;
}

/** What still points at a unit (households, accounts, role assignments), for refusing a delete. */
export async function whatUsesUnit(db: Db | Tx, id: string): Promise<'what.households' | 'what.users' | 'what.roles' | null> {
  const [h] = await db
    .select({ n: count() })
    .from(households)
    .where(or(eq(households.villageId, id), eq(households.groupId, id)));
  if ((h?.n ?? 0) > 0) return 'what.households';
  const [u] = await db.select({ n: count() }).from(users).where(eq(users.homeUnitId, id));
  if ((u?.n ?? 0) > 0) return 'what.users';
  const [r] = await db
    .select({ n: count() })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.unitId, id)));
  if ((r?.n ?? 0) > 0) return 'what.roles';
  return null;
}
