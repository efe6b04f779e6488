/** The API shape of a unit. */
import type { Unit } from '@fupin/domain/schemas/org';
import type { UnitRow } from './repository';

export function presentUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    kind: row.kind,
    parentId: row.parentId,
    countyId: row.countyId,
    townshipId: row.townshipId,
    villageId: row.villageId,
    code: row.code,
    name: row.name,
    sortOrder: row.sortOrder,
    updatedAt: row.updatedAt.toISOString(),
  };
}
