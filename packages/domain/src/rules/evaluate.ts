/**
 * A rule set compiled once into an evaluator: `evaluate(household)` derives the household's
 * values, runs the key rules, then the marginal and return-to-poverty rules (which may count the
 * key flags), and explains each flag that fired with the values that made it fire.
 */
import type { Node } from './ast';
import { compileNode, type Fn } from './compile';
import { formatValue, parseTemplate, type TemplatePart } from './explain';
import { parseExpression } from './parser';
import { type RuleDefinition, type RuleKind, type RuleSetDefinition, validateRuleSet } from './ruleset';
import { truthy } from './semantics';
import {
  type Derivation,
  derivation,
  deriveHousehold,
  emptyValues,
  HOUSEHOLD_NAMES,
  type HouseholdValues,
  type RuleHousehold,
  type Value,
} from './values';

export interface Flag {
  ruleId: string;
  kind: RuleKind;
  name: { zh: string; en: string };
  explanation: { zh: string; en: string };
  /** the household values and parameters the rule's condition names, as they were */
  values: Record<string, Value>;
}

interface CompiledRule {
  rule: RuleDefinition;
  test: Fn;
  explain: { zh: { part: TemplatePart; fn: Fn | null }[]; en: { part: TemplatePart; fn: Fn | null }[] };
  /** household-level names the condition reads, for the values snapshot */
  names: string[];
}

export interface Evaluator {
  readonly definition: RuleSetDefinition;
  /** The flags of one household, explained; none for a household without current members. */
  evaluate(household: RuleHousehold): Flag[];
  /** Only the ids of the flags that fire: the fast path for counting and previews. */
  flagIds(household: RuleHousehold): string[];
}

function namesIn(node: Node, out: Set<string>, inMembers = false): Set<string> {
  switch (node.type) {
    case 'name':
      if (!inMembers || !(node.name in HOUSEHOLD_NAMES)) out.add(node.name);
      break;
    case 'members':
      namesIn(node.body, out, true);
      break;
    case 'not':
    case 'negate':
      namesIn(node.operand, out, inMembers);
      break;
    case 'binary':
      namesIn(node.left, out, inMembers);
      namesIn(node.right, out, inMembers);
      break;
    case 'list':
      for (const i of node.items) namesIn(i, out, inMembers);
      break;
  }
  return out;
}

function compileRule(rule: RuleDefinition, d: Derivation): CompiledRule {
  const params = rule.params as Record<string, Value>;
  const node = parseExpression(rule.when);
  const template = (text: string) =>
    parseTemplate(text).map((part) => ({ part, fn: typeof part === 'string' ? null : compileNode(part.node, params, d) }));
  const names = [...namesIn(node, new Set())].filter((n) => n in HOUSEHOLD_NAMES || Object.hasOwn(params, n));
  return {
    rule,
    test: compileNode(node, params, d),
    explain: { zh: template(rule.explain.zh), en: template(rule.explain.en) },
    names,
  };
}

function render(parts: CompiledRule['explain']['zh'], h: HouseholdValues, lang: 'zh' | 'en'): string {
  let out = '';
  for (const { part, fn } of parts) {
    out += typeof part === 'string' ? part : formatValue((fn as Fn)(h, null), part.format, lang);
  }
  return out;
}

/** Compiles a rule set; throws when it does not validate (validate first to show the problems). */
export function compileRuleSet(input: RuleSetDefinition): Evaluator {
  const checked = validateRuleSet(input);
  if (!checked.ok) throw new Error(`invalid rule set: ${JSON.stringify(checked.problems)}`);
  const set = checked.value;
  const d = derivation({ incomeLine: set.incomeLine, labourWeights: set.labourWeights, referenceDate: set.referenceDate });
  const enabled = set.rules.filter((r) => r.enabled);
  const key = enabled.filter((r) => r.kind === 'key').map((r) => compileRule(r, d));
  const after = enabled.filter((r) => r.kind !== 'key').map((r) => compileRule(r, d));
  const values = emptyValues();
  const keyHits: CompiledRule[] = [];

  /** Runs the rules; calls `hit` for each that fires. */
  function run(h: RuleHousehold, hit: (rule: CompiledRule, v: HouseholdValues) => void): void {
    const v = deriveHousehold(h, d, values);
    if (v.currentMembers === 0) return;
    keyHits.length = 0;
    for (const r of key) if (truthy(r.test(v, null))) keyHits.push(r);
    v.keyFlags = keyHits.length;
    for (const r of keyHits) hit(r, v);
    for (const r of after) {
      if (truthy(r.test(v, null))) hit(r, v);
    }
  }

  return {
    definition: set,
    evaluate(h) {
      const flags: Flag[] = [];
      run(h, (r, v) => {
        const snapshot: Record<string, Value> = {};
        for (const n of r.names)
          snapshot[n] = Object.hasOwn(r.rule.params, n)
            ? (r.rule.params[n] as Value)
            : ((v as unknown as Record<string, Value>)[n] ?? null);
        flags.push({
          ruleId: r.rule.id,
          kind: r.rule.kind,
          name: r.rule.name,
          explanation: { zh: render(r.explain.zh, v, 'zh'), en: render(r.explain.en, v, 'en') },
          values: snapshot,
        });
      });
      return flags;
    },
    flagIds(h) {
      const ids: string[] = [];
      run(h, (r) => ids.push(r.rule.id));
      return ids;
    },
  };
}
