/** SQL of 派出单位 (sending units): reads, the view the API gives, and the check a cadre's account makes. */
import { DomainError, term } from '@fupin/domain';
import type { WorkUnit } from '@fupin/domain/schemas/org';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { users, workUnits } from '../../db/schema/index';
import { tenantOfUnitId } from '../org/repository';

export type WorkUnitRow = typeof workUnits.$inferSelect;

/** The sending unit with this id, or NOT_FOUND. */
export async function getWorkUnitRow(db: Db | Tx, id: string): Promise<WorkUnitRow> {
  const [row] = await db.select().from(workUnits).where(eq(workUnits.id, id)).limit(1);
  if (!row) throw new DomainError('NOT_FOUND', { entity: term('entity.work_unit') });
  return row;
}

/** The township of a sending unit, for the access check; null when it does not exist. */
export async function townshipOfWorkUnit(db: Db | Tx, id: string): Promise<string[] | null> {
  const [row] = await db.select({ townshipId: workUnits.townshipId }).from(workUnits).where(eq(workUnits.id, id)).limit(1);
  return row ? [row.townshipId] : null;
}

/** How many accounts each of these sending units sent. */
async function cadreCounts(db: Db | Tx, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.workUnitId, n: count() })
    .from(users)
    .where(inArray(users.workUnitId, [...ids]))
    .groupBy(users.workUnitId);
  return new Map(rows.map((r) => [r.id as string, r.n]));
}

export function presentWorkUnit(row: WorkUnitRow, cadreCount: number): WorkUnit {
  return {
    id: row.id,
    townshipId: row.townshipId,
    name: row.name,
    headName: row.headName,
    headTitle: row.headTitle,
    headPhone: row.headPhone,
    sortOrder: row.sortOrder,
    cadreCount,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A township's sending units in their order, with how many accounts each sent. */
export async function listWorkUnits(db: Db | Tx, townshipId: string): Promise<WorkUnit[]> {
  const rows = await db
    .select()
    .from(workUnits)
    .where(eq(workUnits.townshipId, townshipId))
    .orderBy(asc(workUnits.sortOrder), asc(workUnits.name));
  const counts = await cadreCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentWorkUnit(r, counts.get(r.id) ?? 0));
}

/** One sending unit as the API shows it. */
export async function workUnitView(db: Db | Tx, row: WorkUnitRow): Promise<WorkUnit> {
  return presentWorkUnit(row, (await cadreCounts(db, [row.id])).get(row.id) ?? 0);
}

/** Refuses a name the township already uses for another sending unit, naming the field. */
export async function assertWorkUnitNameFree(db: Db | Tx, townshipId: string, name: string, id: string): Promise<void> {
  const [other] = await db
    .select({ id: workUnits.id })
    .from(workUnits)
    .where(and(eq(workUnits.townshipId, townshipId), eq(workUnits.name, name)))
    .limit(1);
  if (other && other.id !== id)
    throw new DomainError('WORK_UNIT_NAME_TAKEN', { name }, [{ path: 'name', key: 'WORK_UNIT_NAME_TAKEN', params: { name } }]);
}

/**
 * Refuses a sending unit outside the township of an account's home unit: a township's cadres are
 * sent from the units its own office keeps.
 */
export async function assertWorkUnitFits(db: Db | Tx, workUnitId: string | null, homeUnitId: string): Promise<void> {
  if (workUnitId === null) return;
  const unit = await getWorkUnitRow(db, workUnitId);
  const township = await tenantOfUnitId(db, homeUnitId);
  if (unit.townshipId !== township)
    throw new DomainError('WORK_UNIT_OUTSIDE_TOWNSHIP', { name: unit.name }, [
      { path: 'workUnitId', key: 'WORK_UNIT_OUTSIDE_TOWNSHIP', params: { name: unit.name } },
    ]);
}
