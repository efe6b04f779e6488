/**
 * The big visit's requests: the current campaign, a person's tasks (kept on the phone for offline
 * use), a household's visits, one visit, the differences to decide, the village summaries and the
 * township's overview.
 */
import type { Phase, VisitSummary } from '@fupin/domain';
import type { Household } from '@fupin/domain/schemas/households';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';
import type { SubmitAnswer } from './offline/db';
import { cachedCampaign, cachedTasks, cacheTasks } from './offline/task-cache';

export interface Campaign {
  id: string;
  townshipId: string;
  year: number;
  name: string;
  phases: Phase[];
  updatedAt: string;
}

export type TaskState = 'upcoming' | 'due' | 'done' | 'late' | 'missing';

export interface Task {
  householdId: string;
  villageId: string;
  type: 'not_out' | 'exited' | 'marginal' | 'key' | null;
  formType: 'registered' | 'marginal_key';
  reason: 'paired' | 'survey';
  state: TaskState;
  visits: number;
  lastVisitAt: string | null;
}

export interface TasksPayload {
  campaign: Campaign;
  tasks: Task[];
  households: Household[];
  ruleSet: { id: string; definition: unknown } | null;
  /** set when the payload came from the phone's copy (no network) */
  savedAt?: string;
}

const offline = (e: unknown) => e instanceof ApiError && e.status === 0;

/** The current campaign of the township a unit is in; offline, the one of the last tasks kept. */
export function useCurrentCampaign(unitId: string | null, userId: string | null) {
  return useQuery({
    queryKey: ['visits', 'campaign', unitId],
    queryFn: async ({ signal }) => {
      try {
        return await api.get<Campaign>('/api/campaigns/current', { signal, query: { unitId } });
      } catch (error) {
        const kept = offline(error) && userId ? await cachedCampaign(userId) : null;
        if (kept) return kept;
        throw error;
      }
    },
    enabled: unitId !== null,
    staleTime: 5 * 60_000,
    retry: (count, error) => count < 1 && error instanceof ApiError && error.transient && !offline(error),
  });
}

export const tasksKey = (campaignId: string | undefined) => ['visits', 'tasks', campaignId] as const;

/** The person's tasks with the households and rules: saved on the phone each time, read from it offline. */
export function useVisitTasks(campaignId: string | undefined, userId: string | undefined) {
  return useQuery({
    queryKey: tasksKey(campaignId),
    queryFn: async ({ signal }): Promise<TasksPayload> => {
      try {
        const payload = await api.get<TasksPayload>('/api/visits/tasks', { signal, query: { campaignId } });
        if (userId) await cacheTasks(userId, payload).catch(() => undefined);
        return payload;
      } catch (error) {
        const kept = offline(error) && userId && campaignId ? await cachedTasks(userId, campaignId) : null;
        if (kept) return kept;
        throw error;
      }
    },
    enabled: Boolean(campaignId && userId),
    retry: false,
    staleTime: 60_000,
  });
}

/** The sender of the outbox. A lost session is the queue's to report, not a jump to the login page. */
export function sendVisit(form: unknown): Promise<SubmitAnswer> {
  return api.post<SubmitAnswer>('/api/visits', form, { redirectOnAuthFailure: false });
}

export interface VisitListItem {
  id: string;
  householdId: string;
  campaignId: string;
  visitorId: string;
  visitorName: string;
  formType: 'registered' | 'marginal_key';
  visitedAt: string;
  receivedAt: string;
  plausibility: unknown;
  computed: unknown;
}

export function useHouseholdVisits(householdId: string | undefined) {
  return useQuery({
    queryKey: ['visits', 'household', householdId],
    queryFn: ({ signal }) => api.get<{ items: VisitListItem[] }>('/api/visits', { signal, query: { householdId } }),
    select: (d) => d.items,
    enabled: Boolean(householdId),
  });
}

export interface VisitRecord extends VisitListItem {
  form: unknown;
  household: Household;
}

export function useVisitRecord(id: string) {
  return useQuery({
    queryKey: ['visits', 'one', id],
    queryFn: ({ signal }) => api.get<VisitRecord>(`/api/visits/${id}`, { signal }),
  });
}

export interface Discrepancy {
  id: string;
  householdId: string;
  headName: string;
  householdNumber: string | null;
  villageId: string;
  memberId: string | null;
  memberName: string | null;
  kind: 'field' | 'member_status' | 'member_new';
  field: string | null;
  registryValue: unknown;
  observedValue: unknown;
  currentValue: unknown;
  conflict: boolean;
  status: 'pending' | 'accepted' | 'rejected';
  visitorName: string;
  visitedAt: string;
  decisionNote: string | null;
}

const discrepanciesKey = ['visits', 'discrepancies'] as const;

export function useDiscrepancies(villageId: string | null) {
  return useQuery({
    queryKey: [...discrepanciesKey, villageId],
    queryFn: ({ signal }) =>
      api.get<{ items: Discrepancy[] }>('/api/discrepancies', { signal, query: { villageId, status: 'pending', limit: 500 } }),
    select: (d) => d.items,
    enabled: villageId !== null,
  });
}

export function useDecideDiscrepancy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; decision: 'accept' | 'reject'; note: string | null; confirmConflict: boolean }) =>
      api.post<{ id: string; status: string; conflict: boolean }>(`/api/discrepancies/${id}/decide`, body),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: discrepanciesKey });
      void client.invalidateQueries({ queryKey: ['households'] });
    },
  });
}

export type SummaryStatus = 'not_started' | 'in_progress' | 'submitted' | 'late';

export interface SummaryState {
  villageId: string;
  villageName: string;
  status: SummaryStatus;
  deadline: string;
  live: VisitSummary;
  submitted: VisitSummary | null;
  submittedAt: string | null;
  reopenedAt: string | null;
  reopenReason: string | null;
}

const summaryKey = ['visits', 'summary'] as const;

export function useVillageSummary(campaignId: string | undefined, villageId: string | null) {
  return useQuery({
    queryKey: [...summaryKey, campaignId, villageId],
    queryFn: ({ signal }) => api.get<SummaryState>('/api/visits/summary', { signal, query: { campaignId, villageId } }),
    enabled: Boolean(campaignId && villageId),
  });
}

export function useSummaryAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: { action: 'submit' | 'reopen'; campaignId: string; villageId: string; reason?: string }) =>
      api.post<SummaryState>(`/api/visits/summary/${action}`, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: summaryKey });
      void client.invalidateQueries({ queryKey: overviewKey });
    },
  });
}

export interface CadreProgress {
  userId: string;
  name: string;
  paired: number;
  visited: number;
  late: number;
  missing: number;
}

export interface Overview {
  villages: SummaryState[];
  cadres: CadreProgress[];
  total: VisitSummary | null;
  visitPhase: { start: string; end: string };
}

const overviewKey = ['visits', 'overview'] as const;

export function useOverview(campaignId: string | undefined) {
  return useQuery({
    queryKey: [...overviewKey, campaignId],
    queryFn: ({ signal }) => api.get<Overview>('/api/visits/overview', { signal, query: { campaignId } }),
    enabled: Boolean(campaignId),
  });
}

/** The address of an Excel download (the browser saves it; the session cookie goes along). */
export function xlsxHref(path: '/api/visits/summary.xlsx' | '/api/visits/overview.xlsx', query: Record<string, string>): string {
  return `${path}?${new URLSearchParams(query).toString()}`;
}
