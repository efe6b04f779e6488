/**
 * Which unit the accountability pages account for: the one in the address, else the reader's own
 * township (or village). A county role picks one of the county's townships (the API takes a
 * township or a village, not the county).
 */
import type { Unit } from '@fupin/domain/schemas/org';
import type { Me } from '@fupin/domain/schemas/users';
import { dashboardHome } from '../dashboard/home';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function accountabilityUnit(me: Me | undefined, asked: string | null, units: readonly Unit[]): string | null {
  if (asked && UUID.test(asked)) return asked;
  const home = dashboardHome(me, 'accountability.read');
  if (!home) return null;
  if (home.kind === 'unit') return home.unitId;
  return units.find((u) => u.kind === 'township' && u.countyId === home.countyId)?.id ?? null;
}
