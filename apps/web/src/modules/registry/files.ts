/**
 * Files to and from the server: the Excel downloads (template, export, plans) and the upload of
 * a filled template. The shared client speaks JSON only, so these two use fetch themselves and
 * turn refusals into the same ApiError, with the server's translated message.
 */
import { ApiError, api, apiErrorOf, type Query } from '../../api/client';
import { currentLang, i18n } from '../../i18n';
import { fileNameOf, urlWithQuery } from './file-url';

/** Exports of a whole township take a while on a village line: far longer than a JSON request. */
const FILE_TIMEOUT_MS = 5 * 60_000;

async function send(method: string, url: string, body?: FormData): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FILE_TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { 'x-fupin-lang': currentLang() },
      credentials: 'same-origin',
      body: body ?? null,
      signal: controller.signal,
    });
  } catch {
    throw new ApiError(
      0,
      controller.signal.aborted ? 'TIMEOUT' : 'NETWORK',
      i18n.t(controller.signal.aborted ? 'common.timeout' : 'common.networkError'),
    );
  } finally {
    clearTimeout(timer);
  }
  if (res.ok) return res;
  const error = await apiErrorOf(res);
  // A lost session: a JSON request through the shared client sends the person to log in.
  if (error.code === 'UNAUTHENTICATED' || error.code === 'PASSWORD_CHANGE_REQUIRED')
    void api.get('/api/me').catch(() => undefined);
  throw error;
}

/** Downloads a file and hands it to the browser under the server's name. */
export async function downloadFile(path: string, query: Query = {}, fallbackName = 'download.xlsx'): Promise<void> {
  const res = await send('GET', urlWithQuery(path, query));
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileNameOf(res.headers.get('content-disposition')) ?? fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start saving before the blob goes.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** Uploads one file as multipart field `file`, after the given text fields; resolves with the JSON answer. */
export async function uploadFile<T>(path: string, query: Query, file: File, fields: Record<string, string> = {}): Promise<T> {
  const form = new FormData();
  // The server reads text fields with the file, so they come before it.
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file, file.name);
  const res = await send('POST', urlWithQuery(path, query), form);
  return (await res.json()) as T;
}
