/**
 * The township dashboard and the county view as the server's `/api/dashboard` answers them
 * (contract: apps/server/src/modules/dashboard/routes.ts, schemas in @fupin/domain). Every figure
 * has a list endpoint taking the same filters; the list pages ask those.
 */
import type {
  CountyDashboard,
  Dashboard,
  dashboardProblemsSchema,
  dashboardSummariesSchema,
  dashboardVisitsSchema,
} from '@fupin/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Query } from '../../api/client';

export type { CountyDashboard, Dashboard };
export type VisitTaskPage = z.infer<typeof dashboardVisitsSchema>;
export type VisitTaskRow = VisitTaskPage['items'][number];
export type DashboardProblemPage = z.infer<typeof dashboardProblemsSchema>;
export type DashboardProblemRow = DashboardProblemPage['items'][number];
export type SummaryPage = z.infer<typeof dashboardSummariesSchema>;
export type SummaryRow = SummaryPage['items'][number];

/** Figures move as people work: a minute old is fresh enough, and coming back refreshes them. */
const STALE = 60_000;

export function useDashboard(unitId: string | null, campaignId: string | null) {
  return useQuery({
    queryKey: ['dashboard', 'main', unitId, campaignId],
    queryFn: ({ signal }) =>
      api.get<Dashboard>('/api/dashboard', { signal, query: { unitId, campaignId: campaignId ?? undefined } }),
    enabled: unitId !== null,
    staleTime: STALE,
  });
}

/** One page of a figure's list: `visits`, `problems` or `summaries`. */
export function useDashboardList<T>(list: 'visits' | 'problems' | 'summaries', query: Query | null) {
  return useQuery({
    queryKey: ['dashboard', list, query],
    queryFn: ({ signal }) => api.get<T>(`/api/dashboard/${list}`, { signal, query: query ?? {} }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    staleTime: STALE,
  });
}

export function useCountyDashboard(countyId: string | null, year: number | null) {
  return useQuery({
    queryKey: ['dashboard', 'county', countyId, year],
    queryFn: ({ signal }) =>
      api.get<CountyDashboard>('/api/dashboard/county', { signal, query: { countyId, year: year ?? undefined } }),
    enabled: countyId !== null,
    staleTime: STALE,
  });
}

export interface CampaignRef {
  id: string;
  year: number;
  name: string;
}

/** The township's campaigns, newest first, for the year picker (a discipline check looks back too). */
export function useCampaigns(townshipId: string | null) {
  return useQuery({
    queryKey: ['campaigns', 'list', townshipId],
    queryFn: ({ signal }) => api.get<{ items: CampaignRef[] }>('/api/campaigns', { signal, query: { townshipId } }),
    select: (d) => d.items,
    enabled: townshipId !== null,
    staleTime: 5 * 60_000,
  });
}
