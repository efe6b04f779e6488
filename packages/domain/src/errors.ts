/**
 * Coded domain errors. Code paths throw a DomainError with a code and parameters; the server's
 * edge maps the code to an HTTP status once, and the message catalogue turns it into Chinese or
 * English for the reader. Nothing below the edge writes user-facing text.
 */

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PASSWORD_CHANGE_REQUIRED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'NOT_FOUND',
  'IDEMPOTENCY_CONFLICT',
  'VERSION_CONFLICT',
  'UNIT_CODE_INVALID',
  'UNIT_CODE_TAKEN',
  'UNIT_PARENT_INVALID',
  'UNIT_HAS_CHILDREN',
  'UNIT_IN_USE',
  'USERNAME_TAKEN',
  'PASSWORD_WEAK',
  'PASSWORD_WRONG',
  'ROLE_NOT_ASSIGNABLE',
  'ROLE_SECTOR_REQUIRED',
  'ROLE_OUTSIDE_SCOPE',
  'SELF_LOCKOUT',
  'MEMBER_ID_TAKEN',
  'HOUSEHOLD_NUMBER_TAKEN',
  'TAG_UNKNOWN',
  'NOT_A_CADRE',
  'WORK_UNIT_NAME_TAKEN',
  'WORK_UNIT_OUTSIDE_TOWNSHIP',
  'ROSTER_HAS_ERRORS',
  'GROUP_NOT_IN_VILLAGE',
  'IMPORT_NOT_READY',
  'IMPORT_FAILED',
  'IMPORT_HAS_ERRORS',
  'IMPORT_FILE_INVALID',
  'DUPLICATE',
  'RULE_SET_NOT_DRAFT',
  'SUMMARY_NOT_SUBMITTED',
  'SUMMARY_LOCKED',
  'DISCREPANCY_CONFLICT',
  'DISCREPANCY_DECIDED',
  'HOUSEHOLD_IN_USE',
  'PROBLEM_WRONG_STATE',
  'PROBLEM_NEEDS_EVIDENCE',
  'PROBLEM_NEEDS_NOTE',
  'PROBLEM_SAME_PERSON',
  'EVIDENCE_TOO_LARGE',
  'EVIDENCE_TYPE',
  'PHOTO_TYPE',
  'EVIDENCE_TOO_MANY',
  'COMPETITION_ROUND_EXISTS',
  'COMPETITION_WRONG_STATE',
  'COMPETITION_SCORES_MISSING',
  'COMPETITION_NEEDS_NOTE',
  'COMPETITION_NOT_FINALISABLE',
  'COMPETITION_OWN_VILLAGE',
  'COMPETITION_NOT_ASSIGNED',
  'COMPETITION_NOT_A_JUDGE',
  'COMPETITION_SCORED_BY_OTHER',
  'COMPETITION_NOT_IN_PUBLICITY',
  'COMPETITION_OUTSIDE_PUBLICITY',
  'COMPETITION_OBJECTION_ANSWERED',
  'CROSS_ORIGIN',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

export interface FieldError {
  /** dotted path of the field, e.g. `members.2.idNumber` */
  path: string;
  /** message key of the catalogue (`issue.*`) or a DomainError code */
  key: string;
  params?: ErrorParams;
}

/** A failure the user can act on, carrying a code from the catalogue. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly fields: FieldError[];

  constructor(code: ErrorCode, params: ErrorParams = {}, fields: FieldError[] = []) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
    this.fields = fields;
  }
}

/** Marks a parameter value as a catalogue key to translate (an entity name, a reason, a role). */
export const TERM_PREFIX = 'i18n:';

/** A parameter that the reader sees translated: `term('entity.unit')` becomes 单位 or Unit. */
export function term(key: string): string {
  return `${TERM_PREFIX}${key}`;
}

/** Shorthand for a validation failure on one field. */
export function fieldError(path: string, key: string, params?: ErrorParams): DomainError {
  return new DomainError('VALIDATION_FAILED', {}, [{ path, key, ...(params ? { params } : {}) }]);
}
