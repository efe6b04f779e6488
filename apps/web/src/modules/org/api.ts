/**
 * The unit tree: GET /api/units (flat, with ancestors) and the writes on one unit; a township's
 * 派出单位 (sending units): GET /api/work-units?townshipId= and the writes on one.
 */
import type {
  CreateUnitInput,
  CreateWorkUnitInput,
  Unit,
  UpdateUnitInput,
  UpdateWorkUnitInput,
  WorkUnit,
} from '@fupin/domain/schemas/org';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const unitsKey = ['units'] as const;

export function useUnits(enabled = true) {
  return useQuery({
    queryKey: unitsKey,
    queryFn: ({ signal }) => api.get<{ items: Unit[] }>('/api/units', { signal }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}

function useInvalidateUnits() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: unitsKey });
    // Lists elsewhere show unit names.
    void client.invalidateQueries({ queryKey: ['users'] });
  };
}

export function useCreateUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: (input: Omit<CreateUnitInput, 'sortOrder'> & { sortOrder?: number }) => api.post<Unit>('/api/units', input),
    onSuccess: invalidate,
  });
}

export function useUpdateUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateUnitInput }) => api.patch<Unit>(`/api/units/${id}`, patch),
    onSuccess: invalidate,
  });
}

export function useDeleteUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/units/${id}`),
    onSuccess: invalidate,
  });
}

const workUnitsKey = (townshipId: string | null) => ['work-units', townshipId] as const;

/** A township's sending units, in its order; `null` (no township chosen) asks nothing. */
export function useWorkUnits(townshipId: string | null) {
  return useQuery({
    queryKey: workUnitsKey(townshipId),
    queryFn: ({ signal }) => api.get<{ items: WorkUnit[] }>('/api/work-units', { signal, query: { townshipId } }),
    select: (data) => data.items,
    enabled: townshipId !== null,
    staleTime: 60_000,
  });
}

function useInvalidateWorkUnits() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['work-units'] });
    // Accounts show their sending unit's name.
    void client.invalidateQueries({ queryKey: ['users'] });
  };
}

export function useCreateWorkUnit() {
  const invalidate = useInvalidateWorkUnits();
  return useMutation({
    mutationFn: (input: Omit<CreateWorkUnitInput, 'sortOrder'> & { sortOrder?: number }) =>
      api.post<WorkUnit>('/api/work-units', input),
    onSuccess: invalidate,
  });
}

export function useUpdateWorkUnit() {
  const invalidate = useInvalidateWorkUnits();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateWorkUnitInput }) =>
      api.patch<WorkUnit>(`/api/work-units/${id}`, patch),
    onSuccess: invalidate,
  });
}

export function useDeleteWorkUnit() {
  const invalidate = useInvalidateWorkUnits();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/work-units/${id}`),
    onSuccess: invalidate,
  });
}
