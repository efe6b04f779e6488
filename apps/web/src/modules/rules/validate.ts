/**
 * Live checking of a draft as it is edited, by the same code the server runs before it saves
 * (`validateRuleSet` of @fupin/domain): every problem with its place (`rules.3.when`) and, for
 * an expression, the character it concerns — 「第 17 个字符处：不认识的名称「thresold」」.
 *
 * `validateRuleSet` stops at the first stage while any field has the wrong shape (an empty name,
 * a cleared number); the editor wants an expression's problems even then, so each rule's
 * expressions are also checked on their own.
 */
import {
  issueToFieldErrors,
  LABOUR_CAPACITIES,
  type Lang,
  type RuleDefinition,
  type RuleKind,
  type RuleSetDefinition,
  ruleSetDefinition,
  translate,
  validateRuleSet,
} from '@fupin/domain';
import type { ParamValue } from './params';

export interface EditableRule {
  id: string;
  kind: RuleKind;
  name: { zh: string; en: string };
  params: Record<string, ParamValue | null>;
  when: string;
  explain: { zh: string; en: string };
  enabled: boolean;
}

/** A definition while it is edited: a cleared number is null until it is filled in again. */
export interface EditableDefinition {
  year: number;
  referenceDate: string | null;
  incomeLine: number | null;
  labourWeights: Record<string, number | null>;
  rules: EditableRule[];
}

export interface Problem {
  /** place in the definition, e.g. rules.3.when */
  path: string;
  key: string;
  params?: Record<string, string | number>;
}

/** The definition as it is saved: an English text left empty takes the Chinese one. */
export function toDefinition(d: EditableDefinition): RuleSetDefinition {
  const en = (en: string, zh: string) => (en.trim() ? en : zh);
  return {
    ...d,
    rules: d.rules.map((r) => ({
      ...r,
      name: { zh: r.name.zh, en: en(r.name.en, r.name.zh) },
      explain: { zh: r.explain.zh, en: en(r.explain.en, r.explain.zh) },
    })),
  } as RuleSetDefinition;
}

export function toEditable(d: RuleSetDefinition): EditableDefinition {
  return structuredClone(d) as EditableDefinition;
}

const PARAM_NAME = /^[A-Za-z][A-Za-z0-9_]{0,29}$/;
const isParamValue = (v: unknown) =>
  typeof v === 'number' ||
  typeof v === 'boolean' ||
  typeof v === 'string' ||
  (Array.isArray(v) && v.every((x) => typeof x === 'string'));
const filled = (s: unknown) => typeof s === 'string' && s.trim() !== '';

/** The expression problems of one rule, checked alone in an otherwise valid set. */
function expressionProblems(rule: Partial<RuleDefinition>, index: number): Problem[] {
  const params = Object.fromEntries(
    Object.entries(rule.params ?? {}).filter(([name, v]) => PARAM_NAME.test(name) && isParamValue(v)),
  );
  const probe = {
    year: 2020,
    referenceDate: '2020-01-01',
    incomeLine: 1,
    labourWeights: Object.fromEntries(LABOUR_CAPACITIES.codes.map((c) => [c, 0])),
    rules: [
      {
        id: 'X',
        kind: rule.kind === 'marginal' || rule.kind === 'return_risk' ? rule.kind : 'key',
        name: { zh: 'x', en: 'x' },
        params,
        when: filled(rule.when) ? rule.when : 'true',
        explain: { zh: filled(rule.explain?.zh) ? rule.explain?.zh : 'x', en: filled(rule.explain?.en) ? rule.explain?.en : 'x' },
        enabled: true,
      },
    ],
  };
  const result = validateRuleSet(probe);
  if (result.ok) return [];
  return result.problems
    .filter((p) => /^rules\.0\.(when|explain|params)/.test(p.path))
    .map((p) => ({ ...p, path: p.path.replace(/^rules\.0\./, `rules.${index}.`) }));
}

/** Every problem of a draft (none: it may be saved). */
export function checkDraft(draft: EditableDefinition): Problem[] {
  const definition = toDefinition(draft);
  const full = validateRuleSet(definition);
  if (full.ok) return [];
  const shape = ruleSetDefinition.safeParse(definition, { reportInput: true });
  if (shape.success) return full.problems;
  // Shape problems with the catalogue's words (必填, 不能大于 1 …), then each rule's expressions.
  const problems: Problem[] = shape.error.issues.flatMap((issue) =>
    issueToFieldErrors(issue).map((e) => ({ path: e.path, key: e.key, ...(e.params ? { params: e.params } : {}) })),
  );
  const ids = new Set<string>();
  definition.rules.forEach((rule, i) => {
    problems.push(...expressionProblems(rule, i));
    if (ids.has(rule.id)) problems.push({ path: `rules.${i}.id`, key: 'rules.duplicate_id', params: { id: rule.id } });
    ids.add(rule.id);
  });
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.path}|${p.key}|${JSON.stringify(p.params ?? {})}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A problem in words; an expression's says where: 第 17 个字符处：不认识的名称「thresold」. */
export function problemText(lang: Lang, p: Problem): string {
  const text = translate(lang, p.key, p.params);
  const at = p.params?.at;
  return at === undefined ? text : translate(lang, 'rules.at', { at, message: text });
}

/** Problems by place, in words. */
export function problemsByPath(lang: Lang, problems: readonly Problem[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of problems) out.set(p.path, [...(out.get(p.path) ?? []), problemText(lang, p)]);
  return out;
}

/** The server's field messages (`definition.rules.0.when`) by place in the definition. */
export function serverProblems(fields: readonly { path: string; message: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of fields) {
    const path = f.path.replace(/^definition\./, '');
    out.set(path, [...(out.get(path) ?? []), f.message]);
  }
  return out;
}

/** How many problems lie under a place (a rule's card counts all of its fields). */
export function countUnder(byPath: ReadonlyMap<string, readonly string[]>, prefix: string): number {
  let n = 0;
  for (const [path, messages] of byPath) if (path === prefix || path.startsWith(`${prefix}.`)) n += messages.length;
  return n;
}
