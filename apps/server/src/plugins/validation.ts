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

export const validatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: toValidationErrors(result.error) as unknown as Error };
  };
