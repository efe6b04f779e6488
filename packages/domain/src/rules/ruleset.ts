/**
 * Rule sets as data: the schema of a year's key-category rules, and their validation (every
 * expression parses, every name it uses exists, rule ids are unique). A rule set is checked
 * before it is saved and again before it is compiled.
 */
import { z } from 'zod';
import { LABOUR_CAPACITIES } from '../registry/codes';
import { ExpressionError, type Node } from './ast';
import { parseTemplate } from './explain';
import { parseExpression } from './parser';
import { HOUSEHOLD_NAMES, MEMBER_NAMES } from './values';

export const RULE_KINDS = ['key', 'marginal', 'return_risk'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

const paramValue = z.union([z.number(), z.string().max(60), z.array(z.string().max(40)).max(30), z.boolean()]);

export const ruleDefinition = z.object({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,19}$/, { error: 'i18n:rules.bad_id' }),
  kind: z.enum(RULE_KINDS),
  name: z.object({ zh: z.string().trim().min(1).max(60), en: z.string().trim().min(1).max(100) }),
  /** thresholds and lists the expression names, e.g. { threshold: 0.4 } */
  params: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,29}$/, { error: 'i18n:rules.bad_param' }), paramValue).default({}),
  /** the condition, in the rule expression language */
  when: z.string().trim().min(1).max(2000),
  /** the explanation shown when the rule fires: text with {expression} or {expression:format} */
  explain: z.object({ zh: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) }),
  enabled: z.boolean().default(true),
});
export type RuleDefinition = z.infer<typeof ruleDefinition>;

export const ruleSetDefinition = z.object({
  year: z.number().int().min(2013).max(2100),
  /** the date ages are counted on; the campaign's first day unless the township sets another */
  referenceDate: z.iso.date(),
  /** per-capita net income line in yuan */
  incomeLine: z.number().positive().max(1_000_000),
  labourWeights: z.record(z.enum(LABOUR_CAPACITIES.codes), z.number().min(0).max(1)),
  rules: z.array(ruleDefinition).min(1).max(60),
});
export type RuleSetDefinition = z.infer<typeof ruleSetDefinition>;

export interface RuleProblem {
  /** path in the rule set, e.g. rules.3.when */
  path: string;
  key: string;
  params?: Record<string, string | number>;
}

/** Checks the names an expression uses: household values, rule parameters, member values inside count/any/all/sum. */
export function checkNames(node: Node, rule: Pick<RuleDefinition, 'kind' | 'params'>, inMembers = false): void {
  const walk = (n: Node, members: boolean): void => {
    switch (n.type) {
      case 'name': {
        if (members && n.name in MEMBER_NAMES) return;
        if (n.name in rule.params) return;
        if (n.name in HOUSEHOLD_NAMES) {
          // Key rules are counted into keyFlags, so they cannot depend on it.
          if (n.name === 'keyFlags' && rule.kind === 'key') throw new ExpressionError('rules.key_flags_in_key', n.at);
          return;
        }
        if (n.name in MEMBER_NAMES) throw new ExpressionError('rules.member_name_outside', n.at, { name: n.name });
        throw new ExpressionError('rules.unknown_name', n.at, { name: n.name });
      }
      case 'members':
        if (members) throw new ExpressionError('rules.nested_members', n.at);
        walk(n.body, true);
        return;
      case 'not':
      case 'negate':
        walk(n.operand, members);
        return;
      case 'binary':
        walk(n.left, members);
        walk(n.right, members);
        return;
      case 'list':
        for (const item of n.items) walk(item, members);
        return;
      default:
        return;
    }
  };
  walk(node, inMembers);
}

/** Every problem of a rule set (empty when it may be saved and compiled). */
export function validateRuleSet(input: unknown): { ok: true; value: RuleSetDefinition } | { ok: false; problems: RuleProblem[] } {
  const parsed = ruleSetDefinition.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({
        path: i.path.join('.'),
        key: i.message.startsWith('i18n:') ? i.message.slice(5) : 'issue.invalid_format',
      })),
    };
  }
  const set = parsed.data;
  const problems: RuleProblem[] = [];
  const seen = new Set<string>();
  set.rules.forEach((rule, i) => {
    if (seen.has(rule.id)) problems.push({ path: `rules.${i}.id`, key: 'rules.duplicate_id', params: { id: rule.id } });
    seen.add(rule.id);
    for (const name of Object.keys(rule.params)) {
      if (name in HOUSEHOLD_NAMES || name in MEMBER_NAMES)
        problems.push({ path: `rules.${i}.params.${name}`, key: 'rules.param_shadows', params: { name } });
    }
    try {
      checkNames(parseExpression(rule.when), rule);
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      problems.push({ path: `rules.${i}.when`, key: e.key, params: { ...e.params, at: e.at + 1 } });
    }
    for (const lang of ['zh', 'en'] as const) {
      try {
        for (const part of parseTemplate(rule.explain[lang])) if (typeof part !== 'string') checkNames(part.node, rule);
      } catch (e) {
        if (!(e instanceof ExpressionError)) throw e;
        problems.push({ path: `rules.${i}.explain.${lang}`, key: e.key, params: { ...e.params, at: e.at + 1 } });
      }
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: set };
}
