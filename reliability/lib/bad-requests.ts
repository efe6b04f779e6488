/**
 * The 200 bad requests of one write route, in five kinds:
 *   schema — the valid body with one field broken against the route's own schema, a required
 *            field missing, or the whole body not an object (must be refused: 4xx);
 *   odd    — values the schema allows but the data should not (ids of another county, NUL,
 *            unicode tricks, numbers at a column's edge): refused or accepted, never a 5xx;
 *   raw    — a body that is not JSON at all, prototype-pollution keys, nesting 100,000 deep,
 *            a wrong content type, an empty or oversize body (4xx);
 *   param  — junk, unknown or foreign ids in the path or query (4xx);
 *   file   — uploads that are not what the route takes (4xx).
 */
import fc from 'fast-check';
import type { Req } from './calls';
import { invalidFor, junk, oddFor, type Schema, type Strangers, setAt, sitesOf } from './payloads';
import { type ApiRoute, fillUrl, paramsOf } from './routes';
import { multipartBody, type Raw } from './send';
import type { Area } from './world';

export type Kind = 'schema' | 'odd' | 'raw' | 'param' | 'file';
export interface BadRequest extends Raw {
  kind: Kind;
  /** what was wrong, for the failure message */
  what: string;
}

export const PER_ROUTE = 200;

const NOT_JSON = fc.oneof(
  fc.constantFrom(
    '{',
    '{"a":',
    "{'a':1}",
    '{"a":1,}',
    'undefined',
    'NaN',
    '\ufeff{}',
    '{"a":01}',
    '[1,2',
    '"open',
    '{"a":"\\x"}',
  ),
  fc.string({ minLength: 1, maxLength: 40 }).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
);

function deep(depth: number, open: string, close: string, inner = '1'): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

/** Raw bodies that no JSON route can take. */
function rawBodies(validText: string, hasBody: boolean): fc.Arbitrary<{ payload: string; type: string; what: string }> {
  const json = 'application/json';
  // JSON.parse reads 1e999 as Infinity: put it where the body has a number.
  const infinite = validText.replace(/:(-?\d+(?:\.\d+)?)([,}\]])/, ':1e999$2');
  const merged = (prefix: string) =>
    validText.startsWith('{') && validText !== '{}' ? `{${prefix},${validText.slice(1)}` : `{${prefix}}`;
  const unreadable = [
    NOT_JSON.filter((p) => !p.startsWith('\ufeff')).map((payload) => ({
      payload,
      type: json,
      what: `not JSON: ${payload.slice(0, 30)}`,
    })),
    fc.constantFrom(
      { payload: merged('"__proto__":{"polluted":"yes"}'), type: json, what: '__proto__ key' },
      { payload: merged('"constructor":{"prototype":{"polluted":"yes"}}'), type: json, what: 'constructor.prototype key' },
      { payload: '', type: json, what: 'empty body' },
      { payload: `{"x":"${'扶'.repeat(800_000)}"}`, type: json, what: '2.4 MB body' },
      { payload: validText, type: 'application/xml', what: 'XML content type' },
      { payload: validText, type: 'application/x-www-form-urlencoded', what: 'form content type' },
      { payload: validText, type: 'text/csv', what: 'CSV content type' },
    ),
  ];
  // Well-formed JSON that no body schema takes; a route that reads no body ignores it, rightly.
  if (!hasBody) return fc.oneof(...unreadable);
  return fc.oneof(
    ...unreadable,
    fc.constantFrom(
      { payload: deep(100_000, '[', ']'), type: json, what: 'arrays 100,000 deep' },
      { payload: deepField(validText), type: json, what: 'a field nesting 5,000 deep' },
      { payload: validText, type: 'text/plain', what: 'text/plain body' },
    ),
    ...(infinite === validText ? [] : [fc.constant({ payload: infinite, type: json, what: 'a number 1e999 (Infinity)' })]),
  );
}

