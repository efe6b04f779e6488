/** Sending a request of the tables through `inject`, as a person or as nobody. */
import type { LightMyRequestResponse } from 'fastify';
import type { Multipart, Req } from './calls';
import { type ApiRoute, fillUrl } from './routes';
import type { Area, World } from './world';

/** A multipart/form-data body with one file field. */
export function multipartBody(m: Multipart, field = 'file'): { payload: Buffer; contentType: string } {
  const boundary = `----fupinReliability${Math.random().toString(16).slice(2)}`;
  // Text fields come before the file, as a form sends them (the route reads them with the file).
  const texts = Object.entries(m.fields ?? {})
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('');
  const head = Buffer.from(
    `${texts}--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${encodeURIComponent(m.filename)}"\r\nContent-Type: ${m.contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, m.file, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface Raw {
  url: string;
  method: string;
  payload?: string | Buffer;
  headers?: Record<string, string>;
}

/** Sends a raw request as a person (cookie) or nobody. */
export async function sendRaw(w: World, cookie: string | null, raw: Raw): Promise<LightMyRequestResponse> {
  return w.app.inject({
    method: raw.method as 'GET',
    url: raw.url,
    headers: { ...(cookie ? { cookie } : {}), ...raw.headers },
    ...(raw.payload !== undefined ? { payload: raw.payload } : {}),
  });
}

/** The raw form of a table request aimed at an area. */
export function toRaw(route: ApiRoute, a: Area, req: Req): Raw {
  const url = fillUrl(route.url, a, req.over);
  if (req.multipart) {
    const { payload, contentType } = multipartBody(req.multipart);
    return { url, method: route.method, payload, headers: { 'content-type': contentType } };
  }
  if (req.body === undefined) return { url, method: route.method };
  return { url, method: route.method, payload: JSON.stringify(req.body), headers: { 'content-type': 'application/json' } };
}

/** Sends a table request as a person (by username) or nobody (null). */
export async function send(w: World, username: string | null, route: ApiRoute, a: Area, req: Req) {
  const cookie = username ? await w.cookie(username) : null;
  return sendRaw(w, cookie, toRaw(route, a, req));
}

/** The error of an answer, when it is one in the API's shape. */
export function errorOf(res: LightMyRequestResponse): { code: string; message: string } | null {
  try {
    const body = res.json() as { error?: { code?: unknown; message?: unknown } };
    if (typeof body?.error?.code === 'string' && typeof body.error.message === 'string')
      return { code: body.error.code, message: body.error.message };
  } catch {
    // not JSON
  }
  return null;
}
