/**
 * Turns schema-validation issues (zod's shape) into catalogue keys with parameters, so a
 * failed request says 「用户名」：至少 3 个字 rather than a library's technical sentence.
 */
import type { FieldError } from '../errors';
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
export const I18N_PREFIX = 'i18n:';

/** Maps one issue to a field error with a catalogue key. */
export function issueToFieldError(issue: IssueLike): FieldError {
  const path = issue.path.map(String).join('.');
  if (issue.message?.startsWith(I18N_PREFIX)) return { path, key: issue.message.slice(I18N_PREFIX.length) };
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return { path, key: 'issue.required' };
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
      return { path, key: 'issue.invalid_option' };
    case 'invalid_format':
      if (issue.format === 'uuid' || issue.format === 'guid') return { path, key: 'issue.invalid_uuid' };
      if (issue.format === 'date' || issue.format === 'datetime') return { path, key: 'issue.invalid_date' };
      return { path, key: 'issue.invalid_format' };
    case 'unrecognized_keys':
      return { path: [path, ...(issue.keys ?? [])].filter(Boolean).join('.'), key: 'issue.unknown_key' };
    default:
      return { path, key: 'issue.type' };
  }
}

/** The sentence for one field error, naming the field: 「用户名」：至少 3 个字. */
export function describeFieldError(lang: Lang, error: FieldError): string {
  const label = error.path ? fieldLabel(lang, error.path) : '';
  const text = hasMessage(error.key) ? translate(lang, error.key, error.params) : error.key;
  if (!label) return text;
  return lang === 'en' ? `${label}: ${text}` : `「${label}」：${text}`;
}