/** The valid body with its first field replaced by objects nested 5,000 deep. */
function deepField(validText: string): string {
  const first = /^\{"([^"]+)":/.exec(validText)?.[1] ?? 'a';
  return `{"${first}":${deep(5_000, '{"a":', '}')}}`;
}

/** Junk where an id goes in the path: unknown, foreign, malformed. */
function junkIds(strangers: Strangers, schema: Schema | undefined): fc.Arbitrary<string> {
  const malformed = schema ? (invalidFor({ ...schema, type: 'string' }, '') as fc.Arbitrary<unknown>) : fc.string();
  return fc.oneof(
    fc.constantFrom(...strangers.ids),
    fc.uuid({ version: 4 }),
    malformed.filter((x): x is string => typeof x === 'string' && x.length > 0 && x.length < 3000),
    fc.constantFrom('..', '%2e%2e', ' ', 'x'.repeat(2000), "1' or '1'='1", '１２３', 'null', 'undefined'),
  );
}

export interface RouteInput {
  route: ApiRoute;
  area: Area;
  req: Req;
  /** the JSON schema of the body, from the app's OpenAPI document */
  body?: Schema;
  /** the schemas of path and query parameters */
  params: Record<string, Schema>;
  strangers: Strangers;
  /** the file types a multipart route accepts, by their first bytes (never generated) */
  magic?: Buffer[];
}

/** The bad requests of a route, reproducibly (the seed is the route's key). */
export function badRequests(input: RouteInput): BadRequest[] {
  const { route, area, req, body, strangers } = input;
  const seed = [...route.key].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 7);
  const url = fillUrl(route.url, area, req.over);
  const json = { 'content-type': 'application/json' };
  const names = [...paramsOf(route.url), ...(route.url === '/api/registry/imports' ? ['unitId'] : [])];
  const validText = req.body === undefined ? '{}' : JSON.stringify(req.body);
  const out: BadRequest[] = [];
  const take = <T>(arb: fc.Arbitrary<T>, n: number, offset: number) =>
    n > 0 ? fc.sample(arb, { numRuns: n, seed: seed + offset }) : [];

  let params = names.length ? 30 : 0;
  let raws = 30;
  let odd = 0;
  let schema = 0;
  let files = 0;
  if (req.multipart) {
    files = 100;
    params = names.length ? 40 : 0;
    raws = PER_ROUTE - files - params;
  } else if (body && req.body !== undefined) {
    odd = 40;
    schema = PER_ROUTE - odd - raws - params;
  } else {
    params = names.length ? 120 : 0;
    raws = PER_ROUTE - params;
  }

  if (schema && body) {
    const sites = sitesOf(body, req.body);
    const required = sites.filter((s) => s.required && s.path.length > 0);
    const mutation = fc.oneof(
      {
        weight: 8,
        arbitrary: fc.constantFrom(...sites).chain((s) => invalidFor(s.schema, s.value).map((v) => ({ s, v, remove: false }))),
      },
      ...(required.length
        ? [{ weight: 1, arbitrary: fc.constantFrom(...required).map((s) => ({ s, v: undefined as unknown, remove: true })) }]
        : []),
      {
        weight: 1,
        arbitrary: junk
          .filter((j) => typeof j !== 'object' || j === null || Array.isArray(j))
          .map((v) => ({ s: sites[0] as (typeof sites)[number], v, remove: false })),
      },
    );
    for (const m of take(mutation, schema, 1)) {
      const next = setAt(req.body, m.s.path, m.v, m.remove);
      const what = `${m.remove ? 'missing' : 'bad'} ${m.s.path.join('.') || 'body'} = ${JSON.stringify(m.v)?.slice(0, 60)}`;
      out.push({ kind: 'schema', what, url, method: route.method, payload: JSON.stringify(next ?? null), headers: json });
    }
  }
  if (odd && body) {
    const sites = sitesOf(body, req.body).filter((s) => s.path.length > 0);
    const candidates = sites.flatMap((s) => {
      // A new entity's own id takes no stranger's: it would make the stranger's id exist here.
      const arb = oddFor(s.schema, s.value, s.path[s.path.length - 1] === 'id' ? { ids: [] } : strangers);
      return arb ? [arb.map((v) => ({ s, v }))] : [];
    });
    if (candidates.length)
      for (const m of take(fc.oneof(...candidates), odd, 2)) {
        const payload = JSON.stringify(setAt(req.body, m.s.path, m.v));
        out.push({
          kind: 'odd',
          what: `${m.s.path.join('.')} = ${JSON.stringify(m.v)?.slice(0, 60)}`,
          url,
          method: route.method,
          payload,
          headers: json,
        });
      }
  }
  for (const r of take(rawBodies(validText, req.body !== undefined || !!req.multipart), raws, 3))
    out.push({ kind: 'raw', what: r.what, url, method: route.method, payload: r.payload, headers: { 'content-type': r.type } });
  if (params) {
    const arb = fc.constantFrom(...names).chain((name) => junkIds(strangers, input.params[name]).map((v) => ({ name, v })));
    for (const p of take(arb, params, 4)) {
      const bad =
        p.name === 'unitId' && route.url === '/api/registry/imports'
          ? `${route.url}?unitId=${encodeURIComponent(p.v)}`
          : fillUrl(route.url, area, req.over, { [p.name]: p.v });
      const body = req.multipart ? multipartBody(req.multipart) : null;
      out.push({
        kind: 'param',
        what: `:${p.name} = ${p.v.slice(0, 60)}`,
        url: bad,
        method: route.method,
        payload: body ? body.payload : req.body === undefined ? undefined : validText,
        headers: body ? { 'content-type': body.contentType } : req.body === undefined ? {} : json,
      } as BadRequest);
    }
  }
  if (files) out.push(...fileRequests(input, url, take, files));
  return out;
}

