/**
 * The household registry: GET/POST/PUT/DELETE /api/households, pairings, history, and the
 * lists around them (tags, cadres, duplicate ID numbers).
 */
import type { CreateHouseholdInput, Household, HouseholdListItem, UpdateHouseholdInput } from '@fupin/domain/schemas/households';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query, request } from '../../api/client';
import type { AuditEntry } from '../audit/api';

export type HouseholdListQuery = Query & { limit: number; offset: number };

export interface TagOption {
  code: string;
  labelZh: string;
  labelEn: string;
  builtIn: boolean;
}

export interface Cadre {
  id: string;
  displayName: string;
  units: string[];
  households: number;
}

export interface DuplicateEntry {
  townshipName: string;
  villageName: string | null;
  householdNumber: string | null;
  name: string | null;
  householdId: string | null;
}

export interface Duplicate {
  idNumber: string;
  entries: DuplicateEntry[];
}

const listKey = ['households', 'list'] as const;
const oneKey = (id: string) => ['households', 'one', id] as const;
const historyKey = (id: string) => ['households', 'history', id] as const;

export function useHouseholdList(query: HouseholdListQuery) {
  return useQuery({
    queryKey: [...listKey, query],
    queryFn: ({ signal }) => api.get<{ items: HouseholdListItem[]; total: number }>('/api/households', { signal, query }),
    placeholderData: keepPreviousData,
  });
}

export function useHousehold(id: string) {
  return useQuery({
    queryKey: oneKey(id),
    queryFn: ({ signal }) => api.get<Household>(`/api/households/${id}`, { signal }),
  });
}

export function useHouseholdHistory(id: string) {
  return useQuery({
    queryKey: historyKey(id),
    queryFn: ({ signal }) => api.get<{ items: AuditEntry[] }>(`/api/households/${id}/history`, { signal }),
    select: (data) => data.items,
  });
}

/** After a write that answers with the household: show it at once, refresh lists and history. */
function useStoreHousehold() {
  const client = useQueryClient();
  return (h: Household) => {
    client.setQueryData(oneKey(h.id), h);
    void client.invalidateQueries({ queryKey: listKey });
    void client.invalidateQueries({ queryKey: historyKey(h.id) });
  };
}

export function useCreateHousehold() {
  const store = useStoreHousehold();
  return useMutation({
    mutationFn: (input: CreateHouseholdInput) => api.post<Household>('/api/households', input),
    onSuccess: store,
  });
}

export function useUpdateHousehold() {
  const store = useStoreHousehold();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateHouseholdInput }) =>
      request<Household>('PUT', `/api/households/${id}`, { body: input }),
    onSuccess: store,
  });
}

export function useDeleteHousehold() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/households/${id}`),
    onSuccess: (_data, id) => {
      client.removeQueries({ queryKey: oneKey(id) });
      void client.invalidateQueries({ queryKey: listKey });
    },
  });
}

export function usePairCadre() {
  const store = useStoreHousehold();
  return useMutation({
    mutationFn: ({ id, cadreId, since }: { id: string; cadreId: string; since: string | null }) =>
      api.post<Household>(`/api/households/${id}/pairings`, { cadreId, since }),
    onSuccess: store,
  });
}

export function useUnpairCadre() {
  const store = useStoreHousehold();
  return useMutation({
    mutationFn: ({ id, cadreId }: { id: string; cadreId: string }) =>
      api.delete<Household>(`/api/households/${id}/pairings/${cadreId}`),
    onSuccess: store,
  });
}

/** The tags of a township (built-in and its own); null township: not asked. */
export function useTags(townshipId: string | null) {
  return useQuery({
    queryKey: ['registry', 'tags', townshipId],
    queryFn: ({ signal }) => api.get<{ items: TagOption[] }>('/api/registry/tags', { signal, query: { townshipId } }),
    select: (data) => data.items,
    enabled: townshipId !== null,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The assistance cadres of a township (household.manage on the township). */
export function useCadres(townshipId: string | null, enabled = true) {
  return useQuery({
    queryKey: ['registry', 'cadres', townshipId],
    queryFn: ({ signal }) => api.get<{ items: Cadre[] }>('/api/registry/cadres', { signal, query: { townshipId } }),
    select: (data) => data.items,
    enabled: enabled && townshipId !== null,
    staleTime: 60_000,
    retry: false,
  });
}

export function useDuplicates(enabled: boolean) {
  return useQuery({
    queryKey: ['registry', 'duplicates'],
    queryFn: ({ signal }) => api.get<{ items: Duplicate[] }>('/api/registry/duplicates', { signal }),
    select: (data) => data.items,
    enabled,
  });
}
