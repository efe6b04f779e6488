/**
 * The problem ledger (问题台账, 附件6): lists, one problem with its history, evidence and the
 * actions the reader may take, the writes on it, the meeting's matrix and the overdue lists.
 */
import type { ProblemAction, ProblemStatus } from '@fupin/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';
import { uploadFile } from '../registry/files';

export interface Problem {
  id: string;
  townshipId: string;
  source: string;
  category: string;
  villageId: string | null;
  householdId: string | null;
  siteId: string | null;
  description: string;
  measures: string | null;
  level: 'village' | 'township';
  responsibleUnitId: string | null;
  responsibleUserId: string | null;
  deadline: string | null;
  status: ProblemStatus;
  overdue: boolean;
  createdAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  closedAt: string | null;
  closedBy: string | null;
  escalatedAt: string | null;
  reopenedCount: number;
  version: number;
  villageName: string | null;
  headName: string | null;
  householdNumber: string | null;
  responsibleUnitName: string | null;
  responsibleUserName: string | null;
}

export interface ProblemEvent {
  at: string;
  actorName: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
}

export interface Evidence {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  uploadedAt: string;
  uploadedBy: string;
}

export interface ProblemDetail {
  problem: Problem;
  events: ProblemEvent[];
  evidence: Evidence[];
  actions: ProblemAction[];
  canManage: boolean;
  canRectify: boolean;
}

export interface MatrixCell {
  villageId: string | null;
  category: string;
  open: number;
  closed: number;
  overdue: number;
}

export interface Matrix {
  villages: { id: string; name: string }[];
  categories: { code: string; zh: string; en: string }[];
  cells: MatrixCell[];
}

export interface OverdueLists {
  byPerson: { userId: string | null; name: string | null; overdue: number; oldestDeadline: string }[];
  byUnit: { unitId: string | null; name: string | null; overdue: number; escalated: number; oldestDeadline: string }[];
}

export type ProblemQuery = Query & { limit: number; offset: number };

const listKey = ['problems', 'list'] as const;
const oneKey = (id: string) => ['problems', 'one', id] as const;

export function evidenceUrl(problemId: string, evidenceId: string): string {
  return `/api/problems/${problemId}/evidence/${evidenceId}`;
}

export function useProblemList(query: ProblemQuery, enabled = true) {
  return useQuery({
    queryKey: [...listKey, query],
    queryFn: ({ signal }) => api.get<{ items: Problem[]; total: number }>('/api/problems', { signal, query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProblem(id: string) {
  return useQuery({
    queryKey: oneKey(id),
    queryFn: ({ signal }) => api.get<ProblemDetail>(`/api/problems/${id}`, { signal }),
  });
}

/** After a write that answers with the problem: show it at once; lists, orders and summaries follow. */
export function useStoreProblem() {
  const client = useQueryClient();
  return (d: ProblemDetail) => {
    client.setQueryData(oneKey(d.problem.id), d);
    void client.invalidateQueries({ queryKey: listKey });
    void client.invalidateQueries({ queryKey: ['problems', 'matrix'] });
    void client.invalidateQueries({ queryKey: ['problems', 'overdue'] });
    void client.invalidateQueries({ queryKey: ['orders'] });
    void client.invalidateQueries({ queryKey: ['inspections'] });
  };
}

export function useTransition() {
  const store = useStoreProblem();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      action: ProblemAction;
      note?: string | null;
      measures?: string | null;
      version?: number;
    }) => api.post<ProblemDetail>(`/api/problems/${id}/transition`, body),
    onSuccess: store,
  });
}

export interface AssignInput {
  responsibleUnitId?: string;
  responsibleUserId?: string | null;
  deadline?: string | null;
  measures?: string | null;
}

export function useAssign() {
  const store = useStoreProblem();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: AssignInput }) =>
      api.post<ProblemDetail>(`/api/problems/${id}/assign`, input),
    onSuccess: store,
  });
}

export function useEscalate() {
  const store = useStoreProblem();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post<ProblemDetail>(`/api/problems/${id}/escalate`, { reason }),
    onSuccess: store,
  });
}

export function useUploadEvidence() {
  const store = useStoreProblem();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => uploadFile<ProblemDetail>(`/api/problems/${id}/evidence`, {}, file),
    onSuccess: store,
  });
}

export interface NewProblem {
  id: string;
  unitId: string;
  campaignId: string | null;
  householdId: string | null;
  source: string;
  category: string;
  description: string;
  level?: 'village' | 'township';
  deadline: string | null;
}

export function useRecordProblem() {
  const store = useStoreProblem();
  return useMutation({
    mutationFn: (input: NewProblem) => api.post<ProblemDetail>('/api/problems', input),
    onSuccess: store,
  });
}

export function useMatrix(townshipId: string | null, campaignId: string | null) {
  return useQuery({
    queryKey: ['problems', 'matrix', townshipId, campaignId],
    queryFn: ({ signal }) =>
      api.get<Matrix>('/api/problems/matrix', { signal, query: { townshipId, campaignId: campaignId ?? undefined } }),
    enabled: townshipId !== null,
  });
}

export function useOverdue(townshipId: string | null) {
  return useQuery({
    queryKey: ['problems', 'overdue', townshipId],
    queryFn: ({ signal }) => api.get<OverdueLists>('/api/problems/overdue', { signal, query: { townshipId } }),
    enabled: townshipId !== null,
  });
}

export function useOverdueCheck() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (townshipId: string) =>
      api.post<{ escalated: number; markedProblems: number; markedOrders: number }>('/api/problems/overdue-check', {
        townshipId,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['problems'] });
      void client.invalidateQueries({ queryKey: ['orders'] });
    },
  });
}
