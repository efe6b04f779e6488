/**
 * The request validator: zod, asked to report each failing input so a missing field says
 * 「必填」 and a mistyped one 「格式不正确」 (fastify-type-provider-zod's own compiler omits it).
 * Failures keep that library's shape, so its `hasZodFastifySchemaValidationErrors` recognises them.
 */
import type { FastifySchemaCompiler } from 'fastify';
import type { ZodError, ZodType } from 'zod';

// The marker fastify-type-provider-zod puts on its validation errors (a registered symbol).
const ZOD_VALIDATION_ERROR = Symbol.for('ZodFastifySchemaValidationError');

function toValidationErrors(error: ZodError) {
  return error.issues.map((issue) => {
    const { path, code, message, ...params } = issue;
    return {
      [ZOD_VALIDATION_ERROR]: true,
      keyword: code,
      instancePath: `/${path.join('/')}`,
      schemaPath: `#/${path.join('/')}/${code}`,
      message,
      params,
    };
  });
}

/**
 * Text PostgreSQL cannot store: the NUL character (refused in text and jsonb alike) and half of
 * a surrogate pair (an emoji cut in two, refused by jsonb). Left to the database they fail the
 * write with a 500; here they are a field error like any other.
 */
const UNSTORABLE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (s: string) => s.includes('\u0000') || UNSTORABLE.test(s);

interface Step {
  key: string | number;
  up: Step | null;
}

/** The path of the first unstorable string in a value (walked without recursion: input may nest deep). */
export function unstorablePath(value: unknown): (string | number)[] | null {
  const pathOf = (at: Step | null) => {
    const out: (string | number)[] = [];
    for (let s = at; s; s = s.up) out.unshift(s.key);
    return out;
  };
  const stack: [unknown, Step | null][] = [[value, null]];
  while (stack.length > 0) {
    const [v, at] = stack.pop() as [unknown, Step | null];
    if (typeof v === 'string') {
      if (unstorable(v)) return pathOf(at);
    } else if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) stack.push([item, { key: i, up: at }]);
    } else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (unstorable(k)) return pathOf({ key: k, up: at });
        stack.push([item, { key: k, up: at }]);
      }
    }
  }
  return null;
}

export const validatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (!result.success) return { error: toValidationErrors(result.error) as unknown as Error };
    const bad = unstorablePath(result.data);
    if (!bad) return { value: result.data };
    const issue = { [ZOD_VALIDATION_ERROR]: true, keyword: 'invalid_format', instancePath: `/${bad.join('/')}` };
    return { error: [{ ...issue, schemaPath: '#', message: 'unstorable text', params: { format: 'text' } }] as unknown as Error };
  };
