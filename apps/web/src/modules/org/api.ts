/** The unit tree: GET /api/units (flat, with ancestors) and the writes on one unit. */
import type { CreateUnitInput, Unit, UpdateUnitInput } from '@fupin/domain/schemas/org';
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
