/**
 * Where the rules pages work: the townships whose versions the reader may list (their own; a
 * county office sees each of its townships), whether they may manage them, and, for readers
 * below the township (village staff, cadres), the unit whose active rules they may read.
 */
import { reachOf } from '@fupin/domain';
import type { Unit } from '@fupin/domain/schemas/org';
import { useMemo } from 'react';
import { useMe } from '../auth/api';
import { useUnitPermission } from '../org/access';
import { useUnits } from '../org/api';

export interface RulesPlace {
  loading: boolean;
  /** townships whose versions the reader may list, in the tree's order */
  townships: Unit[];
  /** whether the reader may make drafts, preview and activate in a township */
  mayManage: (townshipId: string) => boolean;
  /** the unit of the reader's first role that reads rules (for GET /api/rules/active) */
  roleUnitId: string | null;
}

export function useRulesPlace(): RulesPlace {
  const me = useMe();
  const units = useUnits();
  const may = useUnitPermission();
  return useMemo(() => {
    const all = units.data ?? [];
    const townships = all.filter((u) => u.kind === 'township' && may('rules.read', u));
    const roleUnitId = (me.data?.user.roles ?? []).find((r) => reachOf(r.role, 'rules.read') !== undefined)?.unitId ?? null;
    return {
      loading: units.isPending || me.isPending,
      townships,
      mayManage: (townshipId: string) => {
        const unit = all.find((u) => u.id === townshipId);
        return unit !== undefined && may('rules.manage', unit);
      },
      roleUnitId,
    };
  }, [units.data, units.isPending, me.data, me.isPending, may]);
}

/** The unit whose active rules name the flags of a list: the one it is filtered to, else the reader's own. */
export function useFlagUnit(filteredUnitId: string | null | undefined): string | null {
  const me = useMe();
  const own = (me.data?.user.roles ?? []).find(
    (r) => reachOf(r.role, 'rules.read') !== undefined && r.unitKind !== 'county',
  )?.unitId;
  return filteredUnitId ?? own ?? null;
}
