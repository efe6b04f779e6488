/** The township whose competition a person works on: of their first township or village role. */
import { useMemo } from 'react';
import { useMe } from '../auth/api';
import { useUnits } from '../org/api';
import { workTownship } from '../problems/context';

export function useCompetitionTownship() {
  const me = useMe();
  const units = useUnits();
  const townshipId = useMemo(() => workTownship(me.data, units.data ?? []), [me.data, units.data]);
  return {
    me: me.data,
    townshipId,
    township: (units.data ?? []).find((u) => u.id === townshipId) ?? null,
    loading: me.isPending || units.isPending,
  };
}
