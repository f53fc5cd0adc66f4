import type { Expression } from './expression.js';
import { parseExpression } from './parse-expression.js';

/** The inclusive bounds a constraint states, when it is exactly `. >= lo and . <= hi` (either order, either side). */
export function rangeFromConstraint(constraint: string): [number, number] | undefined {
  let ast: Expression;
  try {
    ast = parseExpression(constraint);
  } catch {
    return undefined; // the codebook check reports the syntax error
  }
  if (ast.kind !== 'binary' || ast.operator !== 'and') return undefined;
  const bounds = [boundOf(ast.left), boundOf(ast.right)];
  const low = bounds.find((b) => b?.side === 'low');
  const high = bounds.find((b) => b?.side === 'high');
  return low && high ? [low.value, high.value] : undefined;
}

function boundOf(node: Expression): { side: 'low' | 'high'; value: number } | undefined {
  if (node.kind !== 'binary' || (node.operator !== '>=' && node.operator !== '<=')) return undefined;
  const answerLeft = node.left.kind === 'current';
  const value = numberOf(answerLeft ? node.right : node.left);
  if (value === undefined || (!answerLeft && node.right.kind !== 'current')) return undefined;
  // `. >= 0` and `0 <= .` both state a low end.
  const low = (node.operator === '>=') === answerLeft;
  return { side: low ? 'low' : 'high', value };
}

function numberOf(node: Expression): number | undefined {
  if (node.kind === 'number') return node.value;
  if (node.kind === 'unary' && node.operator === '-' && node.operand.kind === 'number') return -node.operand.value;
  return undefined;
}