function fileRequests(
  input: RouteInput,
  url: string,
  take: <T>(arb: fc.Arbitrary<T>, n: number, offset: number) => T[],
  n: number,
): BadRequest[] {
  const magic = input.magic ?? [];
  const bytes = fc
    .uint8Array({ minLength: 0, maxLength: 3000 })
    .map((b) => Buffer.from(b))
    .filter((b) => !magic.some((m) => b.subarray(0, m.length).equals(m)));
  const filename = fc.oneof(
    fc.constantFrom('农户.xlsx', 'photo.jpg', '../../etc/passwd', 'a\u0000b.jpg', `${'长'.repeat(300)}.xlsx`, '', '.xlsx'),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
  );
  const type = fc.constantFrom('application/octet-stream', 'image/jpeg', 'text/html', 'application/x-msdownload', '');
  const upload = fc.record({ file: bytes, filename, contentType: type }).map((m) => {
    const { payload, contentType } = multipartBody(m);
    return { payload, contentType, what: `${m.file.length} junk bytes as ${JSON.stringify(m.filename).slice(0, 40)}` };
  });
  const boundary = '----x';
  const odd = fc.constantFrom(
    {
      payload: multipartBody({ file: Buffer.from('x'), filename: 'a', contentType: 'text/plain' }, 'notfile').payload,
      contentType: 'multipart/form-data; boundary=----mismatch',
      what: 'boundary mismatch',
    },
    {
      payload: Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`),
      contentType: `multipart/form-data; boundary=${boundary}`,
      what: 'a text field, no file',
    },
    {
      payload: Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nabc`),
      contentType: `multipart/form-data; boundary=${boundary}`,
      what: 'truncated multipart',
    },
    { payload: Buffer.from('{"file":"x"}'), contentType: 'application/json', what: 'JSON instead of a file' },
    { payload: Buffer.alloc(0), contentType: `multipart/form-data; boundary=${boundary}`, what: 'empty multipart' },
  );
  return take(fc.oneof({ weight: 4, arbitrary: upload }, { weight: 1, arbitrary: odd }), n, 5).map((r) => ({
    kind: 'file' as const,
    what: r.what,
    url,
    method: input.route.method,
    payload: r.payload,
    headers: { 'content-type': r.contentType },
  }));
}
