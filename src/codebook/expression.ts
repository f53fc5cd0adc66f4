import type { Code } from '../core/types.js';

/**
 * The expression language of codebooks (relevant, constraint, checks, derive): its syntax tree,
 * its functions, and a walker. Parsed by `parseExpression`, evaluated by `evaluateExpression`.
 */

/** Identifiers: variable, derive and function names (ASCII, as in formulas). */
export const identifierPattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Words the grammar uses as operators; they cannot name a variable. */
export const reservedWords: readonly string[] = ['and', 'or', 'not', 'in'];

/** Binary operators, after `&&`, `||` are read as `and`, `or`. */
export type BinaryOperator =
  | 'or'
  | 'and'
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '^';

/** The functions an expression may call, with their least and most argument counts. */
export const expressionFunctions = {
  log: [1, 1],
  log10: [1, 1],
  exp: [1, 1],
  sqrt: [1, 1],
  abs: [1, 1],
  round: [1, 2],
  floor: [1, 1],
  ceil: [1, 1],
  min: [1, Infinity],
  max: [1, Infinity],
  is_missing: [1, 1],
  selected: [2, 2],
  count_selected: [1, 1],
} as const satisfies Record<string, readonly [number, number]>;

/** A function name an expression may call. */
export type FunctionName = keyof typeof expressionFunctions;

/** Every node records its 0-based character offset in the source, for messages. */
interface Located {
  position: number;
}

/** A node of a parsed expression. */
export type Expression =
  | (Located & { kind: 'number'; value: number })
  | (Located & { kind: 'string'; value: string })
  | (Located & { kind: 'variable'; name: string })
  /** `.`: the answer being constrained. */
  | (Located & { kind: 'current' })
  | (Located & { kind: 'unary'; operator: '-' | 'not'; operand: Expression })
  | (Located & { kind: 'binary'; operator: BinaryOperator; left: Expression; right: Expression })
  | (Located & { kind: 'in'; operand: Expression; options: Expression[] })
  | (Located & { kind: 'call'; name: FunctionName; args: Expression[] });

/** Calls `visit` on every node of the tree, parents before children, left to right. */
export function visitExpression(node: Expression, visit: (node: Expression) => void): void {
  visit(node);
  for (const child of childrenOf(node)) visitExpression(child, visit);
}

function childrenOf(node: Expression): Expression[] {
  switch (node.kind) {
    case 'unary':
      return [node.operand];
    case 'binary':
      return [node.left, node.right];
    case 'in':
      return [node.operand, ...node.options];
    case 'call':
      return node.args;
    default:
      return [];
  }
}

/** The 0/1 column holding whether option `code` of multi-select `name` was chosen (`hobby_3`). */
export function optionColumn(name: string, code: Code): string {
  return `${name}_${code}`;
}
