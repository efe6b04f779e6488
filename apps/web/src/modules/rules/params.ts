/**
 * How a rule's parameters are edited and shown: a number the explanation formats as `:pct` is a
 * percentage (0.4 shown as 40%), a list compared with a member's coded value (`schoolingStage in
 * stages`) picks from that vocabulary with Chinese labels, other lists are free tags.
 */
import {
  EMPLOYMENTS,
  HEALTH_STATUSES,
  HOUSING_GRADES,
  HOUSING_STRUCTURES,
  LABOUR_CAPACITIES,
  MARITAL_STATUSES,
  RELATIONS,
  SCHOOLING_STAGES,
  SEXES,
} from '@fupin/domain';
import type { Vocabulary } from '../registry/vocab';

export type ParamValue = number | string | boolean | string[];
export type ParamType = 'number' | 'percent' | 'text' | 'list' | 'boolean';

/** The coded values an expression can name, with the vocabulary of their codes. */
export const VALUE_VOCABULARIES: Record<string, Vocabulary> = {
  housingStructure: HOUSING_STRUCTURES,
  housingGrade: HOUSING_GRADES,
  sex: SEXES,
  relation: RELATIONS,
  maritalStatus: MARITAL_STATUSES,
  labourCapacity: LABOUR_CAPACITIES,
  health: HEALTH_STATUSES,
  schoolingStage: SCHOOLING_STAGES,
  employment: EMPLOYMENTS,
};

interface RuleTexts {
  when: string;
  explain: { zh: string; en: string };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether an explanation template writes the parameter with the `pct` format. */
export function shownAsPercent(rule: RuleTexts, name: string): boolean {
  const placeholder = new RegExp(`\\{[^{}]*\\b${escapeRegExp(name)}\\b[^{}]*:\\s*pct\\s*\\}`);
  return placeholder.test(rule.explain.zh) || placeholder.test(rule.explain.en);
}

/** The vocabulary of a list parameter: from `<value> in <param>` in the condition, else from its codes. */
export function listVocabulary(rule: RuleTexts, name: string, value: readonly string[]): Vocabulary | null {
  const match = new RegExp(`([A-Za-z_]\\w*)\\s+in\\s+${escapeRegExp(name)}\\b`).exec(rule.when);
  const named = match ? VALUE_VOCABULARIES[match[1] as string] : undefined;
  if (named) return named;
  if (value.length === 0) return null;
  const fits = Object.values(VALUE_VOCABULARIES).filter((v) => value.every((c) => (v.codes as readonly string[]).includes(c)));
  return fits.length === 1 ? (fits[0] ?? null) : null;
}

/** The editor for a parameter's current value. */
export function paramType(rule: RuleTexts, name: string, value: ParamValue | null): ParamType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'text';
  if (Array.isArray(value)) return 'list';
  return shownAsPercent(rule, name) ? 'percent' : 'number';
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** 0.4 → 40 (without floating-point noise such as 30.000000000000004). */
export function toPercent(fraction: number): number {
  return round(fraction * 100, 6);
}

/** 30 → 0.3. */
export function fromPercent(percent: number): number {
  return round(percent / 100, 8);
}

/** The starting value of a new parameter of a type. */
export function initialValue(type: ParamType): ParamValue {
  switch (type) {
    case 'boolean':
      return true;
    case 'text':
      return '';
    case 'list':
      return [];
    default:
      return 0;
  }
}

/** A parameter as read-only text: 40%, 3, 是, 学前教育、高中 … */
export function formatParam(
  rule: RuleTexts,
  name: string,
  value: ParamValue,
  lang: 'zh-CN' | 'en',
  yesNo: [string, string],
): string {
  if (typeof value === 'boolean') return value ? yesNo[0] : yesNo[1];
  if (typeof value === 'number') return shownAsPercent(rule, name) ? `${toPercent(value)}%` : String(value);
  if (typeof value === 'string') return value;
  const vocabulary = listVocabulary(rule, name, value);
  const labels = value.map((code) => {
    const entry = vocabulary?.labels[code];
    return entry ? (lang === 'en' ? entry.en : entry.zh) : code;
  });
  return labels.join(lang === 'en' ? ', ' : '、');
}

/** A free id for a new category: K11 after K1 … K10. */
export function nextRuleId(ids: readonly string[]): string {
  let n = 1;
  for (const id of ids) {
    const m = /^K(\d+)$/.exec(id);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  while (ids.includes(`K${n}`)) n++;
  return `K${n}`;
}
