/** The villages a page can show, and the one shown: the role's own village, or a choice for the township office. */
import type { Permission } from '@fupin/domain';
import { useMemo, useState } from 'react';
import { useUnitPermission } from '../../org/access';
import { useUnits } from '../../org/api';
import { useRoleUnit } from '../context';

export function useVillageChoice(permission: Permission) {
  const units = useUnits();
  const may = useUnitPermission();
  const { unitId, unitKind } = useRoleUnit(permission);
  const villages = useMemo(
    () => (units.data ?? []).filter((u) => u.kind === 'village' && may(permission, u)),
    [units.data, may, permission],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const villageId = chosen ?? (unitKind === 'village' ? unitId : (villages[0]?.id ?? null));
  return { villages, villageId, setVillageId: setChosen, loading: units.isPending, error: units.error };
}
