/**
 * Whether the signed-in person may act on a unit, by the same policy as the server
 * (`reachOn` from @fupin/domain), so a button never offers what the API would refuse.
 */
import { type Grant, type Permission, reachOn, type UnitKind } from '@fupin/domain';
import type { Unit } from '@fupin/domain/schemas/org';
import { useCallback, useMemo } from 'react';
import { useMe } from '../auth/api';

export function useUnitPermission() {
  const me = useMe();
  const grants = useMemo<Grant[]>(
    () =>
      (me.data?.user.roles ?? []).map((r) => ({
        role: r.role,
        unitId: r.unitId,
        unitKind: r.unitKind as UnitKind,
        // Only the role and unit of a grant decide reach on a unit; the rest is for scope lists.
        countyId: '',
        townshipId: null,
        sector: r.sector,
      })),
    [me.data],
  );
  return useCallback((permission: Permission, unit: Unit) => reachOn(grants, permission, unit) !== null, [grants]);
}
