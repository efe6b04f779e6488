/**
 * The one way the web app talks to the server: same-origin fetch with JSON, the UI language in
 * `x-fupin-lang`, and every non-2xx answer turned into an ApiError carrying the server's code,
 * its already-translated message and the per-field messages of a refused form.
 */
import { currentLang, i18n } from '../i18n';

export interface FieldIssue {
  /** dotted path of the field, e.g. `username` or `members.2.name` */
  path: string;
  message: string;
}

/** Codes of failures that never reached the server's error handler. */
export type ClientErrorCode = 'NETWORK' | 'TIMEOUT' | 'BAD_RESPONSE';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldIssue[];
  readonly requestId: string | null;
  /** every problem of a refused file, one line each (a roster's rows and columns) */
  readonly lines: string[];

  constructor(
    status: number,
    code: string,
    message: string,
    fields: FieldIssue[] = [],
    requestId: string | null = null,
    lines: string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.requestId = requestId;
    this.lines = lines;
  }

  /** Whether trying again later may succeed (no connection, timeout, server trouble). */
  get transient(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 429;
  }
}

export type AuthFailure = 'unauthenticated' | 'password_change_required';
let authFailureHandler: ((failure: AuthFailure) => void) | null = null;

/** Registers what happens when the session is gone or the password must be changed first. */
export function onAuthFailure(handler: (failure: AuthFailure) => void): void {
  authFailureHandler = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /** false for requests whose caller handles a 401 itself (the login page, the session probe) */
  redirectOnAuthFailure?: boolean;
}

/** Requests on a weak village signal get this long before the app says the network is slow. */
const TIMEOUT_MS = 30_000;

function urlOf(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: FieldIssue[]; requestId?: string; errors?: unknown };
}

/** A non-2xx answer as an ApiError: the server's code, message, fields and error lines, or BAD_RESPONSE. */
export async function apiErrorOf(res: Response): Promise<ApiError> {
  let body: ErrorBody | null = null;
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    body = null;
  }
  const e = body?.error;
  if (!e?.code) return new ApiError(res.status, 'BAD_RESPONSE', i18n.t('common.unexpected'));
  const lines = Array.isArray(e.errors) ? e.errors.map(String) : [];
  return new ApiError(res.status, e.code, e.message ?? e.code, e.fields ?? [], e.requestId ?? null, lines);
}

/** Sends one request; resolves with the parsed JSON (undefined for 204) or throws ApiError. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-fupin-lang': currentLang() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  // One controller for both the caller's cancel and the timeout (older phone browsers lack
  // AbortSignal.any and AbortSignal.timeout).
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, TIMEOUT_MS);
  const cancel = () => controller.abort();
  options.signal?.addEventListener('abort', cancel);
  let res: Response;
  try {
    res = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: controller.signal,
    });
  } catch (err) {
    // A query cancelled by React Query is not a failure to report.
    if (options.signal?.aborted) throw err;
    if (timedOut) throw new ApiError(0, 'TIMEOUT', i18n.t('common.timeout'));
    throw new ApiError(0, 'NETWORK', i18n.t('common.networkError'));
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
  if (!res.ok) {
    const error = await apiErrorOf(res);
    if (options.redirectOnAuthFailure !== false) {
      if (error.code === 'UNAUTHENTICATED') authFailureHandler?.('unauthenticated');
      else if (error.code === 'PASSWORD_CHANGE_REQUIRED') authFailureHandler?.('password_change_required');
    }
    throw error;
  }
  if (res.status === 204) return undefined as T;
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError(res.status, 'BAD_RESPONSE', i18n.t('common.unexpected'));
  }
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};

/** A fresh id for a create request: made once when a form opens, reused by every retry of it. */
export function newId(): string {
  return crypto.randomUUID();
}
