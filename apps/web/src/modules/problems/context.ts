/**
 * Where the inspection pages work: the township of the reader's roles, its villages the reader
 * sees, the reader's own village (village staff), and the township's current campaign.
 */
import type { Unit } from '@fupin/domain/schemas/org';
import type { Me } from '@fupin/domain/schemas/users';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../api/client';
import { useMe } from '../auth/api';
import { useUnits } from '../org/api';
import { readsTownship } from './access';

export { readsTownship };

export interface Campaign {
  id: string;
  townshipId: string;
  year: number;
  name: string;
  phases: { code: string; start: string; end: string }[];
}

/** The township a person works in: of their first township or village role, else the only (or first) one they see. */
export function workTownship(me: Me | undefined, units: readonly Unit[]): string | null {
  for (const r of me?.user.roles ?? []) {
    const unit = units.find((u) => u.id === r.unitId);
    if (unit?.kind === 'township') return unit.id;
    if (unit?.townshipId) return unit.townshipId;
  }
  return units.find((u) => u.kind === 'township')?.id ?? null;
}

export function useCampaign(unitId: string | null) {
  return useQuery({
    queryKey: ['inspections', 'campaign', unitId],
    queryFn: ({ signal }) => api.get<Campaign>('/api/campaigns/current', { signal, query: { unitId } }),
    enabled: unitId !== null,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useWorkPlace() {
  const me = useMe();
  const units = useUnits();
  const all = units.data ?? [];
  const townshipId = useMemo(() => workTownship(me.data, units.data ?? []), [me.data, units.data]);
  const villages = useMemo(
    () => (units.data ?? []).filter((u) => u.kind === 'village' && (!townshipId || u.townshipId === townshipId)),
    [units.data, townshipId],
  );
  // The campaign is asked through a unit the person may read: their village, else the township.
  const roleVillage = (me.data?.user.roles ?? []).find((r) => r.unitKind === 'village')?.unitId ?? null;
  const campaignUnit = readsTownship(me.data, 'unit.read') ? townshipId : (roleVillage ?? townshipId);
  const campaign = useCampaign(campaignUnit);
  return {
    me: me.data,
    units: all,
    townshipId,
    township: all.find((u) => u.id === townshipId) ?? null,
    villages,
    campaign,
    loading: units.isPending || (campaignUnit !== null && campaign.isPending),
  };
}
