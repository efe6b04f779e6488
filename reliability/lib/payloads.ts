/**
 * Bad payloads, generated with fast-check from a route's own request schema (its OpenAPI form)
 * and its valid call: values of the wrong type, out of range, too long, off-pattern, missing
 * fields, nested junk; and values the schema allows but the data does not (ids of another
 * county, NUL and unicode trickery, numbers at the edge of what a column holds).
 */
import fc from 'fast-check';

export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
}

type Path = (string | number)[];
interface Site {
  path: Path;
  schema: Schema;
  value: unknown;
  required: boolean;
}

/** Every place in a valid body the schema describes: the body itself, each field, each first item. */
export function sitesOf(schema: Schema, value: unknown, path: Path = [], required = true): Site[] {
  const out: Site[] = [{ path, schema, value, required }];
  if (schema.properties && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, s] of Object.entries(schema.properties))
      out.push(...sitesOf(s, (value as Record<string, unknown>)[k], [...path, k], schema.required?.includes(k) ?? false));
  }
  if (schema.items && Array.isArray(value) && value.length > 0) out.push(...sitesOf(schema.items, value[0], [...path, 0], true));
  return out;
}

/** A copy of a value with the thing at `path` replaced (or deleted when `remove`). */
export function setAt(value: unknown, path: Path, next: unknown, remove = false): unknown {
  if (path.length === 0) return next;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove) delete node[last];
  else node[last] = next;
  return copy;
}

function typesOf(s: Schema): Set<string> {
  const out = new Set<string>();
  for (const branch of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) for (const t of typesOf(branch)) out.add(t);
  if (Array.isArray(s.type)) for (const t of s.type) out.add(t);
  else if (s.type) out.add(s.type);
  if (s.nullable) out.add('null');
  if (out.has('number')) out.add('integer');
  return out;
}

const ANY_TYPE: Record<string, fc.Arbitrary<unknown>> = {
  string: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('NaN', 'Infinity', '-1', '1e999', 'true', 'null', '[]')),
  integer: fc.oneof(fc.integer(), fc.constantFrom(-1, 0, Number.MAX_SAFE_INTEGER)),
  number: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Number.isInteger(x)),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxLength: 3 }),
  object: fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxKeys: 3 }),
};

/** Junk of any shape, for fields the schema leaves open (a rubric, a rule set) and for whole bodies. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.anything({ maxDepth: 4, withBoxedValues: false }),
);

const UNICODE = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 });

/** Values the schema refuses at this site (never arbitrarily valid: each is built to break a rule). */
export function invalidFor(s: Schema, valid: unknown): fc.Arbitrary<unknown> {
  const types = typesOf(s);
  if (types.size === 0 && !s.enum) return junk;
  const options: fc.Arbitrary<unknown>[] = [];
  const wrong = Object.keys(ANY_TYPE).filter(
    (t) => !types.has(t) && !(t === 'number' && types.has('integer') && types.has('number')),
  );
  if (wrong.length) options.push(fc.constantFrom(...wrong).chain((t) => ANY_TYPE[t] as fc.Arbitrary<unknown>));
  if (types.has('string')) {
    if (s.enum) options.push(fc.oneof(UNICODE, fc.string()).filter((x) => !s.enum?.includes(x)));
    if (s.minLength && s.minLength > 0) options.push(fc.constant(''));
    if (s.maxLength !== undefined) {
      const max = s.maxLength;
      options.push(fc.string({ minLength: max + 1, maxLength: max + 30 }));
      options.push(fc.constantFrom('扶'.repeat(max + 1), 'x'.repeat(Math.max(max + 1, 100_000))));
    }
    if (s.pattern) {
      const re = new RegExp(s.pattern);
      options.push(
        fc
          .oneof(
            UNICODE,
            fc.constantFrom("' OR 1=1 --", '../../etc/passwd', '%00', '2020-13-45', '00000000-0000-0000-0000-00000000000g'),
            fc.string({ maxLength: 40 }),
          )
          .filter((x) => !re.test(x)),
      );
    }
  }
  if (types.has('integer') && !types.has('number')) options.push(fc.constantFrom(1.5, -0.25, 1e-9));
  if ((types.has('integer') || types.has('number')) && s.minimum !== undefined)
    options.push(fc.constantFrom(s.minimum - 1, s.minimum - 1000, -Number.MAX_VALUE));
  if ((types.has('integer') || types.has('number')) && s.maximum !== undefined)
    options.push(fc.constantFrom(s.maximum + 1, s.maximum * 10 + 7, Number.MAX_VALUE));
  if (types.has('array') && Array.isArray(valid)) {
    const item = valid[0] ?? null;
    if (s.maxItems !== undefined) options.push(fc.constant(Array.from({ length: s.maxItems + 1 }, () => item)));
    if (s.minItems && s.minItems > 0) options.push(fc.constant([]));
    if (s.items && valid.length > 0) options.push(invalidFor(s.items, item).map((bad) => [bad, ...valid.slice(1)]));
  }
  const extra = s.additionalProperties;
  if (types.has('object') && typeof extra === 'object' && valid && typeof valid === 'object') {
    const [first] = Object.keys(valid);
    if (first)
      options.push(invalidFor(extra, (valid as Record<string, unknown>)[first]).map((bad) => ({ ...valid, [first]: bad })));
  }
  if (options.length === 0) return junk;
  return fc.oneof(...options);
}

