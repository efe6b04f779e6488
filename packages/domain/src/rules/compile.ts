/**
 * Compiles an expression tree into closures once; evaluating a household then runs no parser,
 * no tree walk and no string lookups. Constants are folded into the closures and comparisons
 * against a constant number get a specialised closure: this path runs a million times a second.
 */
import { ExpressionError, type Node } from './ast';
import { apply, compare, equals, member, truthy } from './semantics';
import {
  ageAt,
  type Derivation,
  type HouseholdValues,
  MEMBER_NAMES,
  type MemberName,
  type RuleMember,
  type Value,
} from './values';

export type Fn = (h: HouseholdValues, m: RuleMember | null) => Value;

type Params = Record<string, Value>;

const HOUSEHOLD: Record<string, Fn> = {
  registered: (h) => h.registered,
  notOut: (h) => h.notOut,
  exited: (h) => h.exited,
  wageIncome: (h) => h.wageIncome,
  businessIncome: (h) => h.businessIncome,
  propertyIncome: (h) => h.propertyIncome,
  transferIncome: (h) => h.transferIncome,
  totalIncome: (h) => h.totalIncome,
  perCapitaIncome: (h) => h.perCapitaIncome,
  transferShare: (h) => h.transferShare,
  currentMembers: (h) => h.currentMembers,
  labourCoefficient: (h) => h.labourCoefficient,
  labourers: (h) => h.labourers,
  employedMembers: (h) => h.employedMembers,
  industryProjects: (h) => h.industryProjects,
  housingStructure: (h) => h.housingStructure,
  otherSafeHouse: (h) => h.otherSafeHouse,
  housingGrade: (h) => h.housingGrade,
  dangerousHouse: (h) => h.dangerousHouse,
  hazardPoint: (h) => h.hazardPoint,
  industryFailed: (h) => h.industryFailed,
  employmentUnstable: (h) => h.employmentUnstable,
  lowMotivation: (h) => h.lowMotivation,
  riskRecorded: (h) => h.riskRecorded,
  keyFlags: (h) => h.keyFlags,
  incomeLine: (h) => h.incomeLine,
};

function memberAccessor(name: MemberName, d: Derivation): Fn {
  switch (name) {
    case 'age':
      return (_h, m) => (m ? ageAt(m.birthDate, d.refYear, d.refMonthDay) : null);
    case 'labourWeight':
      return (_h, m) => (m ? (d.weights[m.labourCapacity ?? ''] ?? 0) : null);
    case 'employed':
      return (_h, m) => (m ? m.employment !== null && m.employment !== 'none' : null);
    case 'sex':
      return (_h, m) => m?.sex ?? null;
    case 'relation':
      return (_h, m) => m?.relation ?? null;
    case 'maritalStatus':
      return (_h, m) => m?.maritalStatus ?? null;
    case 'labourCapacity':
      return (_h, m) => m?.labourCapacity ?? null;
    case 'health':
      return (_h, m) => m?.health ?? null;
    case 'disabilityGrade':
      return (_h, m) => m?.disabilityGrade ?? null;
    case 'schoolingStage':
      return (_h, m) => m?.schoolingStage ?? null;
    case 'employment':
      return (_h, m) => m?.employment ?? null;
  }
}

/** Whether a node always evaluates to a boolean (so its truth needs no test). */
function isBoolean(node: Node): boolean {
  if (node.type === 'not' || node.type === 'boolean') return true;
  if (node.type === 'members') return node.fn === 'any' || node.fn === 'all';
  return node.type === 'binary' && !['+', '-', '*', '/'].includes(node.op);
}

/** The constant value of a node when it has one (literals, parameters), else undefined. */
function constantOf(node: Node, params: Params): Value | undefined {
  switch (node.type) {
    case 'number':
    case 'string':
    case 'boolean':
      return node.value;
    case 'null':
      return null;
    case 'name':
      return Object.hasOwn(params, node.name) ? (params[node.name] as Value) : undefined;
    case 'list': {
      const items = node.items.map((i) => constantOf(i, params));
      return items.every((i) => typeof i === 'string') ? (items as string[]) : undefined;
    }
    default:
      return undefined;
  }
}

