/**
 * The meaning of each operator, shared by the compiled evaluator and the plain interpreter so
 * the two can only differ in how they walk the tree, never in what an operator does.
 * Missing values (null) make arithmetic null and comparisons false.
 */
import type { BinaryOp } from './ast';
import type { Value } from './values';

/** Truth of a value: null, false, 0 and '' are false. */
export function truthy(v: Value): boolean {
  return v !== null && v !== false && v !== 0 && v !== '';
}

export function arithmetic(op: '+' | '-' | '*' | '/', a: Value, b: Value): Value {
  if (typeof a !== 'number' || typeof b !== 'number') return null;
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? null : a / b;
  }
}

export function compare(op: '<' | '<=' | '>' | '>=', a: Value, b: Value): boolean {
  if (a === null || b === null) return false;
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case '<':
        return a < b;
      case '<=':
        return a <= b;
      case '>':
        return a > b;
      case '>=':
        return a >= b;
    }
  }
  if (typeof a === 'string' && typeof b === 'string') {
    switch (op) {
      case '<':
        return a < b;
      case '<=':
        return a <= b;
      case '>':
        return a > b;
      case '>=':
        return a >= b;
    }
  }
  return false;
}

export function equals(a: Value, b: Value): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return false;
  return a === b;
}

export function member(a: Value, list: Value): boolean {
  if (a === null || !Array.isArray(list)) return false;
  return (list as readonly unknown[]).includes(a);
}

/** Applies a binary operator to two evaluated operands (and/or are short-circuited by callers). */
export function apply(op: BinaryOp, a: Value, b: Value): Value {
  switch (op) {
    case '+':
    case '-':
    case '*':
    case '/':
      return arithmetic(op, a, b);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compare(op, a, b);
    case '==':
      return equals(a, b);
    case '!=':
      return !equals(a, b);
    case 'in':
      return member(a, b);
    case 'and':
      return truthy(a) && truthy(b);
    case 'or':
      return truthy(a) || truthy(b);
  }
}
