/**
 * A plain tree-walking interpreter of rule expressions: slow and obvious. It exists so a
 * property test can check that the compiled closures mean exactly the same thing.
 */
import type { Node } from './ast';
import { apply, truthy } from './semantics';
import {
  type Derivation,
  type HouseholdValues,
  MEMBER_NAMES,
  type MemberName,
  memberValue,
  type RuleMember,
  type Value,
} from './values';

export function interpret(
  node: Node,
  env: { h: HouseholdValues; m: RuleMember | null; params: Record<string, Value>; d: Derivation },
): Value {
  switch (node.type) {
    case 'number':
    case 'string':
    case 'boolean':
      return node.value;
    case 'null':
      return null;
    case 'list':
      return node.items.map((i) => interpret(i, env)).filter((v): v is string => typeof v === 'string');
    case 'name':
      if (Object.hasOwn(env.params, node.name)) return env.params[node.name] as Value;
      if (env.m && node.name in MEMBER_NAMES) return memberValue(env.m, node.name as MemberName, env.d);
      return (env.h as unknown as Record<string, Value>)[node.name] ?? null;
    case 'not':
      return !truthy(interpret(node.operand, env));
    case 'negate': {
      const v = interpret(node.operand, env);
      return typeof v === 'number' ? -v : null;
    }
    case 'binary': {
      if (node.op === 'and') return truthy(interpret(node.left, env)) && truthy(interpret(node.right, env));
      if (node.op === 'or') return truthy(interpret(node.left, env)) || truthy(interpret(node.right, env));
      return apply(node.op, interpret(node.left, env), interpret(node.right, env));
    }
    case 'members': {
      const results = env.h.members.map((m) => interpret(node.body, { ...env, m }));
      switch (node.fn) {
        case 'count':
          return results.filter(truthy).length;
        case 'any':
          return results.some(truthy);
        case 'all':
          return results.every(truthy);
        case 'sum':
          return results.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
      }
    }
  }
}
