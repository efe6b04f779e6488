/** Excel imports of the registry: upload, progress, errors, commit, recent imports. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { uploadFile } from './files';

export type ImportStatus = 'reading' | 'checked' | 'invalid' | 'failed' | 'committing' | 'committed';

export interface ImportCounts {
  householdRows: number;
  memberRows: number;
  householdsNew: number;
  householdsChanged: number;
  householdsUnchanged: number;
  membersNew: number;
  membersChanged: number;
  membersUnchanged: number;
}

export interface ImportJob {
  id: string;
  unitId: string;
  unitName: string;
  fileName: string;
  status: ImportStatus;
  rowsRead: number;
  errorCount: number;
  counts: ImportCounts | null;
  failure: string | null;
  createdBy: string;
  createdAt: string;
  committedAt: string | null;
}

export interface ImportError {
  sheet: string;
  row: number;
  column: string | null;
  header: string | null;
  message: string;
}

/** Whether the server is still working on an import (the page asks again every second). */
export function isBusy(status: ImportStatus | undefined): boolean {
  return status === 'reading' || status === 'committing';
}

const importsKey = ['registry', 'imports'] as const;
const oneKey = (id: string) => ['registry', 'imports', 'one', id] as const;

export function useImports(limit = 10) {
  return useQuery({
    queryKey: [...importsKey, 'list', limit],
    queryFn: ({ signal }) =>
      api.get<{ items: ImportJob[]; total: number }>('/api/registry/imports', { signal, query: { limit } }),
    placeholderData: keepPreviousData,
  });
}

/** One import, polled every second while it is being read. */
export function useImportJob(id: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: oneKey(id ?? ''),
    queryFn: async ({ signal }) => {
      const job = await api.get<ImportJob>(`/api/registry/imports/${id}`, { signal });
      // The recent list shows the same import: keep it in step once reading ends.
      if (!isBusy(job.status)) void client.invalidateQueries({ queryKey: [...importsKey, 'list'] });
      return job;
    },
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (query) => (isBusy(query.state.data?.status) ? 1000 : false),
  });
}

export function useImportErrors(id: string | null, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...oneKey(id ?? ''), 'errors', page, pageSize],
    queryFn: ({ signal }) =>
      api.get<{ items: ImportError[]; total: number }>(`/api/registry/imports/${id}/errors`, {
        signal,
        query: { limit: pageSize, offset: (page - 1) * pageSize },
      }),
    enabled: id !== null,
    placeholderData: keepPreviousData,
  });
}

export function useUploadImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, file }: { unitId: string; file: File }) =>
      uploadFile<ImportJob>('/api/registry/imports', { unitId }, file),
    onSuccess: (job) => {
      client.setQueryData(oneKey(job.id), job);
      void client.invalidateQueries({ queryKey: [...importsKey, 'list'] });
    },
  });
}

export function useCommitImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ImportJob>(`/api/registry/imports/${id}/commit`),
    onSuccess: (job) => {
      client.setQueryData(oneKey(job.id), job);
      void client.invalidateQueries({ queryKey: [...importsKey, 'list'] });
      // What the list and the pages showed is now out of date.
      void client.invalidateQueries({ queryKey: ['households'] });
    },
  });
}
