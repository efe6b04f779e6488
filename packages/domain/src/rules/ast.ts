/** The syntax tree of rule expressions. Every node keeps its position for error messages. */

export type BinaryOp = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'in' | 'and' | 'or';

export type Node =
  | { type: 'number'; value: number; at: number }
  | { type: 'string'; value: string; at: number }
  | { type: 'boolean'; value: boolean; at: number }
  | { type: 'null'; at: number }
  | { type: 'list'; items: Node[]; at: number }
  | { type: 'name'; name: string; at: number }
  | { type: 'not'; operand: Node; at: number }
  | { type: 'negate'; operand: Node; at: number }
  | { type: 'binary'; op: BinaryOp; left: Node; right: Node; at: number }
  /** count / any / all / sum over the current members, the second argument read per member */
  | { type: 'members'; fn: 'count' | 'any' | 'all' | 'sum'; body: Node; at: number };

/** A parse or compile error, with the 0-based character position it concerns. */
export class ExpressionError extends Error {
  constructor(
    readonly key: string,
    readonly at: number,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${key} at ${at} ${JSON.stringify(params)}`);
    this.name = 'ExpressionError';
  }
}