/** Ids the world keeps outside everyone's reach, or nowhere at all. */
export interface Strangers {
  ids: string[];
}

/** Values the schema accepts that the data should not: the server may refuse them, never fail on them. */
export function oddFor(s: Schema, valid: unknown, strangers: Strangers): fc.Arbitrary<unknown> | null {
  const types = typesOf(s);
  const max = s.maxLength ?? 200;
  const min = s.minLength ?? 0;
  const fit = (x: string) => x.length >= min && x.length <= max;
  if (s.enum) return fc.constantFrom(...s.enum);
  if (types.has('string')) {
    if (s.format === 'uuid' || s.pattern?.includes('[0-9a-fA-F]{8}'))
      return fc.oneof(
        ...(strangers.ids.length ? [fc.constantFrom(...strangers.ids)] : []),
        fc.uuid({ version: 4 }),
        fc.constant('ffffffff-ffff-ffff-ffff-ffffffffffff'),
      );
    if (s.format === 'date') return fc.constantFrom('0001-01-01', '1900-02-28', '2020-02-29', '2999-12-31', '9999-12-31');
    if (s.format === 'date-time')
      return fc.constantFrom('1970-01-01T00:00:00.000Z', '2999-12-31T23:59:59.999Z', '2020-03-10T02:00:00+14:00');
    if (s.pattern) return null;
    return fc
      .oneof(
        fc.constantFrom(
          'a\u0000b',
          '\u0000',
          '\u202e倒序\u202c',
          '👨‍👩‍👧‍👦家',
          'Z̤̈ä̤l̤̈g̤̈ö̤',
          '<script>alert(1)</script>',
          "'; drop table households; --",
          '\ud800孤',
          '   ',
          '\n\t\r',
          '𠀀'.repeat(Math.floor(max / 2)),
          '扶'.repeat(max),
          'x'.repeat(max),
        ),
        fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 40) }),
      )
      .filter(fit);
  }
  if (types.has('integer') || types.has('number')) {
    const lo = s.minimum ?? -Number.MAX_SAFE_INTEGER;
    const hi = s.maximum ?? Number.MAX_SAFE_INTEGER;
    const edges = [lo, hi, 0, -1, 2_147_483_647, 2_147_483_648, 1e12, 99_999_999_999.99].filter((x) => x >= lo && x <= hi);
    const ints = types.has('number') ? [...edges, 0.1 + 0.2, 1e-7, 12345.678] : edges.map(Math.trunc);
    return fc.constantFrom(...ints.filter((x) => x >= lo && x <= hi));
  }
  if (types.has('boolean')) return fc.boolean();
  if (types.has('array') && Array.isArray(valid)) {
    const lo = s.minItems ?? 0;
    const hi = s.maxItems ?? 50;
    const opts = [[], valid, [...valid, ...valid], Array.from({ length: hi }, () => valid[0])].filter(
      (a) => a.length >= lo && a.length <= hi && (a.length === 0 || valid.length > 0),
    );
    return opts.length ? fc.constantFrom(...opts) : null;
  }
  return null;
}
