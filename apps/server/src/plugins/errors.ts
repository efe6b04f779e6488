/**
 * The one place where failures become HTTP answers. Domain errors map to a status by code;
 * validation failures list every field with a message naming it; anything unexpected is a 500
 * that shows an error id and no internals (the log keeps the details under the same id).
 */
import {
  DomainError,
  describeFieldError,
  type ErrorCode,
  type FieldError,
  issueToFieldErrors,
  type Lang,
  TERM_PREFIX,
  translate,
} from '@fupin/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { databaseErrorOf } from '../db/errors';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  IDEMPOTENCY_CONFLICT: 409,
  VERSION_CONFLICT: 409,
  UNIT_CODE_INVALID: 400,
  UNIT_CODE_TAKEN: 409,
  UNIT_PARENT_INVALID: 400,
  UNIT_HAS_CHILDREN: 409,
  UNIT_IN_USE: 409,
  USERNAME_TAKEN: 409,
  PASSWORD_WEAK: 400,
  PASSWORD_WRONG: 400,
  ROLE_NOT_ASSIGNABLE: 400,
  ROLE_SECTOR_REQUIRED: 400,
  ROLE_OUTSIDE_SCOPE: 403,
  SELF_LOCKOUT: 409,
  MEMBER_ID_TAKEN: 409,
  HOUSEHOLD_NUMBER_TAKEN: 409,
  TAG_UNKNOWN: 400,
  NOT_A_CADRE: 400,
  WORK_UNIT_NAME_TAKEN: 409,
  WORK_UNIT_OUTSIDE_TOWNSHIP: 400,
  ROSTER_HAS_ERRORS: 400,
  GROUP_NOT_IN_VILLAGE: 400,
  IMPORT_NOT_READY: 409,
  IMPORT_FAILED: 409,
  IMPORT_HAS_ERRORS: 409,
  IMPORT_FILE_INVALID: 400,
  DUPLICATE: 409,
  RULE_SET_NOT_DRAFT: 409,
  SUMMARY_NOT_SUBMITTED: 409,
  SUMMARY_LOCKED: 409,
  DISCREPANCY_CONFLICT: 409,
  DISCREPANCY_DECIDED: 409,
  HOUSEHOLD_IN_USE: 409,
  PROBLEM_WRONG_STATE: 409,
  PROBLEM_NEEDS_EVIDENCE: 400,
  PROBLEM_NEEDS_NOTE: 400,
  PROBLEM_SAME_PERSON: 403,
  EVIDENCE_TOO_LARGE: 413,
  EVIDENCE_TYPE: 415,
  PHOTO_TYPE: 415,
  EVIDENCE_TOO_MANY: 400,
  COMPETITION_ROUND_EXISTS: 409,
  COMPETITION_WRONG_STATE: 409,
  COMPETITION_SCORES_MISSING: 409,
  COMPETITION_NEEDS_NOTE: 400,
  COMPETITION_NOT_FINALISABLE: 409,
  COMPETITION_OWN_VILLAGE: 403,
  COMPETITION_NOT_ASSIGNED: 403,
  COMPETITION_NOT_A_JUDGE: 400,
  COMPETITION_SCORED_BY_OTHER: 409,
  COMPETITION_NOT_IN_PUBLICITY: 409,
  COMPETITION_OUTSIDE_PUBLICITY: 409,
  COMPETITION_OBJECTION_ANSWERED: 409,
  CROSS_ORIGIN: 403,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
};

/** The HTTP status of a domain error code. */
export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields?: { path: string; message: string }[];
    requestId: string;
  };
}

/**
 * Parameters marked as terms (an entity name, a reason, a role, a nested message) are translated
 * too, with the same parameters; names stay as typed.
 */
function translateParams(lang: Lang, params: Record<string, string | number>) {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params))
    out[k] = typeof v === 'string' && v.startsWith(TERM_PREFIX) ? translate(lang, v.slice(TERM_PREFIX.length), params) : v;
  return out;
}

/** The response body of a domain error in a language. */
export function errorBody(
  lang: Lang,
  requestId: string,
  code: ErrorCode,
  params: Record<string, string | number> = {},
  fields: FieldError[] = [],
): ErrorBody {
  const body: ErrorBody = {
    error: { code, message: translate(lang, code, translateParams(lang, { ...params, requestId })), requestId },
  };
  if (fields.length) {
    body.error.fields = fields.map((f) => ({
      path: f.path,
      message: describeFieldError(lang, { ...f, ...(f.params ? { params: translateParams(lang, f.params) } : {}) }),
    }));
    // A single field error is the message itself: a form without that field still says what is wrong.
    if (code === 'VALIDATION_FAILED' && body.error.fields.length === 1)
      body.error.message = body.error.fields[0]?.message ?? body.error.message;
  }
  return body;
}

function send(
  reply: FastifyReply,
  req: FastifyRequest,
  code: ErrorCode,
  params?: Record<string, string | number>,
  fields?: FieldError[],
) {
  return reply.status(statusOf(code)).send(errorBody(req.lang ?? 'zh-CN', req.id, code, params, fields));
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | DomainError | Error, req, reply) => {
    if (err instanceof DomainError) return send(reply, req, err.code, err.params, err.fields);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.flatMap((v) =>
        issueToFieldErrors({
          ...(v.params as object),
          code: v.keyword,
          path: v.instancePath.split('/').filter(Boolean),
          message: v.message ?? '',
        }),
      );
      return send(reply, req, 'VALIDATION_FAILED', {}, fields);
    }
    // A unique key caught a race the command's own check could not see (two requests at once).
    if (databaseErrorOf(err)?.code === '23505') return send(reply, req, 'DUPLICATE');
    const fe = err as FastifyError;
    if (fe.statusCode === 429) return send(reply, req, 'RATE_LIMITED');
    if (fe.statusCode === 413 || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(reply, req, 'PAYLOAD_TOO_LARGE');
    // A multipart upload cut short or with the wrong boundary (busboy says so without a status).
    if (!fe.statusCode && /multipart/i.test(fe.message ?? '')) {
      req.log.info({ err }, 'unreadable upload');
      return send(reply, req, 'VALIDATION_FAILED');
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Malformed JSON, a wrong content type and the like: the request itself is unreadable.
      req.log.info({ err }, 'bad request');
      return send(reply, req, 'VALIDATION_FAILED');
    }
    req.log.error({ err }, 'unexpected error');
    return send(reply, req, 'INTERNAL');
  });
}
