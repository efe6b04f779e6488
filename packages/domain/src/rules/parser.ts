/**
 * The rule expression language: a small, safe language parsed into a tree (never `eval`ed).
 *
 *   transferShare > threshold
 *   count(members, schoolingStage in stages) >= minimum
 *   not registered and perCapitaIncome < incomeLine and (keyFlags > 0 or riskRecorded)
 *
 * Numbers may end in % (40% is 0.4). Strings are in single or double quotes. Operators:
 * + - * / < <= > >= == != in, and/&&, or/||, not/!. Functions over the current members:
 * count(members, p), any(members, p), all(members, p), sum(members, e).
 */
import { type BinaryOp, ExpressionError, type Node } from './ast';

type Token =
  | { kind: 'number'; value: number; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'name'; value: string; at: number }
  | { kind: 'op'; value: string; at: number }
  | { kind: 'end'; at: number };

const OPERATORS = ['<=', '>=', '==', '!=', '&&', '||', '<', '>', '+', '-', '*', '/', '(', ')', '[', ']', ',', '!'];
const WORD_OPS: Record<string, string> = { and: '&&', or: '||', not: '!', in: 'in' };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const at = i;
    if (/[0-9.]/.test(c)) {
      const m = /^(\d+(\.\d+)?|\.\d+)(%)?/.exec(source.slice(i));
      if (!m) throw new ExpressionError('rules.bad_number', at);
      const n = Number(m[1]);
      tokens.push({ kind: 'number', value: m[3] ? n / 100 : n, at });
      i += m[0].length;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = source.indexOf(c, i + 1);
      if (end < 0) throw new ExpressionError('rules.unclosed_string', at);
      tokens.push({ kind: 'string', value: source.slice(i + 1, end), at });
      i = end + 1;
      continue;
    }
    if (/[A-Za-z_\u4e00-\u9fff]/.test(c)) {
      const m = /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_\u4e00-\u9fff]*/.exec(source.slice(i)) as RegExpExecArray;
      const word = m[0];
      if (word in WORD_OPS) tokens.push({ kind: 'op', value: WORD_OPS[word] as string, at });
      else tokens.push({ kind: 'name', value: word, at });
      i += word.length;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (!op) throw new ExpressionError('rules.unexpected_char', at, { char: c });
    tokens.push({ kind: 'op', value: op, at });
    i += op.length;
  }
  tokens.push({ kind: 'end', at: source.length });
  return tokens;
}

const MEMBER_FUNCTIONS = new Set(['count', 'any', 'all', 'sum']);

/** Parses an expression; throws ExpressionError with the position of the first problem. */
export function parseExpression(source: string): Node {
  if (source.length > 2000) throw new ExpressionError('rules.too_long', 0);
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos] as Token;
  const next = () => tokens[pos++] as Token;
  const isOp = (value: string) => {
    const t = peek();
    return t.kind === 'op' && t.value === value;
  };
  const expect = (value: string) => {
    const t = next();
    if (t.kind !== 'op' || t.value !== value) throw new ExpressionError('rules.expected', t.at, { token: value });
  };

  const binary = (parseSide: () => Node, ops: string[], map: (op: string) => BinaryOp = (o) => o as BinaryOp) => {
    let left = parseSide();
    while (peek().kind === 'op' && ops.includes((peek() as { value: string }).value)) {
      const t = next() as { value: string; at: number };
      const right = parseSide();
      left = { type: 'binary', op: map(t.value), left, right, at: t.at };
    }
    return left;
  };

  const parseOr = (): Node => binary(parseAnd, ['||'], () => 'or');
  const parseAnd = (): Node => binary(parseNot, ['&&'], () => 'and');
  const parseNot = (): Node => {
    if (isOp('!')) {
      const t = next();
      return { type: 'not', operand: parseNot(), at: t.at };
    }
    return parseComparison();
  };
  const parseComparison = (): Node => {
    const left = parseAdd();
    const t = peek();
    if (t.kind === 'op' && ['<', '<=', '>', '>=', '==', '!=', 'in'].includes(t.value)) {
      next();
      const right = parseAdd();
      const node: Node = { type: 'binary', op: t.value as BinaryOp, left, right, at: t.at };
      const after = peek();
      if (after.kind === 'op' && ['<', '<=', '>', '>=', '==', '!=', 'in'].includes(after.value)) {
        throw new ExpressionError('rules.chained_comparison', after.at);
      }
      return node;
    }
    return left;
  };
  const parseAdd = (): Node => binary(parseMul, ['+', '-']);
  const parseMul = (): Node => binary(parseUnary, ['*', '/']);
  const parseUnary = (): Node => {
    if (isOp('-')) {
      const t = next();
      return { type: 'negate', operand: parseUnary(), at: t.at };
    }
    return parsePrimary();
  };
  const parsePrimary = (): Node => {
    const t = next();
    switch (t.kind) {
      case 'number':
        return { type: 'number', value: t.value, at: t.at };
      case 'string':
        return { type: 'string', value: t.value, at: t.at };
      case 'name': {
        if (t.value === 'true' || t.value === 'false') return { type: 'boolean', value: t.value === 'true', at: t.at };
        if (t.value === 'null') return { type: 'null', at: t.at };
        if (isOp('(')) {
          if (!MEMBER_FUNCTIONS.has(t.value)) throw new ExpressionError('rules.unknown_function', t.at, { name: t.value });
          next();
          const over = next();
          if (over.kind !== 'name' || over.value !== 'members')
            throw new ExpressionError('rules.expected', over.at, { token: 'members' });
          expect(',');
          const body = parseOr();
          expect(')');
          return { type: 'members', fn: t.value as 'count' | 'any' | 'all' | 'sum', body, at: t.at };
        }
        return { type: 'name', name: t.value, at: t.at };
      }
      case 'op': {
        if (t.value === '(') {
          const inner = parseOr();
          expect(')');
          return inner;
        }
        if (t.value === '[') {
          const items: Node[] = [];
          if (!isOp(']')) {
            do items.push(parseOr());
            while (isOp(',') && next());
          }
          expect(']');
          return { type: 'list', items, at: t.at };
        }
        throw new ExpressionError('rules.unexpected', t.at, { token: t.value });
      }
      case 'end':
        throw new ExpressionError('rules.unexpected_end', t.at);
    }
  };

  const tree = parseOr();
  const rest = peek();
  if (rest.kind !== 'end')
    throw new ExpressionError('rules.unexpected', rest.at, { token: 'value' in rest ? String(rest.value) : '' });
  return tree;
}
