/**
 * Rule sets of a township: GET /api/rules/sets (versions), one set, the active set of a unit's
 * township, the default set of a year; drafts (POST, PUT, DELETE), the impact preview, and the
 * activation job polled on GET /api/jobs/:id.
 */
import type { RuleSetDefinition } from '@fupin/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../api/client';
import type { Job, Preview, RuleSetVersion } from './model';

const rulesKey = ['rules'] as const;
const listKey = (townshipId: string) => ['rules', 'sets', townshipId] as const;
const oneKey = (id: string) => ['rules', 'one', id] as const;
const jobKey = (id: string) => ['rules', 'job', id] as const;

/** Every version of a township's rules, newest first (null township: not asked). */
export function useRuleSets(townshipId: string | null) {
  return useQuery({
    queryKey: listKey(townshipId ?? ''),
    queryFn: ({ signal }) => api.get<{ items: RuleSetVersion[] }>('/api/rules/sets', { signal, query: { townshipId } }),
    select: (data) => data.items,
    enabled: townshipId !== null,
  });
}

export function useRuleSet(id: string) {
  return useQuery({
    queryKey: oneKey(id),
    queryFn: ({ signal }) => api.get<RuleSetVersion>(`/api/rules/sets/${id}`, { signal }),
    // A version being activated changes on its own: look again until it is done.
    refetchInterval: (query) => (query.state.data?.status === 'activating' ? 3000 : false),
  });
}

/**
 * The active rule set of the township a unit is in: the names of the flags in the registry, and
 * the rules page of readers who cannot list the versions (village staff, cadres). Kept for five
 * minutes: it changes only when a new version is activated, which refreshes it.
 */
export function useActiveRuleSet(unitId: string | null, enabled = true) {
  return useQuery({
    queryKey: ['rules', 'active', unitId ?? ''],
    queryFn: ({ signal }) => api.get<RuleSetVersion>('/api/rules/active', { signal, query: { unitId } }),
    enabled: enabled && unitId !== null,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The default rules of DOMAIN §3 for a year, fetched when someone asks for a draft from them. */
export function fetchDefaultRuleSet(year: number): Promise<RuleSetDefinition> {
  return api.get<{ definition: RuleSetDefinition }>('/api/rules/default', { query: { year } }).then((d) => d.definition);
}

export function useCreateRuleSet() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; townshipId: string; definition: RuleSetDefinition; note: string | null }) =>
      api.post<RuleSetVersion>('/api/rules/sets', input),
    onSuccess: (set) => {
      client.setQueryData(oneKey(set.id), set);
      void client.invalidateQueries({ queryKey: listKey(set.townshipId) });
    },
  });
}

export function useUpdateRuleSet() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, definition, note }: { id: string; definition: RuleSetDefinition; note: string | null }) =>
      request<RuleSetVersion>('PUT', `/api/rules/sets/${id}`, { body: { definition, note } }),
    onSuccess: (set) => {
      client.setQueryData(oneKey(set.id), set);
      void client.invalidateQueries({ queryKey: listKey(set.townshipId) });
    },
  });
}

export function useDeleteRuleSet() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (set: RuleSetVersion) => api.delete(`/api/rules/sets/${set.id}`),
    onSuccess: (_data, set) => {
      client.removeQueries({ queryKey: oneKey(set.id) });
      void client.invalidateQueries({ queryKey: listKey(set.townshipId) });
    },
  });
}

export function usePreview() {
  return useMutation({
    mutationFn: (id: string) => api.post<Preview>(`/api/rules/sets/${id}/preview`),
  });
}

export function useActivate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (set: RuleSetVersion) => api.post<Job>(`/api/rules/sets/${set.id}/activate`),
    onSuccess: (job, set) => {
      client.setQueryData(jobKey(job.id), job);
      client.setQueryData<RuleSetVersion>(oneKey(set.id), (old) => (old ? { ...old, status: 'activating' } : old));
      void client.invalidateQueries({ queryKey: listKey(set.townshipId) });
    },
  });
}

/** An activation job, asked after every second while it runs; when it ends, everything flags touch is refreshed. */
export function useJob(id: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: jobKey(id ?? ''),
    queryFn: async ({ signal }) => {
      const job = await api.get<Job>(`/api/jobs/${id}`, { signal });
      if (job.status !== 'running') {
        void client.invalidateQueries({ queryKey: rulesKey, predicate: (q) => q.queryKey[1] !== 'job' });
        void client.invalidateQueries({ queryKey: ['households'] });
      }
      return job;
    },
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1000 : false),
  });
}
