/**
 * Turns schema-validation issues (zod's shape) into catalogue keys with parameters, so a
 * failed request says 「用户名」：至少 3 个字 rather than a library's technical sentence.
 */
import { type FieldError, TERM_PREFIX } from '../errors';
import { fieldLabel, hasMessage, type Lang, translate } from './messages';

/** The parts of a zod issue this mapping reads. */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message?: string;
  input?: unknown;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
  format?: string;
  keys?: readonly string[];
}

/** Custom schema messages that are catalogue keys are written `i18n:<key>`. */
export const I18N_PREFIX = TERM_PREFIX;

/**
 * Whether the value was missing. Zod reports the input only when parsing with
 * `{ reportInput: true }` (the server's validator does); without it, zod's own sentence says so.
 */
function wasMissing(issue: IssueLike): boolean {
  if ('input' in issue) return issue.input === undefined || issue.input === null;
  return /received (undefined|null)/.test(issue.message ?? '');
}

/** Maps one issue to field errors with catalogue keys (one per unknown key of an object). */
export function issueToFieldErrors(issue: IssueLike): FieldError[] {
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
    const base = issue.path.map(String);
    return issue.keys.map((k) => ({ path: [...base, k].join('.'), key: 'issue.unknown_key' }));
  }
  return [issueToFieldError(issue)];
}

/** Maps one issue to a field error with a catalogue key. */
export function issueToFieldError(issue: IssueLike): FieldError {
  const path = issue.path.map(String).join('.');
  if (issue.message?.startsWith(I18N_PREFIX)) return { path, key: issue.message.slice(I18N_PREFIX.length) };
  switch (issue.code) {
    case 'invalid_type':
      if (wasMissing(issue)) return { path, key: 'issue.required' };
      if (issue.expected === 'int') return { path, key: 'issue.not_integer' };
      return { path, key: 'issue.type' };
    case 'too_small':
      if (issue.origin === 'string') {
        const min = Number(issue.minimum);
        return min <= 1 ? { path, key: 'issue.required' } : { path, key: 'issue.too_short', params: { min } };
      }
      if (issue.origin === 'array') return { path, key: 'issue.required' };
      return { path, key: 'issue.too_small', params: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { path, key: 'issue.too_long', params: { max: Number(issue.maximum) } };
      return { path, key: 'issue.too_big', params: { max: Number(issue.maximum) } };
    case 'invalid_value':
      if (wasMissing(issue)) return { path, key: 'issue.required' };
      return { path, key: 'issue.invalid_option' };
    case 'invalid_format':
      if (issue.format === 'uuid' || issue.format === 'guid') return { path, key: 'issue.invalid_uuid' };
      if (issue.format === 'date' || issue.format === 'datetime') return { path, key: 'issue.invalid_date' };
      return { path, key: 'issue.invalid_format' };
    case 'unrecognized_keys':
      // One key per error: issueToFieldErrors lists the others.
      return { path: [path, issue.keys?.[0]].filter(Boolean).join('.'), key: 'issue.unknown_key' };
    default:
      return { path, key: 'issue.type' };
  }
}

/**
 * The sentence for one field error, naming the field: 「用户名」：至少 3 个字. A message that names
 * its own subject (a rubric item by its name, an unknown code) gets no label: the field's last
 * segment there is a code such as `h_industry`, which would only repeat the subject in a form the
 * reader does not know.
 */
export function describeFieldError(lang: Lang, error: FieldError): string {
  const namesItsSubject = error.params !== undefined && ('item' in error.params || 'code' in error.params);
  const label = error.path && !namesItsSubject ? fieldLabel(lang, error.path) : '';
  const text = hasMessage(error.key) ? translate(lang, error.key, error.params) : error.key;
  if (!label) return text;
  return lang === 'en' ? `${label}: ${text}` : `「${label}」：${text}`;
}
