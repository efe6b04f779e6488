/**
 * The big inspection's requests: sites, checklists (附件4), self-checks and sector sweeps,
 * cross-checks, and the village summaries (附件5) with the township's overview.
 */
import type { ChecklistItem, InspectionSummary } from '@fupin/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, request } from '../../api/client';
import { defaultChecklists } from './checklists';

export interface Site {
  id: string;
  villageId: string;
  villageName: string | null;
  kind: string;
  name: string;
  archived: boolean;
}

export interface Checklist {
  target: string;
  scope: 'site' | 'sector';
  label: { zh: string; en: string };
  items: ChecklistItem[];
  custom: boolean;
}

export interface InspectionRow {
  id: string;
  kind: 'village_self' | 'sector' | 'county_crosscheck' | 'town_crosscheck';
  villageId: string | null;
  villageName: string | null;
  siteId: string | null;
  sector: string | null;
  inspectorName: string | null;
  inspectedAt: string;
  items: number;
  failed: number;
  problems: number;
}

export interface SubmitResult {
  problems: number;
  reopened: number;
  duplicate: boolean;
}

export interface SummaryState {
  villageId: string;
  villageName: string;
  status: 'not_started' | 'in_progress' | 'submitted' | 'late';
  deadline: string;
  live: InspectionSummary;
  submitted: InspectionSummary | null;
  submittedAt: string | null;
  reopenedAt: string | null;
  reopenReason: string | null;
}

export function useSites(villageId: string | null, includeArchived = false) {
  return useQuery({
    queryKey: ['inspections', 'sites', villageId, includeArchived],
    queryFn: ({ signal }) =>
      api.get<{ items: Site[] }>('/api/sites', {
        signal,
        query: { villageId: villageId ?? undefined, includeArchived: includeArchived ? 'true' : undefined },
      }),
    select: (d) => d.items,
  });
}

/**
 * The township's checklists. Village staff may not read the township's settings (the API asks
 * unit.read on the township): they get the default lists, which is what the township uses until
 * it edits one. `fallback` says so.
 */
export function useChecklists(townshipId: string | null) {
  return useQuery({
    queryKey: ['inspections', 'checklists', townshipId],
    queryFn: async ({ signal }) => {
      try {
        const d = await api.get<{ items: Checklist[] }>('/api/checklists', { signal, query: { townshipId } });
        return { items: d.items, fallback: false };
      } catch (e) {
        if (e instanceof ApiError && e.status === 403) return { items: defaultChecklists(), fallback: true };
        throw e;
      }
    },
    enabled: townshipId !== null,
    staleTime: 5 * 60_000,
  });
}

export function useSaveChecklist() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ target, body }: { target: string; body: unknown }) =>
      request<{ items: Checklist[] }>('PUT', `/api/checklists/${target}`, { body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['inspections', 'checklists'] }),
  });
}

export function useInspections(campaignId: string | null) {
  return useQuery({
    queryKey: ['inspections', 'list', campaignId],
    queryFn: ({ signal }) => api.get<{ items: InspectionRow[] }>('/api/inspections', { signal, query: { campaignId } }),
    select: (d) => d.items,
    enabled: campaignId !== null,
  });
}

function useInvalidateInspections() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['inspections'] });
    void client.invalidateQueries({ queryKey: ['problems'] });
  };
}

export function useSubmitInspection() {
  const invalidate = useInvalidateInspections();
  return useMutation({
    mutationFn: (body: unknown) => api.post<SubmitResult>('/api/inspections', body),
    onSuccess: invalidate,
  });
}

export function useSubmitCrosscheck() {
  const invalidate = useInvalidateInspections();
  return useMutation({
    mutationFn: (body: unknown) => api.post<SubmitResult>('/api/crosschecks', body),
    onSuccess: invalidate,
  });
}

export function useSaveSite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { id: string; villageId: string; kind: string; name: string }) => api.post<Site>('/api/sites', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['inspections', 'sites'] }),
  });
}

export function useArchiveSite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Site>(`/api/sites/${id}/archive`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['inspections', 'sites'] }),
  });
}

export function useSummary(campaignId: string | null, villageId: string | null) {
  return useQuery({
    queryKey: ['inspections', 'summary', campaignId, villageId],
    queryFn: ({ signal }) => api.get<SummaryState>('/api/inspections/summary', { signal, query: { campaignId, villageId } }),
    enabled: campaignId !== null && villageId !== null,
  });
}

export function useOverview(campaignId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['inspections', 'overview', campaignId],
    queryFn: ({ signal }) =>
      api.get<{ villages: SummaryState[] }>('/api/inspections/overview', { signal, query: { campaignId } }),
    select: (d) => d.villages,
    enabled: enabled && campaignId !== null,
  });
}

export function useSummaryAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: { action: 'submit' | 'reopen'; campaignId: string; villageId: string; reason?: string }) =>
      api.post<SummaryState>(`/api/inspections/summary/${action}`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['inspections'] }),
  });
}

/** The name of a site by its id (the ledger names households; a site's problems name their site). */
export function useSiteNames(): (id: string | null) => string | null {
  const sites = useSites(null, true);
  return (id) => (id ? (sites.data?.find((s) => s.id === id)?.name ?? null) : null);
}
