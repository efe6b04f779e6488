/**
 * 帮扶干部花名册: a township's assistance cadres from Excel in one go, all or nothing.
 * GET /api/users/roster-template.xlsx?townshipId= (the template), GET /api/users/roster.xlsx?townshipId=
 * (the township's cadres as a roster) and
 * POST /api/users/roster?townshipId= (multipart: `password`, then `file`).
 * A refused roster (ROSTER_HAS_ERRORS) carries every error line in its ApiError's `lines`.
 */
import type { RosterResult } from '@fupin/domain/schemas/users';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { downloadFile, uploadFile } from '../registry/files';

export type { RosterResult };

/** A roster refused for its errors (nothing written), whose `lines` name each row and column. */
export function isRosterRefusal(err: unknown): err is ApiError {
  return err instanceof ApiError && err.code === 'ROSTER_HAS_ERRORS';
}

/** The empty template, or the township's cadres as they stand (to edit and import back). */
export function downloadRoster(townshipId: string, which: 'template' | 'current'): Promise<void> {
  return which === 'template'
    ? downloadFile('/api/users/roster-template.xlsx', { townshipId }, 'roster-template.xlsx')
    : downloadFile('/api/users/roster.xlsx', { townshipId }, 'roster.xlsx');
}

export function useImportRoster() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ townshipId, password, file }: { townshipId: string; password: string; file: File }) =>
      uploadFile<RosterResult>('/api/users/roster', { townshipId }, file, { password }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['users'] });
      // New 派出单位, and the cadre counts of the old ones.
      void client.invalidateQueries({ queryKey: ['work-units'] });
      // Pairings show on households and in their lists.
      void client.invalidateQueries({ queryKey: ['households'] });
    },
  });
}
