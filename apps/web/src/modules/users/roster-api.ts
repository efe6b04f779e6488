/**
 * 帮扶干部花名册: a township's assistance cadres from Excel in one go, all or nothing.
 * GET /api/users/roster-template.xlsx?townshipId= (the template), GET /api/users/roster.xlsx?townshipId=
 * (the township's cadres as a roster) and
 * POST /api/users/roster?townshipId= (multipart: `password`, then `file`).
 *
 * The upload uses fetch itself, as the registry's uploads do (the shared client speaks JSON
 * only), because a refused roster carries every error line beside the usual error fields.
 */
import type { RosterResult } from '@fupin/domain/schemas/users';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, type FieldIssue } from '../../api/client';
import { currentLang, i18n } from '../../i18n';
import { urlWithQuery } from '../registry/file-url';
import { downloadFile } from '../registry/files';

export type { RosterResult };

/** The roster had errors and nothing was written; `lines` names each (sheet, row, column, what). */
export class RosterHasErrors extends ApiError {
  readonly lines: string[];

  constructor(status: number, message: string, lines: string[], requestId: string | null) {
    super(status, 'ROSTER_HAS_ERRORS', message, [], requestId);
    this.name = 'RosterHasErrors';
    this.lines = lines;
  }
}

/** Every new account's password is hashed on the server: a long roster takes a while. */
const ROSTER_TIMEOUT_MS = 5 * 60_000;

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: FieldIssue[]; errors?: unknown; requestId?: string };
}

async function refusalOf(res: Response): Promise<ApiError> {
  let body: ErrorBody | null = null;
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    body = null;
  }
  const e = body?.error;
  if (!e?.code) return new ApiError(res.status, 'BAD_RESPONSE', i18n.t('common.unexpected'));
  if (e.code === 'ROSTER_HAS_ERRORS') {
    const lines = Array.isArray(e.errors) ? e.errors.map(String) : [];
    return new RosterHasErrors(res.status, e.message ?? e.code, lines, e.requestId ?? null);
  }
  return new ApiError(res.status, e.code, e.message ?? e.code, e.fields ?? [], e.requestId ?? null);
}

export async function uploadRoster(townshipId: string, password: string, file: File): Promise<RosterResult> {
  const form = new FormData();
  // The server reads the password before it streams the file: it must come first.
  form.append('password', password);
  form.append('file', file, file.name);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ROSTER_TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(urlWithQuery('/api/users/roster', { townshipId }), {
      method: 'POST',
      headers: { 'x-fupin-lang': currentLang() },
      credentials: 'same-origin',
      body: form,
      signal: controller.signal,
    });
  } catch {
    const timedOut = controller.signal.aborted;
    throw new ApiError(0, timedOut ? 'TIMEOUT' : 'NETWORK', i18n.t(timedOut ? 'common.timeout' : 'common.networkError'));
  } finally {
    clearTimeout(timer);
  }
  if (!res.ok) {
    const error = await refusalOf(res);
    // A lost session: a JSON request through the shared client sends the person to log in.
    if (error.code === 'UNAUTHENTICATED' || error.code === 'PASSWORD_CHANGE_REQUIRED')
      void api.get('/api/me').catch(() => undefined);
    throw error;
  }
  return (await res.json()) as RosterResult;
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
      uploadRoster(townshipId, password, file),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['users'] });
      // New 派出单位, and the cadre counts of the old ones.
      void client.invalidateQueries({ queryKey: ['work-units'] });
      // Pairings show on households and in their lists.
      void client.invalidateQueries({ queryKey: ['households'] });
    },
  });
}