export function compileNode(node: Node, params: Params, d: Derivation, inMembers = false): Fn {
  const constant = constantOf(node, params);
  if (constant !== undefined) return () => constant;
  switch (node.type) {
    case 'name': {
      if (inMembers && node.name in MEMBER_NAMES) return memberAccessor(node.name as MemberName, d);
      const accessor = HOUSEHOLD[node.name];
      if (!accessor) throw new ExpressionError('rules.unknown_name', node.at, { name: node.name });
      return accessor;
    }
    case 'list': {
      const items = node.items.map((i) => compileNode(i, params, d, inMembers));
      return (h, m) => items.map((f) => f(h, m)).filter((v): v is string => typeof v === 'string');
    }
    case 'not': {
      const f = compileNode(node.operand, params, d, inMembers);
      if (isBoolean(node.operand)) return (h, m) => !f(h, m);
      return (h, m) => !truthy(f(h, m));
    }
    case 'negate': {
      const f = compileNode(node.operand, params, d, inMembers);
      return (h, m) => {
        const v = f(h, m);
        return typeof v === 'number' ? -v : null;
      };
    }
    case 'members':
      return compileMembers(node, params, d);
    case 'binary':
      return compileBinary(node, params, d, inMembers);
    default:
      throw new ExpressionError('rules.unexpected', node.at, { token: node.type });
  }
}

function compileMembers(node: Extract<Node, { type: 'members' }>, params: Params, d: Derivation): Fn {
  const body = compileNode(node.body, params, d, true);
  switch (node.fn) {
    case 'count':
      return (h) => {
        let n = 0;
        for (const m of h.members) if (truthy(body(h, m))) n++;
        return n;
      };
    case 'any':
      return (h) => {
        for (const m of h.members) if (truthy(body(h, m))) return true;
        return false;
      };
    case 'all':
      return (h) => {
        for (const m of h.members) if (!truthy(body(h, m))) return false;
        return true;
      };
    case 'sum':
      return (h) => {
        let s = 0;
        for (const m of h.members) {
          const v = body(h, m);
          if (typeof v === 'number') s += v;
        }
        return s;
      };
  }
}

/** A comparison with a constant number on the right, the most common shape of a rule. */
function compareConstant(op: '<' | '<=' | '>' | '>=', left: Fn, k: number): Fn {
  switch (op) {
    case '<':
      return (h, m) => {
        const a = left(h, m);
        return typeof a === 'number' && a < k;
      };
    case '<=':
      return (h, m) => {
        const a = left(h, m);
        return typeof a === 'number' && a <= k;
      };
    case '>':
      return (h, m) => {
        const a = left(h, m);
        return typeof a === 'number' && a > k;
      };
    case '>=':
      return (h, m) => {
        const a = left(h, m);
        return typeof a === 'number' && a >= k;
      };
  }
}

function compileBinary(node: Extract<Node, { type: 'binary' }>, params: Params, d: Derivation, inMembers: boolean): Fn {
  const left = compileNode(node.left, params, d, inMembers);
  const right = compileNode(node.right, params, d, inMembers);
  const k = constantOf(node.right, params);
  const op = node.op;
  switch (op) {
    case 'and':
      // Comparisons and logic always give booleans: no truth test needed on them.
      if (isBoolean(node.left) && isBoolean(node.right)) return (h, m) => (left(h, m) as boolean) && (right(h, m) as boolean);
      return (h, m) => truthy(left(h, m)) && truthy(right(h, m));
    case 'or':
      if (isBoolean(node.left) && isBoolean(node.right)) return (h, m) => (left(h, m) as boolean) || (right(h, m) as boolean);
      return (h, m) => truthy(left(h, m)) || truthy(right(h, m));
    case '<':
    case '<=':
    case '>':
    case '>=':
      if (typeof k === 'number') return compareConstant(op, left, k);
      return (h, m) => compare(op, left(h, m), right(h, m));
    case '==':
      if (k !== undefined && !Array.isArray(k)) return (h, m) => left(h, m) === k;
      return (h, m) => equals(left(h, m), right(h, m));
    case '!=':
      if (k !== undefined && !Array.isArray(k)) return (h, m) => left(h, m) !== k;
      return (h, m) => !equals(left(h, m), right(h, m));
    case 'in':
      if (Array.isArray(k)) {
        const set = new Set(k as string[]);
        return (h, m) => {
          const a = left(h, m);
          return typeof a === 'string' && set.has(a);
        };
      }
      return (h, m) => member(left(h, m), right(h, m));
    default:
      return (h, m) => apply(op, left(h, m), right(h, m));
  }
}
