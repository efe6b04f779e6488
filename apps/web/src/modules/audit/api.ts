/** The audit log: GET /api/audit, newest first, filtered and paged on the server. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  unitId: string | null;
  unitName: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface AuditFilterValues {
  /** Beijing calendar days, YYYY-MM-DD, both inclusive */
  from?: string | undefined;
  to?: string | undefined;
  actor?: string | undefined;
  entityType?: string | undefined;
  action?: string | undefined;
  unitId?: string | undefined;
}

export function useAuditLog(filters: AuditFilterValues & { limit: number; offset: number }) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: ({ signal }) => api.get<{ items: AuditEntry[]; total: number }>('/api/audit', { signal, query: { ...filters } }),
    placeholderData: keepPreviousData,
  });
}
