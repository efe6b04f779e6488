/**
 * The accountability view (责任倒查, DOMAIN.md §7) as the server's `/api/accountability` answers it
 * (contract: apps/server/src/modules/accountability/routes.ts, schemas in @fupin/domain). Read-only.
 */
import type { Accountability, LapseSchema } from '@fupin/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';

export type { Accountability };
export type Lapse = LapseSchema;
export type PersonRow = Accountability['people'][number];
export type UnitRow = Accountability['units'][number];
export type SendingUnitRow = Accountability['sendingUnits'][number];
export type ChainEntry = Lapse['chain'][number];

export function useAccountability(unitId: string | null, campaignId: string | null) {
  return useQuery({
    queryKey: ['accountability', 'summary', unitId, campaignId],
    queryFn: ({ signal }) =>
      api.get<Accountability>('/api/accountability', { signal, query: { unitId, campaignId: campaignId ?? undefined } }),
    enabled: unitId !== null,
    staleTime: 60_000,
  });
}

export function useLapses(query: Query | null) {
  return useQuery({
    queryKey: ['accountability', 'lapses', query],
    queryFn: ({ signal }) =>
      api.get<{ items: Lapse[]; total: number }>('/api/accountability/lapses', { signal, query: query ?? {} }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
